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
      tls: { trustedCertificates: [{ secretName: 'events-cluster-ca-cert', pattern: '*.crt' }] },
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

  test('fails when the cipher suites suit no enabled protocol (no handshake possible); a suite of an enabled protocol passes', () => {
    const at = "KafkaBridge 'my-bridge' at test/Bridge";
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.2'], cipherSuites: ['TLS_AES_256_GCM_SHA384'] })).toThrow(new RegExp(
      `^${at}: httpTls\\.cipherSuites are only TLS 1\\.3 suites \\(TLS_AES_\\*, TLS_CHACHA20_\\*\\), which TLSv1\\.2 cannot negotiate, while enabledProtocols is TLSv1\\.2: no TLS handshake could succeed.* \\(got \\["TLS_AES_256_GCM_SHA384"\\]\\); add a TLS 1\\.2 suite`));
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.2'], cipherSuites: ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'] })).toThrow(/httpTls\.cipherSuites are only TLS 1\.3 suites/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.3'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] })).toThrow(
      /httpTls\.cipherSuites are only suites of TLS 1\.2 and earlier \(TLS_\*_WITH_\*\), which TLSv1\.3 cannot negotiate \(RFC 8446 B\.4\), while enabledProtocols is TLSv1\.3.*; add a TLS 1\.3 suite/);
    expect(() => make({ secretName: 'bridge-tls', cipherSuites: ['TLS_EMPTY_RENEGOTIATION_INFO_SCSV'] })).toThrow(/httpTls\.cipherSuites are only the renegotiation signalling value/);
    expect(() => make({ secretName: 'bridge-tls', cipherSuites: ['TLS_FOO'] })).toThrow(/httpTls\.cipherSuites\[0\] must be a cipher suite name as JSSE writes it/);
    // A suite some enabled protocol negotiates: the handshake can succeed.
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.2'], cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] })).not.toThrow();
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.3'], cipherSuites: ['TLS_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] })).not.toThrow();
    expect(() => make({ secretName: 'bridge-tls', cipherSuites: ['TLS_AES_256_GCM_SHA384'] })).not.toThrow();
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.2', 'TLSv1.3'], cipherSuites: ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'] })).not.toThrow();
  });

  test('fails on a protocol name other than TLSv1.2 and TLSv1.3, saying why', () => {
    for (const old of ['SSLv3', 'TLSv1', 'TLSv1.1']) {
      expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.3', old] })).toThrow(new RegExp(
        `httpTls\\.enabledProtocols\\[1\\] must be one of TLSv1\\.2, TLSv1\\.3 as JSSE names them: ${old.replace('.', '\\.')} is disabled in the bridge's JDK \\(java\\.security's jdk\\.tls\\.disabledAlgorithms`));
    }
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['tlsv1.3'] })).toThrow(/enabledProtocols\[0\] must be one of TLSv1\.2, TLSv1\.3 as JSSE names them: protocol names are case-sensitive JSSE names: write 'TLSv1\.3' \(got "tlsv1\.3"\)/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLS1.2'] })).toThrow(/write 'TLSv1\.2'/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['QUIC'] })).toThrow(/enabledProtocols\[0\] must be one of TLSv1\.2, TLSv1\.3 as JSSE names them: the bridge's JDK knows no such protocol/);
    expect(() => make({ secretName: 'bridge-tls', enabledProtocols: ['TLSv1.2'] })).not.toThrow();
  });
});

