// Kafka itself as the judge of every client configuration the library writes (issue 15, "client
// configs are real"): the properties files of the dev environments' client scripts (run for real,
// with a stand-in kubectl), the ones client workloads write in their pods (heredocs of their
// commands), the admin properties the KRaft README writes (its printf), and the producer,
// consumer and admin client config of every KafkaBridge. Each is judged by Kafka's own client
// config classes of the version it runs against (java/ConfigCheck.java): every key defined by
// ProducerConfig / ConsumerConfig / AdminClientConfig for each role the file is used in (the
// tool flag that reads it: --producer.config, --consumer.config, --command-config), and the
// values accepted by the class's constructor.
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { stringify } from 'yaml';
import { DEFAULT_KAFKA_VERSION } from '../../src/core/versions';
import type { Manifest } from '../support';
import { compileJava, describeWhen, javaProblem, kafkaDist, runJava } from './support/kafka-dist';
import { imageTag, kubectlArgs, loadFolder, readmeCommands, ROOT, shellArgs } from './support/manifests';

jest.setTimeout(300_000);

type Role = 'producer' | 'consumer' | 'admin';

interface ClientConfig {
  /** Where it comes from, for the report. */
  readonly source: string;
  /** The file's content, as the client reads it. */
  readonly text: string;
  /** The roles it is used in; empty: any client (it must then suit at least one). */
  readonly roles: Role[];
  readonly versions: string[];
}

const DIST = join(ROOT, 'dist');
const scratch = mkdtempSync(join(tmpdir(), 'client-configs-'));

/** The roles a file is read in: the flag of each tool invocation that names it. */
function rolesIn(text: string, file: string): Role[] {
  const roles = new Set<Role>();
  const re = /(kafka-[a-z-]+\.sh)[^|;&\n]*?--(producer\.config|consumer\.config|command-config)\s+(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (basename(m[3]) !== basename(file)) continue;
    if (m[2] === 'producer.config' || (m[2] === 'command-config' && m[1].includes('producer'))) roles.add('producer');
    else if (m[2] === 'consumer.config' || (m[2] === 'command-config' && m[1].includes('consumer'))) roles.add('consumer');
    else roles.add('admin');
  }
  return [...roles];
}

/** Every object of every cluster folder of an environment. */
function environmentObjects(env: string): Manifest[] {
  const dir = join(DIST, env);
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    const files = readdirSync(join(dir, d.name));
    return files.some((f) => f.endsWith('.yaml')) ? loadFolder(join(dir, d.name)) : [];
  });
}

/** The Kafka versions an environment runs: its Kafka resources' and apache/kafka images'. */
function versionsOf(objects: readonly Manifest[]): string[] {
  const versions = new Set<string>();
  for (const o of objects) {
    if (o.kind === 'Kafka' && o.spec?.kafka?.version) versions.add(o.spec.kafka.version);
    for (const c of o.spec?.template?.spec?.containers ?? []) if (/^apache\/kafka:/.test(c.image)) versions.add(imageTag(c.image));
  }
  return versions.size > 0 ? [...versions] : [DEFAULT_KAFKA_VERSION];
}

