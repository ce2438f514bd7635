import { ConsistencyPass } from '../core/consistency';
import { PodSecurityLevel } from '../policy/pod-security';
import { checkArgs } from '../core/props';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { KafkaBridge } from '../bridge/kafka-bridge';
import { goDuration } from '../core/duration';
import { Subject, throwPropError } from '../core/errors';
import { checkFactoryName, NameFormat } from '../core/naming';
import { NetworkPeer, podsPeer } from '../core/network';
import { CentralTarget, claimNames, claimRegional, FailoverProblem, failoverProblem, IFailoverRenderer, RegionalTarget } from './failover-gateway';
import { ResolvedFailover } from './model';

/**
 * The Tetrate Service Bridge objects we emit, in its GitOps dialect. TSB publishes no CRD: these
 * shapes are typed by hand from Tetrate's API reference (tsb/v2, gateway/v2, traffic/v2 and
 * install/dataplane/v1alpha1) and pinned by `test/failover/tetrate.test.ts`.
 */
export const TSB_API_VERSIONS = {
  /** `Tenant`: holds the workspaces. */
  Tenant: 'tsb.tetrate.io/v2',
  /** `Workspace`: the namespaces of the bridges, or of the tier-1 gateway. */
  Workspace: 'tsb.tetrate.io/v2',
  /** `WorkspaceSetting`: the bridges workspace's regional failover. */
  WorkspaceSetting: 'tsb.tetrate.io/v2',
  /** Gateway `Group`: a workspace's gateways. */
  GatewayGroup: 'gateway.tsb.tetrate.io/v2',
  /** `IngressGateway`: a region's route to its bridge. */
  IngressGateway: 'gateway.tsb.tetrate.io/v2',
  /** `Tier1Gateway`: the tier-1 servers and the regional clusters behind them. */
  Tier1Gateway: 'gateway.tsb.tetrate.io/v2',
  /** Traffic `Group`: the tier-1 workspace's traffic settings. */
  TrafficGroup: 'traffic.tsb.tetrate.io/v2',
  /** `TrafficSetting`: outlier detection and retries of the tier-1 gateway. */
  TrafficSetting: 'traffic.tsb.tetrate.io/v2',
  /** `IngressGateway` install resource: deploys a region's ingress gateway. */
  InstallIngressGateway: 'install.tetrate.io/v1alpha1',
  /** `Tier1Gateway` install resource: deploys the tier-1 gateway. */
  InstallTier1Gateway: 'install.tetrate.io/v1alpha1',
} as const;

/** `tsb.tetrate.io/*` annotations: an object's place in the TSB hierarchy. */
interface Hierarchy {
  readonly organization: string;
  readonly tenant?: string;
  readonly workspace?: string;
  readonly gatewayGroup?: string;
  readonly trafficGroup?: string;
}

interface TlsSettings { readonly mode: 'SIMPLE'; readonly secretName: string }
interface HeaderModify { readonly headers: { readonly request: { readonly set: Record<string, string> } } }

/** gateway.tsb.tetrate.io/v2 IngressGateway `spec`. */
interface TsbIngressGatewaySpec {
  readonly workloadSelector: { readonly namespace: string; readonly labels: Record<string, string> };
  readonly http: ReadonlyArray<{
    readonly name: string;
    readonly port: number;
    readonly hostname: string;
    readonly tls: TlsSettings;
    readonly routing: { readonly rules: ReadonlyArray<{ readonly modify: HeaderModify; readonly route: { readonly host: string; readonly port: number } }> };
  }>;
}

/** gateway.tsb.tetrate.io/v2 Tier1Gateway `spec`. */
interface TsbTier1GatewaySpec {
  readonly workloadSelector: { readonly namespace: string; readonly labels: Record<string, string> };
  readonly externalServers: ReadonlyArray<{
    readonly name: string;
    readonly hostname: string;
    readonly port: number;
    readonly tls: TlsSettings;
    /** No weights: TSB does locality failover between the clusters only when none is weighted. */
    readonly clusters: ReadonlyArray<{ readonly name: string }>;
  }>;
}

