import { Chart, Duration, Testing } from 'cdk8s';
import {
  BridgeAuthentication, BridgeKafkaConnection, EnvoyGatewayClass, HostnameScheme, KafkaBridge, KafkaBridgeProps, KafkaCluster, KafkaGateway, KafkaMetrics, KraftClientAuthentication,
  KraftCluster, NetworkPeer, PrivateCa, UserAuthentication,
} from '../../src';
import { expectValid, find, synth } from '../support';

function setup() {
  const chart = Testing.chart();
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  const user = kafka.addUser('bridge');
  return { chart, kafka, user };
}

describe('KafkaBridge', () => {
  test('snapshot of a bridge next to its cluster', () => {
    const { chart, kafka, user } = setup();
    new KafkaBridge(chart, 'Bridge', { namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(user) });
    expect(synth(chart).filter((m) => m.kind === 'KafkaBridge' || m.kind === 'NetworkPolicy')).toMatchSnapshot();
  });

  test('from a cluster: its bootstrap address, its cluster CA, a SCRAM user; bounded consumers; restricted; a NetworkPolicy', () => {
    const { chart, kafka, user } = setup();
    const bridge = new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(user) });
    const manifests = synth(chart);
    const spec = find(manifests, 'KafkaBridge', 'events').spec;
    expect(spec).toMatchObject({
      replicas: 1,
      bootstrapServers: 'events-kafka-bootstrap.kafka.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'bridge', passwordSecret: { secretName: 'bridge', password: 'password' } },
      http: { port: 8080 },
      consumer: { enabled: true, timeoutSeconds: 300 },
      producer: { enabled: true },
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    });
    expect(spec.template.bridgeContainer.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    const policy = find(manifests, 'NetworkPolicy', 'events-bridge');
    // In: its clients; out: DNS and the cluster's brokers on the listener's port (issue 13).
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/kind': 'KafkaBridge' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: 8080, protocol: 'TCP' }], from: [{ podSelector: {} }] }],
      egress: [
        { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] },
        { ports: [{ port: 9093, protocol: 'TCP' }], to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/kind': 'Kafka', 'strimzi.io/broker-role': 'true' } } }] },
      ],
    });
    expect(bridge.serviceName).toBe('events-bridge-service');
    expect(bridge.serviceAddress).toBe('events-bridge-service.kafka.svc:8080');
    expect(bridge.node.defaultChild).toBe(bridge.resource);
    expectValid(manifests);
  });

  test('from an address elsewhere, with TLS user credentials, CORS, metrics, labels, peers and an Istio sidecar', () => {
    const chart = Testing.chart();
    new KafkaBridge(chart, 'Bridge', {
      name: 'events',
      namespace: 'bridge',
      kafka: BridgeKafkaConnection.fromAddress('bootstrap.kafka.example.com:9092', { secretName: 'kafka-ca' }),
      authentication: BridgeAuthentication.tls('bridge-user'),
      cors: { allowedOrigins: ['https://app.example.com'] },
      consumerTimeout: Duration.minutes(2),
      metrics: KafkaMetrics.strimziMetricsReporter(),
      labels: { failover: 'enabled' },
      allowFrom: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }, podLabels: { istio: 'ingressgateway' } }],
      istioSidecar: true,
    });
    const manifests = synth(chart);
    const resource = find(manifests, 'KafkaBridge', 'events');
    expect(resource.metadata.labels).toEqual({ failover: 'enabled' });
    expect(resource.spec).toMatchObject({
      bootstrapServers: 'bootstrap.kafka.example.com:9092',
      tls: { trustedCertificates: [{ secretName: 'kafka-ca', certificate: 'ca.crt' }] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'bridge-user', certificate: 'user.crt', key: 'user.key' } },
      http: { port: 8080, cors: { allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] } },
      consumer: { timeoutSeconds: 120 },
      metricsConfig: { type: 'strimziMetricsReporter' },
    });
    expect(resource.spec.template.pod.metadata.labels).toEqual({ failover: 'enabled', 'sidecar.istio.io/inject': 'true' });
    expect(find(manifests, 'NetworkPolicy', 'events-bridge').spec.ingress[0].from).toEqual([
      { podSelector: { matchLabels: { istio: 'ingressgateway' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } } },
    ]);
    expectValid(manifests);
  });

  test('allowFrom: [] admits nobody (an empty from would admit everyone)', () => {
    const { chart, kafka, user } = setup();
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(user), allowFrom: [] });
    const policy = find(synth(chart), 'NetworkPolicy', 'events-bridge');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress ?? []).toEqual([]);
  });

  test('a connection to a cluster with no listener is a clear error, not a TypeError', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    expect(() => BridgeKafkaConnection.fromCluster(kafka)).toThrow(/^KafkaCluster 'events' at test\/Kafka: listeners are empty: a bridge has nothing to connect to \(got \[\]\); add a listener/);
  });

  describe('fails when', () => {
    const remote = BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'ca' });
    test.each<[string, Partial<KafkaBridgeProps>, RegExp]>([
      ['the name cannot prefix a Service', { name: 'Events_1' }, /KafkaBridge 'Events_1' at test\/B: name must be lowercase/],
      ['there are no replicas', { replicas: 0 }, /replicas must be a whole number >= 1 \(got 0\)/],
      ['the HTTP port is privileged', { httpPort: 80 }, /httpPort must be from 1023 to 65535 \(the bridge runs unprivileged\) \(got 80\); use 8080/],
      ['consumers never time out', { consumerTimeout: Duration.seconds(0) }, /consumerTimeout must be at least a second; consumers that never time out pile up \(got 0\)/],
      ['it serves nothing', { producer: false, consumer: false }, /producer and consumer are both off: the bridge would serve nothing/],
    ])('%s', (_case, props, message) => {
      const chart = Testing.chart();
      expect(() => new KafkaBridge(chart, 'B', { kafka: remote, ...props })).toThrow(message);
    });

    test("it is not in the cluster's namespace, where the CA and user Secrets are", () => {
      const { chart, kafka, user } = setup();
      expect(() => new KafkaBridge(chart, 'B', { namespace: 'bridge', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(user) })).toThrow(
        /namespace differs from the Kafka cluster's \(kafka\), where its CA and user Secrets are \(got "bridge"\)/,
      );
    });

    test('its authentication does not match the listener', () => {
      const { chart, kafka } = setup();
      expect(() => new KafkaBridge(chart, 'B', { namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka) })).toThrow(
        /authentication does not match the listener, which authenticates with scram-sha-512 \(got "none"\); use BridgeAuthentication.fromUser\(\) with a scram-sha-512 KafkaUser/,
      );
    });

    test('the user has no Secret (tls-external)', () => {
      const { kafka } = setup();
      const external = kafka.addUser('ext', { authentication: UserAuthentication.tlsExternal() });
      expect(() => BridgeAuthentication.fromUser(external)).toThrow(/KafkaUser 'ext' is tls-external and has no Secret/);
    });
  });
});

