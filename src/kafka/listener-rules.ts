import { propError, Subject, throwPropError } from '../core/errors';
import { isHostname } from '../core/hostnames';
import { checkLabels, checkName, checkNamespace, isCidr, NameFormat } from '../core/naming';
import { KafkaListener, ListenerAuthenticationType, ListenerType } from './listener';

/**
 * Strimzi's rules for listeners (cluster-operator `ListenersValidator`), checked when a listener
 * is added so that the error points at the `addListener()` call, not at a Kafka resource the
 * operator marks NotReady later.
 */

const NAME = /^[a-z0-9]{1,11}$/;
/** Ports Strimzi keeps for itself: control plane, replication, metrics, JMX (and anything below 9092). */
const RESERVED_PORTS = new Set([9090, 9091, 9404, 9999]);
/** Types whose routes (Route, Ingress, TLSRoute) have hosts. */
const HOSTED_TYPES = [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLSROUTE];
/** Types that pass TLS through by SNI and so need it; a tlsroute may also end TLS at the Gateway. */
const TLS_ONLY_TYPES = [ListenerType.ROUTE, ListenerType.INGRESS];
const NODE_PORT_TYPES = [ListenerType.NODEPORT, ListenerType.LOADBALANCER];
const NODE_PORT = { min: 30000, max: 32767 };

export interface ListenerCheck extends Subject {
  readonly listener: KafkaListener;
  readonly others: readonly KafkaListener[];
}

