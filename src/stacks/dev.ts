import { checkArgs } from '../core/props';
import { Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { Certificate, PrivateCa } from '../certs';
import { throwPropError } from '../core/errors';
import { HostnameScheme, isHostname } from '../core/hostnames';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { EnvoyGatewayClass, GatewayService, KafkaGateway, RouteMode } from '../gateway';
import { ClusterProfile, KafkaCluster, KafkaListener, KafkaStorage, KafkaTopic, KafkaUser, UserAuthenticationType } from '../kafka';
import { addTopicsAndUsers, TopicDefinition, UserDefinition } from './blocks';
import { shellQuote } from '../core/workload';
import { fittingFileName } from './delivery';
import { Environment } from './environment';
import { KindCluster } from './kind';

/** Props of {@link DevEnvironment}. */
export interface DevEnvironmentProps {
  /**
   * The domain of the external hostnames (`bootstrap.<domain>`, `broker-<id>.<domain>`),
   * resolved to 127.0.0.1 by the hosts-file lines the environment writes.
   * @default 'strimzi.gateway.api.test'
   */
  readonly domain?: string;
  /**
   * The namespace of Kafka, its Gateway and certificate.
   * @default 'kafka'
   */
  readonly namespace?: string;
  /**
   * The Kafka cluster's name.
   * @default 'gateway-api-test'
   */
  readonly clusterName?: string;
  /**
   * Who makes the TLSRoutes.
   * @default RouteMode.OPERATOR
   */
  readonly routeMode?: RouteMode;
  /**
   * The port clients use on the laptop, published by KIND from the Gateway's node port.
   * @default 9092
   */
  readonly hostPort?: number;
  /**
   * The node port of the Gateway's Service.
   * @default 30992
   */
  readonly nodePort?: number;
  /**
   * The KIND cluster config; it must publish the node port on the host port.
   * @default - one node, labelled with a zone, publishing `nodePort` on `hostPort`
   */
  readonly kind?: KindCluster;
  /**
   * Brokers (the `broker` pool), each with a 10 GiB claim; the DEVELOPMENT profile lets topics
   * and internal topics have fewer replicas than 3 only when there are fewer brokers.
   * @default 3
   */
  readonly brokers?: number;
  /**
   * Controllers (the `controller` pool): 1 on a laptop, 3 to try quorum behaviour.
   * @default 1
   */
  readonly controllers?: number;
  /**
   * The topics.
   * @default - `orders`, 12 partitions
   */
  readonly topics?: TopicDefinition[];
  /**
   * The users and the topics they read and write (grants); the environment writes a client
   * script per user and checks produce and consume with the first producer and consumer.
   * @default - `app`, which reads (group `app`) and writes `orders`
   */
  readonly users?: UserDefinition[];
}

/**
 * A laptop environment, the whole topology of a Kafka-behind-a-Gateway demo on one KIND cluster:
 * a KRaft cluster on Strimzi (one controller, which the DEVELOPMENT profile says, and three
 * brokers by default), a private CA and a wildcard certificate from cert-manager, an Envoy Gateway
 * GatewayClass with a NodePort Service, a Gateway with a TLS passthrough listener, a SCRAM
 * listener exposed through it, and the topics and users of its props (by default a
 * 12-partition `orders` topic and an `app` user that reads and writes it).
 *
 * Beside the manifests it writes what a person needs on a laptop ({@link artefacts}): the KIND
 * config with its port mapping, the hosts-file lines, and per user a script that fills a client
 * properties file from the cluster's Secrets.
 *
 * @example
 * const app = new App();
 * const dev = new DevEnvironment(app, 'dev', { routeMode: RouteMode.EXPLICIT });
 * synthEnvironment(dev, 'dist');
 */
export class DevEnvironment extends Environment {
  /** The chart of the one KIND cluster (`dist/<environment>/kind/`). */
  public readonly chart: Chart;
  /** The KIND cluster config. */
  public readonly kind: KindCluster;
  /** The external hostnames: `bootstrap.<domain>` and `broker-<id>.<domain>`. */
  public readonly hostnames: HostnameScheme;
  /** The private CA that signs the listener certificate. */
  public readonly ca: PrivateCa;
  /** The external listener's wildcard certificate. */
  public readonly certificate: Certificate;
  /** The Envoy Gateway GatewayClass, with a NodePort Service. */
  public readonly gatewayClass: EnvoyGatewayClass;
  /** The Gateway with the TLS passthrough listener. */
  public readonly gateway: KafkaGateway;
  /** The Kafka cluster. */
  public readonly kafka: KafkaCluster;
  /** The external listener, through the Gateway. */
  public readonly listener: KafkaListener;
  /** The topics, by name. */
  public readonly topics: Readonly<Record<string, KafkaTopic>>;
  /** The users, by name. */
  public readonly users: Readonly<Record<string, KafkaUser>>;

  /** Creates the environment and its one cluster, `kind`. */
  public constructor(scope: Construct, name: string = 'dev', props: DevEnvironmentProps = {}) {
    super(scope, name, {
      description: 'A laptop environment: Kafka on Strimzi behind an Envoy Gateway TLS passthrough listener, on one KIND cluster.',
    });
    checkArgs({ scope: this, kind: 'DevEnvironment', name }, 'DevEnvironment.constructor', arguments, 2);
    const namespace = props.namespace ?? 'kafka';
    const clusterName = props.clusterName ?? 'gateway-api-test';
    const hostPort = props.hostPort ?? 9092;
    const nodePort = props.nodePort ?? 30992;
    const gatewayPort = 9092;
    const domain = props.domain ?? 'strimzi.gateway.api.test';
    const subject = { scope: this, kind: 'DevEnvironment', name };
    checkNamespace(subject, 'namespace', namespace);
    checkName(subject, 'clusterName', clusterName, { format: NameFormat.DNS1035_LABEL, use: 'it names the Kafka cluster', example: 'my-cluster' });
    if (!isHostname(domain)) throwPropError(subject, 'domain', 'must be a DNS name of lowercase labels (bootstrap.<domain>, broker-<id>.<domain>)', domain, "use e.g. 'kafka.test'");
    if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) throwPropError(subject, 'hostPort', 'must be a port from 1 to 65535', hostPort, 'use e.g. 9092');
    if (!Number.isInteger(nodePort) || nodePort < 30000 || nodePort > 32767) throwPropError(subject, 'nodePort', 'must be in the NodePort range 30000-32767', nodePort, 'use e.g. 30992');
    if (props.kind !== undefined && props.hostPort !== undefined && props.kind.hostPortFor(nodePort) !== hostPort) {
      throwPropError(subject, 'hostPort', `is not what the given KIND config publishes node port ${nodePort} on (${props.kind.hostPortFor(nodePort) ?? 'nothing'})`, hostPort, 'set the port in kind.portMappings, and leave hostPort unset');
    }

    this.kind = props.kind ?? new KindCluster({ portMappings: [{ containerPort: nodePort, hostPort }] });
    this.hostnames = HostnameScheme.subdomain(domain);
    this.chart = this.addCluster('kind', { namespaces: [namespace], description: 'the KIND cluster: `kind create cluster --config kind-config.yaml`', kind: this.kind });

    this.ca = new PrivateCa(this.chart, 'Ca', { name: 'kafka-dev-ca' });
    this.certificate = new Certificate(this.chart, 'ListenerCertificate', {
      issuer: this.ca.issuer,
      name: `${clusterName}-external-tls`,
      namespace,
      dnsNames: [this.hostnames.bootstrap, this.hostnames.wildcard],
    });

    this.gatewayClass = new EnvoyGatewayClass(this.chart, 'GatewayClass', {
      name: 'envoy-kafka',
      service: GatewayService.nodePort({ port: gatewayPort, nodePort }),
    });
    this.gateway = new KafkaGateway(this.chart, 'Gateway', {
      name: 'kafka-gateway',
      namespace,
      gatewayClass: this.gatewayClass,
      hostnames: this.hostnames,
      port: gatewayPort,
    });

    this.kafka = new KafkaCluster(this.chart, 'Kafka', {
      name: clusterName,
      namespace,
      profile: ClusterProfile.DEVELOPMENT,
      controllers: { replicas: props.controllers ?? 1 },
      brokers: { replicas: props.brokers ?? 3, storage: KafkaStorage.persistentClaim({ size: Size.gibibytes(10) }) },
    });
    this.listener = this.kafka.addExternalListener('external', {
      gateway: this.gateway,
      certificate: this.certificate,
      mode: props.routeMode,
    });
    ({ topics: this.topics, users: this.users } = addTopicsAndUsers(subject, this.kafka,
      props.topics ?? [{ name: 'orders', partitions: 12 }],
      props.users ?? [{ name: 'app', consumes: ['orders'], produces: ['orders'], group: 'app' }]));

    this.addCheck('Kafka is ready', `kubectl --context kind -n ${namespace} wait kafka/${clusterName} --for=condition=Ready --timeout=10m`);
    const pair = producerAndConsumer(props.users ?? [{ name: 'app', consumes: ['orders'], produces: ['orders'], group: 'app' }]);
    if (pair !== undefined) {
      const bootstrap = `${this.hostnames.bootstrap}:${this.gateway.externalPort}`;
      const config = (user: string) => `${clientDir(name)}/${fittingFileName('', user, '.properties')}`;
      this.addCheck(
        'Produce and consume through the Gateway, from the laptop',
        "sudo sh -c 'cat hosts >> /etc/hosts'",
        ...[...new Set([pair.producer, pair.consumer])].map((user) => `clients/${fittingFileName('', user, '.sh')}`),
        // Topic and group names are data in the shell, whatever they hold.
        `echo hello | kafka-console-producer.sh --bootstrap-server ${bootstrap} --command-config ${config(pair.producer)} --topic ${shellQuote(pair.topic)}`,
        `kafka-console-consumer.sh --bootstrap-server ${bootstrap} --command-config ${config(pair.consumer)} --topic ${shellQuote(pair.topic)} --group ${shellQuote(pair.group)} --from-beginning --max-messages 1`,
      );
    }
  }

  /**
   * The files beside the manifests, by path relative to the environment's folder: the KIND
   * config, the hosts-file lines and a client script per SCRAM user.
   */
  public override artefacts(): Record<string, string> {
    const namespace = this.kafka.namespace!;
    const hosts = this.hostnames.hosts(this.kafka.brokerNodeIds);
    const scripts = Object.values(this.users).filter((user) => user.authentication.type === UserAuthenticationType.SCRAM_SHA_512).map((user) => [`clients/${fittingFileName('', user.userName, '.sh')}`, clientScript({
      namespace,
      user: user.userName,
      userSecret: user.secretName!,
      caSecret: this.certificate.secretName,
      bootstrap: `${this.hostnames.bootstrap}:${this.gateway.externalPort}`,
      dir: clientDir(this.environmentName),
    })]);
    return {
      'kind-config.yaml': this.kind.toYaml(),
      'hosts': `# Append to /etc/hosts: the Gateway is published on this machine by KIND.\n${hosts.map((h) => `127.0.0.1 ${h}`).join('\n')}\n`,
      ...Object.fromEntries(scripts),
    };
  }
}