describe('allowFrom peers that would admit everyone', () => {
  const remote = () => BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'ca' });
  const bridge = (allowFrom: KafkaBridgeProps['allowFrom']) => {
    const chart = Testing.chart();
    new KafkaBridge(chart, 'Bridge', { name: 'events', namespace: 'bridge', kafka: remote(), allowFrom });
    return find(synth(chart), 'NetworkPolicy', 'events-bridge').spec.ingress[0].from;
  };

  // k8s.io/api networking/v1 NetworkPolicyPeer: an empty namespaceSelector selects all namespaces,
  // and without a podSelector every pod in them.
  test.each<[string, KafkaBridgeProps['allowFrom']]>([
    ['namespaceLabels: {} alone', [{ namespaceLabels: {} }]],
    ['podLabels: {} and namespaceLabels: {}', [{ podLabels: {}, namespaceLabels: {} }]],
    ['a second peer of namespaceLabels: {}', [{ podLabels: { app: 'gateway' } }, { namespaceLabels: {} }]],
  ])('%s is rejected, naming the peer and what to give', (_case, allowFrom) => {
    const index = allowFrom!.length - 1;
    expect(() => bridge(allowFrom)).toThrow(new RegExp(
      `^KafkaBridge 'events' at test/Bridge: allowFrom\\[${index}\\]\\.namespaceLabels is empty and podLabels names none: an empty namespace selector selects every namespace, so this peer admits every pod of the Kubernetes cluster \\(got .*\\); name the labels, e\\.g\\. .*or leave allowFrom unset to admit the pods of the policy's own namespace$`,
    ));
  });

  test('named namespace labels are right', () => {
    expect(bridge([{ namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } }])).toEqual([{ podSelector: {}, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } } }]);
  });

  test('podLabels: {} alone is every pod of the bridge\'s own namespace, as documented: accepted', () => {
    expect(bridge([{ podLabels: {} }])).toEqual([{ podSelector: {} }]);
  });

  test('pod labels in every namespace select only those pods: accepted', () => {
    expect(bridge([{ podLabels: { app: 'gateway' }, namespaceLabels: {} }])).toEqual([{ podSelector: { matchLabels: { app: 'gateway' } }, namespaceSelector: {} }]);
  });

  test('a KraftCluster, whose allowFrom goes through the same NetworkPolicy peers, rejects it too', () => {
    expect(() => new KraftCluster(Testing.chart(), 'Kraft', { namespace: 'kafka', plaintext: true, allowFrom: [{ namespaceLabels: {} }] })).toThrow(/allowFrom\[0\]\.namespaceLabels is empty and podLabels names none: an empty namespace selector selects every namespace/);
    expect(() => new KraftCluster(Testing.chart(), 'Kraft', { namespace: 'kafka', plaintext: true, allowFrom: [{ namespaceLabels: { team: 'apps' } }] })).not.toThrow();
  });
});

