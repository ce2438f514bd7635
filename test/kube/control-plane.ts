// A real Kubernetes control plane for the tests: etcd, kube-apiserver, kube-controller-manager
// and kubectl of one release (tools/kube), built once into a cache keyed by the Go module's
// files and the Go version, started on loopback with a temporary state directory.
import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { goProgram, GoProgram, REPO_ROOT } from '../go-build';
import { request } from 'https';
import { tmpdir } from 'os';
import { join } from 'path';

const TOOLS = join(REPO_ROOT, 'tools', 'kube');

/** The Kubernetes release of the harness: tools/kube/go.mod pins it. */
export const KUBERNETES_VERSION = /k8s\.io\/kubernetes v(\S+)/.exec(readFileSync(join(TOOLS, 'go.mod'), 'utf8'))![1];

/**
 * The harness binary, built from tools/kube on first use into the cache of test/go-build.ts
 * (`$CDK8S_KAFKA_CACHE`, default `~/.cache/cdk8s-kafka`). Undefined when `go` is not on PATH; in
 * CI (`CI=true`) that throws instead, so the stage can never be skipped there.
 */
export function kubeBinary(): GoProgram | undefined {
  const version = (name: string) => [`-X k8s.io/${name}.gitVersion=v${KUBERNETES_VERSION}`, `-X k8s.io/${name}.gitMajor=${KUBERNETES_VERSION.split('.')[0]}`, `-X k8s.io/${name}.gitMinor=${KUBERNETES_VERSION.split('.')[1]}`];
  return goProgram({ module: TOOLS, name: 'kube', version: KUBERNETES_VERSION, target: '.', ldflags: [...version('component-base/version'), ...version('client-go/pkg/version')] });
}

/** One finished kubectl run. */
export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An API response: status code and parsed body. */
export interface ApiResponse {
  readonly status: number;
  readonly body: any;
}

/** A running control plane; `stop()` ends it and removes its state. */
export class ControlPlane {
  /**
   * Starts etcd, kube-apiserver and (unless `controllers: false`) kube-controller-manager on
   * loopback. `contexts` are extra kubeconfig context names for the same server, so that a
   * README's `kubectl --context <cluster>` runs as written.
   */
  public static async start(binary: string, options: { controllers?: boolean; contexts?: readonly string[] } = {}): Promise<ControlPlane> {
    const dir = mkdtempSync(join(tmpdir(), 'kube-'));
    const started = Date.now();
    const child = spawn(binary, ['up', '--dir', dir, `--controllers=${options.controllers ?? true}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    await new Promise<void>((resolveStart, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready ')) resolveStart();
      });
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`kube up exited (${code}): ${err}`)));
    });
    const plane = new ControlPlane(binary, dir, child, (Date.now() - started) / 1000);
    for (const context of options.contexts ?? []) {
      await plane.kubectlOk(['config', 'set-context', context, '--cluster=test', '--user=admin']);
    }
    return plane;
  }

  private readonly pki: { ca: Buffer; cert: Buffer; key: Buffer };
  public readonly server: URL;

  private constructor(
    private readonly binary: string,
    /** The state directory: kubeconfig, logs of each component, etcd data. */
    public readonly dir: string,
    private readonly child: ChildProcess,
    /** Seconds from spawn to a ready API server. */
    public readonly startSeconds: number,
  ) {
    const pki = join(dir, 'pki');
    this.pki = { ca: readFileSync(join(pki, 'ca.crt')), cert: readFileSync(join(pki, 'admin.crt')), key: readFileSync(join(pki, 'admin.key')) };
    this.server = new URL(/server: "([^"]+)"/.exec(readFileSync(this.kubeconfig, 'utf8'))![1]);
  }

  /** The admin kubeconfig (context `test`, plus the ones asked for at start). */
  public get kubeconfig(): string {
    return join(this.dir, 'kubeconfig');
  }

  /**
   * Runs kubectl of the same release against this server. Asynchronous, so that the tests can
   * drive several control planes at once.
   */
  public kubectl(args: readonly string[], options: { input?: string; cwd?: string } = {}): Promise<KubectlResult> {
    const child = spawn(this.binary, ['kubectl', `--kubeconfig=${this.kubeconfig}`, `--cache-dir=${join(this.dir, 'kubectl-cache')}`, ...args], { cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(options.input);
    return new Promise((done, fail) => {
      child.on('error', fail);
      child.on('close', (status) => done({ status: status ?? -1, stdout, stderr }));
    });
  }

  /** kubectl that must succeed: its stdout, or an error carrying the command and its stderr. */
  public async kubectlOk(args: readonly string[], options: { input?: string; cwd?: string } = {}): Promise<string> {
    const run = await this.kubectl(args, options);
    if (run.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${run.status}):\n${run.stderr}${run.stdout}`);
    return run.stdout;
  }

  /** A request to the API server as the admin (system:masters). */
  public request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolveRequest, reject) => {
      const req = request({
        host: this.server.hostname, port: this.server.port, method, path, ...this.pki,
        headers: { 'Accept': 'application/json', ...(payload !== undefined ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}) },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolveRequest({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** The component log (kube-apiserver, kube-controller-manager), for failure messages. */
  public log(component: string): string {
    const file = join(this.dir, `${component}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** Stops every component and removes the state directory. */
  public async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.stdin!.end();
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
