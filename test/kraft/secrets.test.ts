import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { KraftClientAuthentication, KraftCluster, KraftClusterProps, KraftMode, KraftPlainEnvironment, PrivateCa, renderEnvironment } from '../../src';
import { all, find, Manifest, synth } from '../support';

// Issue 13: secrets never in the environment or the command line of a long-running process
// (`ps`, /proc/<pid>/cmdline, /proc/<pid>/environ, crash dumps); `grep -rn PASSWORD dist/`
// finds no value in the env or args of a long-running container.

type Container = { name: string; command?: string[]; args?: string[]; env?: Array<{ name: string; value?: string; valueFrom?: any }>; envFrom?: any[]; volumeMounts?: any[] };
type PodSpec = { containers: Container[]; initContainers?: Container[]; volumes?: any[]; securityContext?: any };

/** The pod spec of every object that makes pods, with where it is. */
function podSpecs(objects: readonly Manifest[]): Array<{ where: string; spec: PodSpec }> {
  const specs: Array<{ where: string; spec: PodSpec }> = [];
  for (const o of objects) {
    const where = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    if (o.kind === 'Pod') specs.push({ where, spec: o.spec });
    else if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind)) specs.push({ where, spec: o.spec.template.spec });
    else if (o.kind === 'CronJob') specs.push({ where, spec: o.spec.jobTemplate.spec.template.spec });
  }
  return specs;
}

/**
 * Where text gives a password a value, or expands a variable named like one: `password=…`,
 * `password: …` (quoted or not) whose value is not read from a file at that moment (`$(cat /…)`,
 * `$(< /…)`) or a Kafka config provider reference (`${dir:…}`, `${file:…}`), and any `$PASSWORD`
 * or `${…PASSWORD…}` expansion, which can only come from the environment.
 */