export function checkListener(check: ListenerCheck): void {
  const { listener: l, others } = check;
  const o = l.options;
  const prop = (field: string) => `listeners['${l.name}'].${field}`;
  const fail = (field: string, problem: string, value: unknown, fix: string): never => throwPropError(check, field === '' ? `listeners['${l.name}']` : prop(field), problem, value, fix);

  if (!NAME.test(l.name)) fail('name', 'must be 1-11 lowercase letters or digits (Strimzi derives Service names from it)', l.name, "rename it, e.g. 'tls' or 'external'");
  if (others.some((x) => x.name === l.name)) fail('name', 'is already used by another listener', l.name, 'give each listener its own name');
  if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535 || RESERVED_PORTS.has(l.port)) {
    fail('port', 'must be a port from 9092 to 65535, not 9404 (metrics) or 9999 (JMX); Strimzi uses 9090 and 9091 itself', l.port, 'use 9092-9098, one per listener');
  }
  const clash = others.find((x) => x.port === l.port);
  if (clash) fail('port', `is already used by listener '${clash.name}'`, l.port, 'give each listener its own port');

  if (!l.tls) {
    if (l.authentication.type === ListenerAuthenticationType.TLS) fail('tls', 'is false, but tls (mutual TLS) authentication needs TLS encryption', false, 'set tls: true or use ListenerAuthentication.scramSha512()');
    if (o.brokerCertificate) fail('tls', 'is false, but a brokerCertificate is set', false, 'set tls: true or drop the brokerCertificate');
    if (TLS_ONLY_TYPES.includes(l.type)) fail('tls', `is false, but ${l.type} listeners pass TLS through by SNI and need it`, false, 'set tls: true');
  }

  const only = (field: string, value: unknown, types: ListenerType[]) => {
    if (value !== undefined && !types.includes(l.type)) fail(field, `only applies to ${types.join(' or ')} listeners, not ${l.type}`, value, `remove it or change the listener type`);
  };
  only('bootstrapNodePort', o.bootstrapNodePort, NODE_PORT_TYPES);
  only('bootstrapHost', o.bootstrapHost, HOSTED_TYPES);
  only('hostTemplate', o.hostTemplate, HOSTED_TYPES);
  only('parentRefs', o.parentRefs, [ListenerType.TLSROUTE]);
  only('className', o.className, [ListenerType.INGRESS, ListenerType.LOADBALANCER]);
  only('loadBalancerSourceRanges', o.loadBalancerSourceRanges, [ListenerType.LOADBALANCER]);
  (o.loadBalancerSourceRanges ?? []).forEach((cidr, i) => {
    if (!isCidr(cidr)) fail(`loadBalancerSourceRanges[${i}]`, 'is not an IPv4 or IPv6 CIDR', cidr, "use e.g. '203.0.113.0/24'");
  });
  if (o.loadBalancerSourceRanges !== undefined && o.loadBalancerSourceRanges.length === 0) {
    fail('loadBalancerSourceRanges', 'is empty, which Kubernetes reads as every address', [], 'list the CIDRs clients come from, or leave it unset');
  }
  const exposed = Object.values(ListenerType).filter((t) => t !== ListenerType.INTERNAL);
  only('advertisedHostTemplate', o.advertisedHostTemplate, exposed);
  only('advertisedPortTemplate', o.advertisedPortTemplate, exposed);

  if (o.brokerCertificate !== undefined) {
    checkName(check, prop('brokerCertificate.secretName'), o.brokerCertificate.secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Secret', example: 'kafka-tls' });
    for (const key of ['certificate', 'key', 'caCertificate'] as const) {
      const value = o.brokerCertificate[key];
      if (value !== undefined) checkName(check, prop(`brokerCertificate.${key}`), value, { format: NameFormat.DATA_KEY, use: 'it is a key of the Secret', example: key === 'key' ? 'tls.key' : key === 'caCertificate' ? 'ca.crt' : 'tls.crt' });
    }
  }
  // Strimzi: "If this field is empty or missing, all connections will be allowed" (GenericKafkaListener.networkPolicyPeers).
  if (o.networkPolicyPeers !== undefined && o.networkPolicyPeers.length === 0) {
    fail('networkPolicyPeers', 'is empty, which Strimzi reads as "everyone may connect", not "nobody"', [], 'leave it unset to admit everyone, or list the peers that may connect');
  }
  (o.networkPolicyPeers ?? []).forEach((peer, i) => {
    if (peer.namespaceLabels !== undefined && Object.keys(peer.namespaceLabels).length === 0 && (peer.podLabels === undefined || Object.keys(peer.podLabels).length === 0)) {
      fail(`networkPolicyPeers[${i}].namespaceLabels`, 'are empty and there are no pod labels: that selects every pod of every namespace', peer, 'name the namespace labels (e.g. { \'kubernetes.io/metadata.name\': \'apps\' }), or the pod labels');
    }
    if (peer.anyone === true && (o.networkPolicyPeers!.length > 1 || peer.podLabels !== undefined || peer.namespaceLabels !== undefined || peer.cidr !== undefined)) {
      fail(`networkPolicyPeers[${i}].anyone`, 'admits everyone, so no other peer or selector means anything beside it', o.networkPolicyPeers, 'use [{ anyone: true }] alone, or list the peers');
    }
    const set = [peer.podLabels, peer.namespaceLabels, peer.cidr, peer.anyone === true ? true : undefined].filter((x) => x !== undefined).length;
    if (set === 0) fail(`networkPolicyPeers[${i}]`, 'sets nothing, which a NetworkPolicy reads as every source', peer, 'set podLabels, namespaceLabels or cidr');
    if (peer.cidr !== undefined && (peer.podLabels !== undefined || peer.namespaceLabels !== undefined)) fail(`networkPolicyPeers[${i}].cidr`, 'cannot be combined with labels in one peer (a NetworkPolicy peer is an ipBlock or selectors)', peer.cidr, 'make two peers');
    if (peer.cidr !== undefined && !isCidr(peer.cidr)) fail(`networkPolicyPeers[${i}].cidr`, 'is not an IPv4 or IPv6 CIDR', peer.cidr, "use e.g. '10.0.0.0/8'");
    checkLabels(check, prop(`networkPolicyPeers[${i}].podLabels`), peer.podLabels);
    checkLabels(check, prop(`networkPolicyPeers[${i}].namespaceLabels`), peer.namespaceLabels);
  });
  (o.parentRefs ?? []).forEach((p, i) => {
    if (p.port !== undefined && !isPort(p.port)) fail(`parentRefs[${i}].port`, 'must be a port from 1 to 65535', p.port, "use the Gateway listener's port, or leave it unset");
    checkName(check, prop(`parentRefs[${i}].name`), p.name, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Gateway', example: 'kafka-gateway' });
    if (p.namespace !== undefined) checkNamespace(check, prop(`parentRefs[${i}].namespace`), p.namespace);
  });
  if (o.advertisedPortTemplate !== undefined && !isPortTemplate(o.advertisedPortTemplate)) {
    fail('advertisedPortTemplate', "is not a port or arithmetic on {nodeId} with + - * and parentheses (Strimzi ListenersUtils.renderPortTemplate)", o.advertisedPortTemplate, "use e.g. '9094' or '30000 + {nodeId}'");
  }
  if (o.advertisedPortTemplate !== undefined && /^\d+$/.test(o.advertisedPortTemplate.trim()) && !isPort(Number(o.advertisedPortTemplate))) {
    fail('advertisedPortTemplate', 'must be a port from 1 to 65535', o.advertisedPortTemplate, 'use the port clients reach the brokers on');
  }
  const hostProps: Array<[string, string | undefined, boolean]> = [
    ['bootstrapHost', o.bootstrapHost, false],
    ['hostTemplate', o.hostTemplate, false],
    ['advertisedHostTemplate', o.advertisedHostTemplate, true],
    ...(o.bootstrapAlternativeNames ?? []).map((h, i): [string, string, boolean] => [`bootstrapAlternativeNames[${i}]`, h, true]),
    ...(o.brokers ?? []).flatMap((b, i): Array<[string, string | undefined, boolean]> => [[`brokers[${i}].host`, b.host, false], [`brokers[${i}].advertisedHost`, b.advertisedHost, true]]),
  ];
  for (const [field, host, ipAllowed] of hostProps) {
    if (host === undefined) continue;
    const rendered = host.replace('{nodeId}', '0').replace('{nodePodName}', 'pod-0');
    if (!isHostname(rendered) && !(ipAllowed && isIp(rendered))) {
      fail(field, `is not a DNS name of lowercase labels${ipAllowed ? ' or an IP address' : ''}`, host, "use e.g. 'broker-{nodeId}.kafka.example.com'");
    }
  }
  const nodePorts = [o.bootstrapNodePort, ...(o.brokers ?? []).map((b) => b.nodePort)].filter((p): p is number => p !== undefined);
  const dupPort = nodePorts.find((p, i) => nodePorts.indexOf(p) !== i);
  if (dupPort !== undefined) fail('brokers', `use node port ${dupPort} twice (with the bootstrap or another broker); each needs its own`, dupPort, 'give the bootstrap and each broker their own node port');

  const brokers = o.brokers ?? [];
  const seen = new Set<number>();
  brokers.forEach((b, i) => {
    if (!Number.isInteger(b.nodeId) || b.nodeId < 0) fail(`brokers[${i}].nodeId`, 'must be a node id, a whole number >= 0', b.nodeId, 'use an id of a broker (KafkaNodePool.nodeIds)');
    if (seen.has(b.nodeId)) fail(`brokers[${i}].nodeId`, 'is listed twice', b.nodeId, 'list each broker once');
    seen.add(b.nodeId);
    only(`brokers[${i}].nodePort`, b.nodePort, NODE_PORT_TYPES);
    only(`brokers[${i}].host`, b.host, HOSTED_TYPES);
    if (b.nodePort !== undefined && (b.nodePort < NODE_PORT.min || b.nodePort > NODE_PORT.max)) {
      fail(`brokers[${i}].nodePort`, `must be in the NodePort range ${NODE_PORT.min}-${NODE_PORT.max}`, b.nodePort, 'pick a port in that range');
    }
    if (b.advertisedPort !== undefined && (!Number.isInteger(b.advertisedPort) || b.advertisedPort < 1 || b.advertisedPort > 65535)) {
      fail(`brokers[${i}].advertisedPort`, 'must be a port from 1 to 65535', b.advertisedPort, 'use the port clients connect to');
    }
  });
  if (o.bootstrapNodePort !== undefined && (o.bootstrapNodePort < NODE_PORT.min || o.bootstrapNodePort > NODE_PORT.max)) {
    fail('bootstrapNodePort', `must be in the NodePort range ${NODE_PORT.min}-${NODE_PORT.max}`, o.bootstrapNodePort, 'pick a port in that range');
  }

  if (l.type === ListenerType.INGRESS || l.type === ListenerType.TLSROUTE) {
    if (o.bootstrapHost === undefined) fail('bootstrapHost', `is required for ${l.type} listeners (the bootstrap route's host)`, undefined, 'set the bootstrap hostname, e.g. bootstrap.kafka.example.com');
    if (o.hostTemplate === undefined && !brokers.some((b) => b.host !== undefined)) {
      fail('hostTemplate', `is required for ${l.type} listeners unless every broker has a host`, undefined, "set e.g. 'broker-{nodeId}.kafka.example.com'");
    }
  }
  if (l.type === ListenerType.TLSROUTE && (o.parentRefs ?? []).length === 0) {
    fail('parentRefs', 'are required for tlsroute listeners: the Gateway the TLSRoutes attach to', o.parentRefs ?? [], 'name the Gateway (and its TLS passthrough listener as sectionName)');
  }
}

/**
 * Strimzi's rules that depend on the brokers, which can still be added after the listener:
 * without a `hostTemplate`, every broker of an ingress or tlsroute listener needs its own
 * `brokers[].host` (`ListenersValidator.validateIngress` / `validateTlsRoute`: "is missing a
 * broker host property for broker with ID ..."). Checked at synth; one message per listener.
 */
export function listenerBrokerProblems(subject: Subject, listener: KafkaListener, brokerNodeIds: readonly number[]): string[] {
  const o = listener.options;
  const problems: string[] = [];
  // A template without a placeholder gives every broker one host: clients reach one broker for all.
  for (const field of ['hostTemplate', 'advertisedHostTemplate'] as const) {
    const template = o[field];
    if (template !== undefined && brokerNodeIds.length > 1 && !/\{(nodeId|nodePodName)\}/.test(template)) {
      problems.push(propError(subject, `listeners['${listener.name}'].${field}`, `gives all ${brokerNodeIds.length} brokers one host: it has neither {nodeId} nor {nodePodName}`, template, "use e.g. 'broker-{nodeId}.kafka.example.com'"));
    }
    if (template !== undefined) {
      const bad = brokerNodeIds.map((id) => template.replace('{nodeId}', String(id))).find((h) => !h.includes('{') && !isHostname(h) && !(field === 'advertisedHostTemplate' && isIp(h)));
      if (bad !== undefined) problems.push(propError(subject, `listeners['${listener.name}'].${field}`, `gives ${JSON.stringify(bad)}, which is not a DNS name (each label at most 63 characters, the name at most 253)`, template, 'use shorter labels or a shorter domain'));
    }
  }
  const hosts = (o.brokers ?? []).filter((b) => b.host !== undefined).map((b) => b.host!);
  const sameHost = hosts.find((h, i) => hosts.indexOf(h) !== i);
  if (sameHost !== undefined) problems.push(propError(subject, `listeners['${listener.name}'].brokers`, `give two brokers the host ${sameHost}; each broker needs its own`, sameHost, 'give each broker its own host'));
  return [...problems, ...brokerHostProblems(subject, listener, brokerNodeIds)];
}

function brokerHostProblems(subject: Subject, listener: KafkaListener, brokerNodeIds: readonly number[]): string[] {
  const o = listener.options;
  if ((listener.type !== ListenerType.INGRESS && listener.type !== ListenerType.TLSROUTE) || o.hostTemplate !== undefined) return [];
  const hosted = new Set((o.brokers ?? []).filter((b) => b.host !== undefined).map((b) => b.nodeId));
  const missing = brokerNodeIds.filter((id) => !hosted.has(id));
  if (missing.length === 0) return [];
  return [propError(subject, `listeners['${listener.name}'].brokers`, `give no host for broker${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; Strimzi rejects a ${listener.type} listener where any broker lacks one`, [...hosted], "set hostTemplate (e.g. 'broker-{nodeId}.kafka.example.com'), or a brokers[].host for every broker")];
}

function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * Whether `template` is what Strimzi's `ListenersUtils.renderPortTemplate` evaluates: a whole
 * number, or `{nodeId}` and numbers joined by `+`, `-` and `*`, with parentheses.
 */
export function isPortTemplate(template: string): boolean {
  const tokens = template.replace(/\{nodeId\}/g, ' 1 ').match(/\d+|[-+*()]|\S/g) ?? [];
  let i = 0;
  const operand = (): boolean => {
    if (tokens[i] === '(') {
      i++;
      if (!expression() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    return /^\d+$/.test(tokens[i++] ?? '');
  };
  const expression = (): boolean => {
    if (!operand()) return false;
    while (['+', '-', '*'].includes(tokens[i])) {
      i++;
      if (!operand()) return false;
    }
    return true;
  };
  return expression() && i === tokens.length;
}

/** Whether `address` is an IPv4 or IPv6 address (no brackets). */
function isIp(address: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(address) || (address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address));
}
