import { Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ConsistencyPass, DevEnvironment, Environment, PodSecurityLevel, podSecurityProblems } from '../../src';
import { find, synth } from '../support';

/** A container as the library writes them: the restricted security context. */
const hardened = {
  name: 'app',
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 1000, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
};

describe('Pod Security Standards (k8s.io/pod-security-admission policy checks)', () => {
  test('the restricted security context meets every level', () => {
    for (const level of Object.values(PodSecurityLevel)) expect(podSecurityProblems({ containers: [hardened], volumes: [{ name: 'tmp', emptyDir: {} }] }, level)).toEqual([]);
  });

  test.each([
    ['hostNetwork', { hostNetwork: true, containers: [hardened] }, /hostNetwork is true/],
    ['a privileged container', { containers: [{ name: 'x', securityContext: { ...hardened.securityContext, privileged: true } }] }, /containers\[0\].securityContext.privileged is true/],
    ['NET_ADMIN (istio-init)', { initContainers: [{ name: 'istio-init', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } } }] }, /initContainers\[0\].securityContext.capabilities.add has NET_ADMIN, NET_RAW/],
    ['a hostPath volume', { containers: [hardened], volumes: [{ name: 'h', hostPath: { path: '/' } }] }, /volumes\[0\] is a hostPath volume/],
    ['a host port', { containers: [{ ...hardened, ports: [{ hostPort: 9092 }] }] }, /ports use a hostPort/],
  ])('baseline rejects %s', (_, spec, problem) => {
    expect(podSecurityProblems(spec, PodSecurityLevel.BASELINE).join('; ')).toMatch(problem);
  });

  test.each([
    ['allowPrivilegeEscalation unset', { allowPrivilegeEscalation: undefined }, /allowPrivilegeEscalation is not false/],
    ['runAsNonRoot unset', { runAsNonRoot: undefined }, /may run as root/],
    ['user 0', { runAsUser: 0 }, /runs as user 0/],
    ['no seccomp profile', { seccompProfile: undefined }, /no RuntimeDefault or Localhost seccomp profile/],
    ['capabilities not dropped', { capabilities: { drop: [] } }, /drop does not include ALL/],
  ])('restricted rejects %s, baseline does not', (_, change, problem) => {
    const spec = { containers: [{ name: 'app', securityContext: { ...hardened.securityContext, ...change } }] };
    expect(podSecurityProblems(spec, PodSecurityLevel.RESTRICTED).join('; ')).toMatch(problem);
    expect(podSecurityProblems(spec, PodSecurityLevel.BASELINE)).toEqual([]);
  });

  test('pod-level runAsNonRoot and seccomp cover the containers', () => {
    const spec = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'a', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] };
    expect(podSecurityProblems(spec, PodSecurityLevel.RESTRICTED)).toEqual([]);
  });
});

describe('namespaces an environment creates carry the Pod Security level their pods meet', () => {
  test('restricted by default, with warn and audit at restricted', () => {
    const dev = new DevEnvironment(Testing.app(), 'dev');
    const ns = find(synth(dev.chart), 'Namespace', 'kafka');
    expect(ns.metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted' });
  });

  test('a pod spec that breaks its namespace level fails at synth, naming the object and the rule', () => {
    const env = new Environment(Testing.app(), 'e');
    const chart = env.addCluster('one', { namespaces: ['apps'] });
    new k8s.KubeDeployment(chart, 'App', {
      metadata: { name: 'app', namespace: 'apps' },
      spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } },
    });
    expect(() => synth(chart)).toThrow(/Deployment \(apps\) 'apps\/app' at e\/one\/App has pods that Pod Security admission rejects in namespace apps \(enforce: restricted\): containers\[0\].securityContext.allowPrivilegeEscalation is not false/);
  });

  test('a construct that needs less lowers the level and says why in an annotation', () => {
    const env = new Environment(Testing.app(), 'e');
    const chart = env.addCluster('one', { namespaces: ['mesh'] });
    ConsistencyPass.of(chart).podSecurity(chart, 'mesh', PodSecurityLevel.BASELINE, 'a mesh sidecar');
    const ns = find(synth(chart), 'Namespace', 'mesh');
    expect(ns.metadata.labels!['pod-security.kubernetes.io/enforce']).toBe('baseline');
    expect(ns.metadata.annotations!['kafka.cdk8s.io/pod-security']).toBe('baseline: a mesh sidecar');
  });
});