/** traffic.tsb.tetrate.io/v2 TrafficSetting `spec` (the parts we set). */
interface TsbTrafficSettingSpec {
  readonly outbound: {
    readonly upstreamTrafficSettings: ReadonlyArray<{
      readonly hosts: readonly string[];
      readonly settings: {
        readonly resilience: {
          readonly outlierDetection: {
            readonly consecutive5xx: number;
            readonly consecutiveGatewayFailure: number;
            readonly interval: string;
            readonly baseEjectionTime: string;
            readonly maxEjectionPercent: number;
          };
          readonly connectionPool: { readonly http: { readonly retries: { readonly attempts: number; readonly perTryTimeout: string; readonly retryOn: string } } };
        };
      };
    }>;
  };
}

/** tsb.tetrate.io/v2 WorkspaceSetting `spec` (the parts we set). */
interface TsbWorkspaceSettingSpec {
  readonly failoverSettings: { readonly regionalFailover: ReadonlyArray<{ readonly from: string; readonly to: string }> };
}

/** Options of {@link TetrateFailover}. */
export interface TetrateFailoverOptions {
  /** @default 'tetrate' */
  readonly organization?: string;
  /** @default 'kafka' */
  readonly tenant?: string;
  /**
   * The namespace the TSB configuration objects are applied in on the GitOps-enabled (central) cluster.
   * @default 'tsb-conf'
   */
  readonly configNamespace?: string;
  /**
   * The name of each regional ingress gateway deployment (its `app` label).
   * @default 'bridge-gateway'
   */
  readonly ingressGatewayName?: string;
  /**
   * The namespace of the bridges in every region (the bridges workspace selects it).
   * @default 'bridge'
   */
  readonly bridgeNamespace?: string;
}

/**
 * Renders the failover gateway for Tetrate Service Bridge (the seed's choice), in the GitOps
 * dialect: an IngressGateway (and its install resource) per region; in the central cluster the
 * Tier1Gateway and its install resource, plus the hierarchy (Tenant, Workspaces,
 * WorkspaceSetting with `failoverSettings`, gateway and traffic Groups, a TrafficSetting with
 * outlier detection and safe retries) applied on that GitOps-enabled cluster.
 *
 * The tier-1 gateway lists the regional clusters without weights, so TSB fails over between them
 * (weights would make a fixed split); like Istio, regional failover orders one target after the
 * tier-1 gateway's own region, so two priority levels. TSB carries tier-1 to tier-2 traffic over
 * its own mutual TLS. Regions are TSB cluster names.
 */
export class TetrateFailover implements IFailoverRenderer {
  public readonly provider = 'Tetrate Service Bridge';
  /** The TSB configuration namespace. */
  public readonly centralNamespaces: readonly string[];
  public readonly usesGatewayClass = false;
  private readonly organization: string;
  private readonly tenant: string;
  private readonly configNamespace: string;
  private readonly ingressName: string;
  private readonly bridgeNamespace: string;

