// Kafka itself as the judge of operator-less KRaft (issue 15): what KraftCluster emits for
// dist/kraft-plain, booted for real. The cluster folder's objects are read as they are written:
// every pod of its StatefulSets (3 controllers, 3 brokers) runs the generated start script
// unchanged, with its env, user, volumes and mount paths, in a network namespace of its own where
// the cluster's DNS names resolve (support/pods.ts), on the Kafka version of the image, from Maven
// Central (support/kafka-dist.ts); the TLS Secret is issued from the Certificate's spec by its CA
// (support/pki.ts) and the admin password made by the README's command. The client is the
// README's: its properties file, written by its command in the pod it names, and its bootstrap
// address. Then: quorum, topic, acks=all produce and consume, one broker lost (still writable),
// two lost (NotEnoughReplicas), both back (writable again). A report goes to stdout.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Manifest } from '../support';
import { compileJava, describeWhen, javaProblem, kafkaDist, KafkaDist, onPath, writeImageScripts } from './support/kafka-dist';
import { all, imageTag, kubectlArgs, loadFolder, parseProperties, readmeCommands, ROOT, shellArgs } from './support/manifests';
import { CertManager, SecretData } from './support/pki';
import { clusterDns, ExecResult, Node, planPods, PodPlan } from './support/pods';

const ENVIRONMENT = join(ROOT, 'dist', 'kraft-plain');
const FOLDER = join(ENVIRONMENT, 'cluster');
/** The budget of each step; the whole run stays under about 6 minutes on 2 cores (warm cache). */
const STEP_SECONDS = 240;
jest.setTimeout(STEP_SECONDS * 1000);

const report = (line: string) => process.stdout.write(`${line}\n`);

/** Why the boot cannot run on this machine, or undefined. */
function bootProblem(): string | undefined {
  const java = javaProblem();
  if (java !== undefined) return java;
  if (process.getuid?.() !== 0) return 'not root (network and mount namespaces need it)';
  const tools = ['ip', 'unshare', 'nsenter', 'setpriv', 'openssl', 'timeout'].filter((t) => !onPath(t));
  if (tools.length > 0) return `${tools.join(', ')} not on PATH`;
  const probe = `kbt${process.pid}-probe`;
  const made = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  spawnSync('ip', ['netns', 'del', probe]);
  return made.status === 0 ? undefined : `ip netns add fails: ${made.stderr.trim()}`;
}

/** Polls `check` until it returns undefined (done) or `seconds` pass; returns the last problem. */
async function until(seconds: number, check: () => Promise<string | undefined>, every = 1000): Promise<string | undefined> {
  const deadline = Date.now() + seconds * 1000;
  let problem = await check();
  while (problem !== undefined && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, every));
    problem = await check();
  }
  return problem;
}

const tail = (text: string, lines = 30) => text.trimEnd().split('\n').slice(-lines).join('\n');
const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(1);

