import { checkArgs } from './props';
import { throwFactoryError } from './errors';
import { isName, NameFormat } from './naming';

/**
 * One host model: the bootstrap and per-broker hostnames come from one scheme and feed the Kafka
 * listener, the certificate's SANs, the Gateway listener and every route. The matching rules of
 * certificates and of the Gateway API differ, and both live here.
 */

/** A DNS name of lowercase labels, at most 253 characters; `*.` as the whole first label if `wildcard`. */
export function isHostname(name: string, wildcard: boolean = false): boolean {
  if (typeof name !== 'string' || name.length > 253) return false;
  const labels = name.split('.');
  if (wildcard && labels[0] === '*') labels.shift();
  return labels.length > 0 && labels.every((l) => isName(l, NameFormat.DNS1123_LABEL));
}

/** Whether `address` is `host:port`: a DNS name, an IPv4 address or an IPv6 address in brackets, and a port from 1 to 65535. */
export function isHostPort(address: string): boolean {
  if (typeof address !== 'string') return false;
  const match = /^(.+):(\d{1,5})$/.exec(address.trim());
  if (match === null) return false;
  const port = Number(match[2]);
  const host = match[1];
  // An IPv6 address in brackets, as Kafka's bootstrap.servers takes it (Utils.getHost).
  const ipv6 = /^\[[0-9a-fA-F:.]+\]$/.test(host) && host.includes(':');
  return port >= 1 && port <= 65535 && (isHostname(host.toLowerCase()) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || ipv6);
}

/**
 * Whether a certificate SAN covers a hostname (RFC 6125): an exact match, or `*.d` for a hostname
 * one label deeper than `d`: `*.kafka.test` covers `broker-0.kafka.test`, not `a.broker-0.kafka.test`
 * and not `kafka.test`.
 */
export function sanCovers(san: string, hostname: string): boolean {
  if (typeof san !== 'string' || typeof hostname !== 'string') return false;
  const s = san.toLowerCase();
  const h = hostname.toLowerCase();
  if (!s.startsWith('*.')) return s === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === s.slice(2);
}

/**
 * Whether a Gateway listener hostname accepts a route hostname (Gateway API): an exact match, or
 * `*.d` for any hostname under `d`, however many labels deeper. No listener hostname accepts all.
 */
export function gatewayHostnameMatches(listenerHostname: string | undefined, hostname: string): boolean {
  if (listenerHostname === undefined) return true;
  if (typeof listenerHostname !== 'string' || typeof hostname !== 'string') return false;
  const l = listenerHostname.toLowerCase();
  const h = hostname.toLowerCase();
  return l.startsWith('*.') ? h.endsWith(l.slice(1)) && h.length > l.length - 1 : l === h;
}

/** Options of {@link HostnameScheme.subdomain}. */
export interface SubdomainSchemeOptions {
  /**
   * The bootstrap host's first label.
   * @default 'bootstrap'
   */
  readonly bootstrapLabel?: string;
  /**
   * The per-broker host's first label, with `{nodeId}`.
   * @default 'broker-{nodeId}'
   */
  readonly brokerLabel?: string;
}

/** The hostnames of a Kafka cluster's external listener. */
export class HostnameScheme {
  /**
   * Every host one label under `domain`: `bootstrap.<domain>` and `broker-<nodeId>.<domain>`, all
   * covered by one wildcard certificate (`*.<domain>`) and one Gateway listener hostname.
   */
  public static subdomain(domain: string, options: SubdomainSchemeOptions = {}): HostnameScheme {
    checkArgs('HostnameScheme.subdomain()', 'HostnameScheme.subdomain', arguments);
    const bootstrap = options.bootstrapLabel ?? 'bootstrap';
    const broker = options.brokerLabel ?? 'broker-{nodeId}';
    const factory = 'HostnameScheme.subdomain()';
    if (!isHostname(domain)) throwFactoryError(factory, 'domain', 'must be a DNS name of lowercase labels', domain, "use e.g. 'kafka.example.com'");
    if (!isName(bootstrap, NameFormat.DNS1123_LABEL)) throwFactoryError(factory, 'options.bootstrapLabel', 'must be one DNS label', bootstrap, "use e.g. 'bootstrap'");
    if (!broker.includes('{nodeId}') || !isName(broker.replace('{nodeId}', '0'), NameFormat.DNS1123_LABEL)) {
      throwFactoryError(factory, 'options.brokerLabel', 'must be one DNS label containing {nodeId}', broker, "use e.g. 'broker-{nodeId}'");
    }
    if (`${bootstrap}.${domain}`.length > 253) throwFactoryError(factory, 'domain', `makes the bootstrap host ${bootstrap}.${domain} longer than 253 characters, the most a DNS name has`, domain, 'use a shorter domain');
    // Node ids run to int32: the longest broker host must still be a DNS name.
    const longest = `${broker.replace('{nodeId}', '2147483647')}.${domain}`;
    if (!isName(broker.replace('{nodeId}', '2147483647'), NameFormat.DNS1123_LABEL) || longest.length > 253) {
      throwFactoryError(factory, 'options.brokerLabel', `makes broker hosts that are no DNS name for large node ids (e.g. ${longest.length > 60 ? `${longest.slice(0, 60)}…` : longest})`, broker, 'use a shorter label or domain');
    }
    return new HostnameScheme(domain, `${bootstrap}.${domain}`, `${broker}.${domain}`);
  }

  private constructor(
    /** The domain every host is under. */
    public readonly domain: string,
    /** The bootstrap host. */
    public readonly bootstrap: string,
    /** The per-broker host, with `{nodeId}` (Strimzi's `hostTemplate` syntax). */
    public readonly brokerTemplate: string,
  ) {}

  /** The host of broker `nodeId`. */
  public broker(nodeId: number): string {
    return this.brokerTemplate.replace('{nodeId}', String(nodeId));
  }

  /** The wildcard that covers every host of the scheme: the certificate SAN and the Gateway listener hostname. */
  public get wildcard(): string {
    return `*.${this.domain}`;
  }

  /** The bootstrap host and one host per broker. */
  public hosts(brokerNodeIds: readonly number[]): string[] {
    return [this.bootstrap, ...brokerNodeIds.map((id) => this.broker(id))];
  }
}
