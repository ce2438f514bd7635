import { Chart, Size } from 'cdk8s';
import { AdditionalVolume, ClusterProfile, JmxExporterMetricType, JmxExporterRule, KafkaAuthorization, KafkaCluster, KafkaMetrics, KafkaStorage, ListenerAuthentication, ListenerType, NodeRole } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

/**
 * The example's JMX exporter rules: Strimzi's broker rules of an earlier release (listener metrics
 * as gauges, no KRaft rules) and the rules for the OAuth library's metrics (`oauth.enable.metrics`).
 */
const RULES: JmxExporterRule[] = [
  { pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value', name: 'kafka_server_$1_$2', type: JmxExporterMetricType.GAUGE, labels: { clientId: '$3', topic: '$4', partition: '$5' } },
  { pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value', name: 'kafka_server_$1_$2', type: JmxExporterMetricType.GAUGE, labels: { clientId: '$3', broker: '$4:$5' } },
  { pattern: 'kafka.server<type=(.+), cipher=(.+), protocol=(.+), listener=(.+), networkProcessor=(.+)><>connections', name: 'kafka_server_$1_connections_tls_info', type: JmxExporterMetricType.GAUGE, labels: { cipher: '$2', protocol: '$3', listener: '$4', networkProcessor: '$5' } },
  { pattern: 'kafka.server<type=(.+), clientSoftwareName=(.+), clientSoftwareVersion=(.+), listener=(.+), networkProcessor=(.+)><>connections', name: 'kafka_server_$1_connections_software', type: JmxExporterMetricType.GAUGE, labels: { clientSoftwareName: '$2', clientSoftwareVersion: '$3', listener: '$4', networkProcessor: '$5' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+):', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+)', name: 'kafka_server_$1_$4', type: JmxExporterMetricType.GAUGE, labels: { listener: '$2', networkProcessor: '$3' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>MeanRate', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>Value', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*, (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3_percent', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count', name: 'kafka_$1_$2_$3_total', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Value', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5', '$6': '$7' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*), (.+)=(.+)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', '$6': '$7', quantile: '0.$8' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER, labels: { '$4': '$5' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { '$4': '$5', quantile: '0.$6' } },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: JmxExporterMetricType.COUNTER },
  { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>(\\d+)thPercentile', name: 'kafka_$1_$2_$3', type: JmxExporterMetricType.GAUGE, labels: { quantile: '0.$4' } },
  // OAuth metrics
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+), (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$12', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9', '$10': '$11' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$10', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+)><>(count|totalTimeMs):', name: 'strimzi_oauth_$1_$8', type: JmxExporterMetricType.COUNTER, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+), (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$12', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9', '$10': '$11' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+), (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$10', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7', '$8': '$9' } },
  { pattern: 'strimzi.oauth<type=(.+), context=(.+), kind=(.+), host="(.+)", path="(.+)", (.+)=(.+)><>(.+):', name: 'strimzi_oauth_$1_$8', type: JmxExporterMetricType.GAUGE, labels: { context: '$2', kind: '$3', host: '$4', path: '$5', '$6': '$7' } },
];

export const rebuild: Rebuild = {
  summary: 'a single dual-role node with OAuth (OAUTHBEARER) authentication on its TLS listener, Keycloak authorization and OAuth metrics through the JMX exporter, the Keycloak CA mounted from a Secret',
  build(chart: Chart) {
    const oauthCerts = AdditionalVolume.secret('oauth-certs', 'oauth-server-cert');
    const kafka = new KafkaCluster(chart, 'Kafka', {
      name: 'my-cluster',
      profile: ClusterProfile.DEVELOPMENT,
      defaultNodePools: false,
      defaultListener: false,
      rackAwareness: false,
      authorization: KafkaAuthorization.custom({
        authorizerClass: 'io.strimzi.kafka.oauth.server.authorizer.KeycloakAuthorizer',
        superUsers: ['service-account-kafka'],
      }),
      // Needed for OAuth authentication and Keycloak authorization
      config: { 'principal.builder.class': 'io.strimzi.kafka.oauth.server.OAuthKafkaPrincipalBuilder' },
      // Needed for Keycloak authorization: the authorizer's own options
      pluginConfig: {
        'strimzi.authorization.client.id': 'kafka',
        'strimzi.authorization.token.endpoint.uri': 'https://${SSO_HOST}/realms/kafka-authz/protocol/openid-connect/token',
        'strimzi.authorization.ssl.endpoint.identification.algorithm': '',
        'strimzi.authorization.delegate.to.kafka.acl': 'false',
        'strimzi.authorization.ssl.truststore.location': '/mnt/oauth-certs/tls.crt',
        'strimzi.authorization.ssl.truststore.type': 'PEM',
      },
      volumeMounts: [{ volume: oauthCerts, mountPath: '/mnt/oauth-certs' }],
      metrics: KafkaMetrics.jmxPrometheusExporter({ rules: RULES }),
    });
    kafka.addNodePool('DualRole', {
      name: 'dual-role',
      roles: [NodeRole.CONTROLLER, NodeRole.BROKER],
      replicas: 1,
      storage: KafkaStorage.jbod({ size: Size.gibibytes(100) }),
    });
    kafka.addListener('tls', {
      port: 9093,
      type: ListenerType.INTERNAL,
      tls: true,
      authentication: ListenerAuthentication.custom(true, {
        'sasl.enabled.mechanisms': 'OAUTHBEARER',
        'oauthbearer.sasl.server.callback.handler.class': 'io.strimzi.kafka.oauth.server.JaasServerOauthValidatorCallbackHandler',
        'oauthbearer.sasl.jaas.config': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="thePrincipalName" oauth.valid.issuer.uri="https://${SSO_HOST}/realms/kafka-authz" oauth.jwks.endpoint.uri="https://${SSO_HOST}/realms/kafka-authz/protocol/openid-connect/certs" oauth.username.claim="preferred_username" oauth.enable.metrics="true" oauth.ssl.truststore.location="/mnt/oauth-certs/tls.crt" oauth.ssl.truststore.type="PEM";\n',
        'connections.max.reauth.ms': 3600,
      }),
    });
  },
};
