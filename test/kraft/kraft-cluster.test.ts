import { Chart, Size, Testing } from 'cdk8s';
import {
  deterministicUuid, EnvoyGatewayClass, HostnameScheme, KafkaGateway, KraftClientAuthentication, KraftCluster, KraftClusterProps, KraftMode, parseProperties, PrivateCa,
} from '../../src';
import { configIssues } from '../../src/kafka/broker-config';
import { all, expectValid, find, Manifest, synth } from '../support';

function setup(props: Partial<KraftClusterProps> = {}) {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
  const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
  const kafka = new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, ...props });
  return { chart, kafka, manifests: synth(chart) };
}

/** Every pod's properties, read back from the rendered ConfigMap. */
function podConfigs(manifests: Manifest[]): Record<string, Record<string, string>> {
  const data: Record<string, string> = find(manifests, 'ConfigMap', 'events-config').data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => k.endsWith('.properties')).map(([k, v]) => [k.replace('.properties', ''), parseProperties(v)]));
}

/** The checks every topology must pass, from the rendered output alone. */
function checkRenderedTopology(manifests: Manifest[]) {
  const configs = podConfigs(manifests);
  const statefulSets = all(manifests, 'StatefulSet');
  // Every pod a StatefulSet will run has a configuration, and nothing else does.
  const pods = statefulSets.flatMap((s) => Array.from({ length: s.spec.replicas }, (_, i) => ({ pod: `${s.metadata.name}-${i}`, dns: `${s.metadata.name}-${i}.${s.spec.serviceName}.kafka.svc` })));
  expect(Object.keys(configs).sort()).toEqual(pods.map((p) => p.pod).sort());

  // Every pod's server.properties is one Kafka takes: each key a broker config (or one of a
  // listener's), each value of its type, range and values (Kafka's own model of the image's version).
  const image = statefulSets[0].spec.template.spec.containers[0].image as string;
  for (const [pod, config] of Object.entries(configs)) expect({ pod, issues: configIssues('broker', image.replace('apache/kafka:', ''), config) }).toEqual({ pod, issues: [] });

  const ids = pods.map((p) => configs[p.pod]['node.id']);
  expect(new Set(ids).size).toBe(ids.length);

  const controllers = pods.filter((p) => configs[p.pod]['process.roles'].split(',').includes('controller'));
  for (const { pod, dns } of pods) {
    const c = configs[pod];
    // Advertised listeners name the pod's own stable DNS name; an external one names the Gateway host of its node id.
    for (const listener of c['advertised.listeners'].split(',')) {
      if (listener.startsWith('EXTERNAL://')) expect(listener).toMatch(new RegExp(`^EXTERNAL://broker-${c['node.id']}\\.`));
      else expect(listener).toMatch(new RegExp(`^[A-Z_]+://${dns.replace(/\./g, '\\.')}:\\d+$`));
    }
    // Every quorum entry is a controller's DNS name on a controller port.
    for (const entry of c['controller.quorum.bootstrap.servers'].split(',')) {
      expect(controllers.map((p) => p.dns)).toContain(entry.split(':')[0]);
    }
    // Listener names agree: every listener has a protocol, the controller and inter-broker listeners exist.
    const mapped = c['listener.security.protocol.map'].split(',').map((m) => m.split(':')[0]);
    const declared = c.listeners.split(',').map((l) => l.split('://')[0]);
    for (const name of declared) expect(mapped).toContain(name);
    expect(mapped).toContain(c['controller.listener.names']);
    if (c['process.roles'].includes('controller')) expect(declared).toContain(c['controller.listener.names']);
    if (c['process.roles'].includes('broker')) expect(declared).toContain(c['inter.broker.listener.name']);
  }
  return configs;
}

