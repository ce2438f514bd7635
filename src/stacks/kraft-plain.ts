import { ConsistencyPass, secretRef } from '../core/consistency';
import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import { PrivateCa } from '../certs';
import { KraftCluster } from '../kraft';
import { ADMIN_SECRET_DIR, TLS_DIR } from '../kraft/config';
import { Environment } from './environment';

/**
 * Kafka without an operator: a KRaft cluster of 3 controllers and 3 brokers on StatefulSets with
 * the official `apache/kafka` image, TLS everywhere from a private cert-manager CA, SCRAM for
 * clients.
 *
 * @example
 * const app = new App();
 * const env = new KraftPlainEnvironment(app);
 * synthEnvironment(env, 'dist');
 */
export class KraftPlainEnvironment extends Environment {
  /** The KRaft cluster, `events`. */
  public readonly kafka: KraftCluster;

  /** Creates the environment and its one cluster, `cluster`. */
  public constructor(scope: Construct, name: string = 'kraft-plain') {
    super(scope, name, { description: 'Apache Kafka in KRaft mode on plain StatefulSets, for clusters without Strimzi.' });
    checkArgs({ scope: this, kind: 'KraftPlainEnvironment', name }, 'KraftPlainEnvironment.constructor', arguments, 2);
    const chart = this.addCluster('cluster', { namespaces: ['kafka'], description: 'one Kubernetes cluster' });
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace: 'kafka' });
    this.kafka = new KraftCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka', issuer: ca.issuer });

    const admin = this.kafka.authentication.adminSecret!;
    this.addCheck('Before applying: the admin password the storage is formatted with', `kubectl -n kafka create secret generic ${admin.secretName} --from-literal=${admin.key ?? 'password'}="$(openssl rand -base64 24)"`);
    ConsistencyPass.of(chart).provide(chart, secretRef('kafka', admin.secretName), 'made before applying, with the command in the README');
    this.addCheck('The nodes are ready', 'kubectl -n kafka rollout status statefulset/events-controller statefulset/events-broker --timeout=10m');
    // The client reads the admin password from the Secret the pod mounts, through Kafka's
    // DirectoryConfigProvider (`${dir:<directory>:<file>}`): it is never in an environment
    // variable or on a command line, and the properties file holds only the reference.
    const adminProperties = [
      'config.providers=dir',
      'config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"admin\\" password=\\"\\\${dir:${ADMIN_SECRET_DIR}:password}\\";`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${TLS_DIR}/ca.crt`,
    ];
    this.addCheck(
      'Create a topic and produce to it as admin from inside the cluster (the client reads the password from the mounted Secret; auto.create.topics.enable is off, and --sync makes a failed send fail the command)',
      `kubectl -n kafka exec -it events-broker-0 -- bash -c 'printf "${adminProperties.join('\\n')}\\n" > /tmp/admin.properties && /opt/kafka/bin/kafka-topics.sh --bootstrap-server ${this.kafka.bootstrapAddress} --command-config /tmp/admin.properties --create --if-not-exists --topic smoke && echo hello | /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server ${this.kafka.bootstrapAddress} --command-config /tmp/admin.properties --sync --topic smoke'`,
    );
  }
}
