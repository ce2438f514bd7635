import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import * as istio from '../../imports/istio-networking.istio.io';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { goDuration } from '../core/duration';
import { Subject, throwFactoryError, throwPropError } from '../core/errors';
import { checkFactoryName, labelKeyProblem, NameFormat, nameProblem } from '../core/naming';
import { NetworkPeer, podsPeer } from '../core/network';
import type { KafkaBridge } from '../bridge/kafka-bridge';
import { CentralTarget, claimCentral, claimRegional, FailoverProblem, failoverProblem, IFailoverRenderer, RegionalTarget } from './failover-gateway';
import { ResolvedFailover } from './model';

/** Options of {@link IstioFailover}. */
export interface IstioFailoverOptions {
  /**
   * The namespace of the ingress gateways (where their certificates must be).
   * @default 'istio-ingress'
   */
  readonly gatewayNamespace?: string;
  /**
   * The labels of the ingress gateway pods: the Gateways' selector, and the pods the bridges'
   * NetworkPolicy must admit. Istio's `gateway` Helm chart labels its pods `istio: <release
   * name without the istio- prefix>`, so `helm install istio-ingressgateway istio/gateway`
   * gives `istio: ingressgateway`.
   * @default { istio: 'ingressgateway' }
   */
  readonly gatewaySelector?: Record<string, string>;
}

/** Istio's port name for plain HTTP that a DestinationRule turns into TLS. */
const ORIGINATION_PORT = { number: 443, name: 'http-tls-origination', protocol: 'HTTP' };

/**
 * Renders the failover gateway for Istio (`networking.istio.io/v1`): in each region an ingress
 * Gateway and a VirtualService that names the region in `X-Forwarded-Host`; in the central
 * cluster a Gateway, VirtualServices, ServiceEntries for the regional gateways and
 * DestinationRules with locality failover, outlier detection (failover needs it: Istio has no
 * active health checks) and TLS origination.
 *
 * Locality failover orders the client's own region, then the `failover` target, then the rest,
 * so Istio expresses two priority levels, with the tier-1 proxy in the central region: `from` is
 * the `topology.kubernetes.io/region` label of the tier-1 gateway's nodes. (`failoverPriority`
 * could order more, but with a DNS ServiceEntry spanning localities it crashes istiod 1.30.0-1.30.4,
 * istio#61857.)
 */
export class IstioFailover implements IFailoverRenderer {
  public readonly provider = 'Istio';
  public readonly centralNamespaces: readonly string[] = [];
  public readonly usesGatewayClass = false;
  private readonly namespace: string;
  private readonly selector: Record<string, string>;

  /** Creates the Istio renderer. */
  public constructor(options: IstioFailoverOptions = {}) {
    checkArgs('new IstioFailover()', 'IstioFailover.constructor', arguments);
    const factory = 'new IstioFailover()';
    this.namespace = options.gatewayNamespace ?? 'istio-ingress';
    checkFactoryName(factory, 'options.gatewayNamespace', this.namespace, { format: NameFormat.DNS1123_LABEL, use: 'it names the Namespace of the ingress gateways', example: 'istio-ingress' });
    this.selector = { ...(options.gatewaySelector ?? { istio: 'ingressgateway' }) };
    // A Gateway's selector picks the gateway pods by label; an empty one is every gateway workload.
    if (Object.keys(this.selector).length === 0) throwFactoryError(factory, 'options.gatewaySelector', 'is empty: it would apply the Gateways to every gateway workload, and admit every pod of the namespace to the bridges', this.selector, "give the ingress gateway pods' labels, e.g. { istio: 'ingressgateway' }");
    for (const [key, value] of Object.entries(this.selector)) {
      const problem = labelKeyProblem(key) ?? nameProblem(value, NameFormat.LABEL_VALUE);
      if (problem !== undefined) throwFactoryError(factory, `options.gatewaySelector['${key}']`, `is not a Kubernetes label: ${problem}`, { [key]: value }, "use e.g. { istio: 'ingressgateway' }");
    }
  }

  /** The ingress gateway pods (`gatewaySelector` in `gatewayNamespace`), wherever the Gateway objects are. */
  public gatewayPeer(bridgeNamespace: string | undefined, _namespace?: string): NetworkPeer {
    return podsPeer(this.namespace, this.selector, bridgeNamespace);
  }

