import { checkArgs, constructId } from '../core/props';
import { Chart, Duration, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { throwPropError } from '../core/errors';
import { checkName, checkNamespace, checkTopicName, labelWithSuffix, NameFormat } from '../core/naming';
import { checkImage, scriptDeployment, shellQuote } from '../core/workload';

/** The image the generators run: curl and a POSIX shell, non-root. */
export const DEFAULT_TRAFFIC_IMAGE = 'curlimages/curl:8.11.1';

/** Props of {@link BridgeTrafficGenerators}. */
export interface BridgeTrafficGeneratorsProps {
  /** The bridge's URL as clients use it: the tier-1 hostname, e.g. `https://bridge.example.com`. */
  readonly endpoint: string;
  /** The topic to produce to and consume from. */
  readonly topic: string;
  /**
   * The consumer group of the two consumers.
   * @default 'traffic-generators'
   */
  readonly group?: string;
  /**
   * The namespace of the Deployments.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The image (curl and a shell).
   * @default DEFAULT_TRAFFIC_IMAGE
   */
  readonly image?: string;
  /**
   * How often the producer sends a record and the consumers poll.
   * @default Duration.seconds(1)
   */
  readonly interval?: Duration;
  /**
   * A Secret with the CA (`ca.crt`) that signed the tier-1 gateway's certificate.
   * @default - the image's trust store
   */
  readonly caSecret?: string;
}

/**
 * Traffic for failover drills: one producer and two consumers (one group) calling the Kafka
 * Bridge REST API through the tier-1 hostname. The consumers follow the `base_uri` the bridge
 * returns, which names the region that created them, and recreate themselves when it answers
 * 404: what a bridge consumer must do after a failover.
 *
 * @example
 * new BridgeTrafficGenerators(chart, 'Traffic', {
 *   endpoint: 'https://bridge.example.com',
 *   topic: 'orders',
 *   namespace: 'traffic',
 *   caSecret: 'bridge-ca',
 * });
 */
export class BridgeTrafficGenerators extends Construct {
  /**
   * The producer Deployment, `<topic>-producer` (a topic name that is not a DNS label, or too
   * long for one, as a label with a hash of it: `orders_v1` gives `orders-v1-<hash>-producer`).
   */
  public readonly producer: k8s.KubeDeployment;
  /** The two consumer Deployments, `<topic>-consumer-a` and `<topic>-consumer-b` (named like the producer). */
  public readonly consumers: k8s.KubeDeployment[];

  /** Creates the producer and the two consumers; throws if `endpoint` is not a URL without a path. */
  public constructor(scope: Construct, id: string, props: BridgeTrafficGeneratorsProps) {
    super(scope, constructId('BridgeTrafficGenerators', scope, id));
    checkArgs({ scope: this, kind: 'BridgeTrafficGenerators', name: id }, 'BridgeTrafficGenerators.constructor', arguments, 2);
    ConsistencyPass.of(this);
    const subject = { scope: this, kind: 'BridgeTrafficGenerators', name: id };
    const url = typeof props.endpoint === 'string' ? /^https?:\/\/[A-Za-z0-9.-]+(?::(\d{1,5}))?$/.exec(props.endpoint) : null;
    if (url === null) {
      throwPropError(subject, 'endpoint', 'must be an http(s) URL of a host and an optional port, without a path', props.endpoint, "use e.g. 'https://bridge.example.com'");
    }
    // A TCP port is 1 to 65535: URL parsers reject a port above 65535 (WHATWG URL: "port out of range"), and nothing listens on port 0.
    if (url[1] !== undefined && (Number(url[1]) < 1 || Number(url[1]) > 65535)) {
      throwPropError(subject, 'endpoint', `has port ${url[1]}, but a port is from 1 to 65535`, props.endpoint, "use e.g. 'https://bridge.example.com:8443', or leave the port out for the scheme's");
    }
    if (props.endpoint.startsWith('https://')) {
      // A TLS client of whatever serves the endpoint (the tier-1 gateway): the pass checks the trust chain.
      const address = `${props.endpoint.slice('https://'.length).replace(/:\d+$/, '')}:${url[1] ?? 443}`;
      ConsistencyPass.of(this).tlsClient({ subject, prop: 'endpoint', address, trust: props.caSecret === undefined ? undefined : secretRef(props.namespace ?? Chart.of(this).namespace, props.caSecret) });
    }
    checkTopicName(subject, 'topic', props.topic);
    // DNS labels for any legal topic name: each Deployment's name and its app.kubernetes.io/name label value.
    const nameFor = (suffix: string) => labelWithSuffix(props.topic, suffix);
    const namespace = props.namespace ?? Chart.of(this).namespace;
    checkNamespace(subject, 'namespace', namespace);
    const group = props.group ?? 'traffic-generators';
    if (group.trim() === '') throwPropError(subject, 'group', 'is empty', group, "name the consumer group, e.g. 'traffic-generators'");
    if (props.image !== undefined) checkImage(subject, 'image', props.image);
    if (props.caSecret !== undefined) checkName(subject, 'caSecret', props.caSecret, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Secret with the CA', example: 'bridge-ca' });
    const seconds = Math.max(1, Math.round((props.interval ?? Duration.seconds(1)).toSeconds()));
    const deployment = (childId: string, name: string, script: string) =>
      scriptDeployment(this, childId, {
        name,
        namespace,
        labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'traffic-generator' },
        containerName: 'generator',
        image: props.image ?? DEFAULT_TRAFFIC_IMAGE,
        script,
        cpuRequest: '10m',
        memoryRequest: Size.mebibytes(16),
        memoryLimit: Size.mebibytes(64),
        tmpSize: Size.mebibytes(1),
        secrets: props.caSecret ? [{ volume: 'bridge-ca', secretName: props.caSecret, mountPath: '/etc/bridge-ca' }] : [],
      });
    if (props.caSecret !== undefined) {
      ConsistencyPass.of(this).refer(subject, 'caSecret', secretRef(namespace, props.caSecret), "the generators read the CA Secret from their own namespace: make (or copy) it there", true);
    }
    const curl = `curl -sS --max-time 10${props.caSecret ? ' --cacert /etc/bridge-ca/ca.crt' : ''}`;

    this.producer = deployment('Producer', nameFor('producer'), `
n=0
while true; do
  n=$((n+1))
  ${curl} -o /dev/null -w "produce $n: %{http_code}\\n" -X POST \\
    -H 'Content-Type: application/vnd.kafka.json.v2+json' \\
    -d "{\\"records\\":[{\\"key\\":\\"$HOSTNAME\\",\\"value\\":{\\"n\\":$n}}]}" \\
    ${shellQuote(`${props.endpoint}/topics/${props.topic}`)} || true
  sleep ${seconds}
done`);
    this.consumers = ['a', 'b'].map((suffix) => deployment(`Consumer${suffix.toUpperCase()}`, nameFor(`consumer-${suffix}`), `
while true; do
  base=$(${curl} -X POST -H 'Content-Type: application/vnd.kafka.v2+json' \\
    -d "{\\"name\\":\\"$HOSTNAME\\",\\"format\\":\\"json\\",\\"auto.offset.reset\\":\\"earliest\\"}" \\
    ${shellQuote(`${props.endpoint}/consumers/${encodeURIComponent(group)}`)} | sed -n 's/.*"base_uri":"\\([^"]*\\)".*/\\1/p')
  [ -n "$base" ] || { echo "create consumer failed"; sleep ${seconds}; continue; }
  echo "consumer at $base"
  ${curl} -X POST -H 'Content-Type: application/vnd.kafka.v2+json' -d ${shellQuote(JSON.stringify({ topics: [props.topic] }))} "$base/subscription"
  while code=$(${curl} -o /tmp/records -w '%{http_code}' -H 'Accept: application/vnd.kafka.json.v2+json' "$base/records"); [ "$code" != 404 ]; do
    echo "poll: $code $(cat /tmp/records)"
    sleep ${seconds}
  done
  echo "consumer gone (404): recreating"
done`));
  }
}