describe('what a bridge admits: allowFrom and admits()', () => {
  const make = (allowFrom?: KafkaBridgeProps['allowFrom']) =>
    new KafkaBridge(Testing.chart(), 'Bridge', { name: 'events', namespace: 'bridge', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'ca' }), allowFrom });
  const istio = { namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' }, podLabels: { istio: 'ingressgateway' } };
  const sameNamespace = { podLabels: { app: 'bridge-gateway' } };

  test('unset: the pods of the bridge\'s namespace only', () => {
    const bridge = make();
    expect(bridge.allowFrom).toBeUndefined();
    expect(bridge.admits(sameNamespace)).toBe(true);
    expect(bridge.admits({ namespaceLabels: { 'kubernetes.io/metadata.name': 'bridge' }, podLabels: { app: 'x' } })).toBe(true);
    expect(bridge.admits(istio)).toBe(false);
  });

  test('[]: nobody', () => {
    const bridge = make([]);
    expect(bridge.allowFrom).toEqual([]);
    expect(bridge.admits(sameNamespace)).toBe(false);
  });

  test('an entry admits a peer when its labels are a subset of the peer\'s', () => {
    expect(make([istio]).admits(istio)).toBe(true);
    expect(make([{ namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } }]).admits(istio)).toBe(true);
    expect(make([{ podLabels: { istio: 'ingressgateway' }, namespaceLabels: {} }]).admits(istio)).toBe(true);
    // The wrong namespace, the wrong pods, or pods of the bridge's namespace only.
    expect(make([{ ...istio, namespaceLabels: { 'kubernetes.io/metadata.name': 'istio-system' } }]).admits(istio)).toBe(false);
    expect(make([{ ...istio, podLabels: { istio: 'egressgateway' } }]).admits(istio)).toBe(false);
    expect(make([{ podLabels: { istio: 'ingressgateway' } }]).admits(istio)).toBe(false);
    expect(make([{ podLabels: { istio: 'ingressgateway' } }]).admits({ podLabels: { istio: 'ingressgateway', app: 'x' } })).toBe(true);
  });

  test('allowFrom is a copy: changing the props afterwards changes neither it nor the NetworkPolicy', () => {
    const allowFrom: NetworkPeer[] = [istio];
    const bridge = make(allowFrom);
    allowFrom.push({ namespaceLabels: { 'kubernetes.io/metadata.name': 'x' }, podLabels: { app: 'x' } });
    expect(bridge.allowFrom).toEqual([istio]);
  });
});

