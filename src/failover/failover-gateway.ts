import { checkArgs } from '../core/props';
import { ConsistencyPass, secretRef, serviceRef } from '../core/consistency';
import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import type { KafkaBridge } from '../bridge/kafka-bridge';
import type { ICertificate } from '../certs/certificate';
import type { IGatewayClass } from '../gateway/gateway-class';
import { Subject, throwPropError } from '../core/errors';
import { NetworkPeer, peerLiteral } from '../core/network';
import { FailoverModel, FailoverModelProps, ResolvedFailover } from './model';

/** Something a provider cannot do, reported by {@link IFailoverRenderer.check}. */
export interface FailoverProblem {
  /** The prop at fault. */
  readonly prop: string;
  /** What is wrong. */
  readonly problem: string;
  /** The value received. */
  readonly value: unknown;
  /** What to do. */
  readonly fix: string;
}

/** A {@link FailoverProblem}, for renderers' `check`. */
export function failoverProblem(prop: string, problem: string, value: unknown, fix: string): FailoverProblem {
  return { prop, problem, value, fix };
}

/** What a renderer needs for one region's gateway (in the region's cluster). */
export interface RegionalTarget {
  /** The region, resolved. */
  readonly region: ResolvedFailover['regions'][number];
  /** The bridge the region's gateway fronts. */
  readonly bridge: KafkaBridge;
  /** The regional gateway's certificate. */
  readonly certificate: ICertificate;
  /** The namespace of the gateway objects. */
  readonly namespace?: string;
  /** The GatewayClass of the region's cluster, for providers that make Gateway API Gateways. */
  readonly gatewayClass?: IGatewayClass;
}

/** What a renderer needs for the tier-1 gateway (in the central cluster). */
export interface CentralTarget {
  /** The tier-1 gateway's certificate. */
  readonly certificate: ICertificate;
  /** The namespace of the tier-1 objects. */
  readonly namespace?: string;
  /** The GatewayClass of the central cluster, for providers that make Gateway API Gateways. */
  readonly gatewayClass?: IGatewayClass;
}

/** Turns a {@link FailoverModel} into one provider's objects. */
export interface IFailoverRenderer {
  /** The provider's name, for messages. */
  readonly provider: string;
  /** Namespaces the provider's central configuration lives in besides the tier-1 gateway's; the central cluster must create them. */
  readonly centralNamespaces: readonly string[];
  /**
   * Whether the provider's gateways are Gateway API Gateways, which name a GatewayClass: then
   * {@link RegionalGatewayOptions.gatewayClass} and {@link Tier1GatewayOptions.gatewayClass} are
   * required; otherwise they are refused (the provider selects its proxies another way).
   */
  readonly usesGatewayClass: boolean;
  /** The namespace of a region's gateway objects when none is given (where the certificate must be). */
  regionalNamespace(bridge: KafkaBridge): string | undefined;
  /**
   * The namespace of the gateway proxy that serves gateway objects in `objectNamespace`: where it
   * reads its certificate Secret. Istio's ingress gateway reads `credentialName` from its own
   * namespace whatever the Gateway object's (istio `pilot/pkg/xds/sds.go`: "we require the
   * secret to be in the same namespace as the proxy"); Envoy Gateway and TSB read it next to
   * the Gateway object.
   */
  proxyNamespace(objectNamespace: string | undefined): string | undefined;
  /**
   * The gateway proxy pods of a region, as a {@link NetworkPeer} for the NetworkPolicy of a
   * bridge in `bridgeNamespace`: what the bridge's `allowFrom` must admit (an entry to add to it
   * as it is), without namespaceLabels when the proxies run in the bridge's own namespace.
   * {@link FailoverGateway.addRegionalGateway} fails when the bridge does not admit it.
   * @param bridgeNamespace the namespace of the bridge (and its NetworkPolicy)
   * @param namespace the namespace of the regional gateway objects; by default the provider's,
   *   as {@link IFailoverRenderer.regionalNamespace} gives for a bridge in `bridgeNamespace`
   */
  gatewayPeer(bridgeNamespace: string | undefined, namespace?: string): NetworkPeer;
  /** What the provider cannot do with these settings: empty when it can do everything. */
  check(settings: ResolvedFailover): FailoverProblem[];
  /** Adds a region's gateway objects to `scope`. */
  renderRegional(scope: Construct, settings: ResolvedFailover, target: RegionalTarget): void;
  /** Adds the tier-1 gateway's objects to `scope`. */
  renderCentral(scope: Construct, settings: ResolvedFailover, target: CentralTarget): void;
}

