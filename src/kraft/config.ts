import { createHash } from 'crypto';

/**
 * The KRaft configuration of a cluster without an operator, computed at synth time in one place:
 * every pod's `server.properties`, the ids its storage is formatted with, and the names that tie
 * them together. `KraftCluster` renders it; the tests read it back.
 */

/**
 * A Kafka `Uuid` (base64url of 16 bytes, 22 characters) derived from `seed`, so synth stays
 * byte-identical, and usable wherever Kafka takes one: never a reserved value (the zero and
 * one UUIDs, and the first 100, which `DirectoryId` reserves) and without `-`, which
 * `kafka-storage format --cluster-id -…` would take for an option (Kafka `Uuid.randomUuid` and
 * `DirectoryId.random` reject a leading `-`; since KAFKA-20072 `randomUuid` rejects any).
 * The seed is rehashed with a counter until the id qualifies.
 */
export function deterministicUuid(seed: string): string {
  for (let attempt = 0; ; attempt++) {
    const bytes = createHash('sha256').update(attempt === 0 ? seed : `${seed}#${attempt}`).digest().subarray(0, 16);
    const reserved = bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] < 100;
    const id = bytes.toString('base64url');
    if (!reserved && !id.includes('-')) return id;
  }
}

/** What a KRaft node does: `controller` (the metadata quorum) or `broker` (partitions and clients). */
export type KraftRole = 'controller' | 'broker';

/** How clients authenticate on a KRaft cluster's client listener. */
export enum KraftClientAuthenticationType {
  /** SASL SCRAM-SHA-512. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS. */
  TLS = 'tls',
  /** No authentication. */
  NONE = 'none',
}

/** Everything the per-pod configuration depends on. */
export interface KraftTopology {
  /** The cluster's name: it prefixes every object. */
  readonly name: string;
  /** The cluster's namespace. */
  readonly namespace: string;
  /** The KRaft cluster id storage is formatted with. */
  readonly clusterId: string;
  /** Pools: one per role in split mode, one with both roles in combined mode. */
  readonly pools: readonly KraftPool[];
  /** The listener ports. */
  readonly ports: KraftPorts;
  /** The listener names. */
  readonly listenerNames: KraftListenerNames;
  /** Whether every listener uses TLS. */
  readonly tls: boolean;
  /** How clients authenticate on the client listener. */
  readonly clientAuth: KraftClientAuthenticationType;
  /** A listener reached through a Gateway: per-broker hosts and the port clients use there. */
  readonly external?: KraftExternalSettings;
  /**
   * The principal the nodes authenticate to each other as, without `User:`: their certificate's
   * subject with TLS (`CN=<name>-kafka`), `ANONYMOUS` on PLAINTEXT listeners, where Kafka's
   * `DefaultKafkaPrincipalBuilder` gives every connection `KafkaPrincipal.ANONYMOUS`.
   * @default - `ANONYMOUS` without TLS; with TLS, none (the nodes would be refused)
   */
  readonly nodePrincipal?: string;
  /** Broker configuration: the durable defaults under the user's. */
  readonly brokerConfig: Readonly<Record<string, string | number | boolean>>;
}

/** The listener ports of a KRaft cluster. */
export interface KraftPorts {
  /** The client listener's. */
  readonly client: number;
  /** The broker-to-broker listener's. */
  readonly replication: number;
  /** The controller listener's. */
  readonly controller: number;
}

/** The listener names of a KRaft cluster. */
export interface KraftListenerNames {
  /** The client listener's. */
  readonly client: string;
  /** The broker-to-broker listener's. */
  readonly replication: string;
  /** The controller listener's. */
  readonly controller: string;
}

/** The listener of a KRaft cluster reached through a Gateway. */
export interface KraftExternalSettings {
  /** The listener's name. */
  readonly name: string;
  /** The brokers' port for it. */
  readonly port: number;
  /** The per-broker host, with `{nodeId}`. */
  readonly hostTemplate: string;
  /** The port the brokers advertise: the one clients reach the Gateway on. */
  readonly advertisedPort: number;
}

/** A StatefulSet of KRaft nodes. */
export interface KraftPool {
  /** `controller`, `broker` or `combined`: part of the StatefulSet and pod names. */
  readonly name: string;
  /** What the pool's nodes do. */
  readonly roles: readonly KraftRole[];
  /** How many pods the StatefulSet runs. */
  readonly replicas: number;
  /** The node id of ordinal 0; ordinal i runs node `idOffset + i`. */
  readonly idOffset: number;
}

