import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import * as envoy from '../../imports/envoygateway-gateway.envoyproxy.io';
import * as gatewayapi from '../../imports/gatewayapi-gateway.networking.k8s.io';
import type { KafkaBridge } from '../bridge/kafka-bridge';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { goDuration } from '../core/duration';
import { Subject } from '../core/errors';
import { checkFactoryName, NameFormat } from '../core/naming';
import { backendRef, certificateRef, gatewayParentRef, MATCH_ALL_PATHS } from '../gateway/refs';
import { NetworkPeer, podsPeer } from '../core/network';
import type { IGatewayClass } from '../gateway/gateway-class';
import { ReferenceGrant } from '../gateway/tls-routes';
import { CentralTarget, claimCentral, claimRegional, FailoverProblem, failoverProblem, IFailoverRenderer, RegionalTarget } from './failover-gateway';
import { ResolvedFailover } from './model';

/** Options of {@link EnvoyGatewayFailover}. */
export interface EnvoyGatewayFailoverOptions {
  /**
   * The namespace Envoy Gateway runs in: in its default deployment mode (ControllerNamespace)
   * it runs every Gateway's Envoy proxy pods there, and the bridges' NetworkPolicy must admit
   * them from it. Envoy Gateway's own default is `envoy-gateway-system`
   * (internal/envoygateway/config `DefaultNamespace`).
   * @default 'envoy-gateway-system'
   */
  readonly controllerNamespace?: string;
}

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/**
 * Renders the failover gateway for Envoy Gateway: in each region a Gateway and an HTTPRoute to
 * the bridge that names the region in `X-Forwarded-Host`; in the central cluster a Gateway,
 * HTTPRoutes to `Backend`s (the lower priority marked `fallback`) and a `BackendTrafficPolicy`
 * with an active health check, passive outlier detection and safe retries.
 *
 * Envoy has two priority levels (a backend is either a fallback or not): more is an error.
 * Envoy Gateway must run with the Backend API enabled (`extensionApis.enableBackend`).
 */
export class EnvoyGatewayFailover implements IFailoverRenderer {
  public readonly provider = 'Envoy Gateway';
  public readonly centralNamespaces: readonly string[] = [];
  public readonly usesGatewayClass = true;
  private readonly controllerNamespace: string;

  /** Creates the Envoy Gateway renderer. */
  public constructor(options: EnvoyGatewayFailoverOptions = {}) {
    const factory = 'new EnvoyGatewayFailover()';
    checkArgs(factory, 'EnvoyGatewayFailover.constructor', arguments);
    this.controllerNamespace = options.controllerNamespace ?? 'envoy-gateway-system';
    checkFactoryName(factory, 'options.controllerNamespace', this.controllerNamespace, { format: NameFormat.DNS1123_LABEL, use: 'it names the Namespace Envoy Gateway runs its proxies in', example: 'envoy-gateway-system' });
  }

