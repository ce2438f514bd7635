import { checkArgs } from '../core/props';
import { Duration } from 'cdk8s';
import { isHostname } from '../core/hostnames';
import { isName, NameFormat } from '../core/naming';

/** One region behind the failover gateway. */
export interface FailoverRegion {
  /** The region's name (`east`): the cluster's folder, its locality. */
  readonly name: string;
  /** Lower is preferred: traffic goes to the lowest priority that is healthy. */
  readonly priority: number;
  /**
   * The address the tier-1 gateway reaches the region's gateway on (its load balancer's DNS
   * name or IP), port 443.
   */
  readonly address: string;
}

/** Options of the active health check. */
export interface FailoverHealthCheckOptions {
  /**
   * The path: one that touches Kafka. `GET /topics` lists topics through the bridge; `/ready`
   * and `/healthy` only say the bridge process is up.
   * @default '/topics'
   */
  readonly path?: string;
  /**
   * The port checked on the regional gateway (the port requests use).
   * @default 443
   */
  readonly port?: number;
  /** @default Duration.seconds(5) */
  readonly interval?: Duration;
  /** @default Duration.seconds(2) */
  readonly timeout?: Duration;
  /** Failures before a region is unhealthy. @default 2 */
  readonly unhealthyThreshold?: number;
  /** Successes before it is healthy again. @default 2 */
  readonly healthyThreshold?: number;
}

/** Options of passive outlier detection (ejecting a region that fails real requests). */
export interface FailoverOutlierDetectionOptions {
  /** Consecutive 502/503/504 or connection errors before ejection. @default 3 */
  readonly consecutiveGatewayErrors?: number;
  /** Consecutive 5xx before ejection. @default 5 */
  readonly consecutive5xxErrors?: number;
  /** @default Duration.seconds(5) */
  readonly interval?: Duration;
  /** @default Duration.seconds(30) */
  readonly baseEjectionTime?: Duration;
}

/** When the tier-1 gateway retries a request on the next region. */
export enum RetryOn {
  /** The connection to the region could not be made: nothing reached the bridge. */
  CONNECT_FAILURE = 'connect-failure',
  /** The region refused the stream (HTTP/2 REFUSED_STREAM): nothing reached the bridge. */
  REFUSED_STREAM = 'refused-stream',
  /** The connection reset before the request was sent: nothing reached the bridge. */
  RESET_BEFORE_REQUEST = 'reset-before-request',
  /** Any 5xx: the bridge may have produced the records already. Rejected: produce is not idempotent. */
  FIVE_XX = '5xx',
  /** 502, 503 and 504: a 504 may come after the bridge produced. Rejected like 5xx. */
  GATEWAY_ERROR = 'gateway-error',
}

/** Options of retries. */
export interface FailoverRetryOptions {
  /** @default 2 */
  readonly attempts?: number;
  /** @default [RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.RESET_BEFORE_REQUEST] */
  readonly on?: RetryOn[];
  /** @default Duration.seconds(5) */
  readonly perTryTimeout?: Duration;
}

/** Props of {@link FailoverModel}. */
export interface FailoverModelProps {
  /** The hostname clients use; it fails over between regions. */
  readonly hostname: string;
  /** The regions, at least two. */
  readonly regions: FailoverRegion[];
  /**
   * The pinned hostname of each region, with `{region}`: served by the tier-1 gateway without
   * failover; the regional gateway sets it as `X-Forwarded-Host`, so consumer `base_uri`s lead
   * back to the region that holds the consumer.
   * @default '{region}.<hostname>'
   */
  readonly pinnedHostnameTemplate?: string;
  /** The active health check. @default - GET /topics every 5 seconds */
  readonly healthCheck?: FailoverHealthCheckOptions;
  /** Passive outlier detection; failover needs it. @default - 3 gateway errors or 5 5xx in a row */
  readonly outlierDetection?: FailoverOutlierDetectionOptions;
  /** Retries. @default - 2 attempts, only where nothing reached the bridge */
  readonly retries?: FailoverRetryOptions;
  /**
   * The Secret (in each gateway's namespace) with the CA (`ca.crt`) that signed the regional
   * gateways' certificates: the tier-1 gateway verifies them.
   * @default 'bridge-ca'
   */
  readonly caSecret?: string;
  /** The region the tier-1 gateway runs in (its locality). @default 'central' */
  readonly centralRegion?: string;
}

/** What every renderer receives: resolved and validated settings. */
export interface ResolvedFailover {
  /** The hostname clients use. */
  readonly hostname: string;
  /** Regions, most preferred first. */
  readonly regions: readonly (FailoverRegion & {
    /** The region's pinned hostname: the tier-1 gateway serves it without failover. */
    readonly pinnedHostname: string
  })[];
  /** The distinct region priorities, ascending. */
  readonly priorityLevels: readonly number[];
  /** The active health check. */
  readonly healthCheck: Required<FailoverHealthCheckOptions>;
  /** Passive outlier detection. */
  readonly outlierDetection: Required<FailoverOutlierDetectionOptions>;
  /** Retries. */
  readonly retries: Required<FailoverRetryOptions>;
  /** The Secret with the CA that signed the regional gateways' certificates. */
  readonly caSecret: string;
  /** The region the tier-1 gateway runs in. */
  readonly centralRegion: string;
}

