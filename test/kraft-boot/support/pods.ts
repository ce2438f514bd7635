// A one-machine stand-in for the kubelet, the pod network and the cluster DNS, enough to run the
// pods of a folder's StatefulSets as Kubernetes would: each pod in its own network namespace on
// a bridge (10.244.0.0/24; the bridge and every veth live in namespaces of their own, nothing is
// added to the host's network), the cluster's DNS names in /etc/hosts (ip netns exec binds
// /etc/netns/<ns>/hosts over it), the pod's hostname in a UTS namespace, and a private mount
// namespace whose root is read-only (readOnlyRootFilesystem) with the image's /opt/kafka and the
// pod's volumes (ConfigMap and Secret files as the kubelet lays them out, with fsGroup
// ownership; emptyDirs; one directory per claim that outlives the pod) at their mount paths.
// Containers run as the pod's numeric user with no privileges, with the container's env.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { chmodSync, chownSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Manifest } from '../../support';
import { all, find } from './manifests';
import type { SecretData } from './pki';

/** Where the kubelet would find a Secret's data. */
export type SecretSource = (namespace: string, name: string) => SecretData;

/** A mount into every pod that is not one of its volumes: the image's files, the test's tools. */
export interface ImageMount {
  readonly path: string;
  readonly source: string;
}

export interface PodPlan {
  readonly name: string;
  readonly namespace: string;
  readonly owner: Manifest;
  readonly ordinal: number;
  readonly labels: Record<string, string>;
  /** The pod's hostname and subdomain (a StatefulSet's pods: the pod name and the serviceName). */
  readonly hostname: string;
  readonly subdomain: string;
  readonly container: any;
  readonly podSpec: any;
  readonly ip: string;
}

/** The pods of every StatefulSet of the folder, as the StatefulSet controller names and labels them. */
export function planPods(objects: readonly Manifest[]): PodPlan[] {
  const plans: PodPlan[] = [];
  for (const sts of all(objects, 'StatefulSet')) {
    const replicas: number = sts.spec.replicas ?? 1;
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const name = `${sts.metadata.name}-${ordinal}`;
      const podSpec = sts.spec.template.spec;
      if (podSpec.containers.length !== 1 || (podSpec.initContainers ?? []).length > 0) throw new Error(`StatefulSet ${sts.metadata.name}: one container and no init containers expected`);
      plans.push({
        name,
        namespace: sts.metadata.namespace!,
        owner: sts,
        ordinal,
        labels: { ...sts.spec.template.metadata.labels, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(ordinal) },
        hostname: name,
        subdomain: sts.spec.serviceName,
        container: podSpec.containers[0],
        podSpec,
        ip: `10.244.0.${10 + plans.length}`,
      });
    }
  }
  return plans;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * The names the cluster DNS gives (name → addresses): every Service as `<svc>.<ns>.svc` and
 * `….svc.cluster.local`, to the pods it selects (a headless Service's records; a ClusterIP
 * Service would get one virtual IP that kube-proxy spreads over its ready pods: here its name
 * lists the pods themselves and clients try each, `client.dns.lookup=use_all_dns_ips`), and the
 * pods of a headless Service that is their subdomain as `<hostname>.<svc>.<ns>.svc`.
 */
export function clusterDns(objects: readonly Manifest[], pods: readonly PodPlan[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, ip: string) => names.set(name, [...(names.get(name) ?? []), ip]);
  for (const svc of all(objects, 'Service')) {
    const ns = svc.metadata.namespace!;
    const selected = pods.filter((p) => p.namespace === ns && selects(svc.spec.selector, p.labels));
    for (const suffix of ['svc', 'svc.cluster.local']) {
      for (const p of selected) add(`${svc.metadata.name}.${ns}.${suffix}`, p.ip);
      if (svc.spec.clusterIP === 'None') {
        for (const p of selected.filter((q) => q.subdomain === svc.metadata.name)) add(`${p.hostname}.${svc.metadata.name}.${ns}.${suffix}`, p.ip);
      }
    }
  }
  return names;
}