/** Props of {@link FailoverGateway}. */
export interface FailoverGatewayProps extends FailoverModelProps {
  /** Who implements it: `new IstioFailover()`, `new EnvoyGatewayFailover(...)` or `new TetrateFailover(...)`. */
  readonly provider: IFailoverRenderer;
}

/** Options of {@link FailoverGateway.addRegionalGateway}. */
export interface RegionalGatewayOptions {
  /** The region (one of the model's). */
  readonly region: string;
  /** The bridge the region's gateway fronts. */
  readonly bridge: KafkaBridge;
  /** The regional gateway's certificate: it must cover the global and the region's pinned hostname. */
  readonly certificate: ICertificate;
  /**
   * The namespace of the gateway objects.
   * @default - the provider's (Istio: the ingress gateway's, `istio-ingress`; others: the bridge's)
   */
  readonly namespace?: string;
  /**
   * The GatewayClass of the region's Gateway, defined in the region's cluster (its chart): an
   * `EnvoyGatewayClass`, or `EnvoyGatewayClass.fromGatewayClassName()` for one installed
   * beforehand. Required by Envoy Gateway; refused by Istio and TSB, which select their gateway
   * proxies by labels.
   * @default - none
   */
  readonly gatewayClass?: IGatewayClass;
}

/** Options of {@link FailoverGateway.addTier1Gateway}. */
export interface Tier1GatewayOptions {
  /** The tier-1 gateway's certificate: it must cover the global and every pinned hostname. */
  readonly certificate: ICertificate;
  /**
   * The namespace of the tier-1 objects.
   * @default - the certificate's
   */
  readonly namespace?: string;
  /**
   * The GatewayClass of the tier-1 Gateway, defined in the central cluster (its chart). Required
   * by Envoy Gateway; refused by Istio and TSB.
   * @default - none
   */
  readonly gatewayClass?: IGatewayClass;
}

/**
 * A tier-1 gateway that sends Kafka Bridge traffic to the most preferred healthy region, with
 * two route classes: stateless calls on the global hostname fail over by priority; consumer
 * instances, which live in one bridge's memory, are reached on the pinned hostname of the
 * region that created them (the regional gateway names it in `X-Forwarded-Host`, so the bridge's
 * `base_uri` already points there).
 *
 * Add one regional gateway per region, in that region's chart, and the tier-1 gateway in the
 * central cluster's chart: each call emits only that cluster's objects.
 */
export class FailoverGateway {
  /** The provider-neutral model: regions, priorities, health checks and retries. */
  public readonly model: FailoverModel;
  /** The provider that renders the objects. */
  public readonly provider: IFailoverRenderer;

  /** Resolves the model and checks it against the provider; throws on the first problem. */
  public constructor(props: FailoverGatewayProps) {
    checkArgs('new FailoverGateway()', 'FailoverGateway.constructor', arguments);
    const { provider, ...modelProps } = props;
    this.model = new FailoverModel(modelProps);
    this.provider = provider;
    const [first] = this.provider.check(this.model.settings);
    if (first !== undefined) {
      throw new Error(`FailoverGateway '${props.hostname}' (${this.provider.provider}): ${first.prop} ${first.problem} (got ${JSON.stringify(first.value)}); ${first.fix}`);
    }
  }

