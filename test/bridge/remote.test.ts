import { Testing } from 'cdk8s';
import {
  BridgeAuthentication, BridgeKafkaConnection, Environment, EnvoyGatewayClass, HostnameScheme, KafkaBridge, KafkaCluster, KafkaGateway,
} from '../../src';
import { ConsistencyPass } from '../../src/core/consistency';
import { expectValid, find, synth } from '../support';

/** A bridge in one Kubernetes cluster on a Kafka cluster of another, reached through its Gateway: typed references, not strings. */
function estate() {
  const app = Testing.app();
  const env = new Environment(app, 'e');
  const kafkaChart = env.addCluster('kafka', { namespaces: ['kafka'] });
  const regionChart = env.addCluster('east', { namespaces: ['bridge'] });
  const gatewayClass = new EnvoyGatewayClass(kafkaChart, 'GatewayClass', { name: 'envoy-kafka' });
  const gateway = new KafkaGateway(kafkaChart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: HostnameScheme.subdomain('kafka.example.com') });
  const kafka = new KafkaCluster(kafkaChart, 'Kafka', { name: 'events', namespace: 'kafka' });
  kafka.addExternalListener('external', { gateway });
  const user = kafka.addUser('bridge');
  return { app, kafkaChart, regionChart, kafka, user };
}

describe('BridgeKafkaConnection.fromRemoteCluster and BridgeAuthentication.fromRemoteUser', () => {
  test("the bridge dials the Gateway's bootstrap host and reads copies of the listener's CA and the user's Secret, which the consistency pass follows", () => {
    const { app, regionChart, kafka, user } = estate();
    new KafkaBridge(regionChart, 'Bridge', {
      name: 'events', namespace: 'bridge',
      kafka: BridgeKafkaConnection.fromRemoteCluster(kafka, { caSecretName: 'kafka-ca' }),
      authentication: BridgeAuthentication.fromRemoteUser(user, 'kafka-bridge-user'),
    });
    const spec = find(synth(regionChart), 'KafkaBridge', 'events').spec;
    expect(spec.bootstrapServers).toBe('bootstrap.kafka.example.com:9092');
    expect(spec.tls).toEqual({ trustedCertificates: [{ secretName: 'kafka-ca', certificate: 'ca.crt' }] });
    expect(spec.authentication).toEqual({ type: 'scram-sha-512', username: 'bridge', passwordSecret: { secretName: 'kafka-bridge-user', password: 'password' } });
    expectValid(synth(regionChart));
    expect(ConsistencyPass.of(app).warnings()).toEqual([]);
  });

  test('a user of another cluster than the one dialed fails naming both', () => {
    const { regionChart, kafka } = estate();
    const other = new KafkaCluster(regionChart, 'Other', { name: 'audit', namespace: 'bridge' });
    expect(() => new KafkaBridge(regionChart, 'Bridge', {
      name: 'events', namespace: 'bridge',
      kafka: BridgeKafkaConnection.fromRemoteCluster(kafka, { caSecretName: 'kafka-ca' }),
      authentication: BridgeAuthentication.fromRemoteUser(other.addUser('b'), 'b-copy'),
    })).toThrow(/authentication is a copy of KafkaUser 'b' of the cluster at e\/east\/Other, but the bridge connects to the cluster at e\/kafka\/Kafka/);
  });

  test.each<[string, (k: KafkaCluster) => unknown, RegExp]>([
    ['a listener reached only through its Service', (k) => BridgeKafkaConnection.fromRemoteCluster(k, { listener: 'tls', caSecretName: 'kafka-ca' }), /options.listener is listener 'tls' of Kafka 'events' at e\/kafka\/Kafka, which has no bootstrap address outside its Kubernetes cluster \(got "tls"\)/],
    ['no such listener', (k) => BridgeKafkaConnection.fromRemoteCluster(k, { listener: 'nope', caSecretName: 'kafka-ca' }), /options.listener is not a listener of Kafka 'events'/],
    ['a copy name that is no Secret name', (k) => BridgeKafkaConnection.fromRemoteCluster(k, { caSecretName: 'Kafka CA' }), /options.caSecretName must be/],
  ])('%s fails', (_case, make, message) => {
    expect(() => make(estate().kafka)).toThrow(message);
  });
});
