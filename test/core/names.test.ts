import { serviceHost, StrimziNames } from '../../src/core/names';

// Each expectation is Strimzi's own naming (strimzi-kafka-operator, 1.x), cited per case.
describe('StrimziNames', () => {
  test.each([
    ['KafkaResources.bootstrapServiceName', StrimziNames.bootstrapService('my-cluster'), 'my-cluster-kafka-bootstrap'],
    ['KafkaResources.brokersServiceName', StrimziNames.brokersService('my-cluster'), 'my-cluster-kafka-brokers'],
    ['ListenersUtils.backwardsCompatibleBootstrapServiceName', StrimziNames.listenerBootstrapService('my-cluster', 'gw'), 'my-cluster-kafka-gw-bootstrap'],
    ['ListenersUtils.backwardsCompatibleBootstrapRouteOrIngressName', StrimziNames.listenerBootstrapRoute('my-cluster', 'gw', 9095), 'my-cluster-kafka-gw-bootstrap'],
    ['… for the legacy external/9094 listener', StrimziNames.listenerBootstrapRoute('my-kafka', 'external', 9094), 'my-kafka-kafka-bootstrap'],
    ['ListenersUtils.backwardsCompatiblePerBrokerServiceName', StrimziNames.perBrokerService('my-cluster', 'broker', 'gw', 9095, 100), 'my-cluster-broker-gw-100'],
    // KafkaListenerReconcilerTLSRoutesTest: cluster my-kafka, listener external/9094, pool brokers, node 10
    ['… for the legacy external/9094 listener', StrimziNames.perBrokerService('my-kafka', 'brokers', 'external', 9094, 10), 'my-kafka-brokers-10'],
    ['… external on another port is not legacy', StrimziNames.perBrokerService('my-kafka', 'brokers', 'external', 9095, 10), 'my-kafka-brokers-external-10'],
    ['KafkaResources.kafkaPodName', StrimziNames.podName('my-cluster', 'broker', 101), 'my-cluster-broker-101'],
    ['DnsNameGenerator.podDnsNameWithoutClusterDomain', StrimziNames.podDnsName('my-cluster', 'broker', 101, 'kafka'), 'my-cluster-broker-101.my-cluster-kafka-brokers.kafka.svc'],
    ['KafkaResources.clusterCaCertificateSecretName', StrimziNames.clusterCaCertSecret('my-cluster'), 'my-cluster-cluster-ca-cert'],
    ['KafkaResources.clusterCaKeySecretName', StrimziNames.clusterCaKeySecret('my-cluster'), 'my-cluster-cluster-ca'],
    ['KafkaResources.clientsCaCertificateSecretName', StrimziNames.clientsCaCertSecret('my-cluster'), 'my-cluster-clients-ca-cert'],
    ['KafkaResources.clientsCaKeySecretName', StrimziNames.clientsCaKeySecret('my-cluster'), 'my-cluster-clients-ca'],
    ['KafkaUserModel.getSecretName (no prefix)', StrimziNames.userSecret('app'), 'app'],
    ['KafkaUserModel.getSecretName (secretPrefix)', StrimziNames.userSecret('app', 'kafka-'), 'kafka-app'],
    ['KafkaResources.kafkaComponentName (PDB)', StrimziNames.kafkaComponent('my-cluster'), 'my-cluster-kafka'],
    ['KafkaResources.kafkaNetworkPolicyName', StrimziNames.kafkaNetworkPolicy('my-cluster'), 'my-cluster-network-policy-kafka'],
    ['KafkaResources.entityOperatorDeploymentName', StrimziNames.entityOperator('my-cluster'), 'my-cluster-entity-operator'],
    ['KafkaExporterResources.componentName', StrimziNames.kafkaExporter('my-cluster'), 'my-cluster-kafka-exporter'],
    ['CruiseControlResources.componentName', StrimziNames.cruiseControl('my-cluster'), 'my-cluster-cruise-control'],
    ['KafkaBridgeResources.componentName', StrimziNames.bridgeDeployment('events'), 'events-bridge'],
    ['KafkaBridgeResources.serviceName', StrimziNames.bridgeService('events'), 'events-bridge-service'],
  ])('%s', (_convention, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('serviceHost qualifies with the namespace when known', () => {
    expect(serviceHost('svc', 'kafka')).toBe('svc.kafka.svc');
    expect(serviceHost('svc')).toBe('svc');
  });
});
