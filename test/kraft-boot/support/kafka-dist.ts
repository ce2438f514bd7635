// Apache Kafka itself for the tests: the distribution's jars from Maven Central (tools/kafka-boot,
// cached per version), stand-ins for the apache/kafka image's /opt/kafka/bin scripts, and the
// tests' small Java programs compiled against those jars.
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';
import { ROOT } from './manifests';

/** The pom naming the distribution's artifacts. */
export const POM = join(ROOT, 'tools', 'kafka-boot', 'pom.xml');
/** The Maven plugin that copies them, pinned. */
const COPY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies';

/** Whether a command is on PATH. */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why Java-based checks cannot run here, or undefined when they can. */
export function javaProblem(): string | undefined {
  const missing = ['java', 'javac', 'mvn'].filter((c) => !onPath(c));
  return missing.length > 0 ? `${missing.join(', ')} not on PATH` : undefined;
}

/**
 * A suite that needs something this machine may lack: it runs when `problem` is undefined, is
 * skipped with a note otherwise, and fails in CI (`CI=true`), which must run it.
 */
export function describeWhen(problem: string | undefined, name: string, body: () => void): void {
  if (problem === undefined) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => test('can run (CI must run it)', () => {
      throw new Error(`${name}: cannot run in CI: ${problem}`);
    }));
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": ${problem}`);
    describe.skip(name, () => test(`needs ${problem}`, () => undefined));
  }
}

/** A cached Kafka distribution: its jars (the image's /opt/kafka/libs). */
export interface KafkaDist {
  readonly version: string;
  readonly libs: string;
  /** Whether this call fetched the jars (a cold cache). */
  readonly fetched: boolean;
  readonly fetchSeconds: number;
}

/**
 * The jars of Kafka `version` in `~/.cache/cdk8s-kafka/kafka-<version>/libs-<pom hash>`, fetched
 * with Maven once (editing the pom fetches again, into a folder of its own). Written to a scratch
 * folder and renamed into place, so a run that dies leaves no half cache and two runs that fetch
 * at once do not disturb each other.
 */
export function kafkaDist(version: string): KafkaDist {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`not a Kafka release version: ${version}`);
  const dir = join(homedir(), '.cache', 'cdk8s-kafka', `kafka-${version}`);
  const key = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 12);
  const libs = join(dir, `libs-${key}`);
  if (existsSync(libs)) return { version, libs, fetched: false, fetchSeconds: 0 };
  const started = Date.now();
  mkdirSync(dir, { recursive: true });
  const scratch = join(dir, `.partial-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  const r = spawnSync('mvn', ['-q', '-B', '-f', POM, `-Dkafka.version=${version}`, COPY_PLUGIN, '-DincludeScope=runtime', `-DoutputDirectory=${scratch}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`mvn could not fetch Kafka ${version} (${POM}):\n${r.stdout}\n${r.stderr}`);
  const jars = readdirSync(scratch);
  for (const wanted of [`kafka_2.13-${version}.jar`, `kafka-clients-${version}.jar`, `kafka-tools-${version}.jar`, `kafka-storage-${version}.jar`]) {
    if (!jars.includes(wanted)) throw new Error(`Maven fetched no ${wanted} for Kafka ${version}`);
  }
  if (existsSync(libs)) rmSync(scratch, { recursive: true, force: true }); // another run got there first
  else renameSync(scratch, libs);
  return { version, libs, fetched: true, fetchSeconds: (Date.now() - started) / 1000 };
}

/**
 * The apache/kafka image's `/opt/kafka/bin` scripts the generated start script and the README
 * call, with their main classes as Kafka 4.x's own scripts name them (bin/kafka-storage.sh:
 * `kafka.tools.StorageTool`; bin/kafka-server-start.sh: `kafka.Kafka`; bin/kafka-console-producer.sh:
 * `org.apache.kafka.tools.ConsoleProducer`; …) and the environment they honour: `KAFKA_HEAP_OPTS`
 * (each script's default when unset), `KAFKA_JVM_PERFORMANCE_OPTS` (kafka-run-class.sh's G1
 * defaults), `LOG_DIR` (created, `-Dkafka.logs.dir`), `KAFKA_OPTS`; the server logs GC to
 * `$LOG_DIR/kafkaServer-gc.log` as `-loggc` does. Only the classpath is ours: the cached jars,
 * mounted where the image has its own (`/opt/kafka/libs`).
 */