describe('a bridge dialing a KraftCluster: the trust chain is checked as for a KafkaCluster listener', () => {
  function kraft(props: { plaintext?: boolean; external?: boolean } = {}) {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'kafka' });
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'kafka' });
    const other = new PrivateCa(chart, 'Other', { name: 'other-ca', clusterScoped: false, namespace: 'kafka' });
    const gateway = props.external ? new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass: new EnvoyGatewayClass(chart, 'Class'), hostnames: HostnameScheme.subdomain('kafka.example.com') }) : undefined;
    const kafka = props.plaintext
      ? new KraftCluster(chart, 'Kafka', { name: 'events', plaintext: true, authentication: KraftClientAuthentication.none() })
      : new KraftCluster(chart, 'Kafka', { name: 'events', issuer: ca.issuer, ...(gateway && { external: { gateway } }) });
    const admin = BridgeAuthentication.scramSha512('admin', 'events-admin');
    // null: a bridge without authentication
    const bridge = (id: string, address: string, trust: string, authentication: BridgeAuthentication | null = admin) =>
      new KafkaBridge(chart, id, { namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress(address, { secretName: trust }), authentication: authentication ?? undefined });
    return { chart, kafka, other, bridge };
  }

  test('trusting another CA than the one that signs the cluster certificate fails at synth', () => {
    const { chart, kafka, other, bridge } = kraft();
    bridge('Bridge', kafka.bootstrapAddress, other.certificate.secretName);
    expect(() => synth(chart)).toThrow(
      /KafkaBridge 'bridge' at test\/Bridge: kafka dials events-bootstrap.kafka.svc:9092, listener 'CLIENTS' of KraftCluster 'events', whose certificate is signed by the CA in Secret 'kafka\/events-tls', but trusts the CA in Secret 'kafka\/other-ca-ca' \(cert-manager, from Certificate 'other-ca-ca' at test\/Other\/Certificate\); the TLS handshake would fail \(got "other-ca-ca"\); trust 'events-tls' \(key ca.crt\)/,
    );
  });

  test("trusting the cluster certificate's Secret (its ca.crt) passes; a per-broker Service too", () => {
    const { chart, kafka, bridge } = kraft();
    bridge('Bridge', kafka.bootstrapAddress, kafka.certificate!.secretName);
    bridge('Second', 'events-bootstrap.kafka.svc:9092,events-broker-101.kafka.svc:9092', kafka.certificate!.secretName);
    expect(() => synth(chart)).not.toThrow();
  });

  test('the rest of the chain: authentication, hostnames the certificate does not cover, TLS against a plaintext cluster', () => {
    const wrongAuth = kraft();
    wrongAuth.bridge('Bridge', wrongAuth.kafka.bootstrapAddress, wrongAuth.kafka.certificate!.secretName, null);
    expect(() => synth(wrongAuth.chart)).toThrow(/kafka dials events-bootstrap.kafka.svc:9092, listener 'CLIENTS' of KraftCluster 'events', which authenticates clients with scram-sha-512, but the client authenticates with none/);
    const shortName = kraft();
    shortName.bridge('Bridge', 'events-bootstrap.kafka:9092', shortName.kafka.certificate!.secretName);
    expect(() => synth(shortName.chart)).toThrow(/kafka dials events-bootstrap.kafka:9092, listener 'CLIENTS' of KraftCluster 'events', whose certificate \(cert-manager, from Certificate 'events-tls' .*\) does not cover events-bootstrap.kafka/);
    const plain = kraft({ plaintext: true });
    plain.bridge('Bridge', plain.kafka.bootstrapAddress, plain.other.certificate.secretName, null);
    expect(() => synth(plain.chart)).toThrow(/kafka dials events-bootstrap.kafka.svc:9092, listener 'CLIENTS' of KraftCluster 'events', which has no TLS, but is set up to trust a CA/);
  });

  test('through the Gateway: the external bootstrap host, the same CA', () => {
    const { chart, other, bridge } = kraft({ external: true });
    bridge('Bridge', 'bootstrap.kafka.example.com:9092', other.certificate.secretName);
    expect(() => synth(chart)).toThrow(/kafka dials bootstrap.kafka.example.com:9092, listener 'EXTERNAL' of KraftCluster 'events' \(through Gateway 'gateway'\), whose certificate is signed by the CA in Secret 'kafka\/events-tls', but trusts the CA in Secret 'kafka\/other-ca-ca'/);
  });
});