function passwordValues(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/password\s*[=:]\s*(?:\\?["'])?/gi)) {
    const rest = text.slice(m.index! + m[0].length);
    if (/^(\s|["';,\]]|$)/.test(rest) || /^\$\((cat |< )\//.test(rest) || /^\\?\$\{(dir|file):/.test(rest)) continue;
    found.push(`${m[0]}${rest.split(/[\s"'\\;,\]]/)[0]}`);
  }
  for (const m of text.matchAll(/\$\{?[A-Za-z_]*PASSWORD[A-Za-z_]*\}?/gi)) found.push(m[0]);
  return found;
}

/**
 * What a pod spec exposes: a long-running container with a Secret in its environment (any
 * `secretKeyRef` or `envFrom` Secret: its value is in /proc/<pid>/environ for the container's
 * life), an environment variable named like a password, and a password value on any container's
 * command line.
 */
function exposures(where: string, spec: PodSpec): string[] {
  const problems: string[] = [];
  for (const c of spec.containers) {
    for (const e of c.env ?? []) {
      if (e.valueFrom?.secretKeyRef !== undefined) problems.push(`${where} ${c.name}: env ${e.name} from Secret ${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
      if (/pass(word)?|pwd|secret|token|credential/i.test(e.name)) problems.push(`${where} ${c.name}: env ${e.name}`);
      for (const v of passwordValues(`${e.value ?? ''}`)) problems.push(`${where} ${c.name}: env ${e.name} carries ${v}`);
    }
    for (const e of c.envFrom ?? []) if (e.secretRef !== undefined) problems.push(`${where} ${c.name}: envFrom Secret ${e.secretRef.name}`);
  }
  for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
    for (const v of passwordValues([...(c.command ?? []), ...(c.args ?? [])].join('\n'))) problems.push(`${where} ${c.name}: command line carries ${v}`);
  }
  return problems;
}

/** What every ConfigMap script (which a container runs as its command) would put on a command line or read from the environment. */
function scriptExposures(objects: readonly Manifest[]): string[] {
  return all(objects, 'ConfigMap').flatMap((cm) => Object.entries<string>(cm.data ?? {}).filter(([key]) => key.endsWith('.sh'))
    .flatMap(([key, script]) => passwordValues(script).map((v) => `ConfigMap/${cm.metadata.namespace}/${cm.metadata.name} ${key}: ${v}`)));
}

function kraft(props: Partial<KraftClusterProps> = {}) {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
  const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
  const kafka = new KraftCluster(chart, 'Kafka', { name: 'events', ...(props.plaintext ? {} : { issuer: ca.issuer }), ...props });
  return { kafka, manifests: synth(chart) };
}

const variants: Array<[string, Partial<KraftClusterProps>]> = [
  ['split, SCRAM (the default)', {}],
  ['combined, SCRAM', { mode: KraftMode.COMBINED }],
  ['SCRAM with a Secret and key of its own', { authentication: KraftClientAuthentication.scramSha512({ secretName: 'vault-admin', key: 'kafka-admin' }) }],
  ['plaintext, SCRAM', { plaintext: true }],
  ['mutual TLS clients', { authentication: KraftClientAuthentication.tls() }],
  ['no client authentication', { plaintext: true, authentication: KraftClientAuthentication.none() }],
];

describe('KraftCluster keeps the admin password out of environments and command lines', () => {
  test.each(variants)('%s: no Secret or password in a container\'s env or args, nor in the start script', (_, props) => {
    const { manifests } = kraft(props);
    expect(all(manifests, 'StatefulSet').length).toBeGreaterThan(0);
    expect(podSpecs(manifests).flatMap(({ where, spec }) => exposures(where, spec))).toEqual([]);
    expect(scriptExposures(manifests)).toEqual([]);
    expect(JSON.stringify(manifests)).not.toMatch(/PASSWORD/);
  });

  test.each(variants)('%s: the admin Secret is a read-only file, owner-read, readable by the pod\'s group', (_, props) => {
    const { kafka, manifests } = kraft(props);
    const secret = kafka.authentication.adminSecret;
    for (const set of all(manifests, 'StatefulSet')) {
      const spec: PodSpec = set.spec.template.spec;
      const volume = spec.volumes?.find((v) => v.name === 'admin');
      const mount = spec.containers[0].volumeMounts?.find((m) => m.name === 'admin');
      if (secret === undefined) {
        expect(volume).toBeUndefined();
        expect(mount).toBeUndefined();
        continue;
      }
      // Whatever the key, the file is /etc/kafka/admin/password; 0400 (256), which the kubelet
      // makes 0440 for the fsGroup: the image's group, which the pod runs as.
      expect(volume).toEqual({ name: 'admin', secret: { secretName: secret.secretName, items: [{ key: secret.key, path: 'password' }], defaultMode: 0o400 } });
      expect(mount).toEqual({ name: 'admin', mountPath: '/etc/kafka/admin', readOnly: true });
      expect(spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    }
  });

  test('only the format step reads the password file, into a pipe; the server starts without it', () => {
    const script: string = find(kraft().manifests, 'ConfigMap', 'events-config').data['start.sh'];
    const lines = script.split('\n');
    const formatStep = lines.indexOf('if [ ! -f /var/lib/kafka/data/meta.properties ]; then');
    const formatEnd = lines.indexOf('fi', formatStep);
    const reads = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.includes('/etc/kafka/admin/password') && !l.trimStart().startsWith('#'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every(({ i }) => i > formatStep && i < formatEnd)).toBe(true);
    // The one read of its content fills the argument file's pipe; nothing exports it or writes it to disk.
    expect(reads.filter(({ l }) => l.includes('$(< /etc/kafka/admin/password)')).map(({ l }) => l.trim())).toEqual([
      `@<(printf '%s\\n' --add-scram "SCRAM-SHA-512=[name=admin,password=$(< /etc/kafka/admin/password)]") \\`,
    ]);
    expect(script).not.toMatch(/\bexport\b/);
    expect(lines.filter((l) => l.includes('kafka-server-start.sh'))).toEqual(['exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"']);
  });
});

describe('the start script, run with stand-ins for the Kafka tools', () => {
  const bash = spawnSync('bash', ['-c', 'echo ok'], { encoding: 'utf8' });
  const run = bash.stdout?.trim() === 'ok' ? test : test.skip;
  // `$`, backquotes and quotes: a shell that evaluated the password would change it.
  const password = 'S3cr$t+/=`id`"q\'x';

  /**
   * Runs `start.sh` of a plaintext SCRAM cluster (no keystore) for one pod, its absolute paths
   * moved into a scratch folder. The stand-in `kafka-storage.sh` records its arguments, its
   * environment and the contents of each `@file` argument, and prints a "Bootstrap metadata" line
   * as Kafka 4.3's Formatter does; `kafka-server-start.sh` records its arguments and environment.
   */
  function start(passwordFile: string | undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-start-'));
    try {
      const { manifests } = kraft({ plaintext: true });
      const config: Record<string, string> = find(manifests, 'ConfigMap', 'events-config').data;
      const container = find(manifests, 'StatefulSet', 'events-controller').spec.template.spec.containers[0];
      for (const sub of ['bin', 'config', 'admin', 'data', 'out']) mkdirSync(join(dir, sub));
      for (const [key, value] of Object.entries(config)) writeFileSync(join(dir, 'config', key), value);
      if (passwordFile !== undefined) writeFileSync(join(dir, 'admin', 'password'), passwordFile, { mode: 0o400 });
      writeFileSync(join(dir, 'bin', 'kafka-storage.sh'), `#!/bin/bash
printf '%s\\n' "$@" > ${dir}/out/format.argv
env > ${dir}/out/format.env
for a in "$@"; do case "$a" in @*) cat "\${a#@}" >> ${dir}/out/format.argfile ;; esac; done
echo "Bootstrap metadata: BootstrapMetadata(records=[UserScramCredentialRecord(name='admin', salt=[1], storedKey=[2], serverKey=[3])])"
echo "Formatting metadata directory ${dir}/data with metadata.version 4.3-IV0."
touch ${dir}/data/meta.properties
`);
      writeFileSync(join(dir, 'bin', 'kafka-server-start.sh'), `#!/bin/bash
printf '%s\\n' "$@" > ${dir}/out/server.argv
env > ${dir}/out/server.env
`);
      for (const f of ['kafka-storage.sh', 'kafka-server-start.sh']) chmodSync(join(dir, 'bin', f), 0o755);
      const script = config['start.sh']
        .replaceAll('/opt/kafka/bin/', `${dir}/bin/`)
        .replaceAll('/etc/kafka/admin/', `${dir}/admin/`)
        .replaceAll('/var/lib/kafka/data', `${dir}/data`)
        .replaceAll('"/config/', `"${dir}/config/`);
      writeFileSync(join(dir, 'start.sh'), script);
      const env = Object.fromEntries(container.env.filter((e: { value?: string }) => e.value !== undefined).map((e: { name: string; value: string }) => [e.name, e.value]));
      const result = spawnSync('bash', [join(dir, 'start.sh')], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env, POD_NAME: 'events-controller-0' } });
      const read = (f: string) => (existsSync(join(dir, 'out', f)) ? readFileSync(join(dir, 'out', f), 'utf8') : undefined);
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, formatArgv: read('format.argv'), formatEnv: read('format.env'), argfile: read('format.argfile'), serverArgv: read('server.argv'), serverEnv: read('server.env'), dir };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  run('the credential reaches kafka-storage format only through the argument file; no argv or environment holds it', () => {
    const r = start(password);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // kafka-storage's parser reads one argument a line from @file (argparse4j fromFilePrefix '@').
    expect(r.argfile).toBe(`--add-scram\nSCRAM-SHA-512=[name=admin,password=${password}]\n`);
    expect(r.formatArgv!.split('\n').filter((a) => a.startsWith('@'))).toHaveLength(1);
    for (const text of [r.formatArgv, r.formatEnv, r.serverArgv, r.serverEnv]) {
      expect(text).toBeDefined();
      expect(text).not.toContain(password);
      expect(text).not.toMatch(/password=|PASSWORD/);
    }
    expect(r.serverArgv).toBe(`${r.dir}/config/events-controller-0.properties\n`);
    // The salted keys format prints stay out of the log; the rest of its output does not.
    expect(r.stdout).not.toContain('Bootstrap metadata');
    expect(r.stdout).toContain('Formatting metadata directory');
  });

  run('without a password file, storage is not formatted and the server does not start', () => {
    for (const file of [undefined, '']) {
      const r = start(file);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('/admin/password is missing or empty: put the admin password in Secret events-admin');
      expect(r.formatArgv).toBeUndefined();
      expect(r.serverArgv).toBeUndefined();
    }
  });
});

describe('the kraft-plain README check produces as admin with the password read from the mounted file', () => {
  const files = renderEnvironment(new KraftPlainEnvironment(new App(), 'kraft-plain'));
  const readme = files['README.md'];
  const command = readme.split('\n').find((l) => l.startsWith('kubectl -n kafka exec -it events-broker-0 -- bash -c '))!;

  test('the command line names the file, never a value or an environment variable', () => {
    expect(command).toBeDefined();
    expect(passwordValues(command)).toEqual([]);
    expect(command).not.toMatch(/PASSWORD/);
  });

  test('the properties it writes resolve the password through DirectoryConfigProvider from the broker\'s admin mount', () => {
    const inner = command.slice(command.indexOf('-- bash -c ') + '-- bash -c '.length);
    const dir = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-check-'));
    try {
      // The quoting as the pod's bash sees it; the Kafka tools after it are left out.
      const printf = inner.slice(1, inner.indexOf(' && ')).replace('/tmp/admin.properties', join(dir, 'admin.properties'));
      const result = spawnSync('bash', ['-c', printf], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      const properties = Object.fromEntries(readFileSync(join(dir, 'admin.properties'), 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(properties).toMatchObject({
        'config.providers': 'dir',
        'config.providers.dir.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
        'security.protocol': 'SASL_SSL',
        'sasl.mechanism': 'SCRAM-SHA-512',
      });
      const reference = /password="\$\{dir:([^:}]+):([^}]+)\}"/.exec(properties['sasl.jaas.config']);
      expect(reference).not.toBeNull();
      // The directory and file the broker pod mounts the admin Secret as.
      const broker = parseAllDocuments(files['cluster/06-statefulset.kafka.events-broker.yaml'])[0].toJS() as Manifest;
      const spec: PodSpec = broker.spec.template.spec;
      const mount = spec.containers[0].volumeMounts!.find((m) => m.name === 'admin');
      const volume = spec.volumes!.find((v) => v.name === 'admin');
      expect(reference![1]).toBe(mount.mountPath);
      expect(volume.secret.items.map((i: { path: string }) => i.path)).toEqual([reference![2]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist/: no password in the env or args of a long-running container', () => {
  const dist = resolve(__dirname, '..', '..', 'dist');
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).sort();
  const objects = files.flatMap((f) => parseAllDocuments(readFileSync(join(dist, f), 'utf8')).map((d) => d.toJS() as Manifest).filter((o) => o?.kind !== undefined));

  test('dist/ has pods to check', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(podSpecs(objects).length).toBeGreaterThan(0);
    expect(podSpecs(objects).map((p) => p.where)).toEqual(expect.arrayContaining(['StatefulSet/kafka/events-controller', 'StatefulSet/kafka/events-broker']));
  });

  test('no container has a Secret in its environment or a password on its command line', () => {
    expect(podSpecs(objects).flatMap(({ where, spec }) => exposures(where, spec))).toEqual([]);
  });

  test('no script a container runs from a ConfigMap expands a password variable or carries a value', () => {
    expect(scriptExposures(objects)).toEqual([]);
  });

  test('`grep -rn PASSWORD dist/**/*.yaml` finds nothing', () => {
    const hits = files.flatMap((f) => readFileSync(join(dist, f), 'utf8').split('\n').map((line, i) => `${f}:${i + 1}: ${line.trim()}`).filter((l) => /PASSWORD/.test(l.slice(l.indexOf(': ') + 2))));
    expect(hits).toEqual([]);
  });
});
