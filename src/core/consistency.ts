import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { lowerLevel, POD_SPEC_PATHS, PodSecurityLevel, podSecurityProblems, PodSpecFields } from '../policy/pod-security';
import { SchemaRegistry } from '../policy/schema-registry';
import { formatValue, propError, Subject } from './errors';

/** An object of a Kubernetes cluster: API group (`''` for the core group), kind, namespace and name. */
export interface ObjectRef {
  /** The API group, `''` for the core group. */
  readonly group: string;
  /** The kind. */
  readonly kind: string;
  /** The namespace; undefined for a cluster-scoped kind (or one left to kubectl's context). */
  readonly namespace?: string;
  /** The name. */
  readonly name: string;
}

/** A Secret of the core group, e.g. for {@link ConsistencyPass.refer}. */
export function secretRef(namespace: string | undefined, name: string): ObjectRef {
  return { group: '', kind: 'Secret', namespace, name };
}

/** A Service of the core group. */
export function serviceRef(namespace: string | undefined, name: string): ObjectRef {
  return { group: '', kind: 'Service', namespace, name };
}

/** The Pod Security level of a namespace the app creates. */
export interface NamespacePodSecurity {
  /** The level `pod-security.kubernetes.io/enforce` is set to. */
  readonly level: PodSecurityLevel;
  /** Why it is below restricted, one line each. */
  readonly reasons: readonly string[];
}

/** A server clients of the app dial (a Kafka listener), for the trust-chain check. */
export interface TlsServer {
  /** The construct that defines the server (e.g. the Kafka cluster). */
  readonly scope: IConstruct;
  /** What the server is, for messages, e.g. `listener 'tls' of KafkaCluster 'events'`. */
  readonly what: string;
  /** Every `host:port` clients may dial to bootstrap. */
  readonly addresses: () => readonly string[];
  /** The hosts clients are sent to after bootstrapping (each broker's advertised host): the certificate must cover them too. */
  readonly brokerHosts?: () => readonly string[];
  /** The Secret whose `ca.crt` holds the CA that signs the server certificate; undefined without TLS. */
  readonly trust?: ObjectRef;
  /** The Secret of the server certificate, when the app makes it (its SANs must cover the host clients dial). */
  readonly certificate?: ObjectRef;
  /** How clients authenticate (e.g. `scram-sha-512`, `tls`, `custom`); undefined for none. */
  readonly authentication?: string;
  /**
   * Whether the server's NetworkPolicy admits clients from pods of `namespace`, as far as its
   * peers tell; undefined when it admits everyone.
   */
  readonly admits?: (namespace: string | undefined) => boolean;
}

/** What a TLS client dials and trusts, for the trust-chain check. */
export interface TlsClient {
  /** The construct the client comes from. */
  readonly subject: Subject;
  /** Its prop that sets the address and trust, for messages. */
  readonly prop: string;
  /** The `host:port` it dials. */
  readonly address: string;
  /** The Secret with the CA certificate it trusts; undefined for a client without TLS. */
  readonly trust?: ObjectRef;
  /** How it authenticates (e.g. `scram-sha-512`, `tls`, `none`); undefined when unknown. */
  readonly authentication?: string;
  /** The namespace of its pods, when it runs in the Kubernetes cluster. */
  readonly namespace?: string;
}

/** A route that claims hostnames on a Gateway listener, for the hostname-uniqueness check. */
export interface GatewayRouteClaim {
  /** The construct that makes the route (or whose operator does). */
  readonly subject: Subject;
  /** The prop the route comes from, for messages. */
  readonly prop: string;
  /** The Gateway. */
  readonly gateway: ObjectRef;
  /** The Gateway listener (`sectionName`). */
  readonly sectionName: string;
  /** The hostnames, as they are at synth (brokers can still be added after the route). */
  readonly hostnames: () => readonly string[];
  /** The route's namespace. */
  readonly namespace?: string;
  /** The Gateway port the route names, if any. */
  readonly port?: number;
  /** Whether the backends terminate TLS (a passthrough Gateway needs them to). */
  readonly tls?: boolean;
  /** The port the brokers behind the route advertise (clients must reach the Gateway on it). */
  readonly advertisedPort?: number;
}

/** Why a route would not attach to a Gateway (no such listener, another port, a hostname or namespace it does not take); empty when it attaches. */
export type AttachmentCheck = (route: { readonly sectionName?: string; readonly port?: number; readonly namespace?: string; readonly hostnames: readonly string[]; readonly tls?: boolean; readonly advertisedPort?: number }) => string[];

/** A Gateway reached from outside through a node port, for the port-chain check. */
export interface NodePortGateway {
  /** The Gateway construct. */
  readonly subject: Subject;
  /** The Gateway's node port for its Kafka listener. */
  readonly nodePort: number;
  /** The port brokers advertise and clients dial (`KafkaGateway.externalPort`). */
  readonly externalPort: number;
}

