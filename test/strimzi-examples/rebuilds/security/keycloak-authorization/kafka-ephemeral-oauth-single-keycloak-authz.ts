import { Chart, Size } from 'cdk8s';
import { AdditionalVolume, ClusterProfile, KafkaAuthorization, KafkaCluster, KafkaStorage, ListenerAuthentication, ListenerType, NodeRole } from '../../../../../src';
import type { Rebuild } from '../../../rebuild';

export const rebuild: Rebuild = {
  summary: 'a single dual-role node with OAuth (OAUTHBEARER) authentication on its TLS listener and Keycloak authorization, the Keycloak CA mounted from a Secret',
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
        'oauthbearer.sasl.jaas.config': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="thePrincipalName" oauth.valid.issuer.uri="https://${SSO_HOST}/realms/kafka-authz" oauth.jwks.endpoint.uri="https://${SSO_HOST}/realms/kafka-authz/protocol/openid-connect/certs" oauth.username.claim="preferred_username" oauth.ssl.truststore.location="/mnt/oauth-certs/tls.crt" oauth.ssl.truststore.type="PEM";\n',
        'connections.max.reauth.ms': 3600,
      }),
    });
  },
};
