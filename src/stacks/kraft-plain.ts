import { ConsistencyPass, secretRef } from '../core/consistency';
import { checkArgs } from '../core/props';
import { Construct } from 'constructs';
import { PrivateCa } from '../certs';
import { KraftCluster, KraftClusterProps } from '../kraft';
import { podName, statefulSetName } from '../kraft/config';
import { throwPropError } from '../core/errors';
import { checkNamespace } from '../core/naming';
import { shellQuote } from '../core/workload';
import { ADMIN_SECRET_DIR, TLS_DIR } from '../kraft/config';
import { Environment } from './environment';

/** Props of {@link KraftPlainEnvironment}. */
export interface KraftPlainEnvironmentProps {
  /**
   * The KRaft cluster: every prop of {@link KraftClusterProps} but the issuer, which the
   * environment makes (a private CA in the cluster's namespace).
   * @default - `events` in namespace `kafka`, 3 controllers and 3 brokers
   */
  readonly kafka?: Omit<KraftClusterProps, 'issuer'>;
}

/**
 * Kafka without an operator: a KRaft cluster (by default 3 controllers and 3 brokers) on
 * StatefulSets with the official `apache/kafka` image, TLS everywhere from a private cert-manager
 * CA, SCRAM for clients.
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
  public constructor(scope: Construct, name: string = 'kraft-plain', props: KraftPlainEnvironmentProps = {}) {
    super(scope, name, { description: 'Apache Kafka in KRaft mode on plain StatefulSets, for clusters without Strimzi.' });
    checkArgs({ scope: this, kind: 'KraftPlainEnvironment', name }, 'KraftPlainEnvironment.constructor', arguments, 2);
    const subject = { scope: this, kind: 'KraftPlainEnvironment', name };
    if (typeof props.kafka !== 'undefined' && (typeof props.kafka !== 'object' || props.kafka === null)) throwPropError(subject, 'kafka', 'must be an object', props.kafka, "use e.g. { brokers: { replicas: 5 } }");
    const namespace = props.kafka?.namespace ?? 'kafka';
    checkNamespace(subject, 'kafka.namespace', namespace);
    const chart = this.addCluster('cluster', { namespaces: [namespace], description: 'one Kubernetes cluster' });
    const ca = new PrivateCa(chart, 'Ca', { name: 'kafka-ca', clusterScoped: false, namespace });
    this.kafka = new KraftCluster(chart, 'Kafka', { name: 'events', ...props.kafka, namespace, issuer: ca.issuer });

    const t = this.kafka.topology;
    const admin = this.kafka.authentication.adminSecret;
    if (admin !== undefined) {
      // Every word from a prop is quoted for the shell (names are checked, so quoting changes nothing today).
      this.addCheck('Before applying: the admin password the storage is formatted with', `kubectl -n ${shellQuote(namespace)} create secret generic ${shellQuote(admin.secretName)} ${shellQuote(`--from-literal=${admin.key ?? 'password'}`)}="$(openssl rand -base64 24)"`);
      ConsistencyPass.of(chart).provide(chart, secretRef(namespace, admin.secretName), 'made before applying, with the command in the README');
    }
    this.addCheck('The nodes are ready', `kubectl -n ${shellQuote(namespace)} rollout status ${t.pools.map((pool) => shellQuote(`statefulset/${statefulSetName(t, pool)}`)).join(' ')} --timeout=10m`);
    const brokerPool = t.pools.find((pool) => pool.roles.includes('broker'))!;
    if (admin === undefined) return;
    // The client reads the admin password from the Secret the pod mounts, through Kafka's
    // DirectoryConfigProvider (`${dir:<directory>:<file>}`): it is never in an environment
    // variable or on a command line, and the properties file holds only the reference.
    const adminProperties = [
      'config.providers=dir',
      'config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider',
      `security.protocol=${this.kafka.certificate ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"admin\\" password=\\"\\\${dir:${ADMIN_SECRET_DIR}:password}\\";`,
      ...(this.kafka.certificate ? ['ssl.truststore.type=PEM', `ssl.truststore.location=${TLS_DIR}/ca.crt`] : []),
    ];
    this.addCheck(
      'Create a topic and produce to it as admin from inside the cluster (the client reads the password from the mounted Secret; auto.create.topics.enable is off, and --sync makes a failed send fail the command)',
      // Inside the single-quoted script only checked names go: the cluster's name (a DNS-1035
      // label), the namespace (a DNS-1123 label) and port numbers; none can hold a quote.
      `kubectl -n ${shellQuote(namespace)} exec -it ${shellQuote(podName(t, brokerPool, 0))} -- bash -c 'printf "${adminProperties.join('\\n')}\\n" > /tmp/admin.properties && /opt/kafka/bin/kafka-topics.sh --bootstrap-server ${this.kafka.bootstrapAddress} --command-config /tmp/admin.properties --create --if-not-exists --topic smoke && echo hello | /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server ${this.kafka.bootstrapAddress} --command-config /tmp/admin.properties --sync --topic smoke'`,
    );
  }
}