  /** The regional gateway of `options.region`, in front of its bridge. */
  public addRegionalGateway(scope: Construct, id: string, options: RegionalGatewayOptions): Construct {
    checkArgs('FailoverGateway.addRegionalGateway()', 'FailoverGateway.addRegionalGateway', arguments);
    const construct = new Construct(scope, id);
    const subject: Subject = { scope: construct, kind: 'RegionalGateway', name: options.region };
    const names = this.model.settings.regions.map((r) => r.name);
    if (!names.includes(options.region)) {
      throwPropError(subject, 'region', `is not a region of the model: FailoverGateway '${this.model.settings.hostname}' has no region '${options.region}'; it has ${names.join(', ')}`, options.region, `use one of ${names.map((n) => `'${n}'`).join(', ')}, or add the region to the FailoverGateway's regions`);
    }
    const region = this.model.region(options.region);
    const bridge = options.bridge;
    if (bridge.replicas > 1 && bridge.consumerEnabled) {
      throwPropError(subject, 'bridge.replicas', `are more than one behind the failover gateway, but a bridge consumer lives in one pod and nothing routes its requests back to that pod`, bridge.replicas, 'run 1 bridge replica per region, or a producer-only bridge (consumer: false) that scales freely');
    }
    if (bridge.httpTls !== undefined) {
      throwPropError(subject, 'bridge.httpTls', `is set on KafkaBridge '${bridge.bridgeName}' at ${bridge.node.path}, which then serves HTTPS, but the regional gateway forwards plain HTTP to the bridge's Service (it terminates the clients' TLS itself)`, bridge.httpTls.secretName, "drop the bridge's httpTls behind a failover gateway; the gateway's certificate secures the clients' side");
    }
    if (bridge.namespace === undefined) {
      throwPropError(subject, 'bridge.namespace', `is unset (KafkaBridge '${bridge.bridgeName}' at ${bridge.node.path}, in a chart without a namespace): the regional gateway routes to the bridge's Service by its cluster DNS name, <service>.<namespace>.svc`, bridge.namespace, "give the bridge a namespace (its namespace prop, or its chart's), e.g. 'bridge'");
    }
    const namespace = options.namespace ?? this.provider.regionalNamespace(bridge);
    checkCertificate(subject, options.certificate, this.model.regionalHostnames(options.region), this.provider.proxyNamespace(namespace));
    // Strimzi makes no NetworkPolicy for a bridge, the library does: it must let the provider's
    // gateway proxies in, or every request they forward is dropped (k8s.io/api networking/v1
    // NetworkPolicySpec.ingress: traffic is allowed "if the traffic matches at least one ingress
    // rule across all of the NetworkPolicy objects whose podSelector matches the pod").
    const proxies = this.provider.gatewayPeer(bridge.namespace, namespace);
    if (!bridge.admits(proxies)) {
      const admitted = bridge.allowFrom === undefined ? `unset, which admits only the pods of namespace ${bridge.namespace}` : bridge.allowFrom.length === 0 ? '[], which admits nobody' : `[${bridge.allowFrom.map(peerLiteral).join(', ')}]`;
      throwPropError(subject, 'bridge.allowFrom', `does not admit the gateway proxies of ${this.provider.provider}, ${peerLiteral(proxies)}: KafkaBridge '${bridge.bridgeName}' at ${bridge.node.path} has allowFrom ${admitted}, so its NetworkPolicy would drop every request the regional gateway forwards`, bridge.allowFrom, `add ${peerLiteral(proxies)} to the bridge's allowFrom`);
    }
    ConsistencyPass.of(construct).refer(subject, 'bridge', serviceRef(bridge.namespace, bridge.serviceName), "a regional gateway routes to its bridge's Service in its own Kubernetes cluster: add it to the bridge's cluster");
    checkGatewayClass(subject, this.provider, options.gatewayClass);
    this.provider.renderRegional(construct, this.model.settings, { region, bridge, certificate: options.certificate, namespace, gatewayClass: options.gatewayClass });
    return construct;
  }

  /** The tier-1 gateway, in the central cluster. */
  public addTier1Gateway(scope: Construct, id: string, options: Tier1GatewayOptions): Construct {
    checkArgs('FailoverGateway.addTier1Gateway()', 'FailoverGateway.addTier1Gateway', arguments);
    const construct = new Construct(scope, id);
    const namespace = options.namespace ?? options.certificate.namespace;
    const subject: Subject = { scope: construct, kind: 'Tier1Gateway', name: this.model.settings.hostname };
    checkCertificate(subject, options.certificate, this.model.centralHostnames, this.provider.proxyNamespace(namespace));
    checkGatewayClass(subject, this.provider, options.gatewayClass);
    this.provider.renderCentral(construct, this.model.settings, { certificate: options.certificate, namespace, gatewayClass: options.gatewayClass });
    // The tier-1 gateway serves HTTPS with its certificate, for the trust-chain check of its clients.
    const secret = secretRef(this.provider.proxyNamespace(namespace), options.certificate.secretName);
    ConsistencyPass.of(construct).tlsServer({
      scope: construct,
      what: `the tier-1 gateway of FailoverGateway '${this.model.settings.hostname}'`,
      addresses: () => this.model.centralHostnames.map((h) => `${h}:443`),
      trust: secret,
      certificate: secret,
    });
    return construct;
  }
}

/**
 * A provider that makes Gateway API Gateways gets the GatewayClass of the gateway's own cluster (a
 * GatewayClass is cluster-scoped: one in another cluster's chart is not there); one that does not
 * gets none, so that a class given for nothing is not silently dropped.
 */
