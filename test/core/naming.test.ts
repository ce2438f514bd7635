import { Testing } from 'cdk8s';
import {
  BridgeTrafficGenerators,
  Certificate,
  ClusterIssuer,
  EnvoyGatewayClass,
  Environment,
  HostnameScheme,
  Issuer,
  KafkaGateway,
  PrivateCa,
  SelfSignedClusterIssuer,
} from '../../src';
import { formatValue } from '../../src/core/errors';
import { isName, NameFormat, nameProblem, toDnsLabel } from '../../src/core/naming';

describe('name formats', () => {
  test.each([
    ['kafka-0', NameFormat.DNS1123_LABEL, true],
    ['0-kafka', NameFormat.DNS1123_LABEL, true],
    ['0-kafka', NameFormat.DNS1035_LABEL, false],
    ['kafka.test', NameFormat.DNS1123_LABEL, false],
    ['kafka.test', NameFormat.DNS1123_SUBDOMAIN, true],
    ['kafka-', NameFormat.DNS1123_SUBDOMAIN, false],
    ['Kafka', NameFormat.DNS1123_SUBDOMAIN, false],
    ['a'.repeat(63), NameFormat.DNS1123_LABEL, true],
    ['a'.repeat(64), NameFormat.DNS1123_LABEL, false],
    ['a'.repeat(64), NameFormat.DNS1123_SUBDOMAIN, true],
  ])('%j as %s: %s', (name, format, valid) => {
    expect(isName(name, format)).toBe(valid);
  });

  test('a problem says what is wrong', () => {
    expect(nameProblem('9-kafka', NameFormat.DNS1035_LABEL)).toBe(`"9-kafka" is not a DNS-1035 label: lowercase alphanumerics and '-', starting with a letter and ending with an alphanumeric`);
    expect(nameProblem('a'.repeat(64), NameFormat.DNS1123_LABEL)).toBe(`"${'a'.repeat(64)}" is 64 characters; a DNS-1123 label has at most 63`);
  });

  test.each([
    ['orders', 'orders'],
    ['Orders_EU.v2', 'orders-eu-v2'],
    ['__consumer__', 'consumer'],
    [`${'x'.repeat(62)}_y`, 'x'.repeat(62)],
  ])('free text %j becomes the label %j', (text, label) => {
    expect(toDnsLabel(text)).toBe(label);
    expect(isName(label, NameFormat.DNS1123_LABEL)).toBe(true);
  });
});

describe('every named construct checks its name at synth time', () => {
  const issuer = () => new SelfSignedClusterIssuer(Testing.chart(), 'Ca');
  test.each<[string, () => unknown, RegExp]>([
    ['Issuer', () => new Issuer(Testing.chart(), 'I', { name: 'Kafka_CA', namespace: 'kafka' }), /Issuer 'Kafka_CA' at .*I: name must be lowercase .* \(got "Kafka_CA"\); use e.g. 'kafka-ca'/],
    ['ClusterIssuer', () => new ClusterIssuer(Testing.chart(), 'I', { name: 'Kafka CA' }), /ClusterIssuer 'Kafka CA' at .*: name must be/],
    ['Certificate', () => new Certificate(Testing.chart(), 'C', { issuer: issuer(), name: 'Kafka.TLS', dnsNames: ['kafka.test'] }), /Certificate 'Kafka.TLS' at .*: name must be/],
    ['Certificate secret', () => new Certificate(Testing.chart(), 'C', { issuer: issuer(), secretName: 'tls/kafka', dnsNames: ['kafka.test'] }), /Certificate 'c' at .*: secretName must be .* \(got "tls\/kafka"\)/],
    ['PrivateCa', () => new PrivateCa(Testing.chart(), 'Ca', { name: 'My_CA' }), /PrivateCa 'My_CA' at .*: name must be/],
    ['EnvoyGatewayClass', () => new EnvoyGatewayClass(Testing.chart(), 'G', { name: 'Envoy' }), /EnvoyGatewayClass 'Envoy' at .*: name must be/],
    ['KafkaGateway', () => {
      const chart = Testing.chart();
      return new KafkaGateway(chart, 'G', { name: 'kafka_gw', namespace: 'kafka', gatewayClass: new EnvoyGatewayClass(chart, 'C'), hostnames: HostnameScheme.subdomain('kafka.test') });
    }, /KafkaGateway 'kafka_gw' at .*: name must be/],
    ['the listener of a KafkaGateway', () => {
      const chart = Testing.chart();
      return new KafkaGateway(chart, 'G', { listenerName: 'Kafka TLS', namespace: 'kafka', gatewayClass: new EnvoyGatewayClass(chart, 'C'), hostnames: HostnameScheme.subdomain('kafka.test') });
    }, /KafkaGateway 'g' at .*: listenerName must be .* \(got "Kafka TLS"\)/],
    ['a cluster of an Environment', () => new Environment(Testing.app(), 'prod').addCluster('EU West'), /Environment 'prod' at prod: cluster name must be lowercase .* \(got "EU West"\); use e.g. 'eu-west'/],
    ['the topic of traffic generators', () => new BridgeTrafficGenerators(Testing.chart(), 'T', { endpoint: 'https://bridge.test', topic: 'orders/eu' }), /BridgeTrafficGenerators 'T' at .*: topic is not a valid Kafka topic name.* \(got "orders\/eu"\)/],
  ])('%s', (_kind, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('formatValue: what a message shows of the value received', () => {
  test.each([
    [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [undefined, 'undefined'], [BigInt(3), '3n'],
    ['a', '"a"'], [3, '3'], [{ n: NaN, b: BigInt(1) }, '{"n":"NaN","b":"1n"}'], [function named() { return 1; }, 'a function named'],
  ])('%p → %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  test('a cycle does not throw', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(formatValue(cycle)).toBe('[object Object]');
  });
});
