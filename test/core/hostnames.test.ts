import { gatewayHostnameMatches, HostnameScheme, isHostname, sanCovers } from '../../src/core/hostnames';

describe('hostnames', () => {
  test('a certificate wildcard covers exactly one label (RFC 6125)', () => {
    expect(sanCovers('*.kafka.test', 'broker-0.kafka.test')).toBe(true);
    expect(sanCovers('*.kafka.test', 'BROKER-0.kafka.test')).toBe(true);
    expect(sanCovers('*.kafka.test', 'a.broker-0.kafka.test')).toBe(false);
    expect(sanCovers('*.kafka.test', 'kafka.test')).toBe(false);
    expect(sanCovers('bootstrap.kafka.test', 'bootstrap.kafka.test')).toBe(true);
    expect(sanCovers('bootstrap.kafka.test', 'broker-0.kafka.test')).toBe(false);
  });

  test('a Gateway listener wildcard matches any depth below it, never the domain itself', () => {
    expect(gatewayHostnameMatches('*.kafka.test', 'broker-0.kafka.test')).toBe(true);
    expect(gatewayHostnameMatches('*.kafka.test', 'a.broker-0.kafka.test')).toBe(true);
    expect(gatewayHostnameMatches('*.kafka.test', 'kafka.test')).toBe(false);
    expect(gatewayHostnameMatches('*.kafka.test', 'other.test')).toBe(false);
    expect(gatewayHostnameMatches('bootstrap.kafka.test', 'bootstrap.kafka.test')).toBe(true);
    expect(gatewayHostnameMatches(undefined, 'anything.test')).toBe(true);
  });

  test('hostname syntax', () => {
    expect(isHostname('kafka.example.com')).toBe(true);
    expect(isHostname('*.example.com')).toBe(false);
    expect(isHostname('*.example.com', true)).toBe(true);
    expect(isHostname('a.*.example.com', true)).toBe(false);
    expect(isHostname('Kafka.example.com')).toBe(false);
    expect(isHostname(`${'a'.repeat(64)}.example.com`)).toBe(false);
  });

  test('HostnameScheme.subdomain names the bootstrap and each broker under one wildcard', () => {
    const scheme = HostnameScheme.subdomain('kafka.example.com');
    expect(scheme.bootstrap).toBe('bootstrap.kafka.example.com');
    expect(scheme.broker(101)).toBe('broker-101.kafka.example.com');
    expect(scheme.brokerTemplate).toBe('broker-{nodeId}.kafka.example.com');
    expect(scheme.wildcard).toBe('*.kafka.example.com');
    expect(scheme.hosts([100, 101])).toEqual(['bootstrap.kafka.example.com', 'broker-100.kafka.example.com', 'broker-101.kafka.example.com']);
    expect(HostnameScheme.subdomain('k.test', { bootstrapLabel: 'kafka', brokerLabel: 'b{nodeId}' }).hosts([3])).toEqual(['kafka.k.test', 'b3.k.test']);
  });

  test.each([
    [() => HostnameScheme.subdomain('Kafka_Example'), /domain must be a DNS name of lowercase labels \(got "Kafka_Example"\)/],
    [() => HostnameScheme.subdomain('kafka.test', { brokerLabel: 'broker' }), /brokerLabel must be one DNS label containing \{nodeId\} \(got "broker"\)/],
    [() => HostnameScheme.subdomain('kafka.test', { bootstrapLabel: 'a.b' }), /bootstrapLabel must be one DNS label \(got "a.b"\)/],
  ])('fails when the scheme is malformed (%#)', (make, message) => {
    expect(make).toThrow(message);
  });
});