export const SHIMS: Readonly<Record<string, { readonly main: string; readonly heap?: string; readonly server?: boolean }>> = {
  'kafka-storage.sh': { main: 'kafka.tools.StorageTool' },
  'kafka-server-start.sh': { main: 'kafka.Kafka', heap: '-Xmx1G -Xms1G', server: true },
  'kafka-console-producer.sh': { main: 'org.apache.kafka.tools.ConsoleProducer', heap: '-Xmx512M' },
  'kafka-console-consumer.sh': { main: 'org.apache.kafka.tools.consumer.ConsoleConsumer', heap: '-Xmx512M' },
  'kafka-metadata-quorum.sh': { main: 'org.apache.kafka.tools.MetadataQuorumCommand' },
  'kafka-topics.sh': { main: 'org.apache.kafka.tools.TopicCommand' },
};

/** Writes the image's `bin/` and `config/` (log4j) under `optKafka`; `libs/` is mounted beside them. */
export function writeImageScripts(optKafka: string): void {
  const bin = join(optKafka, 'bin');
  const config = join(optKafka, 'config');
  mkdirSync(bin, { recursive: true });
  mkdirSync(config, { recursive: true });
  // Server: INFO to stdout (the container log) and $LOG_DIR/server.log, as the image's log4j2.yaml;
  // tools: WARN to stderr (tools-log4j2.yaml).
  writeFileSync(join(config, 'log4j2.properties'), [
    'appender.stdout.type=Console', 'appender.stdout.name=STDOUT', 'appender.stdout.layout.type=PatternLayout', 'appender.stdout.layout.pattern=[%d] %p %m (%c)%n',
    'appender.file.type=File', 'appender.file.name=FILE', 'appender.file.fileName=${sys:kafka.logs.dir}/server.log',
    'appender.file.layout.type=PatternLayout', 'appender.file.layout.pattern=[%d] %p %m (%c)%n',
    'rootLogger.level=INFO', 'rootLogger.appenderRef.stdout.ref=STDOUT', 'rootLogger.appenderRef.file.ref=FILE', '',
  ].join('\n'));
  writeFileSync(join(config, 'tools-log4j2.properties'), [
    'appender.stderr.type=Console', 'appender.stderr.name=STDERR', 'appender.stderr.target=SYSTEM_ERR',
    'appender.stderr.layout.type=PatternLayout', 'appender.stderr.layout.pattern=[%d] %p %m (%c)%n',
    'rootLogger.level=WARN', 'rootLogger.appenderRef.stderr.ref=STDERR', '',
  ].join('\n'));
  for (const [script, { main, heap, server }] of Object.entries(SHIMS)) {
    const text = `#!/bin/bash
# Stand-in for the apache/kafka image's /opt/kafka/bin/${script} (written by test/kraft-boot): runs
# ${main} as the image's script does, on the jars mounted at /opt/kafka/libs.
base_dir=$(dirname "$0")/..
${heap ? `if [ -z "\${KAFKA_HEAP_OPTS:-}" ]; then export KAFKA_HEAP_OPTS="${heap}"; fi\n` : ''}LOG_DIR="\${LOG_DIR:-$base_dir/logs}"
mkdir -p "$LOG_DIR"
KAFKA_HEAP_OPTS="\${KAFKA_HEAP_OPTS:--Xmx256M}"
KAFKA_JVM_PERFORMANCE_OPTS="\${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
KAFKA_LOG4J_OPTS="\${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/${server ? 'log4j2' : 'tools-log4j2'}.properties}"
${server ? 'KAFKA_GC_LOG_OPTS="-Xlog:gc*:file=$LOG_DIR/kafkaServer-gc.log:time,tags:filecount=10,filesize=100M"\n' : 'KAFKA_GC_LOG_OPTS=""\n'}# shellcheck disable=SC2086
exec java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS -Dkafka.logs.dir="$LOG_DIR" $KAFKA_LOG4J_OPTS -cp "$base_dir/libs/*" \${KAFKA_OPTS:-} ${main} "$@"
`;
    writeFileSync(join(bin, script), text);
    chmodSync(join(bin, script), 0o755);
  }
}

/** Compiles the Java sources in `sources` (files) against `libs` into `out`. */
export function compileJava(sources: readonly string[], libs: string, out: string): void {
  mkdirSync(out, { recursive: true });
  const r = spawnSync('javac', ['-nowarn', '-d', out, '-cp', `${libs}/*`, ...sources], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`javac failed:\n${r.stdout}${r.stderr}`);
}

/** Runs a compiled Java class with `libs` and `classes` on the classpath. */
export function runJava(classes: string, libs: string, main: string, args: readonly string[], jvm: readonly string[] = ['-Xmx256m']): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('java', [...jvm, '-cp', `${classes}:${libs}/*`, main, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