describe('KraftCluster (split)', () => {
  const { kafka, manifests } = setup();

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the manifest validator finds nothing', () => {
    expectValid(manifests);
  });

  test('every pod\'s rendered config: unique node ids, its own DNS name advertised, a quorum of controllers, agreeing listener names', () => {
    const configs = checkRenderedTopology(manifests);
    expect(Object.fromEntries(Object.entries(configs).map(([pod, c]) => [pod, `${c['process.roles']}:${c['node.id']}`]))).toEqual({
      'events-broker-0': 'broker:100', 'events-broker-1': 'broker:101', 'events-broker-2': 'broker:102',
      'events-controller-0': 'controller:0', 'events-controller-1': 'controller:1', 'events-controller-2': 'controller:2',
    });
    expect(configs['events-broker-0']).toMatchObject({ 'default.replication.factor': '3', 'min.insync.replicas': '2', 'listener.security.protocol.map': 'CLIENTS:SASL_SSL,REPLICATION:SSL,CONTROLLER:SSL' });
  });

  test('a deterministic cluster id, and storage formatted only when empty', () => {
    const script: string = find(manifests, 'ConfigMap', 'events-config').data['start.sh'];
    expect(kafka.topology.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(setup().kafka.topology.clusterId).toBe(kafka.topology.clusterId);
    expect(script).toContain(`if [ ! -f /var/lib/kafka/data/meta.properties ]; then`);
    expect(script).toContain(`kafka-storage.sh format --cluster-id ${kafka.topology.clusterId}`);
    // The admin's credential goes in as an argument file read from a pipe (test/kraft/secrets.test.ts runs it).
    expect(script).toContain(`@<(printf '%s\\n' --add-scram "SCRAM-SHA-512=[name=admin,password=$(< /etc/kafka/admin/password)]")`);
    const controller = find(manifests, 'StatefulSet', 'events-controller').spec.template.spec.containers[0];
    const formatArgs = controller.env.find((e: { name: string }) => e.name === 'FORMAT_ARGS').value;
    expect(formatArgs).toMatch(/^--initial-controllers 0@events-controller-0\.events-controllers\.kafka\.svc:9093:[A-Za-z0-9_-]{22},1@.*,2@.*$/);
    expect(find(manifests, 'StatefulSet', 'events-broker').spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'FORMAT_ARGS').value).toBe('--no-initial-controllers');
  });

  test('one PVC per pod, probes, restricted and read-only, spread over zones and hosts, a PDB', () => {
    const set = find(manifests, 'StatefulSet', 'events-broker').spec;
    // Written as the API server stores it (apiVersion, kind, volumeMode, status): no drift on re-apply.
    expect(set.volumeClaimTemplates).toEqual([expect.objectContaining({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: expect.objectContaining({ name: 'data' }), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } })]);
    expect(set.template.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['config', 'tmp', 'tls', 'admin']);
    const container = set.template.spec.containers[0];
    expect(container.image).toBe('apache/kafka:4.3.1');
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    expect(Object.keys(container).filter((k) => k.endsWith('Probe')).sort()).toEqual(['livenessProbe', 'readinessProbe', 'startupProbe']);
    expect(set.template.spec.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(find(manifests, 'PodDisruptionBudget', 'events-broker').spec.maxUnavailable).toBe(1);
  });

  test('a certificate that covers every pod and Service name, for server and client auth', () => {
    const certificate = find(manifests, 'Certificate', 'events-tls').spec;
    expect(certificate.dnsNames).toEqual([
      '*.events-controllers.kafka.svc', '*.events-brokers.kafka.svc', 'events-bootstrap.kafka.svc',
      'events-broker-100.kafka.svc', 'events-broker-101.kafka.svc', 'events-broker-102.kafka.svc',
    ]);
    expect(certificate.usages).toEqual(['digital signature', 'server auth', 'client auth']);
    for (const pod of Object.keys(podConfigs(manifests))) expect(kafka.certificate!.covers(`${pod}.events-${pod.includes('broker') ? 'brokers' : 'controllers'}.kafka.svc`)).toBe(true);
  });

  test('a bootstrap Service and one Service per broker pod (for per-broker routes)', () => {
    expect(find(manifests, 'Service', 'events-bootstrap').spec.selector).toEqual({ 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': 'events', 'app.kubernetes.io/component': 'broker' });
    expect(find(manifests, 'Service', 'events-broker-101').spec.selector).toEqual({ 'statefulset.kubernetes.io/pod-name': 'events-broker-1' });
    expect(kafka.bootstrapAddress).toBe('events-bootstrap.kafka.svc:9092');
    expect(find(manifests, 'Service', 'events-controllers').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
  });
});

describe('KraftCluster options', () => {
  test('combined mode: one StatefulSet of dual-role nodes, formatted with the initial controllers', () => {
    const { manifests } = setup({ mode: KraftMode.COMBINED, combined: { replicas: 3, storage: Size.gibibytes(20), storageClass: 'fast' } });
    expect(all(manifests, 'StatefulSet').map((s) => s.metadata.name)).toEqual(['events-combined']);
    const configs = checkRenderedTopology(manifests);
    expect(configs['events-combined-1']).toMatchObject({ 'process.roles': 'controller,broker', 'node.id': '1' });
    expect(find(manifests, 'StatefulSet', 'events-combined').spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'fast', resources: { requests: { storage: '20Gi' } } });
    expectValid(manifests);
  });

  test('mutual TLS clients, five controllers, custom ports and listener names', () => {
    const { manifests } = setup({
      authentication: KraftClientAuthentication.tls(),
      controllers: { replicas: 5 },
      clientPort: 9192,
      listenerNames: { client: 'APPS', replication: 'INTERNAL', controller: 'QUORUM' },
    });
    const configs = checkRenderedTopology(manifests);
    expect(configs['events-broker-0']).toMatchObject({ 'listener.name.apps.ssl.client.auth': 'required', 'listener.security.protocol.map': 'APPS:SSL,INTERNAL:SSL,QUORUM:SSL' });
    expect(configs['events-controller-4']['node.id']).toBe('4');
    expectValid(manifests);
  });

  test('an external listener through a Gateway: advertised Gateway hosts, TLSRoutes to the per-broker Services', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
    const gateway = new KafkaGateway(chart, 'Gateway', { gatewayClass: new EnvoyGatewayClass(chart, 'Class'), hostnames: HostnameScheme.subdomain('kafka.example.com') });
    const kafka = new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, external: { gateway } });
    const manifests = synth(chart);
    const configs = checkRenderedTopology(manifests);
    expect(configs['events-broker-1']['advertised.listeners']).toContain('EXTERNAL://broker-101.kafka.example.com:9092');
    expect(configs['events-broker-1']['listener.security.protocol.map']).toContain('EXTERNAL:SASL_SSL');
    expect(all(manifests, 'TLSRoute').map((r) => `${r.spec.hostnames[0]}->${r.spec.rules[0].backendRefs[0].name}:${r.spec.rules[0].backendRefs[0].port}`)).toEqual([
      'bootstrap.kafka.example.com->events-bootstrap:9094',
      'broker-100.kafka.example.com->events-broker-100:9094',
      'broker-101.kafka.example.com->events-broker-101:9094',
      'broker-102.kafka.example.com->events-broker-102:9094',
    ]);
    expect(find(manifests, 'Service', 'events-broker-100').spec.ports.map((p: { port: number }) => p.port)).toEqual([9092, 9094]);
    expect(kafka.certificate!.covers('broker-102.kafka.example.com')).toBe(true);
    expectValid(manifests);
  });

  test('plaintext only when asked, without TLS objects', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    new KraftCluster(chart, 'Kafka', { name: 'events', plaintext: true, authentication: KraftClientAuthentication.none() });
    const manifests = synth(chart);
    expect(all(manifests, 'Certificate')).toEqual([]);
    expect(podConfigs(manifests)['events-broker-0']['listener.security.protocol.map']).toBe('CLIENTS:PLAINTEXT,REPLICATION:PLAINTEXT,CONTROLLER:PLAINTEXT');
    expectValid(manifests);
  });

  describe('fails when', () => {
    test.each<[string, Partial<KraftClusterProps>, RegExp]>([
      ['controllers are even', { controllers: { replicas: 4 } }, /KraftCluster 'events' at test\/Kafka: controllers.replicas must be odd and >= 3 for a KRaft quorum that survives a failure \(got 4\); use 3 or 5/],
      ['combined mode is given separate controller and broker storage', { mode: KraftMode.COMBINED, controllers: { storageClass: 'fast' }, brokers: { storageClass: 'slow' } }, /controllers do not apply in combined mode: every node is both, in one StatefulSet with one storage class/],
      ['split mode is given combined sizes', { combined: { replicas: 3 } }, /combined only applies in KraftMode.COMBINED/],
      ['a listener name is reused', { listenerNames: { client: 'KAFKA', replication: 'KAFKA' } }, /listenerNames reuse a name: each listener needs its own/],
      ['a listener name is not upper case', { listenerNames: { client: 'clients' } }, /listenerNames.client must be upper-case letters, digits and _ \(got "clients"\)/],
      ['two listeners share a port', { clientPort: 9093 }, /clientPort collides with another listener port/],
      ['a port is privileged', { clientPort: 443 }, /clientPort must be from 1024 to 65535 \(the pods run unprivileged\) \(got 443\)/],
      ['broker ids would collide with controller ids', { controllers: { replicas: 5 }, brokerIdOffset: 3 }, /brokerIdOffset is below the 5 controller ids: controller and broker node ids would collide \(got 3\)/],
      ['the configuration sets what the topology computes', { config: { 'advertised.listeners': 'CLIENTS://x:9092' } }, /config\['advertised.listeners'\] is computed from the topology/],
      ['RF exceeds the brokers', { brokers: { replicas: 2 } }, /config\['default.replication.factor'\] exceeds the 2 brokers \(got 3\)/],
      ['min ISR is not below RF', { config: { 'min.insync.replicas': 3 } }, /config\['min.insync.replicas'\] must be less than the replication factor \(3\), or one replica down stops every acks=all write \(default.replication.factor is 3\) \(got 3\); set it to 2/],
      ['the version is not supported', { version: '3.9.1' }, /version is not a supported Kafka version \(got "3.9.1"\)/],
      ['the name is too long for its pods', { name: 'a-very-long-kafka-cluster-name-indeed' }, /name must be lowercase alphanumerics .* at most 30 characters/],
      ['plaintext and an issuer are both set', { plaintext: true }, /plaintext is set together with an issuer/],
    ])('%s', (_case, props, message) => {
      expect(() => setup(props)).toThrow(message);
    });

    test('there is neither an issuer nor plaintext', () => {
      const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
      expect(() => new KraftCluster(chart, 'Kafka')).toThrow(/issuer is missing: every listener should use TLS \(got undefined\); pass a cert-manager issuer, or plaintext: true/);
    });

    test('the external listener advertises a port the Gateway does not publish', () => {
      const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
      const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
      const gateway = new KafkaGateway(chart, 'Gateway', { gatewayClass: new EnvoyGatewayClass(chart, 'Class'), hostnames: HostnameScheme.subdomain('kafka.example.com') });
      expect(() => new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, external: { gateway, advertisedPort: 443 } })).toThrow(
        /external.advertisedPort breaks the port chain: clients reach Gateway 'gateway' on 9092 \(got 443\); advertise 9092/,
      );
    });

    test('mutual TLS clients without TLS', () => {
      const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
      expect(() => new KraftCluster(chart, 'Kafka', { plaintext: true, authentication: KraftClientAuthentication.tls() })).toThrow(/authentication is mutual TLS, which needs TLS/);
    });
  });
});