describeWhen(bootProblem(), 'operator-less KRaft (dist/kraft-plain) boots on real Kafka', () => {
  const started = Date.now();
  const objects: Manifest[] = loadFolder(FOLDER);
  const readme = readFileSync(join(ENVIRONMENT, 'README.md'), 'utf8');
  const commands = readmeCommands(readme);
  const plans: PodPlan[] = planPods(objects);
  const steps: Array<{ step: string; result: string; ok: boolean }> = [];
  const record = (step: string, ok: boolean, result: string) => { steps.push({ step, ok, result }); };
  let node: Node | undefined;
  let dist: KafkaDist | undefined;
  let work = '';
  let bootSeconds = 0;
  /** The steps below that record a result: fewer recorded means one threw before it could. */
  const STEPS = 10;

  // What the manifests say, read once.
  const configMap = all(objects, 'ConfigMap').find((c) => Object.keys(c.data ?? {}).some((k) => k.endsWith('.properties')))!;
  const properties = (pod: string) => parseProperties(configMap.data[`${pod}.properties`]);
  const roleOf = (pod: string) => properties(pod)['process.roles'];
  const controllers = plans.filter((p) => roleOf(p.name) === 'controller');
  const brokers = plans.filter((p) => roleOf(p.name) === 'broker');
  const nodeId = (pod: PodPlan) => Number(properties(pod.name)['node.id']);
  const images = [...new Set(all(objects, 'StatefulSet').map((s) => s.spec.template.spec.containers[0].image as string))];
  const version = imageTag(images[0]);

  // The README's client: `kubectl -n <ns> exec -it <pod> -- bash -c '<script>'`, whose script
  // writes the admin properties and produces with them.
  const clientCommand = commands.find((c) => c.startsWith('kubectl') && c.includes(' exec '));
  const clientArgs = clientCommand === undefined ? undefined : kubectlArgs(shellArgs(clientCommand));
  const dash = clientArgs?.rest.indexOf('--') ?? -1;
  const clientPod = clientArgs?.rest.slice(1, dash).find((a) => !a.startsWith('-'));
  const clientArgv = clientArgs?.rest.slice(dash + 1) ?? [];
  const clientScript = clientArgv[clientArgv.length - 1] ?? '';
  const clientProperties = /--(?:command-config|producer\.config)\s+(\S+)/.exec(clientScript)?.[1];
  const bootstrap = /--bootstrap-server\s+(\S+)/.exec(clientScript)?.[1];
  let readmeClient: Promise<ExecResult> | undefined;

  /** The test's Java client, run in the README's pod with the README's properties and bootstrap. */
  async function client(args: string[], timeout = 120): Promise<{ result?: any; out: ExecResult }> {
    const out = await node!.exec(clientPod!, [
      'java', '-Xmx256m', '-Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties', '-cp', '/opt/kafka-boot:/opt/kafka/libs/*',
      'Client', args[0], clientProperties!, bootstrap!, ...args.slice(1),
    ], timeout);
    const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    return { result: line === undefined ? undefined : JSON.parse(line.slice(7)), out };
  }

  /** Fails when a container that should run has exited. */
  function crashed(): string | undefined {
    for (const [name, pod] of node!.pods) {
      if (pod.container !== undefined && pod.container.exitCode !== null) return `pod ${name}: container exited ${pod.container.exitCode}:\n${tail(node!.logs(name))}`;
    }
    return undefined;
  }

  async function allReady(pods: readonly PodPlan[], budget: number): Promise<string | undefined> {
    return until(budget, async () => {
      const crash = crashed();
      if (crash !== undefined) throw new Error(crash);
      const states = await Promise.all(pods.map(async (p) => [p.name, await node!.ready(p.name)] as const));
      const waiting = states.filter(([, ready]) => !ready).map(([name]) => name);
      return waiting.length === 0 ? undefined : `not ready: ${waiting.join(', ')}`;
    });
  }

  beforeAll(async () => {
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^apache\/kafka:/);
    expect({ clientPod, clientProperties, bootstrap }).toEqual({ clientPod: expect.any(String), clientProperties: expect.any(String), bootstrap: expect.any(String) });
    dist = kafkaDist(version);
    work = mkdtempSync(join(tmpdir(), 'kraft-boot-'));
    const image = join(work, 'opt-kafka');
    writeImageScripts(image);
    const classes = join(work, 'client');
    compileJava([join(__dirname, 'java', 'Client.java')], dist.libs, classes);

    // The Secrets: cert-manager's from the Certificates, the admin password from the README.
    const certManager = new CertManager(objects, join(work, 'pki'));
    const made = new Map<string, SecretData>();
    for (const command of commands.filter((c) => c.startsWith('kubectl') && c.includes('create secret generic'))) {
      const { namespace, rest } = kubectlArgs(shellArgs(command));
      const [, , , name, ...flags] = rest;
      const data: SecretData = {};
      for (const flag of flags) {
        const literal = /^--from-literal=([^=]+)=(.*)$/s.exec(flag);
        if (literal === null) throw new Error(`README: kubectl create secret flag ${flag} is not provided by this test`);
        data[literal[1]] = literal[2];
      }
      made.set(`${namespace ?? 'default'}/${name}`, data);
    }
    const secrets = (ns: string, name: string) => made.get(`${ns}/${name}`) ?? certManager.secret(ns, name);

    Node.sweep();
    node = new Node(work, objects, plans, secrets, [
      { path: '/opt/kafka/bin', source: join(image, 'bin') },
      { path: '/opt/kafka/config', source: join(image, 'config') },
      { path: '/opt/kafka/libs', source: dist.libs },
      // Not in the image: the test's client, for `kubectl exec`.
      { path: '/opt/kafka-boot', source: classes },
    ]);
    // Cleaned up by afterAll; if the test process dies first (a signal, a killed jest worker), by
    // the watchdog (support/pods.ts).
    node.startWatchdog();
    node.createNetwork();
    for (const plan of plans) await node.createPod(plan);
    node.startSampling();
  }, 600_000);

  afterAll(() => {
    const memory = node?.peakMemory() ?? 0;
    node?.cleanup();
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0];
    report('');
    report(`KRaft boot of dist/kraft-plain/cluster: Kafka ${version} (${images[0]}, jars from Maven Central ${dist?.fetched ? `fetched in ${dist.fetchSeconds.toFixed(1)} s` : 'cached'}), ${java}`);
    report(`  ${controllers.length} controllers + ${brokers.length} brokers booted in ${bootSeconds.toFixed(1)} s; peak memory (sum of RSS) ${(memory / 2 ** 30).toFixed(2)} GiB; total ${seconds(started)} s`);
    for (const s of steps) report(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step}: ${s.result}`);
    if (work !== '' && (steps.length < STEPS || steps.some((s) => !s.ok))) report(`  logs kept in ${work}/pods/*/container-*.log`);
    else if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  test('every name the nodes and the README client dial is a cluster DNS name the certificate covers', () => {
    const names = clusterDns(objects, plans);
    const dialed = new Set<string>();
    const hosts = (list: string) => list.split(',').map((a) => a.replace(/^[A-Z_]+:\/\//, '').replace(/:\d+$/, '')).filter((h) => h !== '');
    for (const plan of plans) {
      const p = properties(plan.name);
      for (const h of [...hosts(p['controller.quorum.bootstrap.servers']), ...hosts(p['advertised.listeners'])]) dialed.add(h);
      const format = plan.container.env.find((e: any) => e.name === 'FORMAT_ARGS')?.value ?? '';
      for (const voter of /--initial-controllers\s+(\S+)/.exec(format)?.[1].split(',') ?? []) dialed.add(voter.split('@')[1].split(':')[0]);
    }
    dialed.add(bootstrap!.replace(/:\d+$/, ''));
    const certificate = all(objects, 'Certificate').find((c) => !c.spec.isCA)!;
    const covered = (h: string) => (certificate.spec.dnsNames as string[]).some((d) => d === h || (d.startsWith('*.') && h.slice(h.indexOf('.') + 1) === d.slice(2)));
    const problems = [...dialed].flatMap((h) => [
      ...(names.has(h) ? [] : [`${h} does not resolve in the cluster`]),
      ...(covered(h) ? [] : [`${h} is not covered by Certificate ${certificate.metadata.name}`]),
    ]);
    record('names', problems.length === 0, problems.length === 0 ? `${dialed.size} names resolve and are covered by the certificate` : problems.join('; '));
    expect(problems).toEqual([]);
  });

  test('the controllers and brokers start from the generated start script and pass their readiness probes', async () => {
    const t = Date.now();
    for (const plan of plans) node!.startContainer(plan.name); // podManagementPolicy: Parallel
    const problem = await allReady(plans, 180);
    bootSeconds = (Date.now() - t) / 1000;
    record('boot', problem === undefined, problem ?? `all ${plans.length} pods ready in ${bootSeconds.toFixed(1)} s`);
    expect(problem).toBeUndefined();
    // The format step ran and its bootstrap records (the admin's salted SCRAM keys) stayed out of the log.
    for (const plan of plans) {
      expect(existsSync(join(work, 'claims', `data-${plan.name}`, 'meta.properties'))).toBe(true);
      expect(node!.logs(plan.name)).not.toMatch(/Bootstrap metadata: /);
    }
  });

  test("the README's admin client writes its properties in the pod it names", async () => {
    readmeClient = node!.exec(clientPod!, clientArgv, 150);
    const mount = node!.pods.get(clientPod!)!.plan.container.volumeMounts.find((m: any) => clientProperties!.startsWith(`${m.mountPath}/`));
    const file = join(node!.pods.get(clientPod!)!.dir, 'volumes', mount.name, clientProperties!.slice(mount.mountPath.length + 1));
    const problem = await until(30, async () => (existsSync(file) ? undefined : `${clientProperties} not written in ${clientPod}`));
    record('README client properties', problem === undefined, problem ?? `${clientProperties} written in ${clientPod}: ${Object.keys(parseProperties(readFileSync(file, 'utf8'))).join(', ')}`);
    expect(problem).toBeUndefined();
  });

  test('the quorum forms: every controller a voter, a leader, every broker registered', async () => {
    const voters = controllers.map(nodeId).sort();
    const observers = brokers.map(nodeId).sort();
    let last: any;
    const problem = await until(90, async () => {
      const { result, out } = await client(['quorum'], 60);
      last = result;
      if (result === undefined) return `no answer: ${tail(out.stderr, 5)}`;
      const ids = (l: any[]) => l.map((r) => r.id).sort();
      if (!voters.includes(result.leaderId)) return `leader ${result.leaderId}`;
      if (JSON.stringify(ids(result.voters)) !== JSON.stringify(voters)) return `voters ${ids(result.voters)}`;
      if (!observers.every((o) => ids(result.observers).includes(o))) return `observers ${ids(result.observers)}`;
      if (result.voters.some((v: any) => v.lastCaughtUpMsAgo < 0 || v.lastCaughtUpMsAgo > 10_000)) return `voters not caught up: ${JSON.stringify(result.voters)}`;
      if (result.brokers.length !== observers.length) return `brokers ${result.brokers}`;
      return undefined;
    }, 2000);
    record('quorum', problem === undefined, problem ?? `leader ${last.leaderId} (epoch ${last.leaderEpoch}), voters ${last.voters.map((v: any) => v.id).join(',')}, brokers ${last.brokers.join(' ')}`);
    expect(problem).toBeUndefined();
  });

  const topic = 'orders';
  const produced: string[] = [];
  const brokerDefaults = () => properties(brokers[0].name);

  test(`the admin creates '${topic}' with the brokers' replication defaults`, async () => {
    const { result, out } = await client(['create', topic, String(brokers.length)]);
    const rf = Number(brokerDefaults()['default.replication.factor']);
    const minIsr = brokerDefaults()['min.insync.replicas'];
    const ok = result !== undefined && result.partitions.every((p: any) => p.replicas.length === rf && p.isr.length === rf) && result['min.insync.replicas'] === minIsr;
    record('create topic', ok, result === undefined ? tail(out.stderr, 5) : `${topic}: ${result.partitions.length} partitions, RF ${result.partitions[0].replicas.length}, min ISR ${result['min.insync.replicas']}`);
    expect(result).toBeDefined();
    expect(result.partitions.map((p: any) => p.replicas.length)).toEqual(result.partitions.map(() => rf));
    expect(result['min.insync.replicas']).toBe(minIsr);
  });

  async function produce(prefix: string, count: number, extra: string[] = []) {
    const { result, out } = await client(['produce', topic, String(count), prefix, ...extra]);
    if (result === undefined) throw new Error(`producer failed:\n${tail(out.stdout + out.stderr)}`);
    if (result.acked === count) for (let i = 0; i < count; i++) produced.push(`${prefix}-${i}`);
    return result;
  }

  test('acks=all produce and consume with every broker up', async () => {
    const sent = await produce('all-up', 100);
    const { result } = await client(['consume', topic, 'kraft-boot-1', '100', '60000']);
    record('produce/consume', sent.acked === 100 && result?.count === 100, `acked ${sent.acked}/100 in ${sent.ms} ms, consumed ${result?.count}`);
    expect(sent).toMatchObject({ acked: 100, errors: {} });
    expect(result.values.sort()).toEqual(produced.slice().sort());
  });

  test('one broker stopped: acks=all produce still succeeds (RF 3, min ISR 2)', async () => {
    const victim = brokers[brokers.length - 1].name;
    const took = await node!.stopContainer(victim);
    const sent = await produce('one-down', 100);
    record('one broker down', sent.acked === 100, `${victim} stopped in ${took.toFixed(1)} s; acked ${sent.acked}/100 in ${sent.ms} ms ${JSON.stringify(sent.errors)}`);
    expect(sent).toMatchObject({ acked: 100, errors: {} });
  });

  test('two brokers stopped: acks=all produce fails with NotEnoughReplicas', async () => {
    const victim = brokers[brokers.length - 2].name;
    const took = await node!.stopContainer(victim);
    // No retries, so the broker's answer is the producer's error (idempotence needs retries).
    const sent = await produce('two-down', 10, ['retries=0', 'enable.idempotence=false']);
    const failures = Object.keys(sent.errors);
    record('two brokers down', sent.acked === 0 && failures.every((e) => e.endsWith('NotEnoughReplicasException')), `${victim} stopped in ${took.toFixed(1)} s; acked ${sent.acked}/10, errors ${JSON.stringify(sent.errors)}`);
    expect(sent.acked).toBe(0);
    expect(failures).toEqual(['org.apache.kafka.common.errors.NotEnoughReplicasException']);
  });

  test('the stopped brokers, recreated, rejoin and acks=all produce works again', async () => {
    const t = Date.now();
    const stopped = brokers.slice(-2);
    for (const b of stopped) node!.recreate(b.name);
    const ready = await allReady(stopped, 120);
    expect(ready).toBeUndefined();
    const rf = Number(brokerDefaults()['default.replication.factor']);
    const inSync = await until(90, async () => {
      const { result } = await client(['describe', topic]);
      const short = result?.partitions.filter((p: any) => p.isr.length < rf);
      return result === undefined ? 'no answer' : short.length > 0 ? `ISR short: ${JSON.stringify(short)}` : undefined;
    }, 2000);
    const rejoined = seconds(t);
    const sent = await produce('rejoined', 100);
    const expected = produced.slice().sort();
    const { result } = await client(['consume', topic, 'kraft-boot-2', String(expected.length), '60000']);
    record('brokers back', inSync === undefined && sent.acked === 100 && result?.count === expected.length,
      `${stopped.map((b) => b.name).join(', ')} ready and in sync in ${rejoined} s; acked ${sent.acked}/100; consumed all ${result?.count}/${expected.length} from the beginning`);
    expect(inSync).toBeUndefined();
    expect(sent).toMatchObject({ acked: 100, errors: {} });
    expect(result.values.sort()).toEqual(expected);
    // Recreated with their claims: storage is not formatted again.
    for (const b of stopped) expect(node!.logs(b.name)).not.toMatch(/Formatting /);
  });

  test('the nodes take every generated property (Kafka logs none as unused; its warnings about them are listed)', () => {
    const unused: string[] = [];
    const warnings = new Map<string, Set<string>>();
    for (const [name, pod] of node!.pods) {
      const keys = Object.keys(properties(name));
      for (let n = 0; n <= pod.restarts; n++) {
        const file = join(pod.dir, `container-${n}.log`);
        for (const line of existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []) {
          if (/supplied but are not used/.test(line)) unused.push(`${name}: ${line}`);
          if (/ WARN /.test(line) && keys.some((k) => line.includes(k))) {
            const text = line.replace(/^\[[^\]]*\] WARN /, '').replace(/ \([\w.$]+\)$/, '');
            warnings.set(text, new Set([...(warnings.get(text) ?? []), name]));
          }
        }
      }
    }
    const listed = [...warnings].map(([text, pods]) => `"${text}" (${[...pods].join(', ')})`).join('; ');
    record('node properties', unused.length === 0, unused.length > 0 ? unused.join('; ') : `none unused; warnings naming them: ${listed || 'none'}`);
    expect(unused).toEqual([]);
  });

  test("the README's produce check lands its record", async () => {
    const out = await readmeClient!;
    writeFileSync(join(work, 'readme-client.log'), `exit ${out.code}\n${out.stdout}\n${out.stderr}`);
    const topicOf = /--topic\s+(\S+)/.exec(clientScript)?.[1] ?? '';
    const { result, out: described } = await client(['consume', topicOf, 'kraft-boot-smoke', '1', '15000']);
    const sent = /echo\s+(\S+)\s*\|/.exec(clientScript)?.[1] ?? '';
    const landed = result?.values?.includes(sent) === true;
    const why = landed ? `${sent} is in ${topicOf}` : [
      `dist/kraft-plain/README.md's produce check did not land its record in ${topicOf} (the brokers run with auto.create.topics.enable=${brokerDefaults()['auto.create.topics.enable']}: the check must create the topic)`,
      `kafka-console-producer gave up (${(/org\.apache\.kafka\.common\.errors\.\w+: [^\n]*/.exec(out.stderr)?.[0] ?? tail(out.stderr, 1)).trim()}) and still exited ${out.code}, after ${out.seconds.toFixed(0)} s`,
      ...(result === undefined ? [`consuming ${topicOf}: ${tail(described.stdout + described.stderr, 1)}`] : []),
    ].join('; ');
    record('README produce check', landed, why);
    expect(why).toBe(`${sent} is in ${topicOf}`);
  });
});