interface Provided {
  readonly by: IConstruct;
  readonly refs: () => readonly ObjectRef[];
  readonly what: string;
  readonly anchor?: string;
  /** For a copy: the Secret it is copied from, in the cluster of `scope`. */
  readonly copyOf?: { readonly scope: IConstruct; readonly ref: ObjectRef };
  /** For a certificate's Secret: whether its SANs cover a hostname. */
  readonly covers?: (hostname: string) => boolean;
}

interface Reference {
  readonly subject: Subject;
  readonly prop: string;
  readonly ref: ObjectRef;
  readonly fix: string;
  readonly mayBeExternal: boolean;
}

/**
 * The consistency pass: the checks of how the pieces of an app fit together, across
 * constructs and charts, in one place. It is registered once per App as a validation of the
 * App's root, so every synth path runs it: `Testing.synth`, `chart.toJson()`, `app.synth()`,
 * `npx cdk8s synth` and `synthEnvironments` (cdk8s validates the whole app before it
 * serializes any chart). Constructs record facts with it (what they refer to, what an operator
 * makes from them, what they dial); the checks run over all facts at synth, when every pool,
 * listener and route has been added. A construct's own invariants stay in its own
 * `node.addValidation`.
 *
 * The checks, per Kubernetes cluster (a chart of an `Environment`; every other chart of an app
 * goes to one cluster, as with `kubectl apply -f dist/`):
 * - unique identity: no two objects share API group, kind, namespace and name (the second
 *   would overwrite the first at apply), counting what operators make from them (`provide`:
 *   Strimzi's Secrets, Services and pods, cert-manager's Secrets), with the prop that made the
 *   name where it is known (`namedBy`);
 * - references resolve: every object a construct refers to by name (a GatewayClass, an issuer,
 *   a Secret a pod or gateway proxy reads, a Service, a Kafka) is emitted or made by an operator
 *   in the same cluster and, for namespaced kinds, in the namespace the reader looks in (Secrets
 *   are read from the reader's own namespace); a name the user typed only warns;
 * - trust chain: a client that dials a server of the app (the nearest one answering the
 *   address) trusts the CA that signs its certificate, through copies made by a runbook; the
 *   certificate covers the host dialed and the brokers advertised; TLS and authentication match;
 *   the server's NetworkPolicy admits the client's namespace;
 * - routes: they attach to the Gateway listener they name (listener, hostname, namespace, TLS,
 *   advertised port), and no two claim one hostname on one listener (the Gateway API gives the
 *   hostname to the oldest route, so the other is silently dead);
 * - port chain: on a cluster that publishes node ports on host ports (KIND), every Gateway
 *   reached through a node port is published and its brokers advertise the host port; a node
 *   port is one Service's per cluster, a host port one KIND cluster's per environment;
 * - Pod Security: every pod spec emitted into a namespace the app creates meets the level the
 *   namespace enforces (`podSecurity`);
 * - warnings (not errors): ACLs on literal topics the cluster does not declare, names the user
 *   typed that nothing in the app makes.
 */
export class ConsistencyPass {
  /** The pass of the app `scope` belongs to, registered on first use. */
  public static of(scope: IConstruct): ConsistencyPass {
    if (typeof (scope as { node?: unknown } | undefined)?.node !== 'object') {
      throw new Error(`ConsistencyPass.of(): scope must be a construct (got ${formatValue(scope)}); pass a construct of the app`);
    }
    const app = App.of(scope);
    let pass = PASSES.get(app);
    if (pass === undefined) {
      pass = new ConsistencyPass(app);
      PASSES.set(app, pass);
      const registered = pass;
      app.node.addValidation({ validate: () => registered.validate() });
    }
    return pass;
  }

  private readonly provided: Provided[] = [];
  private readonly references: Reference[] = [];
  private readonly servers: TlsServer[] = [];
  private readonly clients: TlsClient[] = [];
  private readonly routes: GatewayRouteClaim[] = [];
  private readonly nodePortGateways: NodePortGateway[] = [];
  private readonly nodePorts: Array<{ readonly subject: Subject; readonly prop: string; readonly nodePort: number }> = [];
  private readonly gateways: Array<{ readonly scope: IConstruct; readonly ref: ObjectRef; readonly attach: AttachmentCheck }> = [];
  private readonly hostPorts = new Map<IConstruct, Map<number, number>>();
  private readonly warned: string[] = [];
  private readonly podSecurityLevels = new Map<string, { level: PodSecurityLevel; reasons: string[] }>();
  private readonly names = new WeakMap<ApiObject, { readonly subject: Subject; readonly prop: string; readonly fix?: string }>();
  private found: string[] = [];
  private readonly declared = new Map<IConstruct, Map<string, Set<string>>>();
  private readonly unknownSpaces = new Map<IConstruct, Set<string>>();
  private readonly expected: Array<{ subject: Subject; prop: string; owner: IConstruct; space: string; name: string; fix: string }> = [];

  private constructor(private readonly app: IConstruct) {}