/** Environment variables of a container, with the downward API resolved as the kubelet does. */
export function containerEnv(pod: PodPlan, secrets: SecretSource, objects: readonly Manifest[]): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.hostname,
  };
  for (const e of pod.container.env ?? []) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (e.valueFrom?.fieldRef) {
      const field = e.valueFrom.fieldRef.fieldPath;
      const values: Record<string, string> = { 'metadata.name': pod.name, 'metadata.namespace': pod.namespace, 'status.podIP': pod.ip, 'spec.nodeName': 'node' };
      if (values[field] === undefined) throw new Error(`pod ${pod.name}: env ${e.name} reads ${field}`);
      env[e.name] = values[field];
    } else if (e.valueFrom?.secretKeyRef) {
      env[e.name] = secrets(pod.namespace, e.valueFrom.secretKeyRef.name)[e.valueFrom.secretKeyRef.key];
    } else if (e.valueFrom?.configMapKeyRef) {
      env[e.name] = find(objects, 'ConfigMap', e.valueFrom.configMapKeyRef.name, pod.namespace).data[e.valueFrom.configMapKeyRef.key];
    } else {
      env[e.name] = '';
    }
  }
  return env;
}

/** A running pod: its sandbox (namespaces, mounts) and at most one container process. */
export interface Pod {
  readonly plan: PodPlan;
  readonly netns: string;
  readonly dir: string;
  sandbox?: ChildProcess;
  container?: ChildProcess;
  containerExit?: Promise<number | null>;
  restarts: number;
}

export interface ExecResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * The machine the pods run on. Everything it creates carries `kbt<pid>-` (the test process's
 * pid), so `sweep()` can remove what a killed run left behind; `cleanup()` (synchronous, safe to
 * call from an exit handler) removes this run's processes, namespaces and files.
 */
export class Node {
  public static readonly BRIDGE_IP = '10.244.0.1';
  public readonly prefix = `kbt${process.pid}-`;
  public readonly netns = `${this.prefix}net`;
  public readonly pods = new Map<string, Pod>();
  private readonly groups = new Set<number>();
  private readonly namespaces: string[] = [];
  private cleaned = false;
  private peakRss = 0;
  private sampler?: NodeJS.Timeout;
  private watchdog?: number;

  public constructor(
    public readonly work: string,
    private readonly objects: readonly Manifest[],
    private readonly plans: readonly PodPlan[],
    private readonly secrets: SecretSource,
    private readonly imageMounts: readonly ImageMount[],
  ) {}

  /** Removes the namespaces and processes of earlier runs whose test process is gone. */
  public static sweep(): string[] {
    const removed: string[] = [];
    const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
    for (const ns of list.split('\n').map((l) => l.split(' ')[0]).filter((n) => /^kbt\d+-/.test(n))) {
      const pid = Number(/^kbt(\d+)-/.exec(ns)![1]);
      if (existsSync(`/proc/${pid}`)) continue;
      removeNetns(ns);
      removed.push(ns);
    }
    return removed;
  }