function checkGatewayClass(subject: Subject, provider: IFailoverRenderer, gatewayClass: IGatewayClass | undefined): void {
  if (!provider.usesGatewayClass) {
    if (gatewayClass !== undefined) throwPropError(subject, 'gatewayClass', `is set, but ${provider.provider} selects its gateway proxies by labels, not by a GatewayClass`, gatewayClass.gatewayClassName, 'leave gatewayClass unset');
    return;
  }
  if (gatewayClass === undefined) {
    throwPropError(subject, 'gatewayClass', `is unset: ${provider.provider} makes a Gateway API Gateway, which names the GatewayClass that runs it`, undefined,
      "pass the GatewayClass of this cluster: new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-bridge' }), or EnvoyGatewayClass.fromGatewayClassName(chart, 'GatewayClass', '<name>') for one installed beforehand");
  }
  if (Chart.of(gatewayClass) !== Chart.of(subject.scope)) {
    throwPropError(subject, 'gatewayClass', `is GatewayClass '${gatewayClass.gatewayClassName}' at ${gatewayClass.node.path}, in another cluster's chart (${Chart.of(gatewayClass).node.path}); a GatewayClass is an object of the cluster that runs the Gateway`, gatewayClass.gatewayClassName,
      `define the GatewayClass in this cluster's chart (${Chart.of(subject.scope).node.path})`);
  }
}

/** The certificate covers every hostname, and its Secret is where the gateway proxy (in `proxyNamespace`) reads it, in the same cluster. */
function checkCertificate(subject: Subject, certificate: ICertificate, hostnames: readonly string[], proxyNamespace: string | undefined): void {
  const uncovered = hostnames.filter((h) => !certificate.covers(h));
  if (uncovered.length > 0) {
    throwPropError(subject, 'certificate', `does not cover ${uncovered.join(', ')} (its SANs: ${certificate.dnsNames.join(', ')})`, certificate.secretName, `add ${uncovered.join(', ')} to its dnsNames`);
  }
  if (certificate.namespace !== proxyNamespace) {
    throwPropError(subject, 'certificate', `is in namespace ${certificate.namespace ?? '(none)'}, but the gateway proxy reads its Secret from its own namespace, ${proxyNamespace ?? '(none)'}`, certificate.secretName, `issue the Certificate in ${proxyNamespace ?? "the gateway's namespace"}`);
  }
  ConsistencyPass.of(subject.scope).refer(subject, 'certificate', secretRef(proxyNamespace, certificate.secretName), 'issue the Certificate in the cluster the gateway runs in');
}

const CLAIMS = new WeakMap<Chart, Map<string, string>>();

/**
 * Records that `claimant` (e.g. `FailoverGateway 'bridge.example.com' at central/Failover`)
 * renders the objects `key` stands for in the chart of `scope`; returns the earlier claimant
 * when another did already, for the renderers' own messages (the consistency pass would only
 * say an object is emitted twice).
 * @internal
 */
export function claimNames(scope: IConstruct, key: string, claimant: string): string | undefined {
  const chart = Chart.of(scope);
  const claims = CLAIMS.get(chart) ?? new Map<string, string>();
  CLAIMS.set(chart, claims);
  const earlier = claims.get(key);
  if (earlier === undefined) claims.set(key, claimant);
  return earlier;
}

/**
 * Claims the names of a region's gateway objects (`<bridge>-<region>`, the same for every
 * provider) in the chart of `scope`; throws when another regional gateway there has them.
 * @internal
 */
export function claimRegional(scope: Construct, provider: string, namespace: string | undefined, name: string, hostname: string, region: string): void {
  const earlier = claimNames(scope, `${provider} regional|${namespace ?? ''}|${name}`, `FailoverGateway '${hostname}' at ${scope.node.path}`);
  if (earlier !== undefined) {
    throwPropError({ scope, kind: 'RegionalGateway', name: region }, 'region', `has its gateway objects named ${name} (<bridge>-<region>) in namespace ${namespace ?? '(none)'}, as the regional gateway of ${earlier} does in this chart; one would overwrite the other`, region, 'add one regional gateway per bridge and region, or put this one in another namespace (its namespace option)');
  }
}

/**
 * Claims the names of a tier-1 gateway's objects (`<first label of hostname>-tier1`, `-failover`,
 * `-<region>`) in the chart of `subject`; throws when another tier-1 gateway there has them.
 * @internal
 */
export function claimCentral(subject: Subject, provider: string, namespace: string | undefined, prefix: string): void {
  const earlier = claimNames(subject.scope, `${provider} central|${namespace ?? ''}|${prefix}`, `FailoverGateway '${subject.name}' at ${subject.scope.node.path}`);
  if (earlier !== undefined) {
    throwPropError(subject, 'hostname', `starts with the label '${prefix}', which names the tier-1 objects (${prefix}-tier1, ${prefix}-failover, ${prefix}-<region>), as the tier-1 gateway of ${earlier} does in namespace ${namespace ?? '(none)'} of this chart; one would overwrite the other`, subject.name, 'give the failover gateways hostnames with distinct first labels, or their tier-1 gateways distinct namespaces');
  }
}
