import { App, Chart } from 'cdk8s';
import {
  Acl, AclOperation, BridgeAuthentication, BridgeKafkaConnection, Certificate, EnvoyGatewayClass, HostnameScheme, IssuerType, ClusterIssuer,
  Environment, KafkaBridge, KafkaCluster, KafkaGateway, KraftCluster, RouteMode,
} from '../src';

/** The size of the reference environment E. */
export interface ReferenceSize {
  readonly regions: number;
  readonly brokersPerRegion: number;
  readonly topicsPerRegion: number;
  readonly usersPerRegion: number;
}

/** ~15k objects: 10 regions × (100 brokers with their routes and Services, 1,000 topics, 300 users). */
export const REFERENCE: ReferenceSize = { regions: 10, brokersPerRegion: 100, topicsPerRegion: 1000, usersPerRegion: 300 };

/** A size with about `objects` objects, in the reference's proportions. */
export function sizeFor(objects: number): ReferenceSize {
  const perRegion = 1630;
  if (objects >= perRegion) return { ...REFERENCE, regions: Math.round(objects / perRegion) };
  const scale = objects / perRegion;
  return { regions: 1, brokersPerRegion: Math.max(3, Math.round(100 * scale)), topicsPerRegion: Math.round(1000 * scale), usersPerRegion: Math.round(300 * scale) };
}

/**
 * The reference environment, built through the library's constructs, one Kubernetes cluster (an
 * Environment's chart) per region: a
 * Strimzi cluster exposed through a Gateway with a TLSRoute per broker, an operator-less KRaft
 * cluster with a Service and a TLSRoute per broker, topics, users with ACLs, a certificate and a bridge.
 */
export function buildReference(app: App, size: ReferenceSize): Chart[] {
  const charts: Chart[] = [];
  const env = new Environment(app, 'reference');
  for (let r = 0; r < size.regions; r++) {
    const chart = env.addCluster(`region-${r}`, { namespaces: ['kafka'] });
    const issuer = new ClusterIssuer(chart, 'Issuer', { name: 'ca', type: IssuerType.ca('ca') });
    const hostnames = HostnameScheme.subdomain(`kafka.region-${r}.example.com`);
    const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy' });
    const gateway = new KafkaGateway(chart, 'Gateway', { name: 'kafka', gatewayClass, hostnames, namespace: 'kafka' });
    const certificate = new Certificate(chart, 'Tls', { issuer, namespace: 'kafka', dnsNames: [hostnames.bootstrap, hostnames.wildcard] });
    const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', brokers: { replicas: size.brokersPerRegion } });
    kafka.addExternalListener('gw', { gateway, certificate, mode: RouteMode.EXPLICIT });
    for (let t = 0; t < size.topicsPerRegion; t++) kafka.addTopic(`topic-${t}`, { partitions: 6 });
    for (let u = 0; u < size.usersPerRegion; u++) {
      kafka.addUser(`user-${u}`, { acls: [Acl.topic(`topic-${u}`).allow(AclOperation.READ, AclOperation.WRITE), Acl.group(`group-${u}`).allow(AclOperation.READ), Acl.topicPrefix(`shared-${u}-`).allow(AclOperation.DESCRIBE)] });
    }
    const kraftHosts = HostnameScheme.subdomain(`kraft.region-${r}.example.com`);
    const kraftGateway = new KafkaGateway(chart, 'KraftGateway', { name: 'kraft', gatewayClass, hostnames: kraftHosts, namespace: 'kafka' });
    new KraftCluster(chart, 'Kraft', { name: 'kraft', namespace: 'kafka', issuer, brokers: { replicas: size.brokersPerRegion }, external: { gateway: kraftGateway } });
    const bridgeUser = kafka.addUser('bridge');
    new KafkaBridge(chart, 'Bridge', { name: 'bridge', namespace: 'kafka', kafka: BridgeKafkaConnection.fromCluster(kafka), authentication: BridgeAuthentication.fromUser(bridgeUser) });
    charts.push(chart);
  }
  return charts;
}