/** `cat > file <<EOF … EOF` in a shell script, expanded as the shell would (unquoted delimiter). */
function heredocs(script: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const re = /cat\s*>\s*(\S+)\s*<<-?\s*(['"]?)(\w+)\2\n([\s\S]*?)\n\3(?:\n|$)/g;
  for (let m = re.exec(script); m !== null; m = re.exec(script)) {
    const body = m[4];
    // Command substitutions read files of the pod (a mounted password): absent here, they expand empty.
    const text = m[2] !== '' ? `${body}\n` : spawnSync('bash', ['-c', `cat <<${m[3]}\n${body}\n${m[3]}`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: scratch } }).stdout;
    out.push({ file: m[1], text });
  }
  return out;
}

function collect(): ClientConfig[] {
  const configs: ClientConfig[] = [];
  // A kubectl that answers every `get secret … -o jsonpath=…` with a placeholder, base64 as the API does.
  const bin = join(scratch, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\nprintf %s placeholder | base64\n');
  chmodSync(join(bin, 'kubectl'), 0o755);

  for (const env of readdirSync(DIST).sort()) {
    const objects = environmentObjects(env);
    const versions = versionsOf(objects);
    const readmeFile = join(DIST, env, 'README.md');
    const readme = readdirSync(join(DIST, env)).includes('README.md') ? readFileSync(readmeFile, 'utf8') : '';

    // Client scripts (dist/<env>/clients/*.sh), run as the README says, into a folder of ours.
    const clients = join(DIST, env, 'clients');
    for (const script of readdirSync(join(DIST, env)).includes('clients') ? readdirSync(clients).filter((f) => f.endsWith('.sh')).sort() : []) {
      const out = join(scratch, env, script);
      mkdirSync(out, { recursive: true });
      const r = spawnSync('sh', [join(clients, script)], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: scratch, KAFKA_CLIENT_DIR: out } });
      if (r.status !== 0) throw new Error(`dist/${env}/clients/${script} failed: ${r.stderr}`);
      for (const f of readdirSync(out).filter((x) => x.endsWith('.properties'))) {
        const text = readFileSync(join(clients, script), 'utf8') + readme;
        configs.push({ source: `dist/${env}/clients/${script} → ${f}`, text: readFileSync(join(out, f), 'utf8'), roles: rolesIn(text, f), versions });
      }
    }

    // Workloads that write a client properties file in their pod before running a Kafka tool.
    for (const o of objects) {
      for (const c of o.spec?.template?.spec?.containers ?? []) {
        const script = [...(c.command ?? []), ...(c.args ?? [])].join('\n');
        for (const doc of heredocs(script).filter((h) => h.file.endsWith('.properties'))) {
          const v = /^apache\/kafka:/.test(c.image) ? [imageTag(c.image)] : versions;
          configs.push({ source: `dist/${env}: ${o.kind} ${o.metadata.namespace}/${o.metadata.name} container ${c.name} → ${doc.file}`, text: doc.text, roles: rolesIn(script, doc.file), versions: v });
        }
      }
    }

    // README commands that write a properties file with printf (the KRaft admin's).
    for (const command of readmeCommands(readme).filter((c) => c.startsWith('kubectl') && c.includes(' exec '))) {
      const { rest } = kubectlArgs(shellArgs(command));
      const script = rest[rest.length - 1];
      const re = /(printf\s+"(?:[^"\\]|\\.)*")\s*>\s*(\S+\.properties)/g;
      for (let m = re.exec(script); m !== null; m = re.exec(script)) {
        const text = spawnSync('bash', ['-c', m[1]], { encoding: 'utf8' }).stdout;
        configs.push({ source: `dist/${env}/README.md: kubectl exec … → ${m[2]}`, text, roles: rolesIn(script, m[2]), versions });
      }
    }

    // KafkaBridge: the producer, consumer and admin client config Strimzi hands to the bridge's clients.
    for (const bridge of objects.filter((o) => o.kind === 'KafkaBridge')) {
      for (const [part, role] of [['producer', 'producer'], ['consumer', 'consumer'], ['adminClient', 'admin']] as const) {
        const config = bridge.spec?.[part]?.config;
        if (config === undefined) continue;
        const text = Object.entries(config).map(([k, v]) => `${k}=${typeof v === 'object' ? stringify(v) : String(v)}`).join('\n');
        configs.push({ source: `dist/${env}: KafkaBridge ${bridge.metadata.namespace}/${bridge.metadata.name} spec.${part}.config`, text: `${text}\n`, roles: [role], versions });
      }
    }
  }
  return configs;
}