const DOTTED_QUAD = /^\d+(\.\d+){3}$/;

/** A DNS name, or an IPv4 address (a dotted quad is never read as a DNS name). */
function isAddress(address: string): boolean {
  if (DOTTED_QUAD.test(address)) return address.split('.').every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet));
  return isHostname(address);
}

const SAFE_RETRIES = [RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.RESET_BEFORE_REQUEST];

/**
 * The provider-neutral description of a failover gateway in front of Kafka Bridges: which
 * regions, in which order, how health is judged and what is retried. Renderers turn it into
 * Istio, Envoy Gateway or Tetrate Service Bridge objects, per cluster.
 */
export class FailoverModel {
  /** The resolved and validated settings. */
  public readonly settings: ResolvedFailover;

  /** Resolves the defaults and checks the settings; throws on one that cannot fail over safely. */
  public constructor(props: FailoverModelProps) {
    checkArgs('new FailoverModel()', 'FailoverModel.constructor', arguments);
    const fail = (prop: string, problem: string, value: unknown, fix: string): never => {
      throw new Error(`FailoverGateway '${props.hostname}': ${prop} ${problem} (got ${JSON.stringify(value)}); ${fix}`);
    };
    if (!isHostname(props.hostname)) fail('hostname', 'is not a DNS name', props.hostname, "use e.g. 'bridge.example.com'");
    if (props.regions.length < 2) fail('regions', 'need at least two regions to fail over between', props.regions.map((r) => r.name), 'add a second region');
    const names = props.regions.map((r) => r.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined) fail('regions', `name '${duplicate}' twice`, names, 'give each region its own name');
    for (const [i, region] of props.regions.entries()) {
      if (!isName(region.name, NameFormat.DNS1035_LABEL)) fail(`regions[${i}].name`, "must be lowercase alphanumerics and '-', starting with a letter (it names Services and subsets)", region.name, "use e.g. 'east'");
      if (!Number.isInteger(region.priority) || region.priority < 0) fail(`regions[${i}].priority`, 'must be a whole number >= 0', region.priority, 'use 0 for the preferred region, 1 for the next');
      if (region.address.trim() === '') fail(`regions[${i}].address`, 'is empty', region.address, "give the regional gateway's load balancer address");
      // Envoy's Backend takes an `ip` (IPv4 here) or an `fqdn` endpoint, Istio's ServiceEntry
      // endpoint an address that DNS resolution looks up: a bare host either way, the port is 443.
      if (!isAddress(region.address)) fail(`regions[${i}].address`, 'must be a DNS name or an IPv4 address: no scheme, port or path (the tier-1 gateway dials it on port 443)', region.address, "use e.g. 'gateway.east.example.com' or '203.0.113.10'");
    }
    // The renderers name the tier-1 objects `<first label of hostname>-failover` (Istio's and
    // Envoy's failover route, Envoy's BackendTrafficPolicy), `<first label>-<region>` (pinned
    // routes, Envoy's pool Backends) and `<first label>-<region>-pinned` (Envoy's pinned Backends).
    for (const [i, region] of props.regions.entries()) {
      if (region.name === 'failover') fail(`regions[${i}].name`, "is taken: the tier-1 gateway's failover route is named <first label of hostname>-failover, and the region's pinned route would get the same name", region.name, "name the region after where it runs, e.g. 'east'");
      const pinnedOf = region.name.endsWith('-pinned') ? names.indexOf(region.name.slice(0, -'-pinned'.length)) : -1;
      if (pinnedOf >= 0) fail(`regions[${i}].name`, `is region '${names[pinnedOf]}' with '-pinned' appended: Envoy names the pinned Backend of '${names[pinnedOf]}' <first label of hostname>-${region.name}, the name of this region's failover Backend`, region.name, "name the region after where it runs, without '-pinned'");
    }
    const priorityLevels = [...new Set(props.regions.map((r) => r.priority))].sort((a, b) => a - b);
    if (priorityLevels.length < 2) fail('regions', 'all have the same priority: there is nothing to fail over to', props.regions.map((r) => `${r.name}=${r.priority}`), 'give the standby region a higher priority');

    const template = props.pinnedHostnameTemplate ?? `{region}.${props.hostname}`;
    if (!template.includes('{region}')) fail('pinnedHostnameTemplate', 'must contain {region}: each region needs its own pinned hostname', template, `use e.g. '{region}.${props.hostname}'`);
    const pinned = (region: string) => template.replace('{region}', region);
    const health = props.healthCheck ?? {};
    const path = health.path ?? '/topics';
    if (['/ready', '/healthy'].includes(path)) fail('healthCheck.path', "only says the bridge process is up, not that it reaches Kafka", path, "use '/topics', which lists topics through the bridge");
    if (!path.startsWith('/')) fail('healthCheck.path', 'must be an absolute HTTP path', path, "use '/topics'");
    for (const key of ['unhealthyThreshold', 'healthyThreshold'] as const) {
      const value = health[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) fail(`healthCheck.${key}`, 'must be a whole number >= 1', value, 'use 2');
    }
    const durations: Array<[string, Duration | undefined]> = [
      ['healthCheck.interval', health.interval], ['healthCheck.timeout', health.timeout],
      ['outlierDetection.interval', props.outlierDetection?.interval], ['outlierDetection.baseEjectionTime', props.outlierDetection?.baseEjectionTime],
      ['retries.perTryTimeout', props.retries?.perTryTimeout],
    ];
    for (const [prop, duration] of durations) {
      const ms = duration?.toMilliseconds();
      // Rendered as whole seconds (goDuration), so under 1s would be 0s: Envoy Gateway rejects a
      // zero active health-check timeout or interval (internal/ir/xds.go `HealthCheck.Validate`),
      // a zero ejection time ejects nothing and a zero per-try timeout leaves no time to answer.
      if (ms !== undefined && !(ms >= 1000 && ms % 1000 === 0)) fail(prop, 'must be a whole number of seconds, at least 1', `${ms / 1000}s`, 'use e.g. Duration.seconds(5)');
    }
    const port = health.port ?? 443;
    if (port !== 443) fail('healthCheck.port', 'is not the port requests use on the regional gateway (443): a check on a management or bridge port bypasses the path requests take', port, 'leave it at 443');

    const retries = props.retries ?? {};
    const on = retries.on ?? SAFE_RETRIES;
    const unsafe = on.filter((r) => !SAFE_RETRIES.includes(r));
    if (unsafe.length > 0) fail('retries.on', 'retry requests that may have reached the bridge: a retried produce writes the records twice', unsafe, `retry only on ${SAFE_RETRIES.join(', ')}`);
    const attempts = retries.attempts ?? 2;
    if (!Number.isInteger(attempts) || attempts < 0 || attempts > 5) fail('retries.attempts', 'must be from 0 to 5', attempts, 'use 2');

    const outlier = props.outlierDetection ?? {};
    for (const key of ['consecutiveGatewayErrors', 'consecutive5xxErrors'] as const) {
      const value = outlier[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) fail(`outlierDetection.${key}`, 'must be a whole number >= 1', value, 'use 3');
    }
    if (props.caSecret !== undefined && !isName(props.caSecret, NameFormat.DNS1123_SUBDOMAIN)) fail('caSecret', 'must name a Secret (a DNS-1123 subdomain)', props.caSecret, "use e.g. 'bridge-ca'");
    if (props.centralRegion !== undefined && !isName(props.centralRegion, NameFormat.DNS1123_LABEL)) fail('centralRegion', 'must be a region name (a DNS-1123 label)', props.centralRegion, "use e.g. 'central'");
    this.settings = {
      hostname: props.hostname,
      regions: [...props.regions].sort((a, b) => a.priority - b.priority).map((r) => ({ ...r, pinnedHostname: pinned(r.name) })),
      priorityLevels,
      healthCheck: {
        path,
        port,
        interval: health.interval ?? Duration.seconds(5),
        timeout: health.timeout ?? Duration.seconds(2),
        unhealthyThreshold: health.unhealthyThreshold ?? 2,
        healthyThreshold: health.healthyThreshold ?? 2,
      },
      outlierDetection: {
        consecutiveGatewayErrors: outlier.consecutiveGatewayErrors ?? 3,
        consecutive5xxErrors: outlier.consecutive5xxErrors ?? 5,
        interval: outlier.interval ?? Duration.seconds(5),
        baseEjectionTime: outlier.baseEjectionTime ?? Duration.seconds(30),
      },
      retries: { attempts, on, perTryTimeout: retries.perTryTimeout ?? Duration.seconds(5) },
      caSecret: props.caSecret ?? 'bridge-ca',
      centralRegion: props.centralRegion ?? 'central',
    };
    for (const region of this.settings.regions) {
      if (!isHostname(region.pinnedHostname)) fail('pinnedHostnameTemplate', `gives '${region.pinnedHostname}' for ${region.name}, not a DNS name`, region.pinnedHostname, "use e.g. '{region}.bridge.example.com'");
    }
  }

  /** The region named `name`. */
  public region(name: string) {
    const region = this.settings.regions.find((r) => r.name === name);
    if (region === undefined) throw new Error(`FailoverGateway '${this.settings.hostname}' has no region '${name}'; it has ${this.settings.regions.map((r) => r.name).join(', ')}`);
    return region;
  }

  /** The names a regional gateway's certificate must cover: the global and its pinned hostname. */
  public regionalHostnames(region: string): string[] {
    return [this.settings.hostname, this.region(region).pinnedHostname];
  }

  /** Every hostname the tier-1 gateway serves. */
  public get centralHostnames(): string[] {
    return [this.settings.hostname, ...this.settings.regions.map((r) => r.pinnedHostname)];
  }
}