  /** Creates the Tetrate Service Bridge renderer. */
  public constructor(options: TetrateFailoverOptions = {}) {
    checkArgs('new TetrateFailover()', 'TetrateFailover.constructor', arguments);
    this.organization = options.organization ?? 'tetrate';
    this.tenant = options.tenant ?? 'kafka';
    this.configNamespace = options.configNamespace ?? 'tsb-conf';
    this.centralNamespaces = [this.configNamespace];
    this.ingressName = options.ingressGatewayName ?? 'bridge-gateway';
    this.bridgeNamespace = options.bridgeNamespace ?? 'bridge';
    const factory = 'new TetrateFailover()';
    checkFactoryName(factory, 'options.tenant', this.tenant, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Tenant object', example: 'kafka' });
    checkFactoryName(factory, 'options.configNamespace', this.configNamespace, { format: NameFormat.DNS1123_LABEL, use: 'it names the Namespace of the TSB configuration', example: 'tsb-conf' });
    // The deployment's name and its pods' `app` label: a label value and an object name.
    checkFactoryName(factory, 'options.ingressGatewayName', this.ingressName, { format: NameFormat.DNS1123_LABEL, use: "it names each regional ingress gateway and is its pods' app label", example: 'bridge-gateway' });
    checkFactoryName(factory, 'options.bridgeNamespace', this.bridgeNamespace, { format: NameFormat.DNS1123_LABEL, use: 'it names the Namespace of the bridges', example: 'bridge' });
  }

  /**
   * The regional ingress gateway pods: TSB deploys the install `IngressGateway` in its own
   * namespace (the regional objects', by default the bridge's), pods labelled
   * `app: <ingressGatewayName>`, which the `workloadSelector` of the gateway configuration selects.
   */
  public gatewayPeer(bridgeNamespace: string | undefined, namespace?: string): NetworkPeer {
    return podsPeer(namespace ?? bridgeNamespace, { app: this.ingressName }, bridgeNamespace);
  }

  public regionalNamespace(bridge: KafkaBridge): string | undefined {
    return bridge.namespace;
  }

  public proxyNamespace(objectNamespace: string | undefined): string | undefined {
    return objectNamespace;
  }

  public check(settings: ResolvedFailover): FailoverProblem[] {
    const problems: FailoverProblem[] = [];
    if (settings.priorityLevels.length > 2) {
      problems.push(failoverProblem('regions', `have ${settings.priorityLevels.length} priority levels; TSB's regional failover orders only the target after the tier-1 gateway's region`, settings.priorityLevels, 'use two priority levels (several regions may share one)'));
    }
    if (settings.regions.some((r) => r.name === settings.centralRegion)) {
      problems.push(failoverProblem('centralRegion', 'is also a bridge region; regional failover would prefer it from the tier-1 gateway', settings.centralRegion, 'run the tier-1 gateway in a region of its own'));
    }
    return problems;
  }

  public renderRegional(scope: Construct, settings: ResolvedFailover, target: RegionalTarget): void {
    const { region, bridge } = target;
    const subject: Subject = { scope, kind: 'RegionalGateway', name: region.name };
    const namespace = target.namespace ?? Chart.of(scope).namespace;
    if (namespace === undefined) {
      throwPropError(subject, 'namespace', "is unset, and so is the bridge's: TSB's workloadSelector names the ingress gateway's namespace", namespace, "give the bridge a namespace, e.g. 'bridge'");
    }
    if (bridge.namespace !== this.bridgeNamespace) {
      throwPropError(subject, 'bridge.namespace', `is not the namespace the TSB bridges workspace selects (TetrateFailover bridgeNamespace: ${this.bridgeNamespace}), so TSB would not expose KafkaBridge '${bridge.bridgeName}' at ${bridge.node.path}`, bridge.namespace, `pass bridgeNamespace: '${bridge.namespace}' to TetrateFailover, or put the bridge in ${this.bridgeNamespace}`);
    }
    claimRegional(scope, 'TSB', namespace, `${bridge.bridgeName}-${region.name}`, settings.hostname, region.name);
    const earlier = claimNames(scope, `TSB install|${namespace}|${this.ingressName}`, `FailoverGateway '${settings.hostname}' at ${scope.node.path}`);
    if (earlier !== undefined) {
      throwPropError(subject, 'provider', `installs the regional ingress gateway '${this.ingressName}' in namespace ${namespace}, as the regional gateway of ${earlier} does in this chart; the install IngressGateway would be emitted twice`, this.ingressName, 'give this TetrateFailover another ingressGatewayName, or this regional gateway another namespace');
    }
    ConsistencyPass.of(scope).podSecurity(scope, namespace, PodSecurityLevel.BASELINE, `the TSB ingress gateway '${this.ingressName}' the TSB operator installs (its pods are not defined by this library)`);
    tsbObject(scope, 'InstallGateway', 'IngressGateway', TSB_API_VERSIONS.InstallIngressGateway, { name: this.ingressName, namespace }, {
      kubeSpec: { service: { type: 'LoadBalancer' } },
    });
    const route = {
      // The bridge builds consumer base_uris from these: they must name this region's pinned host.
      modify: { headers: { request: { set: { 'X-Forwarded-Host': region.pinnedHostname, 'X-Forwarded-Proto': 'https' } } } },
      route: { host: `${bridge.namespace}/${bridge.serviceName}.${bridge.namespace}.svc.cluster.local`, port: bridge.httpPort },
    };
    const spec: TsbIngressGatewaySpec = {
      workloadSelector: { namespace, labels: { app: this.ingressName } },
      http: [['global', settings.hostname], ['pinned', region.pinnedHostname]].map(([name, hostname]) => ({
        name,
        port: 443,
        hostname,
        tls: { mode: 'SIMPLE' as const, secretName: target.certificate.secretName },
        routing: { rules: [route] },
      })),
    };
    tsbObject(scope, 'IngressGateway', 'IngressGateway', TSB_API_VERSIONS.IngressGateway, { name: `${bridge.bridgeName}-${region.name}`, namespace }, spec, this.hierarchy('bridges', { gatewayGroup: 'bridges-gateways' }));
  }

  public renderCentral(scope: Construct, settings: ResolvedFailover, target: CentralTarget): void {
    const subject: Subject = { scope, kind: 'Tier1Gateway', name: settings.hostname };
    const tier1Namespace = target.namespace ?? Chart.of(scope).namespace;
    if (tier1Namespace === undefined) {
      throwPropError(subject, 'namespace', "is unset, and so is the certificate's: TSB selects the tier-1 gateway's namespace by name (<cluster>/<namespace>) and installs the gateway there", tier1Namespace, "issue the tier-1 certificate in a namespace, e.g. 'tier1' (or pass namespace: 'tier1' with a certificate there)");
    }
    // The TSB hierarchy and the tier-1 objects have fixed names (Tenant, Workspaces bridges and
    // tier1, Groups, settings; tier1-gateway and bridge-tier1).
    for (const [key, where] of [[`conf|${this.configNamespace}`, `configNamespace ${this.configNamespace}`], [`tier1|${tier1Namespace}`, `namespace ${tier1Namespace}`]]) {
      const earlier = claimNames(scope, `TSB ${key}`, `FailoverGateway '${settings.hostname}' at ${scope.node.path}`);
      if (earlier !== undefined) {
        throwPropError(subject, 'provider', `renders the TSB hierarchy and tier-1 objects, whose names are fixed (Workspaces bridges and tier1, tier1-gateway, bridge-tier1), in ${where}, as the tier-1 gateway of ${earlier} does in this chart; one would overwrite the other`, this.configNamespace, 'render one TSB tier-1 gateway per chart, or give this one its own TetrateFailover configNamespace and tier-1 namespace');
      }
    }
    const conf = { namespace: this.configNamespace };
    const bridgeNamespaces = settings.regions.map((r) => `${r.name}/${this.bridgeNamespace}`);

    tsbObject(scope, 'Tenant', 'Tenant', TSB_API_VERSIONS.Tenant, { name: this.tenant, ...conf }, { displayName: this.tenant }, { organization: this.organization });
    for (const [id, workspace, names] of [['BridgesWorkspace', 'bridges', bridgeNamespaces], ['Tier1Workspace', 'tier1', [`${settings.centralRegion}/${tier1Namespace}`]]] as const) {
      tsbObject(scope, id, 'Workspace', TSB_API_VERSIONS.Workspace, { name: workspace, ...conf }, { namespaceSelector: { names } }, { organization: this.organization, tenant: this.tenant });
      tsbObject(scope, `${id}Gateways`, 'Group', TSB_API_VERSIONS.GatewayGroup, { name: `${workspace}-gateways`, ...conf }, { namespaceSelector: { names }, configMode: 'BRIDGED' }, this.hierarchy(workspace));
    }
    const primary = settings.regions.filter((r) => r.priority === settings.priorityLevels[0]);
    const workspaceSetting: TsbWorkspaceSettingSpec = {
      // A server-side setting on the workspace that exposes the hosts: from the tier-1 gateway's
      // region to the preferred one, the others after. Needs the outlier detection below.
      failoverSettings: { regionalFailover: primary.map((r) => ({ from: settings.centralRegion, to: r.name })) },
    };
    tsbObject(scope, 'BridgesSetting', 'WorkspaceSetting', TSB_API_VERSIONS.WorkspaceSetting, { name: 'bridges-settings', ...conf }, workspaceSetting, this.hierarchy('bridges'));

    const { outlierDetection: outlier, retries } = settings;
    tsbObject(scope, 'Tier1Traffic', 'Group', TSB_API_VERSIONS.TrafficGroup, { name: 'tier1-traffic', ...conf }, { namespaceSelector: { names: [`${settings.centralRegion}/${tier1Namespace}`] }, configMode: 'BRIDGED' }, this.hierarchy('tier1'));
    const trafficSetting: TsbTrafficSettingSpec = {
      outbound: {
        upstreamTrafficSettings: [{
          hosts: [settings.hostname, ...settings.regions.map((r) => r.pinnedHostname)],
          settings: {
            resilience: {
              outlierDetection: {
                consecutive5xx: outlier.consecutive5xxErrors,
                consecutiveGatewayFailure: outlier.consecutiveGatewayErrors,
                interval: goDuration(outlier.interval),
                baseEjectionTime: goDuration(outlier.baseEjectionTime),
                maxEjectionPercent: 100,
              },
              // TSB retries 503s by default; produce is not idempotent, so say what is retried.
              connectionPool: { http: { retries: { attempts: retries.attempts, perTryTimeout: goDuration(retries.perTryTimeout), retryOn: retries.on.join(',') } } },
            },
          },
        }],
      },
    };
    tsbObject(scope, 'Tier1TrafficSetting', 'TrafficSetting', TSB_API_VERSIONS.TrafficSetting, { name: 'tier1-resilience', ...conf }, trafficSetting, this.hierarchy('tier1', { trafficGroup: 'tier1-traffic' }));

    ConsistencyPass.of(scope).podSecurity(scope, tier1Namespace, PodSecurityLevel.BASELINE, 'the TSB tier-1 gateway the TSB operator installs (its pods are not defined by this library)');
    tsbObject(scope, 'InstallTier1', 'Tier1Gateway', TSB_API_VERSIONS.InstallTier1Gateway, { name: 'tier1-gateway', namespace: tier1Namespace }, { kubeSpec: { service: { type: 'LoadBalancer' } } });
    const tls = { mode: 'SIMPLE' as const, secretName: target.certificate.secretName };
    const tier1: TsbTier1GatewaySpec = {
      workloadSelector: { namespace: tier1Namespace, labels: { app: 'tier1-gateway' } },
      externalServers: [
        { name: 'global', hostname: settings.hostname, port: 443, tls, clusters: settings.regions.map((r) => ({ name: r.name })) },
        ...settings.regions.map((r) => ({ name: `pinned-${r.name}`, hostname: r.pinnedHostname, port: 443, tls, clusters: [{ name: r.name }] })),
      ],
    };
    tsbObject(scope, 'Tier1Gateway', 'Tier1Gateway', TSB_API_VERSIONS.Tier1Gateway, { name: 'bridge-tier1', namespace: tier1Namespace }, tier1, this.hierarchy('tier1', { gatewayGroup: 'tier1-gateways' }));
  }

  private hierarchy(workspace: string, extra: Partial<Hierarchy> = {}): Hierarchy {
    return { organization: this.organization, tenant: this.tenant, workspace, ...extra };
  }
}

/** A TSB object: `ApiObject` with hand-typed spec and the hierarchy as `tsb.tetrate.io/*` annotations. */
function tsbObject(scope: Construct, id: string, kind: string, apiVersion: string, meta: { name: string; namespace?: string }, spec: object, hierarchy?: Hierarchy): ApiObject {
  const annotations = hierarchy && Object.fromEntries(Object.entries(hierarchy).map(([k, v]) => [`tsb.tetrate.io/${k}`, v]));
  return new ApiObject(scope, id, {
    apiVersion,
    kind,
    metadata: { name: meta.name, namespace: meta.namespace ?? Chart.of(scope).namespace, ...(annotations && { annotations }) },
    spec,
  });
}
