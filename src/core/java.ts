/**
 * Java names the library passes to a JVM that loads them by name (`Class.forName`): an
 * authorizer (`authorizer.class.name`), Cruise Control's plugins and goals, … A name Java's own
 * rules refuse names no class javac can compile, so the JVM would fail with
 * `ClassNotFoundException` at start: the library refuses it at synth instead.
 */

/**
 * Java's keywords and literals, which no package or class may be named (JLS 3.9, Java 21:
 * reserved keywords, `_` since Java 9, and the literals `true`, `false`, `null` of JLS 3.10).
 */
const JAVA_RESERVED = new Set([
  'abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue', 'default', 'do', 'double',
  'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if', 'implements', 'import', 'instanceof', 'int', 'interface',
  'long', 'native', 'new', 'package', 'private', 'protected', 'public', 'return', 'short', 'static', 'strictfp', 'super', 'switch',
  'synchronized', 'this', 'throw', 'throws', 'transient', 'try', 'void', 'volatile', 'while', '_', 'true', 'false', 'null',
]);

/**
 * The contextual keywords that may name a package but not a class (JLS 3.9: "TypeIdentifier:
 * Identifier but not permits, record, sealed, var, or yield").
 */
const RESTRICTED_TYPE_NAMES = new Set(['permits', 'record', 'sealed', 'var', 'yield']);

/**
 * A Java identifier (JLS 3.8): a "Java letter" (`Character.isJavaIdentifierStart`: a letter, a
 * letter number, a currency symbol such as `$`, or a connecting punctuation such as `_`), then
 * Java letters, digits and combining marks (`isJavaIdentifierPart`, less the invisible
 * "identifier-ignorable" characters, which in a class name are a paste accident).
 */
const JAVA_IDENTIFIER = /^[\p{L}\p{Nl}\p{Sc}\p{Pc}][\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}]*$/u;

/** The most bytes a class name has in a class file (JVMS 4.4.7: a `CONSTANT_Utf8` length is a u2). */
const MAX_CLASS_NAME_BYTES = 65535;

/** Options of {@link javaClassNameProblem}. */
export interface JavaClassNameOptions {
  /**
   * The name must have a package (`org.example.MyClass`), as a plugin class set in a
   * configuration does: a class of the unnamed package cannot be imported by the code that loads
   * it, and is never what a plugin ships.
   * @default false
   */
  readonly qualified?: boolean;
}

/**
 * What is wrong with `name` as a Java binary class name (JLS 13.1, as `Class.forName` takes it),
 * or undefined: identifiers (JLS 3.8) joined by `.`, none a keyword or literal (JLS 3.9), the
 * class's own not a restricted identifier (`record`, `var`, …); a nested class as `Outer$Inner`
 * (`$` is a Java letter). The problem completes "<prop> …", e.g. "has a part 'class', which is a
 * Java keyword …".
 */
export function javaClassNameProblem(name: unknown, options: JavaClassNameOptions = {}): string | undefined {
  if (typeof name !== 'string') return 'must be a Java class name (a string)';
  if (name === '') return 'is empty';
  if (/\s/u.test(name)) return 'must not contain whitespace: a Java class name is identifiers joined by \'.\'';
  if (new TextEncoder().encode(name).length > MAX_CLASS_NAME_BYTES) return `is longer than a class file can name (${MAX_CLASS_NAME_BYTES} bytes of UTF-8, JVMS 4.4.7)`;
  if (name.includes('/')) return "uses '/', the JVM's internal form: a binary class name joins its parts with '.' (JLS 13.1)";
  const parts = name.split('.');
  if (parts.some((p) => p === '')) return "has an empty part (a leading, trailing or doubled '.'): a Java class name is identifiers joined by single '.'";
  for (const part of parts) {
    if (!JAVA_IDENTIFIER.test(part)) {
      return `has a part '${part}', which is no Java identifier (letters, digits, '_' and '$', not starting with a digit: JLS 3.8)`;
    }
    if (JAVA_RESERVED.has(part)) return `has a part '${part}', which is a Java keyword or literal: no package or class can be named so (JLS 3.9)`;
  }
  const simple = parts[parts.length - 1];
  if (RESTRICTED_TYPE_NAMES.has(simple)) return `ends with '${simple}', which cannot name a class (a restricted identifier, JLS 3.9)`;
  if (options.qualified === true && parts.length < 2) return 'must be fully qualified: a package and the class, joined by \'.\'';
  return undefined;
}