describe('generated Kafka ids follow Kafka\'s own rules (Uuid.randomUuid, DirectoryId.random, KAFKA-20072)', () => {
  test('a cluster whose plain hash starts with "-" (kafka-storage format would take it for an option) gets an id without "-"', () => {
    // sha256("cdk8s-kafka/kafka/events-99") encodes as "--ko5rUJN0JcuXAFeyjIqg"
    const { kafka } = setup({ name: 'events-99' });
    expect(kafka.topology.clusterId).toMatch(/^[A-Za-z0-9_]{22}$/);
    expect(setup({ name: 'events-99' }).kafka.topology.clusterId).toBe(kafka.topology.clusterId);
  });

  test('no id of 5,000 seeds contains "-" or is reserved, and each is 16 bytes in base64url', () => {
    for (let i = 0; i < 5000; i++) {
      const id = deterministicUuid(`seed-${i}`);
      expect(id).toMatch(/^[A-Za-z0-9_]{22}$/);
      const bytes = Buffer.from(id, 'base64url');
      expect(bytes).toHaveLength(16);
      expect(bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] < 100).toBe(false);
    }
  });
});

test('allowFrom: [] admits nobody to the client port; the nodes still reach each other', () => {
  const { manifests } = setup({ allowFrom: [] });
  const ingress = find(manifests, 'NetworkPolicy', 'events').spec.ingress;
  expect(ingress).toHaveLength(1);
  expect(ingress[0].ports).toBeUndefined();
  expect(ingress[0].from).toEqual([{ podSelector: { matchLabels: expect.any(Object) } }]);
});