describe('ports of the bridge pod', () => {
  const bridge = (props: Partial<KafkaBridgeProps>) => () => new KafkaBridge(Testing.chart(), 'Bridge', { name: 'my-bridge', kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092'), ...props });

  test("fails on the management port 8081 (health, readiness, metrics), with or without TLS", () => {
    expect(bridge({ httpPort: 8081 })).toThrow(new RegExp(
      "^KafkaBridge 'my-bridge' at test/Bridge: httpPort is taken on the bridge pod: it is the bridge's management port, where it serves /healthy, /ready and /metrics and which Strimzi's probes use \\(KafkaBridgeCluster\\.REST_API_MANAGEMENT_PORT = 8081\\).* \\(got 8081\\); use another port, e\\.g\\. 8080"));
    expect(bridge({ httpPort: 8081, httpTls: { secretName: 'bridge-tls' } })).toThrow(/httpPort is taken on the bridge pod/);
    expect(bridge({ httpPort: 8081, metrics: KafkaMetrics.jmxPrometheusExporter() })).toThrow(/httpPort is taken on the bridge pod/);
    expect(bridge({ httpPort: 8082 })).not.toThrow();
    expect(bridge({ httpPort: 8443, httpTls: { secretName: 'bridge-tls' } })).not.toThrow();
  });

  test("fails on a port of the Istio sidecar when it is injected; the same port without a sidecar passes", () => {
    expect(bridge({ httpPort: 15006, istioSidecar: true })).toThrow(/httpPort is taken on the bridge pod: with istioSidecar it is Envoy's inbound port, where iptables redirects the pod's incoming traffic \(istio\.io "Ports used by Istio"/);
    for (const port of [15000, 15001, 15004, 15008, 15020, 15021, 15053, 15090]) expect(bridge({ httpPort: port, istioSidecar: true })).toThrow(/httpPort is taken on the bridge pod: with istioSidecar/);
    expect(bridge({ httpPort: 15006 })).not.toThrow();
    expect(bridge({ httpPort: 8080, istioSidecar: true })).not.toThrow();
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

  test('a pattern is of the characters a Secret key may hold and the glob\'s own; any other fails, naming it', () => {
    const { kafka } = setup();
    for (const pattern of ['*.crt', 'ca{,-*}.crt', '[!x]*.crt', 'ca-?.crt', 'ca[-_]*.crt', 'ca\\-*.crt', '{ca.crt,ca-*.crt}']) {
      expect(BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'kafka-ca', pattern }).trustedCa).toEqual({ secretName: 'kafka-ca', pattern });
    }
    expect(BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: '{ca\\.crt,ca-*.crt}' }).trustedCa?.pattern).toBe('{ca\\.crt,ca-*.crt}');
    const g = 'BridgeKafkaConnection\\.fromAddress\\(\\)';
    expect(() => BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'kafka-ca', pattern: 'ca *.crt' })).toThrow(new RegExp(
      `^${g}: trustedCa\\.pattern contains " ", which no Secret key has \\(a key is letters, digits, '-', '_' and '\\.'; a glob adds \\* \\? \\[ \\] \\{ \\} , ! and \\\\ before a key character\\) \\(got "ca \\*\\.crt"\\); match the keys as they are written, e.g. '\\*\\.crt'`));
    const refused = (pattern: string) => () => BridgeKafkaConnection.fromAddress('kafka:9093', { secretName: 'kafka-ca', pattern });
    expect(refused('*.crt ')).toThrow(/trustedCa\.pattern contains " ", which no Secret key has/);
    expect(refused('ca\\ x.crt')).toThrow(/trustedCa\.pattern contains " ", which no Secret key has/);
    expect(refused('\\*.crt')).toThrow(/trustedCa\.pattern contains "\*", which no Secret key has/);
    expect(refused('ca@*.crt')).toThrow(/trustedCa\.pattern contains "@", which no Secret key has/);
    expect(refused('ca:*.crt')).toThrow(/trustedCa\.pattern contains ":", which no Secret key has/);
    expect(refused('*.crt\n')).toThrow(/trustedCa\.pattern contains "\\n", which no Secret key has/);
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: 'ca .crt' })).toThrow(/^BridgeKafkaConnection\.fromCluster\(\): options\.trustedCertificatesPattern contains " ", which no Secret key has/);
  });

  test("fromCluster trusts every certificate of the cluster CA Secret by default (the old CA too while Strimzi replaces its key); trustedCertificate picks the CA key alone", () => {
    const { kafka } = setup();
    expect(BridgeKafkaConnection.fromCluster(kafka).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', pattern: '*.crt' });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificate: 'ca.crt' }).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', certificate: 'ca.crt' });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificatesPattern: 'ca{,-*}.crt' }).trustedCa).toEqual({ secretName: 'events-cluster-ca-cert', pattern: 'ca{,-*}.crt' });
    // A cluster made elsewhere: Strimzi's cluster CA Secret all the same.
    const chart = Testing.chart();
    const imported = KafkaCluster.fromClusterAttributes(chart, 'MyCluster', { name: 'my-cluster', namespace: 'kafka', listeners: [{ name: 'tls', port: 9093, tls: true }] });
    expect(BridgeKafkaConnection.fromCluster(imported, 'tls').trustedCa).toEqual({ secretName: 'my-cluster-cluster-ca-cert', pattern: '*.crt' });
    // Not a copy in another cluster's namespace: the runbook copies the CA as ca.crt alone.
    expect(BridgeKafkaConnection.fromAddress('events-kafka-bootstrap.kafka.svc:9093', { secretName: 'events-ca' }).trustedCa).toEqual({ secretName: 'events-ca', certificate: 'ca.crt' });
  });

  test('a listener with a certificate of its own keeps its CA key by default', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
    kafka.addListener('custom', { port: 9095, brokerCertificate: { secretName: 'events-internal-tls' } });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'custom').trustedCa).toEqual({ secretName: 'events-internal-tls', certificate: 'ca.crt' });
    expect(BridgeKafkaConnection.fromCluster(kafka, 'custom', { trustedCertificate: 'ca.crt' }).trustedCa).toEqual({ secretName: 'events-internal-tls', certificate: 'ca.crt' });
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'custom', { trustedCertificate: 'tls.crt' })).toThrow(/options\.trustedCertificate is not 'ca\.crt', the CA certificate of listener 'custom' in Secret 'events-internal-tls'/);
  });

  test('fails on a trustedCertificate that is not the CA key, not a key, comes with a pattern, or is set for a listener without TLS', () => {
    const { kafka } = setup();
    const f = 'BridgeKafkaConnection\\.fromCluster\\(\\)';
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificate: 'ca.p12' })).toThrow(new RegExp(
      `^${f}: options\\.trustedCertificate is not 'ca\\.crt', the CA certificate of listener 'tls' in Secret 'events-cluster-ca-cert': the client would not trust the brokers \\(got "ca\\.p12"\\); give 'ca\\.crt', or a pattern \\(options\\.trustedCertificatesPattern\\)`));
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificate: 'ca.crt', trustedCertificatesPattern: '*.crt' })).toThrow(new RegExp(
      `^${f}: options\\.trustedCertificate is set with options\\.trustedCertificatesPattern: Strimzi takes one key or a pattern, not both \\(CertSecretSource @OneOf\\)`));
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificate: 'certs/ca.crt' })).toThrow(/options\.trustedCertificate must be a key of the Secret \(letters, digits, -, _ and \.\) \(got "certs\/ca\.crt"\)/);
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'tls', { trustedCertificate: 42 as any })).toThrow(/options\.trustedCertificate must be a string/);
    const plain = new KafkaCluster(Testing.chart(), 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    plain.addListener('plain', { port: 9092, tls: false });
    expect(() => BridgeKafkaConnection.fromCluster(plain, 'plain', { trustedCertificate: 'ca.crt' })).toThrow(/options\.trustedCertificate is set, but listener 'plain' has no TLS: there is no certificate to trust/);
    expect(BridgeKafkaConnection.fromCluster(plain, 'plain').trustedCa).toBeUndefined();
  });

  test('fails on a pattern for a listener without TLS', () => {
    const chart = Testing.chart();
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', defaultListener: false });
    kafka.addListener('plain', { port: 9092, tls: false });
    expect(() => BridgeKafkaConnection.fromCluster(kafka, 'plain', { trustedCertificatesPattern: '*.crt' })).toThrow(/options\.trustedCertificatesPattern is set, but listener 'plain' has no TLS: there is no certificate to trust/);
  });

  test('fromAddress: fails on a key or pattern that is by its name no PEM certificate (a Secret of unknown keys); certificates pass', () => {
    const g = 'BridgeKafkaConnection\\.fromAddress\\(\\)';
    const trust = (trustedCa: { secretName: string; certificate?: string; pattern?: string }) => () => BridgeKafkaConnection.fromAddress('h:9093', trustedCa);
    expect(trust({ secretName: 's', pattern: '*.key' })).toThrow(new RegExp(
      `^${g}: trustedCa\\.pattern takes only keys that hold no PEM certificate \\(every key it matches is a private key, by its name\\): Strimzi reads every key the pattern matches as an X\\.509 certificate and fails the reconciliation .*\\(got "\\*\\.key"\\); match the CA certificates only, e\\.g\\. '\\*\\.crt'`));
    expect(trust({ secretName: 's', certificate: 'ca.p12' })).toThrow(new RegExp(
      `^${g}: trustedCa\\.certificate names a PKCS #12 or Java keystore, not a PEM certificate: Strimzi reads the key as an X\\.509 certificate and fails the reconciliation \\("Failed to load certificate from Secret", ReconcilerUtils\\.getTrustedCertificateAsync\\) \\(got "ca\\.p12"\\); name the CA certificate's key`));
    for (const certificate of ['tls.key', 'user.key', 'ca.password', 'user.p12', 'truststore.jks', 'keystore.pfx', 'password', 'sasl.jaas.config', 'privkey.pem', 'ca-key.pem', 'key.pem']) {
      expect(trust({ secretName: 's', certificate })).toThrow(/trustedCa\.certificate names a .*, not a PEM certificate/);
    }
    for (const pattern of ['*.p12', '*.password', '*.jks', 'ca.{crt,key}', '{*.crt,*.password}', '*-key.pem', '*key.pem', 'user.key', '*.k*', 'ca.p?2']) {
      expect(trust({ secretName: 's', pattern })).toThrow(/trustedCa\.pattern takes(, with '.*',)? only keys that hold no PEM certificate/);
    }
    expect(trust({ secretName: 's', pattern: 'ca.{crt,key}' })).toThrow(/trustedCa\.pattern takes, with 'ca\.key', only keys that hold no PEM certificate/);
    for (const certificate of ['ca.crt', 'tls.crt', 'user.crt', 'ca.pem', 'cert.pem', 'fullchain.pem', 'ca-bundle.crt', 'root']) expect(trust({ secretName: 's', certificate })).not.toThrow();
    for (const pattern of ['*.crt', '*.pem', 'ca-*.crt', '*', '{ca.crt,ca-*.crt}', 'ca.*', '*.p*']) expect(trust({ secretName: 's', pattern })).not.toThrow();
  });

  test('fails on mutual TLS over a plain-text connection (fromAddress without a CA): Strimzi leaves security.protocol=PLAINTEXT', () => {
    const plain = BridgeKafkaConnection.fromAddress('h:9092');
    expect(() => spec(plain, BridgeAuthentication.tls('s'))).toThrow(new RegExp(
      "^KafkaBridge 'my-bridge' at test/Bridge: authentication is mutual TLS over a connection without TLS: the client certificate is presented in the TLS handshake, and without TLS Strimzi writes security\\.protocol=PLAINTEXT .* \\(got \"tls\"\\); give BridgeKafkaConnection\\.fromAddress\\(\\) the trustedCa"));
    expect(spec(BridgeKafkaConnection.fromAddress('h:9093', { secretName: 'kafka-ca' }), BridgeAuthentication.tls('s')).authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 's', certificate: 'user.crt', key: 'user.key' } });
    expect(spec(plain, BridgeAuthentication.scramSha512('bridge', 's')).authentication.type).toBe('scram-sha-512');
  });
});