/**
 * The first topic some SCRAM user produces to and some (maybe another) consumes from, with a
 * literal consumer group, for the README's produce-and-consume check; undefined when no user
 * definitions pair up.
 */
function producerAndConsumer(users: readonly UserDefinition[]): { topic: string; producer: string; consumer: string; group: string } | undefined {
  const scram = users.filter((u) => u.authentication === undefined || u.authentication.type === UserAuthenticationType.SCRAM_SHA_512);
  for (const producer of scram) {
    for (const topic of producer.produces ?? []) {
      const consumer = scram.find((u) => (u.consumes ?? []).includes(topic) && (u.group === undefined || typeof u.group === 'string'));
      if (consumer !== undefined) return { topic, producer: producer.name, consumer: consumer.name, group: (consumer.group as string | undefined) ?? consumer.name };
    }
  }
  return undefined;
}

interface ClientScriptProps {
  readonly namespace: string;
  readonly user: string;
  readonly userSecret: string;
  readonly caSecret: string;
  readonly bootstrap: string;
  readonly dir: string;
}

/**
 * Where the client scripts of environment `name` write credentials: outside the repository
 * (dist/ is committed), readable by the user only; `KAFKA_CLIENT_DIR` overrides it.
 */
function clientDir(name: string): string {
  return `\${KAFKA_CLIENT_DIR:-\$HOME/.config/cdk8s-kafka/${name}}`;
}