/** Where the data (and the metadata log) lives in every pod. */
export const DATA_DIR = '/var/lib/kafka/data';
/** Where the TLS Secret is mounted (cert-manager's `tls.crt`, `tls.key`, `ca.crt`). */
export const TLS_DIR = '/etc/kafka/tls';
/** The PEM keystore the start script assembles from the key and the certificate chain. */
export const KEYSTORE = '/tmp/keystore.pem';
/**
 * Where the admin password's Secret is mounted (SCRAM clusters): one file, `password`, whatever
 * the Secret's key, read-only, mode 0400. The kubelet gives a Secret volume's files to the pod's
 * `fsGroup` and adds group read (`SetVolumeOwnership`: 0400 becomes 0440, group = the image's gid),
 * so the image's numeric user reads it; nothing else in the pod runs.
 */
export const ADMIN_SECRET_DIR = '/etc/kafka/admin';
/** The admin password file in `ADMIN_SECRET_DIR`. */
export const ADMIN_PASSWORD_FILE = `${ADMIN_SECRET_DIR}/password`;

export function statefulSetName(t: KraftTopology, pool: KraftPool): string {
  return `${t.name}-${pool.name}`;
}

/** The headless Service that gives a pool's pods DNS names. */
export function headlessService(t: KraftTopology, pool: KraftPool): string {
  return `${t.name}-${pool.name}s`;
}

export function podName(t: KraftTopology, pool: KraftPool, ordinal: number): string {
  return `${statefulSetName(t, pool)}-${ordinal}`;
}

/** A pod's stable DNS name: `<pod>.<headless service>.<namespace>.svc`. */
export function podDnsName(t: KraftTopology, pool: KraftPool, ordinal: number): string {
  return `${podName(t, pool, ordinal)}.${headlessService(t, pool)}.${t.namespace}.svc`;
}

/** Every controller: node id and DNS name. */
export function controllers(t: KraftTopology): Array<{ readonly nodeId: number; readonly host: string; readonly pod: string }> {
  return t.pools.filter((p) => p.roles.includes('controller')).flatMap((p) =>
    Array.from({ length: p.replicas }, (_, i) => ({ nodeId: p.idOffset + i, host: podDnsName(t, p, i), pod: podName(t, p, i) })));
}

/** `--initial-controllers` of `kafka-storage.sh format` (KIP-853): `id@host:port:directoryId`, with deterministic directory ids. */
export function initialControllers(t: KraftTopology): string {
  return controllers(t).map((c) => `${c.nodeId}@${c.host}:${t.ports.controller}:${deterministicUuid(`${t.clusterId}/directory/${c.nodeId}`)}`).join(',');
}

/**
 * `super.users` of every node: the principals `StandardAuthorizer` allows everything without an
 * ACL (`StandardAuthorizerData.authorize` checks them first). The nodes' own principal must be
 * one: controllers refuse Vote, BeginQuorumEpoch, Fetch, BrokerRegistration and BrokerHeartbeat
 * (`ControllerApis`: CLUSTER_ACTION on the cluster) and brokers refuse follower fetches
 * (`KafkaApis.handleFetchRequest`) from any other principal, and until the metadata log is loaded
 * (which needs the quorum) the authorizer answers only super users (`AuthorizerNotReadyException`
 * otherwise), so no ACL and not even `allow.everyone.if.no.acl.found` could form the quorum.
 * - TLS: the nodes are `User:<their certificate's subject>` (mutual TLS on the replication and
 *   controller listeners).
 * - PLAINTEXT: every connection is `User:ANONYMOUS` (Kafka `DefaultKafkaPrincipalBuilder`), the
 *   nodes' too, so `User:ANONYMOUS` is a super user: anyone who reaches the replication or
 *   controller port may do everything. Only the NetworkPolicy (the cluster's own pods on those
 *   ports) guards them; that is what `plaintext` means.
 * - SCRAM clients: `User:admin`, the user storage is formatted with, makes the other users and
 *   their ACLs.
 * - No client authentication: every client is `User:ANONYMOUS`, which no ACL can tell apart, so
 *   it is a super user: the cluster is open to whoever reaches the client port (`allowFrom`).
 * - Mutual TLS clients are `User:<certificate subject>` and get what their ACLs allow; ACLs are
 *   made with the cluster certificate (the nodes' principal).
 */
