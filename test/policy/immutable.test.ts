import { immutableChanges } from '../../src/policy/immutable';

const statefulSet = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'events-broker', namespace: 'kafka' }, spec });
const claim = (storage: string, extra: Record<string, unknown> = {}) => ({ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } }, ...extra });
const selector = { matchLabels: { app: 'kafka' } };

// Kubernetes 1.37.2 pkg/apis/apps/validation ValidateStatefulSetUpdate, core ValidateServiceUpdate,
// ValidateConfigMapUpdate / ValidateSecretUpdate: what the server refuses to change.
describe('immutableChanges', () => {
  test('a StatefulSet: selector, claim templates, serviceName and podManagementPolicy; replicas and template are free', () => {
    const before = statefulSet({ selector, serviceName: 'events', replicas: 3, volumeClaimTemplates: [claim('100Gi')], template: { metadata: { labels: selector.matchLabels } } });
    expect(immutableChanges(before, statefulSet({ ...before.spec, replicas: 4, template: { metadata: { labels: { ...selector.matchLabels, v: '2' } } } }))).toEqual([]);
    expect(immutableChanges(before, statefulSet({ ...before.spec, volumeClaimTemplates: [claim('200Gi')] })).map((c) => c.field)).toEqual(['spec.volumeClaimTemplates']);
    expect(immutableChanges(before, statefulSet({ ...before.spec, selector: { matchLabels: { app: 'kafka2' } }, serviceName: 'other', podManagementPolicy: 'Parallel' })).map((c) => c.field))
      .toEqual(['spec.selector', 'spec.serviceName', 'spec.podManagementPolicy']);
  });

  test('what the server defaults compares as equal to its default (no false refusal when a synth writes defaults out)', () => {
    const before = statefulSet({ selector, volumeClaimTemplates: [claim('100Gi')] });
    const stored = statefulSet({ selector, podManagementPolicy: 'OrderedReady', volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claim('100Gi'), spec: { ...claim('100Gi').spec, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }] });
    expect(immutableChanges(before, stored)).toEqual([]);
  });

  test('a Deployment selector', () => {
    const deployment = (labels: Record<string, string>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: labels } } });
    expect(immutableChanges(deployment({ a: '1' }), deployment({ a: '1' }))).toEqual([]);
    expect(immutableChanges(deployment({ a: '1' }), deployment({ a: '2' }))).toEqual([{ field: 'spec.selector', rule: 'ValidateDeploymentUpdate (apps/v1)', at: '.matchLabels.a', before: '"1"', after: '"2"' }]);
  });

  test('a Service turned headless (or back) changes clusterIP; leaving it unset keeps the allocated one', () => {
    const service = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], ...spec } });
    expect(immutableChanges(service({}), service({}))).toEqual([]);
    expect(immutableChanges(service({}), service({ clusterIP: 'None' })).map((c) => c.field)).toEqual(['spec.clusterIP']);
    expect(immutableChanges(service({ clusterIP: 'None' }), service({ clusterIP: 'None' }))).toEqual([]);
  });

  test('a ConfigMap or Secret marked immutable keeps its data; an ordinary one does not', () => {
    const configMap = (data: Record<string, string>, immutable?: boolean) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data, ...(immutable !== undefined && { immutable }) });
    expect(immutableChanges(configMap({ a: '1' }), configMap({ a: '2' }))).toEqual([]);
    expect(immutableChanges(configMap({ a: '1' }, true), configMap({ a: '2' }, true)).map((c) => c.field)).toEqual(['data']);
    const secret = (type?: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...(type !== undefined && { type }) });
    expect(immutableChanges(secret(), secret('Opaque'))).toEqual([]);
    expect(immutableChanges(secret(), secret('kubernetes.io/tls')).map((c) => c.field)).toEqual(['type']);
  });

  test('different kinds (or groups) are not compared', () => {
    expect(immutableChanges(statefulSet({ selector }), { ...statefulSet({ selector: {} }), apiVersion: 'example.com/v1' })).toEqual([]);
  });
});