/**
 * A script that writes `<user>.properties` for Kafka's command-line clients: SASL_SSL with
 * SCRAM-SHA-512, the password from the user's Secret and the CA from the listener certificate's
 * Secret as a PEM truststore. It writes them outside the repository, readable by the user only,
 * and says where: the password never lands in dist/.
 */
function clientScript(p: ClientScriptProps): string {
  return `#!/bin/sh
# Writes ${fittingFileName('', p.user, '.properties')} (with the password) and ca.crt from the cluster's Secrets into
# ${p.dir} (set KAFKA_CLIENT_DIR to choose another folder outside the repository),
# for the Kafka tools' --command-config <that folder>/${fittingFileName('', p.user, '.properties')}.
set -eu
umask 077
DIR="${p.dir}"
mkdir -p "$DIR"
cd "$DIR"
kubectl -n ${p.namespace} get secret ${p.caSecret} -o jsonpath='{.data.ca\\.crt}' | base64 -d > ca.crt
SCRAM_SECRET="$(kubectl -n ${p.namespace} get secret ${p.userSecret} -o jsonpath='{.data.password}' | base64 -d)"
cat > ${fittingFileName('', p.user, '.properties')} <<EOF
bootstrap.servers=${p.bootstrap}
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${p.user}" password="\${SCRAM_SECRET}";
ssl.truststore.type=PEM
ssl.truststore.location=$(pwd)/ca.crt
EOF
echo "wrote $(pwd)/${fittingFileName('', p.user, '.properties')}"
`;
}
