import { checkArgs, constructId } from '../core/props';
import { Chart, Duration, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConsistencyPass, secretRef } from '../core/consistency';
import { throwPropError } from '../core/errors';
import { CURL_IMAGE, ImageUser, resolveImageUser } from '../core/images';
import { checkName, checkNamespace, checkTopicName, labelWithSuffix, NameFormat } from '../core/naming';
import { tcpPort } from '../core/network';
import { checkImage, scriptDeployment, shellQuote } from '../core/workload';

/** The image the generators run: curl and a POSIX shell, non-root. */
export const DEFAULT_TRAFFIC_IMAGE = CURL_IMAGE;

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
   * The numeric user and group the image runs as (the pods' `runAsUser` and `runAsGroup`): the
   * pods run as non-root, and the kubelet refuses an image whose user is a name it cannot verify.
   * @default - the image's, from the library's table of images (`IMAGE_FACTS`); required for an
   * image the table does not know
   */
  readonly imageUser?: ImageUser;
  /**
   * The ports of the pods behind the endpoint, where its Service maps the endpoint's port to
   * another one (Envoy Gateway serves 443 on its proxies' 10443): a NetworkPolicy sees the pod's
   * port, so the egress rule must allow it.
   * @default - none besides the endpoint's port
   */
  readonly endpointPodPorts?: number[];
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
  /**
   * The NetworkPolicies of the three Deployments, each named like its Deployment: nothing may
   * connect to the pods (nothing in them listens); they may reach the cluster DNS, and TCP on
   * the endpoint's port (443 for `https://`, 80 for `http://`, else the URL's) at any address.
   *
   * Any address, because the endpoint is a hostname whose addresses a NetworkPolicy cannot name:
   * it resolves outside the Kubernetes cluster (a global load balancer, another cluster's
   * gateway), and an `ipBlock` of "everything but the private ranges" would break an endpoint
   * on a private network. Where the endpoint is a gateway of this same Kubernetes cluster,
   * reached at its Service's address, kube-proxy sends the connection straight to a proxy pod
   * and NetworkPolicy sees that pod's port, which may differ (Envoy Gateway serves port 443 on
   * 10443): add a NetworkPolicy that lets the generators reach it.
   */
  public readonly networkPolicies: k8s.KubeNetworkPolicy[];

  /**
   * Creates the producer and the two consumers, each with its NetworkPolicy; throws if `endpoint`
   * is not a URL without a path, or `image` is one the library does not know the numeric user of
   * and `imageUser` is not given.
   */
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
    const image = props.image ?? DEFAULT_TRAFFIC_IMAGE;
    const imageUser = resolveImageUser(subject, 'image', image, 'imageUser', props.imageUser);
    // The port curl dials: the URL's, else the scheme's (WHATWG URL special-scheme default ports).
    const port = url[1] !== undefined ? Number(url[1]) : props.endpoint.startsWith('https://') ? 443 : 80;
    const policies: k8s.KubeNetworkPolicy[] = [];
    if (props.caSecret !== undefined) checkName(subject, 'caSecret', props.caSecret, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Secret with the CA', example: 'bridge-ca' });
    const seconds = Math.max(1, Math.round((props.interval ?? Duration.seconds(1)).toSeconds()));
    const deployment = (childId: string, name: string, script: string) => {
      const workload = scriptDeployment(this, childId, {
        name,
        namespace,
        labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'traffic-generator' },
        containerName: 'generator',
        image,
        user: imageUser,
        // The endpoint at any address: see networkPolicies.
        egress: [{ ports: [port, ...(props.endpointPodPorts ?? [])].map(tcpPort) }],
        script,
        cpuMillis: 10,
        memoryRequest: Size.mebibytes(16),
        memoryLimit: Size.mebibytes(64),
        tmpSize: Size.mebibytes(1),
        secrets: props.caSecret ? [{ volume: 'bridge-ca', secretName: props.caSecret, mountPath: '/etc/bridge-ca' }] : [],
      });
      policies.push(workload.networkPolicy);
      return workload.deployment;
    };
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
    this.networkPolicies = policies;
  }
}