  /**
   * Envoy Gateway's proxy pods, in its controller namespace: it labels them
   * `app.kubernetes.io/name: envoy` (internal/infrastructure/kubernetes/proxy `EnvoyAppLabel`),
   * besides `gateway.envoyproxy.io/owning-gateway-name` and `-namespace`.
   */
  public gatewayPeer(bridgeNamespace: string | undefined, _namespace?: string): NetworkPeer {
    return podsPeer(this.controllerNamespace, { 'app.kubernetes.io/name': 'envoy' }, bridgeNamespace);
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
      problems.push(failoverProblem('regions', `have ${settings.priorityLevels.length} priority levels; Envoy has two (a backend is either a fallback or not)`, settings.priorityLevels, 'use two priority levels (several regions may share one)'));
    }
    return problems;
  }

  public renderRegional(scope: Construct, settings: ResolvedFailover, target: RegionalTarget): void {
    const { region, bridge } = target;
    claimRegional(scope, 'Envoy Gateway', target.namespace, `${bridge.bridgeName}-${region.name}`, settings.hostname, region.name);
    const gateway = this.gateway(scope, `${bridge.bridgeName}-${region.name}`, target.namespace, target.certificate.secretName, target.gatewayClass!);
    new gatewayapi.HttpRoute(scope, 'Route', {
      metadata: { name: `${bridge.bridgeName}-${region.name}`, namespace: target.namespace },
      spec: {
        parentRefs: [gatewayParentRef({ name: gateway, sectionName: 'https' })],
        hostnames: [settings.hostname, region.pinnedHostname],
        rules: [{
          // The bridge builds consumer base_uris from these: they must name this region's pinned host.
          filters: [{
            type: gatewayapi.HttpRouteSpecRulesFiltersType.REQUEST_HEADER_MODIFIER,
            requestHeaderModifier: { set: [{ name: 'X-Forwarded-Host', value: region.pinnedHostname }, { name: 'X-Forwarded-Proto', value: 'https' }] },
          }],
          backendRefs: [backendRef({ name: bridge.serviceName, namespace: bridge.namespace === target.namespace ? undefined : bridge.namespace, port: bridge.httpPort })],
          matches: MATCH_ALL_PATHS,
        }],
      },
    });
    if (bridge.namespace !== target.namespace) {
      new ReferenceGrant(scope, 'Grant', { name: `${bridge.bridgeName}-${region.name}-route`, namespace: bridge.namespace, fromNamespace: target.namespace!, fromKind: 'HTTPRoute', toKind: 'Service', toNames: [bridge.serviceName] });
    }
  }

  public renderCentral(scope: Construct, settings: ResolvedFailover, target: CentralTarget): void {
    const namespace = target.namespace;
    const name = settings.hostname.split('.')[0];
    const subject: Subject = { scope, kind: 'Tier1Gateway', name: settings.hostname };
    claimCentral(subject, 'Envoy Gateway', namespace, name);
    const gateway = this.gateway(scope, `${name}-tier1`, namespace, target.certificate.secretName, target.gatewayClass!);
    const primary = settings.priorityLevels[0];
    // A Backend's caCertificateRefs are LocalObjectReferences: Secrets in the Backend's own
    // namespace (envoyproxy/gateway api/v1alpha1/backend_types.go).
    ConsistencyPass.of(scope).refer(subject, 'caSecret', secretRef(namespace, settings.caSecret), `create the Secret (key ca.crt: the CA of the regional gateways' certificates) in ${namespace ?? "the tier-1 gateway's namespace"}, beside the Backends`, true);

    const backend = (id: string, backendName: string, region: ResolvedFailover['regions'][number], sni: string, fallback: boolean) =>
      new envoy.Backend(scope, id, {
        metadata: { name: backendName, namespace },
        spec: {
          endpoints: [IPV4.test(region.address) ? { ip: { address: region.address, port: 443 } } : { fqdn: { hostname: region.address, port: 443 } }],
          ...(fallback && { fallback: true }),
          tls: { sni, caCertificateRefs: [{ group: '', kind: 'Secret', name: settings.caSecret }] },
        },
      }).name;

    const pool = settings.regions.map((r) => backend(`Backend${r.name}`, `${name}-${r.name}`, r, settings.hostname, r.priority !== primary));
    const route = this.route(scope, 'Route', `${name}-failover`, namespace, gateway, settings.hostname, pool);
    for (const region of settings.regions) {
      const pinned = backend(`PinnedBackend${region.name}`, `${name}-${region.name}-pinned`, region, region.pinnedHostname, false);
      this.route(scope, `PinnedRoute${region.name}`, `${name}-${region.name}`, namespace, gateway, region.pinnedHostname, [pinned]);
    }

    const { healthCheck: check, outlierDetection: outlier, retries } = settings;
    new envoy.BackendTrafficPolicy(scope, 'TrafficPolicy', {
      metadata: { name: `${name}-failover`, namespace },
      spec: {
        targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: route }],
        healthCheck: {
          active: {
            type: 'HTTP',
            http: { path: check.path, hostname: settings.hostname, expectedStatuses: [200] },
            interval: goDuration(check.interval),
            timeout: goDuration(check.timeout),
            unhealthyThreshold: check.unhealthyThreshold,
            healthyThreshold: check.healthyThreshold,
          },
          passive: {
            consecutiveGatewayErrors: outlier.consecutiveGatewayErrors,
            consecutive5XxErrors: outlier.consecutive5xxErrors,
            interval: goDuration(outlier.interval),
            baseEjectionTime: goDuration(outlier.baseEjectionTime),
            maxEjectionPercent: 100,
          },
        },
        retry: {
          numRetries: retries.attempts,
          perRetry: { timeout: goDuration(retries.perTryTimeout) },
          retryOn: { triggers: retries.on.map((t) => t as string as envoy.BackendTrafficPolicySpecRetryRetryOnTriggers) },
        },
      },
    });
  }

  /** A Gateway of `gatewayClass` (FailoverGateway checked it is in this cluster's chart). */
  private gateway(scope: Construct, name: string, namespace: string | undefined, certificateSecret: string, gatewayClass: IGatewayClass): string {
    return new gatewayapi.Gateway(scope, 'Gateway', {
      metadata: { name, namespace },
      spec: {
        gatewayClassName: gatewayClass.gatewayClassName,
        listeners: [{
          name: 'https',
          port: 443,
          protocol: 'HTTPS',
          tls: { mode: gatewayapi.GatewaySpecListenersTlsMode.TERMINATE, certificateRefs: [certificateRef(certificateSecret)] },
          allowedRoutes: { namespaces: { from: gatewayapi.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME }, kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }] },
        }],
      },
    }).name;
  }

  private route(scope: Construct, id: string, name: string, namespace: string | undefined, gateway: string, hostname: string, backends: string[]): string {
    return new gatewayapi.HttpRoute(scope, id, {
      metadata: { name, namespace },
      spec: {
        parentRefs: [gatewayParentRef({ name: gateway, sectionName: 'https' })],
        hostnames: [hostname],
        rules: [{ backendRefs: backends.map((b) => backendRef({ group: 'gateway.envoyproxy.io', kind: 'Backend', name: b })), matches: MATCH_ALL_PATHS }],
      },
    }).name;
  }
}