describeWhen(javaProblem(), "client configs the library writes are Kafka's own", () => {
  const configs = collect();
  const bridges = readdirSync(DIST).flatMap((env) => environmentObjects(env).filter((o) => o.kind === 'KafkaBridge').map((b) => `${env}:${b.metadata.namespace}/${b.metadata.name}`));
  const verdicts = new Map<string, string[]>();
  const judges = new Map<string, { classes: string; libs: string }>();

  beforeAll(() => {
    const byVersion = new Map<string, Array<{ index: number; role: Role; file: string }>>();
    configs.forEach((c, index) => {
      const file = join(scratch, `config-${index}.properties`);
      writeFileSync(file, c.text);
      for (const version of c.versions) {
        for (const role of c.roles.length > 0 ? c.roles : (['producer', 'consumer', 'admin'] as Role[])) {
          byVersion.set(version, [...(byVersion.get(version) ?? []), { index, role, file }]);
        }
      }
    });
    for (const [version, checks] of byVersion) {
      const dist = kafkaDist(version);
      const classes = join(scratch, `classes-${version}`);
      compileJava([join(__dirname, 'java', 'ConfigCheck.java')], dist.libs, classes);
      judges.set(version, { classes, libs: dist.libs });
      const r = runJava(classes, dist.libs, 'ConfigCheck', checks.map((c) => `${c.role}=${c.file}`));
      if (r.status !== 0) throw new Error(`ConfigCheck (Kafka ${version}) failed:\n${r.stdout}${r.stderr}`);
      for (const line of r.stdout.split('\n').filter((l) => /^(OK|UNKNOWN|INVALID)\t/.test(l))) {
        const [verdict, role, file, ...rest] = line.split('\t');
        const index = Number(/config-(\d+)\.properties$/.exec(file)![1]);
        const key = `${index}`;
        verdicts.set(key, [...(verdicts.get(key) ?? []), `${verdict} ${role} (Kafka ${version})${rest.length > 0 ? `: ${rest[0]}${rest[1] ? ` (closest known: ${rest[1]})` : ''}` : ''}`]);
      }
    }
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    process.stdout.write(`\nClient configs judged by Kafka's client config classes: ${configs.length} files, ${bridges.length} KafkaBridges (${configs.filter((c) => c.source.includes('KafkaBridge')).length} with client config)\n`);
    configs.forEach((c, i) => process.stdout.write(`  ${c.source} [${c.roles.join(', ') || 'any client'}]: ${(verdicts.get(`${i}`) ?? ['not judged']).join('; ')}\n`));
  });

  test('dist/ has client configs of every kind the library writes', () => {
    const kinds = configs.map((c) => (c.source.includes('/clients/') ? 'client script' : c.source.includes('README') ? 'README' : c.source.includes('KafkaBridge') ? 'bridge' : 'workload'));
    expect(new Set(kinds)).toEqual(new Set(['client script', 'workload', 'README', ...(kinds.includes('bridge') ? ['bridge'] : [])]));
    // The bridges are all looked at, with or without client config of their own.
    expect(bridges.length).toBeGreaterThan(0);
  });

  test('the judge catches an unknown key (with a hint) and a value Kafka rejects', () => {
    const [version, judge] = [...judges][0];
    const typo = join(scratch, 'typo.properties');
    const bad = join(scratch, 'bad.properties');
    writeFileSync(typo, 'security.protocol=SSL\nssl.trustore.location=/etc/kafka-ca/ca.crt\n');
    writeFileSync(bad, 'acks=maybe\n');
    const r = runJava(judge.classes, judge.libs, 'ConfigCheck', [`producer=${typo}`, `producer=${bad}`]);
    expect(r.stdout).toContain(`UNKNOWN\tproducer\t${typo}\tssl.trustore.location\tssl.truststore.location`);
    expect(r.stdout).toMatch(new RegExp(`INVALID\tproducer\t${bad}\t.*acks`));
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test.each(configs.map((c, i) => [c.source, i] as const))('%s: every key and value is a Kafka client config', (_source, index) => {
    const c = configs[index];
    const results = verdicts.get(`${index}`) ?? [];
    expect(results.length).toBeGreaterThan(0);
    if (c.roles.length > 0) {
      expect(results.filter((r) => !r.startsWith('OK'))).toEqual([]);
    } else {
      expect(results.some((r) => r.startsWith('OK'))).toBe(true);
    }
  });
});