  /**
   * Records that `ref` will exist in the cluster of `by` without being emitted: made by an
   * operator from what `by` emits (a Certificate's Secret, Strimzi's CA Secrets and Services, a
   * KafkaUser's Secret), or made beforehand as the docs of `by` say.
   * @param refs the object, or a function giving the objects as they are at synth (Strimzi's
   *   per-broker Services follow the node pools)
   * @param what who makes it, for messages, e.g. `cert-manager, from Certificate 'x'`
   * @param anchor for a Secret with a CA certificate (`ca.crt`): an id of that CA, the same for
   *   every Secret that holds it
   */
  public provide(by: IConstruct, refs: ObjectRef | (() => readonly ObjectRef[]), what: string, anchor?: string, covers?: (hostname: string) => boolean): void {
    this.provided.push({ by, refs: typeof refs === 'function' ? refs : () => [refs], what, anchor, covers });
  }

  /**
   * Records that a copy of the Secret `source.ref` (in the cluster of `source.scope`) is made as
   * `ref` in the cluster of `by` before applying, as the docs of `by` say (a runbook step): it
   * then exists, and holds the same CA as its source for the trust-chain check.
   */
  public copy(by: IConstruct, ref: ObjectRef, source: { readonly scope: IConstruct; readonly ref: ObjectRef }, what: string): void {
    this.provided.push({ by, refs: () => [ref], what, copyOf: source });
  }

  /**
   * Records that `subject` refers to `ref` by name through `prop`; `fix` says what to do when it
   * does not resolve. A reference the library derived from a construct must resolve in the
   * cluster of `subject` (an error otherwise); one to a name the user typed (`mayBeExternal`)
   * may be to an object made outside the app, so it only warns when nothing in the cluster has
   * that name, and is an error only when the name exists elsewhere (another namespace or
   * cluster), which is the mistake it then almost surely is.
   */
  public refer(subject: Subject, prop: string, ref: ObjectRef, fix: string, mayBeExternal: boolean = false): void {
    this.references.push({ subject, prop, ref, fix, mayBeExternal });
  }

  /** Records a TLS server of the app. */
  public tlsServer(server: TlsServer): void {
    this.servers.push(server);
  }

  /** Records a TLS client of the app. */
  public tlsClient(client: TlsClient): void {
    this.clients.push(client);
  }

  /** Records a Gateway of the app and how routes attach to it, for the routes' attachment check. */
  public gateway(scope: IConstruct, ref: ObjectRef, attach: AttachmentCheck): void {
    this.gateways.push({ scope, ref, attach });
  }

  /** Records hostnames a route claims on a Gateway listener. */
  public route(claim: GatewayRouteClaim): void {
    this.routes.push(claim);
  }

  /**
   * Records that clients reach the cluster of `scope` only through the node ports it publishes on
   * host ports of their machine (KIND), however many: none too, and then no Gateway on a node
   * port is reachable. {@link publishNodePort} records each published port.
   */
  public publishesNodePortsOnHost(scope: IConstruct): void {
    const key = clusterOf(scope).key;
    if (!this.hostPorts.has(key)) this.hostPorts.set(key, new Map<number, number>());
  }

  /** Records that the cluster of `scope` publishes `nodePort` on `hostPort` of the machine clients run on (KIND). */
  public publishNodePort(scope: IConstruct, nodePort: number, hostPort: number): void {
    this.publishesNodePortsOnHost(scope);
    this.hostPorts.get(clusterOf(scope).key)!.set(nodePort, hostPort);
  }

  /**
   * The host port the cluster of `scope` publishes `nodePort` on; undefined when the cluster
   * publishes none (a real cluster, where clients dial the node port itself) or not this one.
   */
  public hostPortFor(scope: IConstruct, nodePort: number): number | undefined {
    return this.hostPorts.get(clusterOf(scope).key)?.get(nodePort);
  }

  /** Records a Gateway clients reach through a node port. */
  public nodePortGateway(gateway: NodePortGateway): void {
    this.nodePortGateways.push(gateway);
    this.nodePort(gateway.subject, 'gatewayClass', gateway.nodePort);
  }

  /** Records a node port a Service of `subject` pins (through `prop`): one Service per node port and cluster. */
  public nodePort(subject: Subject, prop: string, nodePort: number): void {
    this.nodePorts.push({ subject, prop, nodePort });
  }

  /**
   * Records that the name of `object` comes from `prop` of `subject`, so that a clash of
   * identities names the prop to change (and `fix`, when renaming it takes more than a value).
   */
  public namedBy(object: ApiObject, subject: Subject, prop: string, fix?: string): void {
    this.names.set(object, { subject, prop, fix });
  }