describe('the bridge name leaves room for every name Strimzi derives from it', () => {
  const make = (name: string) => () => new KafkaBridge(Testing.chart(), 'Bridge', { name, namespace: 'kafka', kafka: BridgeKafkaConnection.fromAddress('kafka:9092', { secretName: 'ca' }) });

  test('60 characters would make a 75-character Service name: rejected', () => {
    const name = `b${'x'.repeat(59)}`;
    expect(make(name)).toThrow(new RegExp(`KafkaBridge '${name}' at test/Bridge: name must be .*, at most 48 characters \\(Strimzi names the bridge's Service '<name>-bridge-service', a DNS label of at most 63\\)`));
    expect(make(`b${'x'.repeat(48)}`)).toThrow(/at most 48 characters/);
  });

  test('48 characters give a 63-character Service name: accepted', () => {
    const bridge = make(`b${'x'.repeat(47)}`)();
    expect(bridge.serviceName).toHaveLength(63);
  });
});

describe('HTTP TLS (Strimzi http.tls)', () => {
  const make = (httpTls: KafkaBridgeProps['httpTls'], httpPort = 8443) => {
    const chart = Testing.chart();
    const bridge = new KafkaBridge(chart, 'Bridge', { name: 'my-bridge', namespace: 'kafka', httpPort, httpTls, kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092') });
    return { chart, bridge };
  };

  test('the certificate and key from a Secret, default keys tls.crt and tls.key, protocols and cipher suites as http.tls.config', () => {
    const { chart, bridge } = make({ secretName: 'my-bridge-cert-secret', certificate: 'cert.crt', key: 'key.key' });
    let manifests = synth(chart);
    expect(find(manifests, 'KafkaBridge', 'my-bridge').spec.http).toEqual({ port: 8443, tls: { certificateAndKey: { secretName: 'my-bridge-cert-secret', certificate: 'cert.crt', key: 'key.key' } } });
    expect(bridge.httpTls).toEqual({ secretName: 'my-bridge-cert-secret', certificate: 'cert.crt', key: 'key.key' });
    expectValid(manifests);
    manifests = synth(make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.3'], cipherSuites: ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256'] }).chart);
    expect(find(manifests, 'KafkaBridge', 'my-bridge').spec.http.tls).toEqual({
      certificateAndKey: { secretName: 'bridge-tls', certificate: 'tls.crt', key: 'tls.key' },
      config: { 'ssl.enabled.protocols': 'TLSv1.3', 'ssl.enabled.cipher.suites': 'TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256' },
    });
    expectValid(manifests);
  });

  test('fails on a Secret name or keys Strimzi could not mount, and on protocols or suites the bridge would not serve', () => {
    const at = "KafkaBridge 'my-bridge' at test/Bridge";
    expect(() => make({ secretName: 'Bridge_TLS' })).toThrow(new RegExp(`${at}: httpTls\\.secretName must be lowercase alphanumerics`));
    expect(() => make({ secretName: 'strimzi-tmp' })).toThrow(/httpTls\.secretName is the name of a volume Strimzi gives the bridge pod itself/);
    expect(() => make({ secretName: 'bridge-tls', certificate: 'tls/crt' })).toThrow(/httpTls\.certificate must be /);
    expect(() => make({ secretName: 'bridge-tls', certificate: 'tls.pem', key: 'tls.pem' })).toThrow(/httpTls\.key is the certificate's key too/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.1'] })).toThrow(/httpTls\.enabledProtocols\[0\] must be one of TLSv1\.2, TLSv1\.3 .* \(got "TLSv1\.1"\)/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: [] })).toThrow(/httpTls\.enabledProtocols is empty: the bridge would accept no TLS connection/);
    expect(() => make({ secretName: 'bridge-tls', cipherSuites: ['aes256'] })).toThrow(/httpTls\.cipherSuites\[0\] must be a cipher suite name/);
    expect(() => make({ secretName: 'bridge-tls', cipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256'] })).toThrow(/httpTls\.cipherSuites\[1\] is listed twice/);
    expect(() => make({ secretName: 'bridge-tls', keyFile: 'x' } as any)).toThrow(/httpTls\.keyFile is not a prop of BridgeHttpTls/);
  });
});