  /**
   * A process of its own that waits for this test process and, once it is gone however it went
   * (a signal, a killed jest worker), removes what this run made: the trap that an exit handler
   * in the test process cannot be (jest's sandboxed `process` does not take signal handlers, and
   * SIGKILL takes none). `cleanup()` stops it.
   */
  public startWatchdog(): void {
    const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done\n${removeNetnsScript(this.prefix)}`;
    const child = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' });
    child.unref();
    this.watchdog = child.pid;
  }

  /** The bridge, with the node's address (from which the kubelet probes). */
  public createNetwork(): void {
    this.namespaces.push(this.netns);
    sh('ip', 'netns', 'add', this.netns);
    sh('ip', '-n', this.netns, 'link', 'set', 'lo', 'up');
    sh('ip', '-n', this.netns, 'link', 'add', 'br0', 'type', 'bridge');
    sh('ip', '-n', this.netns, 'addr', 'add', `${Node.BRIDGE_IP}/24`, 'dev', 'br0');
    sh('ip', '-n', this.netns, 'link', 'set', 'br0', 'up');
  }

  /** The pod's /etc/hosts as the kubelet writes it, with the cluster's DNS names below. */
  public hostsFile(plan: PodPlan): string {
    const lines = [
      '# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback',
      `${plan.ip}\t${plan.hostname}.${plan.subdomain}.${plan.namespace}.svc.cluster.local\t${plan.hostname}`,
      '# The cluster DNS (test/kraft-boot):',
    ];
    for (const [name, ips] of clusterDns(this.objects, this.plans)) for (const ip of ips) lines.push(`${ip}\t${name}`);
    return `${lines.join('\n')}\n`;
  }

  /** Creates the pod's sandbox: network namespace, volumes, mount namespace with its root. */
  public async createPod(plan: PodPlan): Promise<Pod> {
    const netns = `${this.prefix}${plan.name}`;
    const dir = join(this.work, 'pods', plan.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'root'), { recursive: true });
    const index = this.plans.indexOf(plan);
    this.namespaces.push(netns);
    sh('ip', 'netns', 'add', netns);
    sh('ip', '-n', netns, 'link', 'set', 'lo', 'up');
    sh('ip', '-n', this.netns, 'link', 'add', `veth${index}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
    sh('ip', '-n', this.netns, 'link', 'set', `veth${index}`, 'master', 'br0', 'up');
    sh('ip', '-n', netns, 'addr', 'add', `${plan.ip}/24`, 'dev', 'eth0');
    sh('ip', '-n', netns, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', netns, 'route', 'add', 'default', 'via', Node.BRIDGE_IP);
    mkdirSync(`/etc/netns/${netns}`, { recursive: true });
    writeFileSync(`/etc/netns/${netns}/hosts`, this.hostsFile(plan));
    writeFileSync(`/etc/netns/${netns}/resolv.conf`, `search ${plan.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${Node.BRIDGE_IP}\noptions ndots:5\n`);

    const mounts: Array<{ path: string; source: string; readOnly: boolean }> = [
      ...this.imageMounts.map((m) => ({ ...m, readOnly: true })),
      ...this.volumeMounts(plan, dir),
    ];
    const root = join(dir, 'root');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const script = [
      'set -euo pipefail',
      `hostname ${q(plan.hostname)}`,
      `R=${q(root)}`,
      'mount -t tmpfs -o mode=0755 pod-root "$R"',
      'mkdir -p "$R/usr" "$R/etc" "$R/proc" "$R/dev" "$R/sys" "$R/run" "$R/tmp"',
      // The host's merged-/usr links (bin -> usr/bin, ...), or binds where they are directories.
      'for d in bin sbin lib lib64 lib32 libx32; do if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$R/$d"; elif [ -d "/$d" ]; then mkdir "$R/$d"; mount --rbind "/$d" "$R/$d"; fi; done',
      'mount --rbind /usr "$R/usr"', 'mount -o remount,bind,ro "$R/usr"',
      'cp -a /etc/. "$R/etc/"',
      // ip netns exec has bound /etc/netns/<ns>/{hosts,resolv.conf} over /etc: the kubelet's files.
      'mount --bind /etc/hosts "$R/etc/hosts"', 'mount --bind /etc/resolv.conf "$R/etc/resolv.conf"',
      `echo ${q(plan.hostname)} > "$R/etc/hostname"`,
      'mount --rbind /proc "$R/proc"', 'mount --rbind /dev "$R/dev"', 'mount --rbind /sys "$R/sys"',
      ...mounts.flatMap((m) => [
        `mkdir -p "$R"${q(m.path)}`,
        `mount --bind ${q(m.source)} "$R"${q(m.path)}`,
        ...(m.readOnly ? [`mount -o remount,bind,ro "$R"${q(m.path)}`] : []),
      ]),
      // readOnlyRootFilesystem: the root is read-only, the mounts keep their own mode.
      ...(plan.container.securityContext?.readOnlyRootFilesystem ? ['mount -o remount,ro "$R"'] : []),
      'echo READY',
      'exec chroot "$R" /bin/sleep infinity',
    ].join('\n');
    const log = openSync(join(dir, 'sandbox.log'), 'a');
    const sandbox = spawn('ip', ['netns', 'exec', netns, 'unshare', '--mount', '--uts', '--propagation', 'private', 'bash', '-c', script], { detached: true, stdio: ['ignore', 'pipe', log] });
    closeSync(log);
    this.groups.add(sandbox.pid!);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`pod ${plan.name}: sandbox not ready: ${readFileSync(join(dir, 'sandbox.log'), 'utf8')}`)), 30_000);
      sandbox.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('READY')) { clearTimeout(timer); resolve(); }
      });
      sandbox.on('exit', (code) => { clearTimeout(timer); reject(new Error(`pod ${plan.name}: sandbox exited ${code}: ${readFileSync(join(dir, 'sandbox.log'), 'utf8')}`)); });
    });
    sandbox.removeAllListeners('exit');
    sandbox.stdout!.removeAllListeners('data');
    sandbox.stdout!.resume();
    const pod: Pod = { plan, netns, dir, sandbox, restarts: 0 };
    this.pods.set(plan.name, pod);
    return pod;
  }

  /** The pod's volumes on this machine, at the container's mount paths. */
  private volumeMounts(plan: PodPlan, dir: string): Array<{ path: string; source: string; readOnly: boolean }> {
    const sc = plan.podSpec.securityContext ?? {};
    const fsGroup: number | undefined = sc.fsGroup;
    const claims = new Set<string>((plan.owner.spec.volumeClaimTemplates ?? []).map((t: any) => t.metadata.name));
    const volumes = new Map<string, any>((plan.podSpec.volumes ?? []).map((v: any) => [v.name, v]));
    return (plan.container.volumeMounts ?? []).map((m: any) => {
      const source = join(dir, 'volumes', m.name);
      const volume = volumes.get(m.name);
      if (claims.has(m.name)) {
        // One directory per claim (<template>-<pod>), kept when the pod goes, as a PersistentVolume.
        const claim = join(this.work, 'claims', `${m.name}-${plan.name}`);
        if (!existsSync(claim)) {
          mkdirSync(claim, { recursive: true });
          ownership(claim, fsGroup, false);
        }
        return { path: m.mountPath, source: claim, readOnly: !!m.readOnly };
      }
      if (volume === undefined) throw new Error(`pod ${plan.name}: volumeMount ${m.name} has no volume`);
      mkdirSync(source, { recursive: true });
      if (volume.emptyDir !== undefined) {
        chmodSync(source, 0o777);
        ownership(source, fsGroup, false);
      } else if (volume.configMap !== undefined) {
        const cm = find(this.objects, 'ConfigMap', volume.configMap.name, plan.namespace);
        projectFiles(source, cm.data ?? {}, volume.configMap.items, volume.configMap.defaultMode ?? 0o644, fsGroup);
      } else if (volume.secret !== undefined) {
        projectFiles(source, this.secrets(plan.namespace, volume.secret.secretName), volume.secret.items, volume.secret.defaultMode ?? 0o644, fsGroup);
      } else {
        throw new Error(`pod ${plan.name}: volume ${m.name} is of a kind this test does not provide`);
      }
      return { path: m.mountPath, source, readOnly: !!m.readOnly };
    });
  }

  /** The container's user and privileges: setpriv arguments (runAsUser/Group, fsGroup, no privileges). */
  private identity(plan: PodPlan): string[] {
    const sc = { ...(plan.podSpec.securityContext ?? {}), ...(plan.container.securityContext ?? {}) };
    const uid = sc.runAsUser ?? 0;
    if (sc.runAsNonRoot && uid === 0) throw new Error(`pod ${plan.name}: runAsNonRoot with uid 0`);
    const groups = [...new Set([...(plan.podSpec.securityContext?.fsGroup !== undefined ? [plan.podSpec.securityContext.fsGroup] : []), ...(plan.podSpec.securityContext?.supplementalGroups ?? [])])];
    return [
      'setpriv', `--reuid=${uid}`, `--regid=${sc.runAsGroup ?? uid}`, groups.length > 0 ? `--groups=${groups.join(',')}` : '--clear-groups',
      ...(sc.allowPrivilegeEscalation === false ? ['--no-new-privs'] : []),
      ...((sc.capabilities?.drop ?? []).includes('ALL') ? ['--inh-caps=-all', '--bounding-set=-all'] : []),
    ];
  }

  private enter(pod: Pod, argv: readonly string[], env: Record<string, string>): string[] {
    return ['-t', String(pod.sandbox!.pid!), '--mount', '--uts', '--net', '--root', '--wd', '--', ...this.identity(pod.plan), 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...argv];
  }

  /** Starts the pod's container (its command, env, user); its output goes to container-<n>.log. */
  public startContainer(name: string): void {
    const pod = this.pods.get(name)!;
    if (pod.container !== undefined) throw new Error(`pod ${name}: container already running`);
    const env = containerEnv(pod.plan, this.secrets, this.objects);
    const argv = [...(pod.plan.container.command ?? []), ...(pod.plan.container.args ?? [])];
    const log = openSync(join(pod.dir, `container-${pod.restarts}.log`), 'a');
    const child = spawn('nsenter', this.enter(pod, argv, env), { detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    this.groups.add(child.pid!);
    pod.container = child;
    pod.containerExit = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  }

  /** The container's log so far. */
  public logs(name: string): string {
    const pod = this.pods.get(name)!;
    const file = join(pod.dir, `container-${pod.restarts}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /**
   * Stops the container as a pod deletion does: SIGTERM to its main process, SIGKILL to what is
   * left after terminationGracePeriodSeconds. Returns the seconds it took.
   */
  public async stopContainer(name: string): Promise<number> {
    const pod = this.pods.get(name)!;
    const child = pod.container;
    if (child === undefined) return 0;
    const started = Date.now();
    const grace = (pod.plan.podSpec.terminationGracePeriodSeconds ?? 30) * 1000;
    try { process.kill(child.pid!, 'SIGTERM'); } catch { /* gone */ }
    const exited = await Promise.race([pod.containerExit!.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), grace))]);
    killGroup(child.pid!, 'SIGKILL');
    if (!exited) await pod.containerExit;
    this.groups.delete(child.pid!);
    pod.container = undefined;
    pod.containerExit = undefined;
    return (Date.now() - started) / 1000;
  }

  /**
   * Starts the container of a pod the StatefulSet controller recreated (same name, address and
   * claim; a new emptyDir).
   */
  public recreate(name: string): void {
    const pod = this.pods.get(name)!;
    if (pod.container !== undefined) throw new Error(`pod ${name} is running`);
    for (const m of pod.plan.container.volumeMounts ?? []) {
      const volume = (pod.plan.podSpec.volumes ?? []).find((v: any) => v.name === m.name);
      if (volume?.emptyDir === undefined) continue;
      const dir = join(pod.dir, 'volumes', m.name);
      for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
    }
    pod.restarts++;
    this.startContainer(name);
  }

  /** `kubectl exec <pod> -- argv`: in the container's namespaces, as its user, with its env. */
  public exec(name: string, argv: readonly string[], timeoutSeconds = 120): Promise<ExecResult> {
    const pod = this.pods.get(name)!;
    const env = containerEnv(pod.plan, this.secrets, this.objects);
    const started = Date.now();
    const child = spawn('nsenter', this.enter(pod, argv, env), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.groups.add(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), timeoutSeconds * 1000);
    return new Promise((resolve) => child.on('close', (code, signal) => {
      clearTimeout(timer);
      this.groups.delete(child.pid!);
      resolve({ code: code ?? (signal ? 128 : null), stdout, stderr: stderr + (signal ? `\n(killed: ${signal}${Date.now() - started >= timeoutSeconds * 1000 ? `, after ${timeoutSeconds}s` : ''})` : ''), seconds: (Date.now() - started) / 1000 });
    }));
  }

  /** The kubelet's tcpSocket probe: a TCP connection from the node to the pod's port. */
  public probe(name: string, port: number, timeoutSeconds = 5): Promise<boolean> {
    const ip = this.pods.get(name)!.plan.ip;
    return new Promise((resolve) => {
      const child = spawn('ip', ['netns', 'exec', this.netns, 'timeout', String(timeoutSeconds), 'bash', '-c', `exec 3<>/dev/tcp/${ip}/${port}`], { stdio: 'ignore' });
      child.on('close', (code) => resolve(code === 0));
    });
  }

  /** Whether the container passes its readiness probe (a tcpSocket probe). */
  public async ready(name: string): Promise<boolean> {
    const pod = this.pods.get(name)!;
    if (pod.container === undefined) return false;
    const probe = pod.plan.container.readinessProbe;
    if (probe?.tcpSocket === undefined) throw new Error(`pod ${name}: only tcpSocket readiness probes are provided`);
    const port = typeof probe.tcpSocket.port === 'number' ? probe.tcpSocket.port
      : pod.plan.container.ports.find((p: any) => p.name === probe.tcpSocket.port).containerPort;
    return this.probe(name, port, probe.timeoutSeconds ?? 1);
  }

  /** Samples the resident memory of every process of this run once a second; `peakMemory()` reads the peak. */
  public startSampling(): void {
    this.sampler = setInterval(() => { this.peakRss = Math.max(this.peakRss, this.rss()); }, 1000);
    this.sampler.unref();
  }

  /** The largest sum of RSS seen (bytes). */
  public peakMemory(): number {
    return Math.max(this.peakRss, this.rss());
  }

  /** The sum of RSS of every process in this run's process groups (bytes). */
  public rss(): number {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (!this.groups.has(Number(fields[2]))) continue;
        total += Number(readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')[1]) * 4096;
      } catch { /* exited */ }
    }
    return total;
  }

  /** Removes everything this run made: processes, namespaces (their veths), hosts files. Synchronous; runs once. */
  public cleanup(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    if (this.sampler) clearInterval(this.sampler);
    for (const pgid of this.groups) killGroup(pgid, 'SIGKILL');
    for (const ns of [...this.namespaces].reverse()) removeNetns(ns);
    if (this.watchdog !== undefined) killGroup(this.watchdog, 'SIGKILL');
  }
}

/** Shell that removes every network namespace named `<prefix>…` with its processes and /etc/netns files. */
function removeNetnsScript(prefix: string): string {
  return `for ns in $(ip netns list | awk '{print $1}' | grep '^${prefix}'); do ip netns pids "$ns" | xargs -r kill -9; ip netns del "$ns"; rm -rf "/etc/netns/$ns"; done`;
}

/** Files of a ConfigMap or Secret volume as the kubelet's AtomicWriter writes them (..data link, mode, fsGroup). */
function projectFiles(dir: string, data: Record<string, string>, items: Array<{ key: string; path: string; mode?: number }> | undefined, mode: number, fsGroup: number | undefined): void {
  const stamp = `..${new Date().toISOString().replace(/[-:.]/g, '_')}`;
  mkdirSync(join(dir, stamp), { recursive: true });
  const files: Array<{ key: string; path: string; mode?: number }> = items ?? Object.keys(data).map((key) => ({ key, path: key }));
  for (const f of files) {
    if (data[f.key] === undefined) throw new Error(`volume source has no key ${f.key}`);
    const file = join(dir, stamp, f.path);
    writeFileSync(file, data[f.key]);
    chmodSync(file, f.mode ?? mode);
  }
  symlinkSync(stamp, join(dir, '..data'));
  for (const f of files) symlinkSync(join('..data', f.path), join(dir, f.path));
  chmodSync(join(dir, stamp), 0o755);
  ownership(dir, fsGroup, true);
}

/**
 * The kubelet's SetVolumeOwnership for a pod with fsGroup: every file and directory to the group,
 * with group read (read-only volumes) or read-write (others), directories setgid and searchable.
 */
function ownership(path: string, fsGroup: number | undefined, readOnly: boolean): void {
  if (fsGroup === undefined) return;
  const walk = (p: string) => {
    const m = lstatSync(p).mode;
    if ((m & 0o170000) === 0o120000) return; // symlink
    chownSync(p, 0, fsGroup);
    const isDir = (m & 0o170000) === 0o040000;
    const mask = (readOnly ? 0o440 : 0o660) | (isDir ? 0o2110 : 0);
    chmodSync(p, (m & 0o7777) | mask);
    if (isDir) for (const e of readdirSync(p)) walk(join(p, e));
  };
  walk(path);
}

function sh(...argv: string[]): void {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pgid, signal); } catch { /* gone */ }
}

/** Kills every process in a network namespace, deletes it (and the veth ends in it) and its /etc/netns files. */
function removeNetns(ns: string): void {
  const pids = (spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? '').split('\n').filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ }
  }
  spawnSync('ip', ['netns', 'del', ns]);
  rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
}
