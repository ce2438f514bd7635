import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import {
  API_VERSIONS,
  COMPONENT_VERSIONS,
  DEFAULT_KAFKA_VERSION,
  EmittedKind,
  GATEWAY_API_CHANNEL,
  KAFKA_METADATA_VERSIONS,
  KIND_ALIASES,
  SUPPORTED_KAFKA_VERSIONS,
} from '../../src/core/versions';
import { SchemaRegistry } from '../../src/policy';
import { describeWithUpstream } from '../support';

interface StrimziKafkaVersion {
  version: string;
  metadata: string;
  supported: boolean;
  default: boolean;
}

describeWithUpstream('Kafka versions agree with Strimzi 1.2 kafka-versions.yaml', (crds) => {
  const kafkaVersions = parse(readFileSync(join(crds, 'strimzi', 'kafka-versions.yaml'), 'utf8')) as StrimziKafkaVersion[];

  test('the supported versions and their metadata versions', () => {
    const supported = Object.fromEntries(kafkaVersions.filter((v) => v.supported).map((v) => [v.version, v.metadata]));
    expect(KAFKA_METADATA_VERSIONS).toEqual(supported);
    expect(SUPPORTED_KAFKA_VERSIONS).toEqual(Object.keys(supported));
  });

  test('the default version', () => {
    expect(kafkaVersions.filter((v) => v.default).map((v) => v.version)).toEqual([DEFAULT_KAFKA_VERSION]);
    expect(DEFAULT_KAFKA_VERSION).toBe('4.3.1');
  });
});

describeWithUpstream('component versions agree with the pinned CRDs (../shared/crds/SOURCES.md)', (crds) => {
  const sources = readFileSync(join(crds, 'SOURCES.md'), 'utf8');
  /** The `tag` column of the "Versions" table, by project. */
  const tags = new Map([...sources.matchAll(/^\| ([\w-]+) \| [\w-]+\/[\w.-]+ \| (v?[\d.]+) \|/gm)].map((m) => [m[1], m[2].replace(/^v/, '')]));

  test.each([
    ['strimzi', COMPONENT_VERSIONS.strimzi],
    ['cert-manager', COMPONENT_VERSIONS.certManager],
    ['gateway-api', COMPONENT_VERSIONS.gatewayApi],
    ['envoy-gateway', COMPONENT_VERSIONS.envoyGateway],
    ['istio', COMPONENT_VERSIONS.istio],
    ['argo-cd', COMPONENT_VERSIONS.argoCd],
    ['prometheus-operator', COMPONENT_VERSIONS.prometheusOperator],
  ])('%s %s', (project, version) => {
    expect(tags.get(project)).toBe(version);
  });

  test('the Gateway API CRDs are the channel and bundle we target', () => {
    const tlsRoutes = readFileSync(join(crds, 'gateway-api', 'gateway.networking.k8s.io_tlsroutes.yaml'), 'utf8');
    expect(tlsRoutes).toContain(`gateway.networking.k8s.io/bundle-version: v${COMPONENT_VERSIONS.gatewayApi}`);
    expect(tlsRoutes).toContain(`gateway.networking.k8s.io/channel: ${GATEWAY_API_CHANNEL}`);
  });

  test('the Kubernetes schema is the release of the API server the tests run (tools/kube)', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'tools', 'kube', 'go.mod'), 'utf8')).toContain(`k8s.io/kubernetes v${COMPONENT_VERSIONS.kubernetesSchema}\n`);
  });
});

describe('the built-in schemas are the pinned releases', () => {
  const registry = new SchemaRegistry();

  test.each([
    ['Kafka', 'kafka.strimzi.io', `strimzi/strimzi-kafka-operator@${COMPONENT_VERSIONS.strimzi} `],
    ['Certificate', 'cert-manager.io', `cert-manager/cert-manager@v${COMPONENT_VERSIONS.certManager} `],
    ['TLSRoute', 'gateway.networking.k8s.io', `kubernetes-sigs/gateway-api@v${COMPONENT_VERSIONS.gatewayApi} `],
    ['EnvoyProxy', 'gateway.envoyproxy.io', `envoyproxy/gateway@v${COMPONENT_VERSIONS.envoyGateway} `],
    ['VirtualService', 'networking.istio.io', `istio/istio@${COMPONENT_VERSIONS.istio} `],
    ['Application', 'argoproj.io', `argoproj/argo-cd@v${COMPONENT_VERSIONS.argoCd} `],
    ['PodMonitor', 'monitoring.coreos.com', `prometheus-operator/prometheus-operator@v${COMPONENT_VERSIONS.prometheusOperator} `],
  ])('%s', (kind, group, release) => {
    expect(registry.kind(group, kind)!.source).toContain(release);
  });

  test('the Kubernetes schema', () => {
    expect(registry.kubernetesVersion).toBe(COMPONENT_VERSIONS.kubernetesSchema);
  });
});

describe('every apiVersion we emit is served, and not deprecated', () => {
  const registry = new SchemaRegistry();

  test.each(Object.entries(API_VERSIONS))('%s %s', (name, apiVersion) => {
    const kind = KIND_ALIASES[name as EmittedKind] ?? name;
    const slash = apiVersion.lastIndexOf('/');
    const [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    const info = registry.kind(group, kind);
    expect(info).toBeDefined();
    expect(info!.versions).toContainEqual(expect.objectContaining({ name: version, served: true, deprecated: false }));
  });

  test('Strimzi serves kafka.strimzi.io/v1 only', () => {
    expect(registry.kind('kafka.strimzi.io', 'Kafka')!.versions.map((v) => v.name)).toEqual(['v1']);
  });
});