describe('BridgeAuthentication.scramSha512()', () => {
  test("fails on a username Strimzi cannot write into the JAAS line: '\"', '\\', a line break, blank", () => {
    const f = 'BridgeAuthentication\\.scramSha512\\(\\)';
    expect(() => BridgeAuthentication.scramSha512('u"x', 's')).toThrow(new RegExp(
      `^${f}: username must be a SCRAM username on one line, without '"' or '\\\\' \\(it has '"'\\): Strimzi writes it unescaped between double quotes into the JAAS line of a properties file .* \\(got "u\\\\"x"\\); use the username as the cluster knows it, e\\.g\\. 'bridge'`));
    expect(() => BridgeAuthentication.scramSha512('u\\x', 's')).toThrow(/username must be a SCRAM username on one line, without '"' or '\\' \(it has '\\'\)/);
    expect(() => BridgeAuthentication.scramSha512('u\nsasl.mechanism=PLAIN', 's')).toThrow(/username must be a SCRAM username on one line/);
    expect(() => BridgeAuthentication.scramSha512(' ', 's')).toThrow(/username must be a SCRAM username on one line/);
    // A SCRAM username of a cluster the app does not model need not be a Kubernetes name.
    expect(BridgeAuthentication.scramSha512('Alice@example.com', 's')._spec).toMatchObject({ username: 'Alice@example.com' });
    expect(BridgeAuthentication.scramSha512('my-bridge', 's')._spec).toMatchObject({ username: 'my-bridge' });
  });
});

