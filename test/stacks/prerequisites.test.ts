import { installerOf, prerequisitesOf } from '../../src/stacks/prerequisites';

const names = (objects: Array<{ apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown }>) => prerequisitesOf(objects).map((p) => p.name.split(' ')[0]);

describe("a cluster folder's prerequisites, as its README lists them", () => {
  test('any Istio API group needs Istio, not only networking.istio.io', () => {
    expect(names([{ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default', namespace: 'istio-system' } }])).toEqual(['Istio']);
    expect(names([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'kafka' } }])).toEqual([]);
  });

  test('a pod asking for an Istio sidecar needs Istio, unless Tetrate Service Bridge (which brings its own) runs the cluster', () => {
    const bridge = { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaBridge', metadata: { name: 'b', namespace: 'bridge' }, spec: { template: { pod: { metadata: { labels: { 'sidecar.istio.io/inject': 'true' } } } } } };
    expect(names([bridge])).toEqual(['Istio', 'Strimzi']);
    expect(names([bridge, { apiVersion: 'tsb.tetrate.io/v2', kind: 'Tenant', metadata: { name: 't', namespace: 'tsb-conf' } }])).toEqual(['Tetrate', 'Strimzi']);
  });

  test('installers own their namespaces', () => {
    expect(installerOf('cert-manager')).toMatch(/^cert-manager /);
    expect(installerOf('istio-ingress')).toMatch(/^Istio /);
    expect(installerOf('kafka')).toBeUndefined();
  });
});