describe('plain and pattern trust (Strimzi tls.trustedCertificates)', () => {
  const spec = (kafka: BridgeKafkaConnection, auth?: BridgeAuthentication) => {
    const chart = Testing.chart();
    new KafkaBridge(chart, 'Bridge', { name: 'my-bridge', kafka, authentication: auth });
    const manifests = synth(chart);
    expectValid(manifests);
    return find(manifests, 'KafkaBridge', 'my-bridge').spec;
  };

  test('fromAddress without a CA connects in plain text: no tls', () => {
    const s = spec(BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'));
    expect(s.bootstrapServers).toBe('my-cluster-kafka-bootstrap:9092');
    expect(s.tls).toBeUndefined();
    expect(BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092').trustedCa).toBeUndefined();
  });

  test('fromAddress with a pattern of keys', () => {
    expect(spec(BridgeKafkaConnection.fromAddress('kafka.example.com:9093', { secretName: 'kafka-ca', pattern: '*.crt' })).tls).toEqual({ trustedCertificates: [{ secretName: 'kafka-ca', pattern: '*.crt' }] });
  });

  test("fromCluster with trustedCertificatesPattern: the listener's CA Secret by pattern", () => {
    const { kafka, user } = setup();
    const connection = BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '*.crt' });
    expect(connection.trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', pattern: '*.crt' });
    const chart = Testing.chart();
    expect(() => new KafkaBridge(chart, 'Bridge', { namespace: 'kafka', kafka: connection, authentication: BridgeAuthentication.fromUser(user) })).not.toThrow();
    expect(BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: 'ca{,-*}.crt' }).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', pattern: 'ca{,-*}.crt' });
  });

  test('fails on a pattern Java would refuse, one that misses the CA or takes a key that is not a certificate, or both certificate and pattern', () => {
    const { kafka } = setup();
    const f = 'BridgeKafkaConnection\\.fromCluster\\(\\)';
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '*' })).toThrow(new RegExp(`^${f}: options\\.trustedCertificatesPattern matches 'ca\\.p12', 'ca\\.password' of Secret 'events-cluster-ca-cert', which are not a PEM certificate`));
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '*.pem' })).toThrow(/options\.trustedCertificatesPattern does not match 'ca\.crt', the CA certificate of listener 'tls' in Secret 'events-cluster-ca-cert'/);
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '{ca,tls.crt' })).toThrow(/options\.trustedCertificatesPattern is not a glob Java accepts/);
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '' })).toThrow(/options\.trustedCertificatesPattern must be a glob of the Secret's keys/);
    const g = 'BridgeKafkaConnection\\.fromAddress\\(\\)';
    expect(() => BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'kafka-ca', certificate: 'ca.crt', pattern: '*.crt' })).toThrow(new RegExp(`^${g}: trustedCa\\.pattern is set with certificate: Strimzi takes one key or a pattern, not both`));
    expect(() => BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'kafka-ca', pattern: 'certs/*.crt' })).toThrow(/trustedCa\.pattern contains '\/', which no Secret key has/);
    expect(() => BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'Kafka CA' })).toThrow(/trustedCa\.secretName must name a Secret/);
  });

  test('fails on a pattern for a listener without TLS', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    kafka.addListener('plain', { port: 9092, tls: false });
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'plain', { trustedCertificatesPattern: '*.crt' })).toThrow(/options\.trustedCertificatesPattern is set, but listener 'plain' has no TLS: there is no certificate to trust/);
  });
});