test('a bridge to a declared listener left at SCRAM by default is told how to declare one without authentication', () => {
  const chart = Testing.chart();
  const k = KafkaCluster.fromClusterAttributes(chart, 'K', { name: 'my-cluster', listeners: [{ name: 'plain', port: 9092, tls: false }] });
  expect(() => new KafkaBridge(chart, 'B', { kafka: BridgeKafkaConnection.fromCluster(k, 'plain') }))
    .toThrow(/authentication does not match the listener, which authenticates with scram-sha-512 \(got "none"\); use BridgeAuthentication\.fromUser\(\) with a scram-sha-512 KafkaUser; if the cluster's listener has no authentication, declare it so in KafkaCluster\.fromClusterAttributes\(\) \(authentication: ListenerAuthentication\.none\(\)\)/);
});

test.each(['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_NULL_SHA256', 'SSL_RSA_EXPORT_WITH_RC4_40_MD5'])(
  'an httpTls cipher suite of an algorithm the JDK disables (%s) fails: it can never be negotiated', (suite) => {
    const make = () => new KafkaBridge(Testing.chart(), 'Bridge', { name: 'my-bridge', namespace: 'kafka', httpPort: 8443, httpTls: { secretName: 's', cipherSuites: ['TLS_AES_256_GCM_SHA384', suite] }, kafka: BridgeKafkaConnection.fromAddress('my-cluster-kafka-bootstrap:9092') });
    expect(make).toThrow(/httpTls\.cipherSuites\[1\] uses \w+, which the JDK disables \(jdk\.tls\.disabledAlgorithms\)/);
  });