  /**
   * Records that the namespace `namespace` of the cluster of `scope` is one the app creates, and
   * the Pod Security level its pods need: the namespace gets the least restricted level asked
   * for (`restricted` unless something asks less), with the reasons, and every pod spec the app
   * emits into it is checked against that level at synth.
   * @param reason why a level below `restricted` is needed, for the namespace's annotation
   */
  public podSecurity(scope: IConstruct, namespace: string, level: PodSecurityLevel = PodSecurityLevel.RESTRICTED, reason?: string): void {
    if (!Object.values(PodSecurityLevel).includes(level)) {
      throw new Error(`ConsistencyPass.podSecurity(): level must be one of ${Object.values(PodSecurityLevel).join(', ')} (got ${formatValue(level)}); use PodSecurityLevel.BASELINE or .PRIVILEGED`);
    }
    if (level !== PodSecurityLevel.RESTRICTED && (typeof reason !== 'string' || reason.trim() === '')) {
      throw new Error(`ConsistencyPass.podSecurity(): reason is required below restricted (got ${formatValue(reason)}); say what in namespace ${namespace} needs ${level}, for its annotation and README`);
    }
    const key = `${clusterOf(scope).name}|${namespace}`;
    const entry = this.podSecurityLevels.get(key) ?? { level: PodSecurityLevel.RESTRICTED, reasons: [] };
    entry.level = lowerLevel(entry.level, level);
    if (reason !== undefined && level !== PodSecurityLevel.RESTRICTED) entry.reasons.push(`${level}: ${reason}`);
    this.podSecurityLevels.set(key, entry);
  }

  /**
   * The namespaces of the app's TLS clients (bridges, client workloads) in the cluster of `scope`
   * that dial one of `addresses`, for the NetworkPolicy peers of what they dial.
   */
  public clientNamespaces(scope: IConstruct, addresses: readonly string[]): string[] {
    const cluster = clusterOf(scope).name;
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    return this.clients
      .filter((c) => c.namespace !== undefined && clusterOf(c.subject.scope).name === cluster && wanted.has(c.address.trim().toLowerCase()))
      .map((c) => c.namespace!);
  }

  /** The Pod Security level of a namespace the app creates in the cluster of `scope`, and why it is lowered; undefined for one it does not create. */
  public podSecurityOf(scope: IConstruct, namespace: string): NamespacePodSecurity | undefined {
    return this.podSecurityLevels.get(`${clusterOf(scope).name}|${namespace}`);
  }

  /** Records that `owner` (e.g. a Kafka cluster) declares `name` among its `space` (e.g. `topic`). */
  public declare(owner: IConstruct, space: string, name: string): void {
    const spaces = this.declared.get(owner) ?? new Map<string, Set<string>>();
    const names = spaces.get(space) ?? new Set<string>();
    names.add(name);
    spaces.set(space, names);
    this.declared.set(owner, spaces);
  }

  /**
   * Records that what `owner` has in `space` is not known (the topics of a Kafka cluster made
   * elsewhere): every name expected there is taken as declared.
   */
  public declareUnknown(owner: IConstruct, space: string): void {
    this.unknownSpaces.set(owner, new Set([...(this.unknownSpaces.get(owner) ?? []), space]));
  }

  /**
   * Records that `subject` names a `space` `name` of `owner` through `prop` (e.g. an ACL on a
   * literal topic); a warning at synth unless `owner` declares it.
   */
  public expect(subject: Subject, prop: string, owner: IConstruct, space: string, name: string, fix: string): void {
    this.expected.push({ subject, prop, owner, space, name, fix });
  }

  /** Records a warning: something that will work, but probably not as meant. Listed by {@link warnings}. */
  public warn(subject: Subject, prop: string, problem: string, value: unknown, fix: string): void {
    this.warned.push(propError(subject, prop, problem, value, fix));
  }

  /** The warnings of the app, one message each: those recorded, then those of the last {@link validate}. */
  public warnings(): string[] {
    return [...this.warned, ...this.found];
  }

  /** Every problem of the app, one message each (construct paths, what clashes, what to do). */
  public validate(): string[] {
    this.found = [];
    for (const e of this.expected) {
      const names = this.declared.get(e.owner)?.get(e.space) ?? new Set<string>();
      if (names.has(e.name) || this.unknownSpaces.get(e.owner)?.has(e.space)) continue;
      this.found.push(propError(e.subject, e.prop, `names the ${e.space} '${e.name}', which ${e.owner.node.path} does not declare (it declares ${names.size === 0 ? 'none' : [...names].sort().join(', ')})`, e.name, e.fix));
    }
    const objects = emittedObjects(this.app);
    // What operators make, asked once: the checks below all need it.
    const made = this.provided.map((p) => {
      const cluster = clusterOf(p.by).name;
      return { p, cluster, refs: p.refs().map((ref) => {
        const identity = refKey(ref);
        return { ref, identity, key: `${cluster}|${identity}` };
      }) };
    });
    const identity = this.checkIdentity(objects);
    return [
      ...identity,
      // Objects made from clashing ones clash too: report the cause only.
      ...(identity.length === 0 ? this.checkMadeOnce(objects, made) : []),
      ...this.checkReferences(objects, made),
      ...this.checkTrust(made),
      ...this.checkRoutes(),
      ...this.checkPortChain(),
      ...this.checkPodSecurity(objects),
    ];
  }