  public regionalNamespace(_bridge: KafkaBridge): string {
    return this.namespace;
  }

  public proxyNamespace(_objectNamespace: string | undefined): string {
    return this.namespace;
  }

  public check(settings: ResolvedFailover): FailoverProblem[] {
    const problems: FailoverProblem[] = [];
    if (settings.priorityLevels.length > 2) {
      problems.push(failoverProblem('regions', `have ${settings.priorityLevels.length} priority levels; Istio's locality failover orders only the target after the client's own region`, settings.priorityLevels, 'use two priority levels (several regions may share one)'));
    }
    if (settings.regions.some((r) => r.name === settings.centralRegion)) {
      problems.push(failoverProblem('centralRegion', 'is also a bridge region; locality failover would prefer it from the tier-1 gateway', settings.centralRegion, 'run the tier-1 gateway in a region of its own'));
    }
    return problems;
  }

  public renderRegional(scope: Construct, settings: ResolvedFailover, target: RegionalTarget): void {
    this.checkObjectNamespace({ scope, kind: 'RegionalGateway', name: target.region.name }, target.namespace);
    const { region, bridge } = target;
    claimRegional(scope, 'Istio', target.namespace, `${bridge.bridgeName}-${region.name}`, settings.hostname, region.name);
    const hosts = [settings.hostname, region.pinnedHostname];
    const gateway = this.gateway(scope, `${bridge.bridgeName}-${region.name}`, hosts, target.certificate.secretName, target.namespace);
    new istio.VirtualService(scope, 'VirtualService', {
      metadata: { name: `${bridge.bridgeName}-${region.name}`, namespace: target.namespace },
      spec: {
        hosts,
        gateways: [gateway],
        http: [{
          name: 'bridge',
          // The bridge builds consumer base_uris from these: they must name this region's pinned host.
          headers: { request: { set: { 'X-Forwarded-Host': region.pinnedHostname, 'X-Forwarded-Proto': 'https' } } },
          route: [{ destination: { host: `${bridge.serviceName}.${bridge.namespace}.svc.cluster.local`, port: { number: bridge.httpPort } } }],
        }],
      },
    });
  }

  public renderCentral(scope: Construct, settings: ResolvedFailover, target: CentralTarget): void {
    this.checkObjectNamespace({ scope, kind: 'Tier1Gateway', name: settings.hostname }, target.namespace);
    const namespace = target.namespace;
    const name = settings.hostname.split('.')[0];
    const subject: Subject = { scope, kind: 'Tier1Gateway', name: settings.hostname };
    claimCentral(subject, 'Istio', namespace, name);
    // The tier-1 ingress gateway reads a DestinationRule's credentialName from its own namespace
    // (istio/api destination_rule.proto ClientTLSSettings.credential_name: "This secret must
    // exist in the namespace of the proxy using the certificates").
    ConsistencyPass.of(scope).refer(subject, 'caSecret', secretRef(this.namespace, settings.caSecret), `create the Secret (key ca.crt: the CA of the regional gateways' certificates) in ${this.namespace}, the tier-1 ingress gateway's namespace`, true);
    const gateway = this.gateway(scope, `${name}-tier1`, [settings.hostname, ...settings.regions.map((r) => r.pinnedHostname)], target.certificate.secretName, namespace);
    const primary = settings.regions.filter((r) => r.priority === settings.priorityLevels[0]);
    const pool = `${name}.failover.internal`;

    this.destination(scope, 'Pool', { name: `${name}-failover`, namespace, host: pool, sni: settings.hostname, settings, endpoints: settings.regions, failover: primary.map((r) => ({ from: settings.centralRegion, to: r.name })) });
    this.route(scope, 'Route', { name: `${name}-failover`, namespace, gateway, hosts: [settings.hostname], destination: pool, settings });
    for (const region of settings.regions) {
      const host = `${region.name}.${pool}`;
      this.destination(scope, `Pinned${region.name}`, { name: `${name}-${region.name}`, namespace, host, sni: region.pinnedHostname, settings, endpoints: [region] });
      this.route(scope, `PinnedRoute${region.name}`, { name: `${name}-${region.name}`, namespace, gateway, hosts: [region.pinnedHostname], destination: host, settings });
    }
  }