describe('KraftCluster applies the replication and value rules KafkaCluster does', () => {
  test.each<[string, Partial<KraftClusterProps>, RegExp]>([
    ['min.insync.replicas 0', { config: { 'min.insync.replicas': 0 } }, /KraftCluster 'events' at test\/Kafka: config\['min.insync.replicas'\] must be at least 1 \(Kafka's validator: \[1,...\]\), or Kafka refuses the configuration \(got 0\); use e.g. 'min.insync.replicas': 2/],
    ['offsets.topic.replication.factor 5 with 3 brokers', { config: { 'offsets.topic.replication.factor': 5 } }, /config\['offsets.topic.replication.factor'\] exceeds the 3 brokers \(got 5\); add brokers or lower it to 3/],
    ['transaction.state.log.min.isr 3 with RF 3', { config: { 'transaction.state.log.min.isr': 3 } }, /config\['transaction.state.log.min.isr'\] must be less than the replication factor \(3\), or one replica down stops every acks=all write \(transaction.state.log.replication.factor is 3\) \(got 3\); set it to 2/],
    ['transaction.state.log.replication.factor 0', { config: { 'transaction.state.log.replication.factor': 0 } }, /config\['transaction.state.log.replication.factor'\] must be at least 1 \(Kafka's validator: \[1,...\]\)/],
    ['log.retention.hours 7d', { config: { 'log.retention.hours': '7d' } }, /config\['log.retention.hours'\] must be a whole number of hours, without a unit: Kafka reads it as INT \(a Java int\) \(got "7d"\); use 'log.retention.hours': 168 \(7 days\)/],
    ['log.segment.bytes beyond a Java int', { config: { 'log.segment.bytes': 2 ** 31 } }, /config\['log.segment.bytes'\] must be from -2147483648 to 2147483647: Kafka reads it as INT/],
    ['brokerIdOffset 3.5', { brokerIdOffset: 3.5 }, /brokerIdOffset must be a whole number >= 0 with room for the 3 broker ids below 2147483648 \(node.id is a Java int\) \(got 3.5\)/],
    ['brokerIdOffset 3e9', { brokerIdOffset: 3e9 }, /brokerIdOffset must be a whole number >= 0 .* \(got 3000000000\)/],
    ['brokerIdOffset -1', { brokerIdOffset: -1 }, /brokerIdOffset must be a whole number >= 0/],
    ['brokerIdOffset whose last broker id is above 2^31-1', { brokerIdOffset: 2 ** 31 - 2 }, /brokerIdOffset must be a whole number >= 0 with room for the 3 broker ids/],
  ])('%s is rejected', (_case, props, message) => {
    expect(() => setup(props)).toThrow(message);
  });

  test('the right values: RF 3 / min ISR 2 everywhere, whole numbers, broker ids up to 2^31-1', () => {
    const { manifests } = setup({
      config: { 'min.insync.replicas': 2, 'offsets.topic.replication.factor': 3, 'transaction.state.log.min.isr': 2, 'log.retention.hours': 168, 'log.segment.bytes': 2 ** 30 },
      brokerIdOffset: 2 ** 31 - 3,
    });
    const configs = podConfigs(manifests);
    expect(configs['events-broker-2']['node.id']).toBe('2147483647');
    expect(configs['events-broker-0']['log.retention.hours']).toBe('168');
  });

  test('a heap of Size.kibibytes(1536) is -Xmx1536k, not -Xmx1m; a default heap is half the limit as before', () => {
    const { manifests } = setup({ brokers: { heap: Size.kibibytes(1536), resources: { memory: { limit: Size.gibibytes(1) } } } });
    const env = (name: string) => find(manifests, 'StatefulSet', name).spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'KAFKA_HEAP_OPTS').value;
    expect(env('events-broker')).toBe('-Xms1536k -Xmx1536k');
    expect(env('events-controller')).toBe('-Xms512m -Xmx512m');
  });

  test('ephemeral storage: by default /tmp (256Mi) and the kubelet\'s log files (64Mi), requested as limited; given, it replaces the default', () => {
    const { manifests } = setup({ brokers: { resources: { memory: { limit: Size.gibibytes(4) }, ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } } } });
    const resources = (name: string) => find(manifests, 'StatefulSet', name).spec.template.spec.containers[0].resources;
    expect(resources('events-controller')).toEqual({ requests: { 'cpu': '250m', 'memory': '1Gi', 'ephemeral-storage': '320Mi' }, limits: { 'memory': '1Gi', 'ephemeral-storage': '320Mi' } });
    expect(resources('events-broker')).toEqual({ requests: { 'ephemeral-storage': '1Gi' }, limits: { 'memory': '4Gi', 'ephemeral-storage': '1Gi' } });
  });

  test('the PodDisruptionBudgets keep the default unhealthy-pod policy written out (IfHealthyBudget: a drain waits for a node catching up)', () => {
    const { manifests } = setup({});
    expect(manifests.filter((m) => m.kind === 'PodDisruptionBudget').map((m) => m.spec.unhealthyPodEvictionPolicy)).toEqual(['IfHealthyBudget', 'IfHealthyBudget']);
  });

  test('a heap that is not a whole number of bytes fails', () => {
    expect(() => setup({ brokers: { heap: Size.gibibytes(0.3) } })).toThrow(/brokers.heap must be a whole number of bytes/);
  });
});

describe('authorization: every mode authorizes the nodes\' own traffic (StandardAuthorizer, super.users)', () => {
  /** The principal a node connects to the controller and replication listeners as: User:ANONYMOUS on PLAINTEXT, the certificate subject with mutual TLS. */
  function interNodePrincipal(c: Record<string, string>, certificateSubject: string | undefined): string {
    const controller = c['controller.listener.names'];
    const protocol = c['listener.security.protocol.map'].split(',').find((m) => m.startsWith(`${controller}:`))!.split(':')[1];
    if (protocol === 'PLAINTEXT') return 'User:ANONYMOUS';
    expect(c[`listener.name.${controller.toLowerCase()}.ssl.client.auth`]).toBe('required');
    return `User:${certificateSubject}`;
  }

  function plain(props: Partial<KraftClusterProps>) {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    const kafka = new KraftCluster(chart, 'Kafka', { name: 'events', plaintext: true, ...props });
    return { kafka, manifests: synth(chart) };
  }

  test.each<[string, () => { kafka: KraftCluster; manifests: Manifest[] }, string]>([
    ['plaintext, no client authentication', () => plain({ authentication: KraftClientAuthentication.none() }), 'User:ANONYMOUS'],
    ['plaintext, SCRAM clients', () => plain({}), 'User:ANONYMOUS;User:admin'],
    ['TLS, SCRAM clients', () => setup(), 'User:CN=events-kafka;User:admin'],
    ['TLS, mutual TLS clients', () => setup({ authentication: KraftClientAuthentication.tls() }), 'User:CN=events-kafka'],
    ['TLS, no client authentication', () => setup({ authentication: KraftClientAuthentication.none() }), 'User:CN=events-kafka;User:ANONYMOUS'],
    ['combined plaintext nodes', () => plain({ mode: KraftMode.COMBINED, authentication: KraftClientAuthentication.none() }), 'User:ANONYMOUS'],
  ])('%s: super.users %s on every pod, holding the principal the nodes connect as', (_case, make, superUsers) => {
    const { kafka, manifests } = make();
    const configs = podConfigs(manifests);
    for (const c of Object.values(configs)) {
      expect(c).toMatchObject({ 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'allow.everyone.if.no.acl.found': 'false', 'super.users': superUsers });
      // Vote, Fetch, BrokerRegistration and follower fetches need CLUSTER_ACTION, which before
      // the metadata is loaded only a super user gets.
      expect(c['super.users'].split(';')).toContain(interNodePrincipal(c, kafka.certificate && `CN=${find(manifests, 'Certificate', 'events-tls').spec.commonName}`));
    }
    expect(kafka.topology.nodePrincipal).toBe(kafka.certificate ? 'CN=events-kafka' : 'ANONYMOUS');
  });

  test('no client authentication makes every client User:ANONYMOUS, a super user: not through a Gateway', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
    const gateway = new KafkaGateway(chart, 'Gateway', { gatewayClass: new EnvoyGatewayClass(chart, 'Class'), hostnames: HostnameScheme.subdomain('kafka.example.com') });
    expect(() => new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, external: { gateway }, authentication: KraftClientAuthentication.none() })).toThrow(
      /KraftCluster 'events' at test\/Kafka: authentication is none, so every client would be User:ANONYMOUS, a super user, also through Gateway 'gateway' \(external\) \(got "none"\); use KraftClientAuthentication.scramSha512\(\) or KraftClientAuthentication.tls\(\) with an external listener/,
    );
    expect(() => new KraftCluster(chart, 'Kafka2', { name: 'events2', issuer: ca.issuer, external: { gateway } })).not.toThrow();
  });
});