  private checkIdentity(objects: readonly Emitted[]): string[] {
    const seen = new Map<string, ApiObject>();
    const errors: string[] = [];
    for (const { object, ref, cluster, key: identity } of objects) {
      const first = seen.get(identity);
      if (first === undefined) {
        seen.set(identity, object);
        continue;
      }
      const named = this.names.get(object);
      const clash = `${describeRef(ref)}, which ${first.node.path} emits too into ${cluster.name}; Kubernetes keeps one object per API group, kind, namespace and name, so one would overwrite the other at apply`;
      errors.push(named === undefined
        ? `${describeRef(ref)} is emitted twice into ${cluster.name}: at ${first.node.path} and at ${object.node.path}; Kubernetes keeps one object per API group, kind, namespace and name, so one would overwrite the other at apply. Give one of them another name (or namespace)`
        : propError(named.subject, named.prop, `makes ${clash}`, ref.name, named.fix ?? `give one of them another ${named.prop} (or namespace)`));
    }
    return errors;
  }

  /**
   * What operators make from the app (Secrets, Services, pods) must not share an identity with
   * each other or with what the app emits: a KafkaUser named like the cluster CA Secret, two
   * Certificates writing one Secret, pods of two clusters whose names run together.
   */
  private checkMadeOnce(objects: readonly Emitted[], made: readonly Made[]): string[] {
    const seen = new Map<string, Emitted | Provided>();
    for (const o of objects) seen.set(o.key, o);
    const errors: string[] = [];
    for (const { p, cluster, refs } of made) {
      for (const { ref, key } of refs) {
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, p);
        } else if (isEmitted(first) || first.by !== p.by) {
          errors.push(`${describeRef(ref)} would be made twice in ${cluster}: by ${whatOf(first)}, and by ${p.what}; one would overwrite the other at run time. Give one of them another name (or namespace)`);
        }
      }
    }
    return errors;
  }

  private checkReferences(objects: readonly Emitted[], made: readonly Made[]): string[] {
    // Everything that exists per cluster: what is emitted, then what operators make from it.
    // By key: the identity and what emits or makes it.
    const exists = new Map<string, readonly [string, Emitted | Provided]>();
    for (const o of objects) exists.set(o.key, [o.identity, o]);
    for (const { p, refs } of made) for (const { key, identity } of refs) exists.set(key, [identity, p]);
    const errors: string[] = [];
    let byKindAndName: Map<string, Array<[string, Emitted | Provided]>> | undefined;
    // Made on first need: only a reference that does not resolve asks it.
    let strict: Set<string> | undefined;
    for (const r of this.references) {
      const cluster = clusterOf(r.subject.scope);
      if (exists.has(`${cluster.name}|${refKey(r.ref)}`)) continue;
      strict ??= new Set(this.references.filter((s) => !s.mayBeExternal).map((s) => `${s.subject.scope.node.path}|${refKey(s.ref)}`));
      if (r.mayBeExternal && strict.has(`${r.subject.scope.node.path}|${refKey(r.ref)}`)) continue;
      // Where the name does exist, for the message: another namespace, or another cluster.
      byKindAndName ??= indexByKindAndName(exists);
      const elsewhere = byKindAndName.get(kindAndName(refKey(r.ref)))?.find(([key]) => key !== `${cluster.name}|${refKey(r.ref)}`);
      const where = elsewhere === undefined ? '' : ` It exists as ${describeKey(elsewhere[0])} (${whatOf(elsewhere[1])})${r.ref.kind === 'Secret' ? '; a pod or gateway proxy reads Secrets from its own namespace, in its own cluster' : ''}.`;
      const message = propError(r.subject, r.prop, `refers to ${describeRef(r.ref)}, which nothing in ${cluster.name} emits or makes.${where}`, r.ref.name, r.fix);
      if (r.mayBeExternal && elsewhere === undefined) this.found.push(`${message} (fine if it is made outside this app)`);
      else errors.push(message);
    }
    return errors;
  }

  private checkTrust(made: readonly Made[]): string[] {
    const byKey = new Map<string, Provided>();
    for (const { p, refs } of made) for (const { key } of refs) byKey.set(key, p);
    // The CA a Secret holds, following copies to their source.
    const anchorOf = (scope: IConstruct, ref: ObjectRef, depth = 0): { anchor: string; what: string } | undefined => {
      const p = byKey.get(`${clusterOf(scope).name}|${refKey(ref)}`);
      if (p === undefined || depth > 8) return undefined;
      if (p.copyOf !== undefined) return anchorOf(p.copyOf.scope, p.copyOf.ref, depth + 1);
      return p.anchor === undefined ? undefined : { anchor: p.anchor, what: p.what };
    };
    const errors: string[] = [];
    for (const client of this.clients) {
      const address = client.address.trim().toLowerCase();
      const server = nearest(client.subject.scope, this.servers.filter((sv) => sv.addresses().some((a) => a.toLowerCase() === address)));
      if (server === undefined) continue;
      const fail = (problem: string, value: unknown, fix: string) => errors.push(propError(client.subject, client.prop, `dials ${client.address}, ${server.what}, ${problem}`, value, fix));
      if (server.trust === undefined || client.trust === undefined) {
        if (server.trust !== client.trust) {
          fail(server.trust === undefined ? 'which has no TLS, but is set up to trust a CA: the TLS handshake would fail' : 'which has TLS, but trusts no CA', client.trust?.name ?? 'none', server.trust === undefined ? 'dial a TLS listener, or drop the trusted CA' : `trust '${server.trust.name}' (key ca.crt)`);
        }
      } else {
        const certificate = server.certificate && byKey.get(`${clusterOf(server.scope).name}|${refKey(server.certificate)}`);
        const hosts = [address.replace(/:\d+$/, ''), ...(server.brokerHosts?.() ?? [])];
        const uncovered = certificate?.covers === undefined ? [] : hosts.filter((h) => !certificate.covers!(h));
        if (uncovered.length > 0) {
          fail(`whose certificate (${certificate!.what}) does not cover ${uncovered.join(', ')}${uncovered[0] === hosts[0] ? '' : ' (the brokers it advertises, which clients dial after bootstrapping)'}; TLS hostname verification would fail`, uncovered[0], `add ${uncovered.join(', ')} (or a wildcard for them) to the certificate's dnsNames`);
        }
        const expected = anchorOf(server.scope, server.trust);
        const trusted = anchorOf(client.subject.scope, client.trust);
        if (expected !== undefined && trusted !== undefined && expected.anchor !== trusted.anchor) {
          fail(`whose certificate is signed by the CA in ${describeRef(server.trust)}, but trusts the CA in ${describeRef(client.trust)} (${trusted.what}); the TLS handshake would fail`, client.trust.name, `trust '${server.trust.name}' (key ca.crt), e.g. through the listener's trustedCa`);
        }
      }
      if (client.namespace !== undefined && server.admits !== undefined && clusterOf(client.subject.scope).name === clusterOf(server.scope).name && !server.admits(client.namespace)) {
        fail(`whose NetworkPolicy (networkPolicyPeers) does not admit pods of namespace ${client.namespace}: the connection would hang`, client.namespace, `add { namespaceLabels: { 'kubernetes.io/metadata.name': '${client.namespace}' } } to the listener's networkPolicyPeers`);
      }
      const serverAuthentication = server.authentication ?? 'none';
      if (client.authentication !== undefined && client.authentication !== serverAuthentication) {
        fail(`which authenticates clients with ${serverAuthentication}, but the client authenticates with ${client.authentication}`, client.authentication, `authenticate with ${serverAuthentication}, or dial a listener that takes ${client.authentication}`);
      }
    }
    return errors;
  }

  private checkRoutes(): string[] {
    const claimed = new Map<string, GatewayRouteClaim>();
    const errors: string[] = [];
    for (const claim of this.routes) {
      const cluster = clusterOf(claim.subject.scope).name;
      const gateway = this.gateways.find((g) => clusterOf(g.scope).name === cluster && refKey(g.ref) === refKey(claim.gateway));
      const problems = gateway?.attach({ sectionName: claim.sectionName === EVERY_LISTENER ? undefined : claim.sectionName, port: claim.port, namespace: claim.namespace, hostnames: claim.hostnames(), tls: claim.tls, advertisedPort: claim.advertisedPort }) ?? [];
      if (problems.length > 0) {
        errors.push(propError(claim.subject, claim.prop, `makes routes that would not work: ${problems.join('; ')}`, `${claim.gateway.name}/${claim.sectionName}`, 'route to the Gateway listener that serves these hostnames, from a namespace it allows'));
      }
      for (const hostname of claim.hostnames()) {
        const key = `${clusterOf(claim.subject.scope).name}|${refKey(claim.gateway)}|${claim.sectionName}|${hostname.toLowerCase()}`;
        const first = claimed.get(key);
        if (first === undefined) {
          claimed.set(key, claim);
        } else if (first !== claim) {
          errors.push(propError(claim.subject, claim.prop, `routes ${hostname} on ${describeRef(claim.gateway)} listener '${claim.sectionName}', which ${first.subject.kind} '${first.subject.name}' at ${first.subject.scope.node.path} routes already; the Gateway API gives a hostname to the oldest route, so one of them would never get traffic`, hostname, 'give each cluster its own hostnames (another HostnameScheme domain), or its own Gateway listener'));
        } else {
          errors.push(propError(claim.subject, claim.prop, `routes ${hostname} more than once on ${describeRef(claim.gateway)} listener '${claim.sectionName}': every broker needs a hostname of its own, or clients reach the wrong broker`, hostname, 'use a host template with {nodeId}, e.g. broker-{nodeId}.kafka.example.com'));
        }
      }
    }
    return errors;
  }

  /** Every pod spec emitted into a namespace the app creates meets that namespace's Pod Security level. */
  private checkPodSecurity(objects: readonly Emitted[]): string[] {
    const errors: string[] = [];
    for (const { object, ref, cluster } of objects) {
      const template = POD_SPEC_PATHS[ref.kind];
      if (template === undefined || ref.namespace === undefined) continue;
      const entry = this.podSecurityLevels.get(`${cluster.name}|${ref.namespace}`);
      if (entry === undefined) continue;
      const spec = template.reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object.toJson()) as PodSpecFields | undefined;
      const problems = spec === undefined ? [] : podSecurityProblems(spec, entry.level);
      if (problems.length > 0) {
        errors.push(`${describeRef(ref)} at ${object.node.path} has pods that Pod Security admission rejects in namespace ${ref.namespace} (enforce: ${entry.level}): ${problems.join('; ')}. Set the restricted security context (numeric non-root user, no privilege escalation, capabilities dropped, RuntimeDefault seccomp), or lower the namespace's level with ConsistencyPass.podSecurity(scope, namespace, level, reason)`);
      }
    }
    return errors;
  }

  private checkPortChain(): string[] {
    const errors: string[] = [];
    const taken = new Map<string, { readonly subject: Subject; readonly prop: string }>();
    for (const use of this.nodePorts) {
      // A node port belongs to one Service of the whole Kubernetes cluster.
      const key = `${clusterOf(use.subject.scope).name}|${use.nodePort}`;
      const first = taken.get(key);
      if (first !== undefined && (first.subject.scope !== use.subject.scope || first.prop !== use.prop)) {
        errors.push(propError(use.subject, use.prop, `pins node port ${use.nodePort}, which ${first.subject.kind} '${first.subject.name}' at ${first.subject.scope.node.path} pins too (${first.prop}); the API server gives a node port to one Service ("provided port is already allocated")`, use.nodePort, 'give each Service its own node port'));
      }
      taken.set(key, use);
    }
    // The KIND clusters of one environment run on one machine, which publishes a host port once.
    // (Environments of one app are alternatives, e.g. the examples: each is brought up alone.)
    const hostPortOwners = new Map<string, IConstruct>();
    for (const [cluster, ports] of this.hostPorts) {
      for (const hostPort of ports.values()) {
        const key = `${cluster.node.scope?.node.path}|${hostPort}`;
        const other = hostPortOwners.get(key);
        if (other !== undefined && other !== cluster) {
          errors.push(`The KIND clusters at ${other.node.path} and ${cluster.node.path} both publish host port ${hostPort}; one machine publishes a port once (docker: "port is already allocated"). Give each KIND cluster its own host ports (KindCluster portMappings)`);
        }
        hostPortOwners.set(key, cluster);
      }
    }
    for (const gateway of this.nodePortGateways) {
      // Undefined: a cluster clients reach on its nodes' own ports (not KIND), where a node port is reachable as it is.
      const published = this.hostPorts.get(clusterOf(gateway.subject.scope).key);
      if (published === undefined) continue;
      const hostPort = published.get(gateway.nodePort);
      if (hostPort === undefined) {
        const publishes = published.size === 0 ? 'it publishes none' : `it publishes ${[...published].map(([n, h]) => `${n}→${h}`).join(', ')}`;
        errors.push(propError(gateway.subject, 'gatewayClass', `puts the Gateway on node port ${gateway.nodePort}, which the cluster does not publish on any host port (${publishes}), so clients outside cannot reach it`, gateway.nodePort, `publish node port ${gateway.nodePort} (KIND portMappings: { containerPort: ${gateway.nodePort}, hostPort: <the port clients use> })`));
      } else if (gateway.externalPort !== hostPort) {
        errors.push(propError(gateway.subject, 'externalPort', `is not the host port (${hostPort}) the cluster publishes the Gateway's node port ${gateway.nodePort} on, so brokers would advertise a port clients cannot reach`, gateway.externalPort, `set it to ${hostPort}, or leave it unset and attach the KIND cluster before creating the Gateway (it then defaults to the host port)`));
      }
    }
    return errors;
  }
}