  private gateway(scope: Construct, name: string, hosts: string[], credentialName: string, namespace?: string): string {
    new istio.Gateway(scope, 'Gateway', {
      metadata: { name, namespace },
      spec: {
        selector: this.selector,
        servers: [{
          port: { number: 443, name: 'https', protocol: 'HTTPS' },
          // './host': only VirtualServices in the Gateway's own namespace may bind these hosts
          // (istio Gateway `hosts`: "namespace/dnsName"; bare hosts mean */, any namespace).
          hosts: hosts.map((h) => `./${h}`),
          tls: { mode: istio.GatewaySpecServersTlsMode.SIMPLE, credentialName, minProtocolVersion: istio.GatewaySpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_2 },
        }],
      },
    });
    return name;
  }

  /**
   * The objects are exported to their own namespace only (`exportTo: ['.']`), so the ingress
   * gateway that must see them (istio `Sidecar`/`exportTo` visibility) has to run there.
   */
  private checkObjectNamespace(subject: Subject, namespace: string | undefined): void {
    if (namespace !== this.namespace) {
      throwPropError(subject, 'namespace', `puts the Istio Gateway, VirtualServices, ServiceEntries and DestinationRules in ${namespace ?? '(none)'}, but they are exported to their own namespace only, and the ingress gateway that must see them runs in ${this.namespace}`, namespace ?? '(none)', `leave namespace unset, or set it to ${this.namespace} (IstioFailover gatewayNamespace)`);
    }
  }

  private route(scope: Construct, id: string, p: { name: string; namespace?: string; gateway: string; hosts: string[]; destination: string; settings: ResolvedFailover }): void {
    const retries = p.settings.retries;
    new istio.VirtualService(scope, id, {
      metadata: { name: p.name, namespace: p.namespace },
      spec: {
        hosts: p.hosts,
        gateways: [p.gateway],
        exportTo: ['.'],
        http: [{
          route: [{ destination: { host: p.destination, port: { number: ORIGINATION_PORT.number } } }],
          // A retry may go to the next locality: the one the request failed over to.
          retries: { attempts: retries.attempts, perTryTimeout: goDuration(retries.perTryTimeout), retryOn: retries.on.join(','), retryRemoteLocalities: true },
        }],
      },
    });
  }

  private destination(scope: Construct, id: string, p: {
    name: string; namespace?: string; host: string; sni: string; settings: ResolvedFailover;
    endpoints: readonly ResolvedFailover['regions'][number][]; failover?: { from: string; to: string }[];
  }): void {
    const outlier = p.settings.outlierDetection;
    new istio.ServiceEntry(scope, `${id}Entry`, {
      metadata: { name: p.name, namespace: p.namespace },
      spec: {
        hosts: [p.host],
        exportTo: ['.'],
        location: istio.ServiceEntrySpecLocation.MESH_UNDERSCORE_EXTERNAL,
        resolution: istio.ServiceEntrySpecResolution.DNS,
        ports: [ORIGINATION_PORT],
        endpoints: p.endpoints.map((r) => ({ address: r.address, locality: r.name, ports: { [ORIGINATION_PORT.name]: 443 } })),
      },
    });
    new istio.DestinationRule(scope, `${id}Rule`, {
      metadata: { name: p.name, namespace: p.namespace },
      spec: {
        host: p.host,
        exportTo: ['.'],
        trafficPolicy: {
          ...(p.failover && { loadBalancer: { localityLbSetting: { enabled: true, failover: p.failover } } }),
          outlierDetection: {
            consecutiveGatewayErrors: outlier.consecutiveGatewayErrors,
            consecutive5XxErrors: outlier.consecutive5xxErrors,
            interval: goDuration(outlier.interval),
            baseEjectionTime: goDuration(outlier.baseEjectionTime),
            maxEjectionPercent: 100,
          },
          tls: { mode: istio.DestinationRuleSpecTrafficPolicyTlsMode.SIMPLE, sni: p.sni, subjectAltNames: [p.sni], credentialName: p.settings.caSecret },
        },
      },
    });
  }
}