describe('config: the options Strimzi lets through are allowed, what the topology computes is not', () => {
  test.each<[string, Record<string, string | number | boolean>]>([
    ["'ssl.enabled.protocols': 'TLSv1.3'", { 'ssl.enabled.protocols': 'TLSv1.3' }],
    ["'ssl.cipher.suites', 'ssl.protocol'", { 'ssl.cipher.suites': 'TLS_AES_256_GCM_SHA384', 'ssl.protocol': 'TLSv1.3' }],
    ["'controller.quorum.election.timeout.ms': 2000", { 'controller.quorum.election.timeout.ms': 2000 }],
    ['the other KRaft timeouts', { 'controller.quorum.fetch.timeout.ms': 4000, 'controller.quorum.election.backoff.max.ms': 1000, 'controller.socket.timeout.ms': 30000 }],
    ["'sasl.server.max.receive.size' with SCRAM", { 'sasl.server.max.receive.size': 524288 }],
  ])('%s is written to every pod', (_case, config) => {
    const configs = podConfigs(setup({ config }).manifests);
    for (const c of Object.values(configs)) expect(c).toMatchObject(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)])));
  });

  test.each<[string, Partial<KraftClusterProps>, RegExp]>([
    ['the keystore', { config: { 'ssl.keystore.location': '/tmp/other.pem' } }, /config\['ssl.keystore.location'\] is computed from the topology \(listeners, node ids, TLS, quorum\) \(got "\/tmp\/other.pem"\)/],
    ['the quorum', { config: { 'controller.quorum.bootstrap.servers': 'x:9093' } }, /config\['controller.quorum.bootstrap.servers'\] is computed from the topology/],
    ['the controller listener', { config: { 'controller.listener.names': 'CONTROLLER' } }, /config\['controller.listener.names'\] is computed from the topology/],
    ['the super users', { config: { 'super.users': 'User:me' } }, /config\['super.users'\] is computed from the topology/],
    ['the SASL mechanisms', { config: { 'sasl.enabled.mechanisms': 'PLAIN' } }, /config\['sasl.enabled.mechanisms'\] is computed from the topology/],
    ['TLS tuning without TLS', { issuer: undefined, plaintext: true, config: { 'ssl.enabled.protocols': 'TLSv1.3' } }, /config\['ssl.enabled.protocols'\] tunes TLS, which this cluster does not use \(plaintext: true\) \(got "TLSv1.3"\); remove it, or pass an issuer for TLS/],
    ['SASL tuning without SASL', { authentication: KraftClientAuthentication.tls(), config: { 'sasl.server.max.receive.size': 524288 } }, /config\['sasl.server.max.receive.size'\] tunes SASL, which no listener of this cluster uses \(authentication is tls\)/],
  ])('%s is rejected', (_case, props, message) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    const issuer = 'issuer' in props ? props.issuer : new PrivateCa(chart, 'Ca', { clusterScoped: false }).issuer;
    expect(() => new KraftCluster(chart, 'Kafka', { name: 'events', ...props, issuer })).toThrow(message);
  });

  test('combined mode has no broker ids of its own: brokerIdOffset fails instead of being ignored', () => {
    expect(() => setup({ mode: KraftMode.COMBINED, brokerIdOffset: 100 })).toThrow(
      /KraftCluster 'events' at test\/Kafka: brokerIdOffset does not apply in combined mode: every node is a controller and a broker with one node id, from 0 \(got 100\); remove it, or use KraftMode.SPLIT for broker ids of their own/,
    );
    expect(podConfigs(setup({ mode: KraftMode.COMBINED }).manifests)['events-combined-0']['node.id']).toBe('0');
    expect(podConfigs(setup({ brokerIdOffset: 200 }).manifests)['events-broker-0']['node.id']).toBe('200');
  });

  test('share-group state topic replication follows the RF / min ISR / brokers rules', () => {
    expect(() => setup({ config: { 'share.coordinator.state.topic.replication.factor': 4 } })).toThrow(/config\['share.coordinator.state.topic.replication.factor'\] exceeds the 3 brokers \(got 4\); add brokers or lower it to 3/);
    expect(() => setup({ config: { 'share.coordinator.state.topic.min.isr': 3 } })).toThrow(
      /config\['share.coordinator.state.topic.min.isr'\] must be less than the replication factor \(3\), or one replica down stops every acks=all write \(share.coordinator.state.topic.replication.factor is 3, Kafka's default\) \(got 3\); set it to 2/,
    );
    expect(() => setup({ config: { 'share.coordinator.state.topic.replication.factor': 3, 'share.coordinator.state.topic.min.isr': 2 } })).not.toThrow();
  });
});

describe('KraftCluster storageClass names a StorageClass', () => {
  const build = (storageClass: string) => () => new KraftCluster(Chart.of(new PrivateCa(Testing.chart(), 'Ca', { clusterScoped: false })), 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, brokers: { storageClass } });
  test.each(['Fast_SSD', '', 'fast ssd', '-fast'])('%j is refused', (storageClass) => expect(build(storageClass)).toThrow(/brokers.storageClass must be lowercase alphanumerics.*\(it names a StorageClass\)/));
  test('fast-ssd is written as the claim templates\' storageClassName', () => {
    const chart = Testing.chart();
    new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', plaintext: true, brokers: { storageClass: 'fast-ssd' } });
    expect(find(synth(chart), 'StatefulSet', 'events-broker').spec.volumeClaimTemplates[0].spec.storageClassName).toBe('fast-ssd');
  });
});
