// Writes src/core/prop-shapes.generated.ts: the runtime shape of every public constructor,
// method and static factory parameter, and of every props/options interface, read from the
// library's own TypeScript types. src/core/props.ts checks arguments against it, so that a
// caller from plain JavaScript (or with a cast) gets "prop must be …, got …" instead of a
// TypeError deep inside a construct.
//
// usage: node --import tsx scripts/prop-shapes.ts [--check]
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import * as ts from 'typescript';
import type { Shape, Signature } from '../src/core/props';

const root = resolve(__dirname, '..');
export const OUTPUT = join(root, 'src', 'core', 'prop-shapes.generated.ts');

/** The generated module's text. */
export function generate(): string {
  const program = ts.createProgram([join(root, 'src', 'index.ts')], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(join(root, 'src', 'index.ts'))!)!;
  const interfaces: Record<string, Record<string, { shape: Shape; optional: boolean }>> = {};
  const pending: ts.Type[] = [];
  const signatures: Record<string, Signature> = {};

  const ours = (decl: ts.Declaration | undefined) => decl !== undefined && resolve(decl.getSourceFile().fileName).startsWith(join(root, 'src'));
  const named = (type: ts.Type) => (type.aliasSymbol ?? type.getSymbol())?.getName();

  const literal = (t: ts.Type): string | number | boolean | undefined => {
    if (t.isStringLiteral() || t.isNumberLiteral()) return t.value;
    if (t.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(t) === 'true';
    return undefined;
  };
  const enumName = (t: ts.Type): string | undefined => {
    const symbol = t.getSymbol();
    const parent = (symbol as ts.Symbol & { parent?: ts.Symbol } | undefined)?.parent;
    return symbol !== undefined && parent !== undefined && (t.flags & ts.TypeFlags.EnumLiteral) !== 0 ? `${parent.getName()}.${symbol.getName()}` : undefined;
  };

  function toShape(type: ts.Type): Shape {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { t: 'any' };
    if (type.isUnion()) {
      const parts = type.types.filter((p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
      if (parts.every((p) => p.flags & ts.TypeFlags.BooleanLiteral)) return { t: 'boolean' };
      if (parts.every((p) => literal(p) !== undefined)) {
        const names = parts.map(enumName);
        return { t: 'enum', values: parts.map((p) => literal(p) as string | number), ...(names.every((n) => n !== undefined) && { names: names as string[] }) };
      }
      const of = parts.map(toShape);
      const unique = [...new Map(of.map((s) => [JSON.stringify(s), s])).values()];
      return unique.length === 1 ? unique[0] : { t: 'union', of: unique };
    }
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { t: 'boolean' };
    if (type.flags & ts.TypeFlags.String) return { t: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { t: 'number' };
    if (literal(type) !== undefined) {
      const name = enumName(type);
      return { t: 'enum', values: [literal(type) as string | number], ...(name !== undefined && { names: [name] }) };
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return { t: 'array', of: element === undefined ? { t: 'any' } : toShape(element) };
    }
    const name = named(type);
    if (name === 'Duration') return { t: 'duration' };
    if (name === 'Size') return { t: 'size' };
    const properties = checker.getPropertiesOfType(type);
    if (type.getCallSignatures().length > 0 && properties.length === 0) return { t: 'function' };
    const indexType = type.getStringIndexType();
    if (indexType !== undefined && properties.length === 0) return { t: 'record', of: toShape(indexType) };
    const decl = type.getSymbol()?.declarations?.[0];
    const isData = properties.every((p) => !(p.flags & ts.SymbolFlags.Method)) && !/^I[A-Z]/.test(name ?? '');
    if (isData && decl !== undefined && ts.isInterfaceDeclaration(decl) && ours(decl)) {
      if (interfaces[name!] === undefined) pending.push(type);
      interfaces[name!] ??= {};
      return { t: 'object', ref: name! };
    }
    // An inline object type, a data interface of another package (cdk8s-plus ContainerResources),
    // or a mapped type of data (Omit<KraftClusterProps, 'issuer'>), checked prop by prop.
    const mapped = ((type as ts.ObjectType).objectFlags ?? 0) & ts.ObjectFlags.Mapped;
    if (isData && ((decl !== undefined && (ts.isTypeLiteralNode(decl) || ts.isInterfaceDeclaration(decl))) || mapped)) return { t: 'object', props: propsOf(type) };
    // A class or a construct interface: checked by the members it must have.
    const members: Record<string, 'function' | 'present'> = {};
    for (const p of properties) {
      if (p.flags & ts.SymbolFlags.Optional || p.getName().startsWith('#')) continue;
      const d = p.declarations?.[0];
      if (d !== undefined && ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      members[p.getName()] = p.flags & ts.SymbolFlags.Method ? 'function' : 'present';
    }
    // A class made only by its static factories (a private constructor): the message names them.
    let factories: string[] | undefined;
    if (decl !== undefined && ts.isClassDeclaration(decl) && decl.members.some((m) => ts.isConstructorDeclaration(m) && ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Private)) {
      factories = decl.members.filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m)
        && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) !== 0
        && (ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0
        && !m.name.getText().startsWith('_')).map((m) => m.name.getText());
    }
    return { t: 'instance', name: name ?? 'object', members, ...(factories !== undefined && factories.length > 0 && { factories }) };
  }

  function propsOf(type: ts.Type): Record<string, { shape: Shape; optional: boolean }> {
    const result: Record<string, { shape: Shape; optional: boolean }> = {};
    for (const p of checker.getPropertiesOfType(type)) {
      const d = p.valueDeclaration ?? p.declarations?.[0];
      if (d === undefined) continue;
      result[p.getName()] = { shape: toShape(checker.getTypeOfSymbolAtLocation(p, d)), optional: (p.flags & ts.SymbolFlags.Optional) !== 0 };
    }
    return result;
  }

  function params(decl: ts.SignatureDeclaration): Signature {
    return decl.parameters.map((p) => ({
      name: p.name.getText(),
      // A rest parameter is checked value by value, against its element type.
      shape: p.dotDotDotToken === undefined ? toShape(checker.getTypeAtLocation(p)) : (toShape(checker.getTypeAtLocation(p)) as { of: Shape }).of,
      optional: p.questionToken !== undefined || p.initializer !== undefined,
      ...(p.dotDotDotToken !== undefined && { rest: true }),
    }));
  }

  for (const exported of checker.getExportsOfModule(index)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (decl === undefined || !ours(decl)) continue;
    if (ts.isClassDeclaration(decl)) {
      for (const member of decl.members) {
        const modifiers = ts.getCombinedModifierFlags(member);
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || ts.getJSDocTags(member).some((t) => t.tagName.text === 'internal')) continue;
        if (ts.isConstructorDeclaration(member)) signatures[`${symbol.getName()}.constructor`] = params(member);
        else if (ts.isMethodDeclaration(member) && member.name.getText().match(/^[a-z]/)) signatures[`${symbol.getName()}.${member.name.getText()}`] = params(member);
      }
    } else if (ts.isInterfaceDeclaration(decl) && /(Props|Options)$/.test(symbol.getName())) {
      toShape(checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  while (pending.length > 0) {
    const type = pending.shift()!;
    interfaces[named(type)!] = propsOf(type);
  }

  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return `// Generated by scripts/prop-shapes.ts from the library's types (npm run import); do not edit.\n`
    + `import type { Shape, Signature } from './props';\n\n`
    + `/** The props and options interfaces, by name. */\n`
    + `export const INTERFACES = ${JSON.stringify(sorted(interfaces), null, 1)} as unknown as Readonly<Record<string, Readonly<Record<string, { readonly shape: Shape; readonly optional: boolean }>>>>;\n\n`
    + `/** The parameters of every public constructor, method and static factory, by \`Class.method\`. */\n`
    + `export const SIGNATURES = ${JSON.stringify(sorted(signatures), null, 1)} as unknown as Readonly<Record<string, Signature>>;\n`;
}

if (require.main === module) {
  const text = generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(`${OUTPUT} is out of date: run node --import tsx scripts/prop-shapes.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
  }
}