export function superUsers(t: KraftTopology): string[] {
  const nodes = t.tls ? t.nodePrincipal : 'ANONYMOUS';
  const users = [
    ...(nodes === undefined ? [] : [`User:${nodes}`]),
    ...(t.clientAuth === KraftClientAuthenticationType.SCRAM_SHA_512 ? ['User:admin'] : []),
    ...(t.clientAuth === KraftClientAuthenticationType.NONE ? ['User:ANONYMOUS'] : []),
  ];
  return [...new Set(users)];
}

/** The `server.properties` of one pod. */
export function nodeConfig(t: KraftTopology, pool: KraftPool, ordinal: number): Record<string, string> {
  const isBroker = pool.roles.includes('broker');
  const isController = pool.roles.includes('controller');
  const host = podDnsName(t, pool, ordinal);
  const { client, replication, controller } = t.listenerNames;
  const secure = t.tls ? 'SSL' : 'PLAINTEXT';
  const clientProtocol = t.clientAuth === KraftClientAuthenticationType.SCRAM_SHA_512 ? `SASL_${secure}` : secure;
  const lower = (n: string) => n.toLowerCase();

  const listeners: string[] = [];
  const advertised: string[] = [];
  const nodeId = pool.idOffset + ordinal;
  const external = isBroker ? t.external : undefined;
  if (isBroker) {
    listeners.push(`${client}://:${t.ports.client}`, `${replication}://:${t.ports.replication}`);
    advertised.push(`${client}://${host}:${t.ports.client}`, `${replication}://${host}:${t.ports.replication}`);
  }
  if (external) {
    listeners.push(`${external.name}://:${external.port}`);
    advertised.push(`${external.name}://${external.hostTemplate.replace('{nodeId}', String(nodeId))}:${external.advertisedPort}`);
  }
  if (isController) {
    listeners.push(`${controller}://:${t.ports.controller}`);
    advertised.push(`${controller}://${host}:${t.ports.controller}`);
  }

  const config: Record<string, string> = {
    'process.roles': pool.roles.join(','),
    'node.id': String(nodeId),
    'controller.quorum.bootstrap.servers': controllers(t).map((c) => `${c.host}:${t.ports.controller}`).join(','),
    'controller.listener.names': controller,
    'listeners': listeners.join(','),
    'advertised.listeners': advertised.join(','),
    'listener.security.protocol.map': [
      ...(isBroker ? [`${client}:${clientProtocol}`, `${replication}:${secure}`] : []),
      ...(external ? [`${external.name}:${clientProtocol}`] : []),
      `${controller}:${secure}`,
    ].join(','),
    ...(isBroker && { 'inter.broker.listener.name': replication }),
    'log.dirs': DATA_DIR,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found': 'false',
    // The nodes' own principal (User:ANONYMOUS on PLAINTEXT), and the clients' admin: see superUsers().
    'super.users': superUsers(t).join(';'),
  };
  if (t.tls) {
    Object.assign(config, {
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': KEYSTORE,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': `${TLS_DIR}/ca.crt`,
      // Nodes prove who they are to each other with the cluster certificate.
      [`listener.name.${lower(controller)}.ssl.client.auth`]: 'required',
      ...(isBroker && { [`listener.name.${lower(replication)}.ssl.client.auth`]: 'required' }),
    });
  }
  for (const name of isBroker ? [client, ...(external ? [external.name] : [])] : []) {
    if (t.clientAuth === KraftClientAuthenticationType.SCRAM_SHA_512) {
      config[`listener.name.${lower(name)}.sasl.enabled.mechanisms`] = 'SCRAM-SHA-512';
      config[`listener.name.${lower(name)}.scram-sha-512.sasl.jaas.config`] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    }
    if (t.tls && t.clientAuth === KraftClientAuthenticationType.TLS) config[`listener.name.${lower(name)}.ssl.client.auth`] = 'required';
  }
  for (const [key, value] of Object.entries(t.brokerConfig)) config[key] = String(value);
  return config;
}

/**
 * Properties as a file: one `key=value` a line, in the order computed. A backslash in a value is
 * written as two, as `Properties.load` reads it (else it escapes the next character, or joins the
 * next line); keys and values with line breaks were refused before (broker-config.ts).
 */
export function toProperties(config: Readonly<Record<string, string>>): string {
  return `${Object.entries(config).map(([k, v]) => `${k}=${v.replace(/\\/g, '\\\\')}`).join('\n')}\n`;
}

/** Reads a properties file back (for tests and tools). */
export function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/\\\\/g, '\\')]));
}
