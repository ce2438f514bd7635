import { Chart, Duration, Testing } from 'cdk8s';
import { Certificate, CertificateProps, ClusterIssuer, Issuer, IssuerType, KeyAlgorithm, KeyEncoding, KeyUsage, PrivateCa, SelfSignedClusterIssuer } from '../../src';
import { expectValid, find, synth } from '../support';

function namespacedChart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'kafka' });
}

describe('issuers', () => {
  test('snapshot of a private CA (self-signed ClusterIssuer, CA Certificate, CA ClusterIssuer)', () => {
    const chart = namespacedChart();
    new PrivateCa(chart, 'Ca', { name: 'dev-ca' });
    expect(synth(chart)).toMatchSnapshot();
  });

  test('the private CA chain: the CA certificate lives in cert-manager\'s namespace and backs the CA issuer', () => {
    const chart = namespacedChart();
    const ca = new PrivateCa(chart, 'Ca', { name: 'dev-ca' });
    const manifests = synth(chart);
    expect(find(manifests, 'ClusterIssuer', 'dev-ca-selfsigned').spec).toEqual({ selfSigned: {} });
    const certificate = find(manifests, 'Certificate', 'dev-ca-ca');
    expect(certificate.metadata.namespace).toBe('cert-manager');
    expect(certificate.spec).toMatchObject({ isCA: true, commonName: 'dev-ca CA', duration: '87600h', secretName: 'dev-ca-ca', issuerRef: { name: 'dev-ca-selfsigned', kind: 'ClusterIssuer', group: 'cert-manager.io' } });
    expect(certificate.spec.usages).toEqual(['cert sign', 'crl sign', 'digital signature']);
    expect(find(manifests, 'ClusterIssuer', 'dev-ca').spec).toEqual({ ca: { secretName: 'dev-ca-ca' } });
    expect(ca.issuer.toIssuerRef()).toEqual({ name: 'dev-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expectValid(manifests);
  });

  test('cluster-scoped objects never carry a namespace, even in a namespaced chart', () => {
    const chart = namespacedChart();
    new SelfSignedClusterIssuer(chart, 'Root');
    new ClusterIssuer(chart, 'Ca', { type: IssuerType.ca('root-ca') });
    const manifests = synth(chart);
    expect(find(manifests, 'ClusterIssuer', 'root').metadata).toEqual({ name: 'root' });
    expect(find(manifests, 'ClusterIssuer', 'ca').metadata).toEqual({ name: 'ca' });
    expectValid(manifests);
  });

  test('a namespaced private CA keeps everything in one namespace', () => {
    const chart = namespacedChart();
    const ca = new PrivateCa(chart, 'Ca', { clusterScoped: false });
    const manifests = synth(chart);
    expect(find(manifests, 'Issuer', 'ca').metadata.namespace).toBe('kafka');
    expect(find(manifests, 'Certificate', 'ca-ca').metadata.namespace).toBe('kafka');
    expect(ca.issuer.issuerNamespace).toBe('kafka');
    expectValid(manifests);
  });

  test('issuers made elsewhere', () => {
    const chart = namespacedChart();
    expect(Issuer.fromIssuerName(chart, 'I', 'letsencrypt', 'kafka').toIssuerRef()).toEqual({ name: 'letsencrypt', kind: 'Issuer', group: 'cert-manager.io' });
    expect(ClusterIssuer.fromClusterIssuerName(chart, 'C', 'corp-ca').issuerKind).toBe('ClusterIssuer');
  });
});

describe('Certificate', () => {
  const issuer = () => {
    const chart = namespacedChart();
    return { chart, issuer: new SelfSignedClusterIssuer(chart, 'Root') };
  };

  test('defaults: ECDSA P-256 in PKCS8, rotated on every renewal, 90 days renewed 30 days before', () => {
    const { chart, issuer: root } = issuer();
    const certificate = new Certificate(chart, 'Tls', { issuer: root, dnsNames: ['bootstrap.kafka.test', '*.kafka.test'] });
    const manifests = synth(chart);
    expect(find(manifests, 'Certificate', 'tls')).toMatchSnapshot();
    expect(find(manifests, 'Certificate', 'tls').spec).toMatchObject({
      secretName: 'tls',
      duration: '2160h',
      renewBefore: '720h',
      privateKey: { algorithm: 'ECDSA', size: 256, encoding: 'PKCS8', rotationPolicy: 'Always' },
      usages: ['digital signature', 'server auth'],
    });
    expect(certificate.covers('broker-100.kafka.test')).toBe(true);
    expect(certificate.covers('a.b.kafka.test')).toBe(false);
    expect(certificate.node.defaultChild).toBe(certificate.resource);
    expectValid(manifests);
  });

  test('RSA with key encipherment, a secret name, a common name and custom durations', () => {
    const { chart, issuer: root } = issuer();
    new Certificate(chart, 'Rsa', {
      issuer: root,
      secretName: 'rsa-tls',
      commonName: 'kafka',
      dnsNames: ['kafka.test'],
      keyAlgorithm: KeyAlgorithm.RSA,
      keySize: 4096,
      keyEncoding: KeyEncoding.PKCS1,
      usages: [KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.SERVER_AUTH, KeyUsage.CLIENT_AUTH],
      duration: Duration.hours(36),
      renewBefore: Duration.minutes(90),
    });
    const spec = find(synth(chart), 'Certificate', 'rsa').spec;
    expect(spec).toMatchObject({ secretName: 'rsa-tls', commonName: 'kafka', duration: '36h', renewBefore: '1h30m' });
    expect(spec.privateKey).toEqual({ algorithm: 'RSA', size: 4096, encoding: 'PKCS1', rotationPolicy: 'Always' });
  });

  test('Ed25519 has no size', () => {
    const { chart, issuer: root } = issuer();
    new Certificate(chart, 'Ed', { issuer: root, dnsNames: ['kafka.test'], keyAlgorithm: KeyAlgorithm.ED25519 });
    expect(find(synth(chart), 'Certificate', 'ed').spec.privateKey).toEqual({ algorithm: 'Ed25519', encoding: 'PKCS8', rotationPolicy: 'Always' });
  });

  describe('fails when', () => {
    test.each<[string, Partial<CertificateProps>, RegExp]>([
      ['renewBefore is not less than the duration', { duration: Duration.days(30), renewBefore: Duration.days(30) }, /Certificate 'c' at test\/C: renewBefore must be less than the duration \(720h\), or cert-manager renews in a loop \(got "720h"\); use about a third of the duration/],
      ['the duration is under an hour', { duration: Duration.minutes(30) }, /duration must be at least 1h .* \(got "30m"\)/],
      ['renewBefore is under 5 minutes', { duration: Duration.hours(2), renewBefore: Duration.minutes(1) }, /renewBefore must be at least 5m .* \(got "1m"\)/],
      ['a wildcard is not the leftmost label', { dnsNames: ['broker.*.kafka.test'] }, /dnsNames\[0\] is not a DNS name \(a wildcard is only allowed as the whole leftmost label\) \(got "broker.\*.kafka.test"\)/],
      ['there is no name at all', { dnsNames: [] }, /dnsNames are empty and there is no commonName \(got \[\]\)/],
      ['an RSA key is too short', { keyAlgorithm: KeyAlgorithm.RSA, keySize: 1024 }, /keySize is not a RSA key size \(got 1024\); use 2048, 3072, 4096/],
      ['an Ed25519 key has a size', { keyAlgorithm: KeyAlgorithm.ED25519, keySize: 256 }, /keySize is not a Ed25519 key size \(got 256\); leave it unset/],
      ['an ECDSA key is asked for key encipherment', { usages: [KeyUsage.KEY_ENCIPHERMENT, KeyUsage.SERVER_AUTH] }, /usages include key encipherment, which only RSA keys support \(the key is ECDSA\)/],
    ])('%s', (_case, props, message) => {
      const { chart, issuer: root } = issuer();
      expect(() => new Certificate(chart, 'C', { issuer: root, dnsNames: ['kafka.test'], ...props })).toThrow(message);
    });

    test('a namespaced Issuer is used from another namespace', () => {
      const chart = namespacedChart();
      const local = new Issuer(chart, 'Local', { namespace: 'team-a' });
      expect(() => new Certificate(chart, 'C', { issuer: local, dnsNames: ['kafka.test'] })).toThrow(
        /issuer is the Issuer 'local' in namespace team-a, but an Issuer only signs Certificates in its own namespace \(kafka\) \(got "local"\); use a ClusterIssuer/,
      );
    });
  });
});

describe('Certificate names, as cert-manager takes them', () => {
  const make = (props: Partial<CertificateProps>) => {
    const chart = namespacedChart();
    const certificate = new Certificate(chart, 'C', { issuer: new SelfSignedClusterIssuer(chart, 'Root'), ...props });
    return { chart, certificate };
  };

  test("commonName '' with no dnsNames is rejected: cert-manager takes an empty commonName for none and needs a name", () => {
    expect(() => make({ commonName: '' })).toThrow(/Certificate 'c' at test\/C: commonName is empty, which cert-manager takes for no common name \(got ""\); name the subject, or list the hostnames in dnsNames/);
    expect(() => make({ commonName: ' ' })).toThrow(/commonName is empty/);
    expect(() => make({ commonName: '', dnsNames: ['kafka.test'] })).toThrow(/commonName is empty, .*; leave it unset: the dnsNames name the certificate/);
  });

  test('the right value: a commonName alone names the certificate', () => {
    const { chart } = make({ commonName: 'kafka-client' });
    expect(find(synth(chart), 'Certificate', 'c').spec.commonName).toBe('kafka-client');
  });

  test('dnsNames in mixed case are DNS names (case-insensitive), written as given and covering any case', () => {
    const { chart, certificate } = make({ dnsNames: ['Kafka.Example.com', '*.Brokers.Example.COM'] });
    expect(certificate.covers('kafka.example.com')).toBe(true);
    expect(certificate.covers('broker-0.brokers.example.com')).toBe(true);
    const manifests = synth(chart);
    expect(find(manifests, 'Certificate', 'c').spec.dnsNames).toEqual(['Kafka.Example.com', '*.Brokers.Example.COM']);
    expectValid(manifests);
  });

  test('the wrong value stays wrong in any case: an underscore is no DNS name', () => {
    expect(() => make({ dnsNames: ['Kafka_1.Example.com'] })).toThrow(/dnsNames\[0\] is not a DNS name/);
  });
});