/**
 * The server a client at `scope` reaches among those that answer to its address: the one whose
 * construct path shares the longest prefix with the client's (the same cluster, else the same
 * environment); undefined when none does, or two are equally near (one app may hold several
 * environments with the same hostnames).
 */
function nearest(scope: IConstruct, servers: readonly TlsServer[]): TlsServer | undefined {
  const shared = (other: IConstruct) => {
    const a = scope.node.scopes;
    const b = other.node.scopes;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const ranked = servers.map((server) => ({ server, depth: shared(server.scope) })).sort((x, y) => y.depth - x.depth);
  return ranked.length === 0 || (ranked.length > 1 && ranked[0].depth === ranked[1].depth) ? undefined : ranked[0].server;
}

/** The `sectionName` of a route that names no Gateway listener: it attaches to every listener it fits. */
export const EVERY_LISTENER = '(every listener)';

const PASSES = new WeakMap<IConstruct, ConsistencyPass>();
const CLUSTERS = new WeakSet<Chart>();

/** Marks `chart` as a Kubernetes cluster of its own (an Environment's cluster). */
export function markCluster(chart: Chart): void {
  CLUSTERS.add(chart);
}

/** The name of each cluster, made once (the pass asks for the cluster of every fact, often more than once). */
const CLUSTER_NAMES = new WeakMap<Chart, string>();

/**
 * The cluster a construct's objects go to: the nearest cluster chart at or above it (charts nested
 * in a cluster's chart are that cluster's), else the app's one cluster.
 */
function clusterOf(scope: IConstruct): { key: IConstruct; name: string } {
  let chart: IConstruct | undefined = scope;
  while (chart !== undefined && !(Chart.isChart(chart) && CLUSTERS.has(chart))) chart = chart.node.scope;
  if (chart === undefined) return { key: App.of(scope), name: 'the app' };
  let name = CLUSTER_NAMES.get(chart as Chart);
  if (name === undefined) {
    name = `cluster '${chart.node.id}' (${chart.node.path})`;
    CLUSTER_NAMES.set(chart as Chart, name);
  }
  return { key: chart, name };
}

/**
 * Why `a` and `b` are in different Kubernetes clusters, or undefined when they are in one or it
 * cannot be known: two cluster charts of one environment are two clusters; charts of different
 * environments may well be one cluster (a team's environment on the platform's cluster).
 */
export function differentKubernetesClusters(a: IConstruct, b: IConstruct): string | undefined {
  const [ca, cb] = [clusterOf(a), clusterOf(b)];
  if (ca.key === cb.key || !Chart.isChart(ca.key) || !Chart.isChart(cb.key) || ca.key.node.scope !== cb.key.node.scope) return undefined;
  return `${ca.name} and ${cb.name} are two Kubernetes clusters of one environment`;
}

let registry: SchemaRegistry | undefined;

/** Whether objects of `group/kind` live in a namespace; unknown kinds are taken to. */
function namespaced(group: string, kind: string): boolean {
  const key = `${group}/${kind}`;
  let result = SCOPES.get(key);
  if (result === undefined) {
    registry ??= new SchemaRegistry();
    result = registry.kind(group, kind)?.namespaced ?? true;
    SCOPES.set(key, result);
  }
  return result;
}

const SCOPES = new Map<string, boolean>();

/** The identity of an object: group, kind, namespace (`default` when unset, none when cluster-scoped) and name. */
function refKey(ref: ObjectRef): string {
  const group = ref.group === 'core' ? '' : ref.group;
  const namespace = namespaced(group, ref.kind) ? `${ref.namespace ?? 'default'}/` : '';
  return `${group}/${ref.kind} ${namespace}${ref.name}`;
}

function splitKey(key: string): [string, string] {
  const bar = key.lastIndexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}

/** An identity without its namespace: group, kind and name. */
function kindAndName(identity: string): string {
  return identity.replace(/ ([^/ ]+\/)?([^/ ]+)$/, ' $2');
}

/** The entries of `exists` (keys `cluster|identity`, values the identity and what emits or makes it) by group, kind and name. */
function indexByKindAndName<T>(exists: ReadonlyMap<string, readonly [string, T]>): Map<string, Array<[string, T]>> {
  const index = new Map<string, Array<[string, T]>>();
  for (const [key, [identity, source]] of exists) {
    // What follows the key's last '|': the identity itself unless it holds a '|' (splitting the key is the slow part).
    const byKind = kindAndName(identity.includes('|') ? splitKey(key)[1] : identity);
    const list = index.get(byKind) ?? [];
    list.push([key, source]);
    index.set(byKind, list);
  }
  return index;
}

function describeKey(key: string): string {
  const [cluster, identity] = splitKey(key);
  return `${identity.replace(/^[^ ]*\//, '')} in ${cluster}`;
}

function describeRef(ref: ObjectRef): string {
  const group = ref.group === '' || ref.group === 'core' ? '' : ` (${ref.group})`;
  return `${ref.kind}${group} '${ref.namespace !== undefined && namespaced(ref.group, ref.kind) ? `${ref.namespace}/` : ''}${ref.name}'`;
}

interface Emitted {
  readonly object: ApiObject;
  readonly ref: ObjectRef;
  readonly cluster: { key: IConstruct; name: string };
  /** The object's identity (group, kind, namespace and name). */
  readonly identity: string;
  /** `cluster|identity`, the key of the checks' maps. */
  readonly key: string;
}

/** What operators make from one fact of {@link ConsistencyPass.provide}, in its cluster, with each object's key. */
interface Made {
  readonly p: Provided;
  readonly cluster: string;
  readonly refs: ReadonlyArray<{ readonly ref: ObjectRef; readonly identity: string; readonly key: string }>;
}

function emittedObjects(app: IConstruct): Emitted[] {
  return app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((object) => {
    const ref = { group: object.apiGroup, kind: object.kind, namespace: object.metadata.namespace, name: object.name };
    const cluster = clusterOf(object);
    const identity = refKey(ref);
    return { object, ref, cluster, identity, key: `${cluster.name}|${identity}` };
  });
}

function isEmitted(x: Emitted | Provided): x is Emitted {
  return 'object' in x;
}

/** What emits or makes an object, for messages (made only for a message: a construct path costs a walk up the tree). */
function whatOf(x: Emitted | Provided): string {
  return isEmitted(x) ? `${x.ref.kind} at ${x.object.node.path}` : x.what;
}

