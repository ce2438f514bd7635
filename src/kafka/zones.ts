import { Construct } from 'constructs';
import { ConsistencyPass } from '../core/consistency';
import { propError, Subject, throwPropError } from '../core/errors';
import { isName, NameFormat } from '../core/naming';
import { constructId } from '../core/props';
import { INodePoolParent, KafkaNodeOptions, KafkaNodePool, NodeIdRange, NodeRole } from './node-pool';

/**
 * Node pools pinned to availability zones: one `KafkaNodePool` per zone, each required onto the
 * nodes of its zone, and the rules that make a zone loss survivable, checked at synth:
 *
 * - brokers are racks: with rack awareness Strimzi sets `broker.rack` from the node's
 *   `rackTopologyKey` label (its init container reads the node), and Kafka's controller places the
 *   replicas of a new partition round-robin over racks (`StripedReplicaPlacer.RackList.place`,
 *   kafka-metadata 4.3.1), so with Z zones of equal size one zone holds at most ceil(RF/Z)
 *   replicas of a partition;
 * - a zone loss must leave min.insync.replicas in sync, or acks=all producers fail with
 *   NotEnoughReplicas (`Partition.appendRecordsToLeader`): RF − (most replicas in one zone) ≥ M;
 * - controllers pinned to zones must keep a majority of the KRaft voters when a zone goes
 *   (`CandidateState.majoritySize`: voters / 2 + 1).
 */

/** One zone of {@link KafkaZonedNodeOptions.zones}, with what differs in it. */
export interface NodePoolZone {
  /**
   * The zone: the value of the cluster's `rackTopologyKey` node label (a label value, e.g.
   * `eu-west-1a`). The pool's pods are required onto nodes with that label value.
   */
  readonly zone: string;
  /**
   * The pool's name (`metadata.name`), part of every pod and per-broker Service name: keep it
   * when zones are added, removed or reordered, or Strimzi replaces the pool and its pods.
   * @default - the group's name, '-' and the zone's last '-'-separated part, lower-cased
   * (`broker-1a` for `eu-west-1a`, `broker-b` for `europe-west1-b`)
   */
  readonly name?: string;
  /**
   * How many nodes run in this zone.
   * @default - `replicasPerZone`
   */
  readonly replicas?: number;
  /**
   * The node ids of this zone's pool, disjoint from every other pool's.
   * @default - the next free block of 100 ids, in the order pools are added
   */
  readonly nodeIds?: NodeIdRange;
}

/**
 * The nodes of one role: one pool (`replicas`), or one pool per zone (`zones` with
 * `replicasPerZone`), each pinned to its zone. The other options apply to every pool.
 */
export interface KafkaZonedNodeOptions extends KafkaNodeOptions {
  /**
   * One pool per zone, each pinned to its zone: its pods are required onto nodes whose
   * `rackTopologyKey` label (default `topology.kubernetes.io/zone`) has the zone's value, through
   * the pool's `template.pod.affinity`. A zone is its label value, or a {@link NodePoolZone}
   * that names its pool, size or node ids. Append zones, never reorder them, unless every zone
   * has its own `nodeIds`: the default id blocks follow the order. With zones, `replicas` and
   * `nodeIds` are rejected (they count one pool): use `replicasPerZone` and per-zone `nodeIds`.
   * At synth, a production cluster must survive the loss of any one zone (see `KafkaCluster`).
   * @default - one pool, not pinned (spread over zones by a best-effort topology spread)
   */
  readonly zones?: (string | NodePoolZone)[];
  /**
   * How many nodes each zone runs, with `zones`.
   * @default 1
   */
  readonly replicasPerZone?: number;
}

/** Options of `KafkaCluster.addZonePools()`. */
export interface KafkaZonePoolsOptions extends KafkaZonedNodeOptions {
  /** What the nodes do: controllers, brokers, or both. */
  readonly roles: NodeRole[];
  /** The zones, one pool each (see {@link KafkaZonedNodeOptions.zones}). */
  readonly zones: (string | NodePoolZone)[];
  /**
   * The first part of the pool names: `<name>-<zone suffix>` unless a zone names its pool.
   * @default - the id, lower-cased
   */
  readonly name?: string;
}

/**
 * The pool name part of a zone: its last '-'-separated part, lower-cased (`eu-west-1a` → `1a`,
 * `europe-west1-b` → `b`, `westeurope-1` → `1`). It depends on the zone alone, so adding or
 * removing zones never renames another zone's pool.
 */
export function zoneSuffix(zone: string): string {
  return zone.slice(zone.lastIndexOf('-') + 1).toLowerCase();
}

/**
 * @internal Makes one pool per zone under a construct `id` of `cluster` (ids: the zones), checked
 * at once: zones are non-empty label values, named pools valid and distinct, `replicas` and
 * `nodeIds` (one pool's) not given; warns when the zones' pools differ in size. `prop` names the
 * options in messages (`brokers`, `addZonePools('Racks')`).
 */
export function addZonePools(cluster: INodePoolParent & Construct, subject: Subject, id: string, prop: string, options: KafkaZonePoolsOptions): KafkaNodePool[] {
  const { zones, replicasPerZone, roles, name, ...common } = options;
  if (common.replicas !== undefined) {
    throwPropError(subject, `${prop}.replicas`, 'counts the nodes of one pool, and zones make one pool per zone', common.replicas, `set replicasPerZone: ${common.replicas} (nodes per zone), or give a zone its own: { zone: 'eu-west-1a', replicas: 2 }`);
  }
  if (common.nodeIds !== undefined) {
    throwPropError(subject, `${prop}.nodeIds`, 'is one range, and zones make one pool per zone, each with its own range', common.nodeIds.toString(), "give each zone its range: { zone: 'eu-west-1a', nodeIds: NodeIdRange.of(100, 199) }, or leave them to the next free blocks of 100");
  }
  if (!Array.isArray(zones) || zones.length === 0) {
    throwPropError(subject, `${prop}.zones`, 'must list at least one zone', zones, "list the zones, e.g. ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']");
  }
  const perZone = replicasPerZone ?? 1;
  if (!Number.isInteger(perZone) || perZone < 1) {
    throwPropError(subject, `${prop}.replicasPerZone`, 'must be a whole number >= 1', perZone, 'set the nodes each zone runs, e.g. 1 or 2; leave a zone out instead of 0');
  }
  const prefix = name ?? id.toLowerCase();
  const entries = zones.map((z) => (typeof z === 'string' ? { zone: z } : z));
  const names: string[] = [];
  entries.forEach((entry, i) => {
    const at = `${prop}.zones[${i}]`;
    const zone = entry.zone;
    if (typeof zone !== 'string' || zone === '' || !isName(zone, NameFormat.LABEL_VALUE)) {
      throwPropError(subject, at, "must be a zone: the value of the nodes' zone label, at most 63 alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric", zone, "use the label's value, e.g. 'eu-west-1a' (kubectl get nodes -L topology.kubernetes.io/zone)");
    }
    const first = entries.findIndex((e) => e.zone === zone);
    if (first !== i) throwPropError(subject, at, `repeats zones[${first}]: each zone has one pool`, zone, `remove it, or raise replicasPerZone (or that zone's replicas)`);
    const poolName = entry.name ?? `${prefix}-${zoneSuffix(zone)}`;
    if (entry.name === undefined && !isName(poolName, NameFormat.DNS1123_LABEL)) {
      throwPropError(subject, at, `makes the pool name '${poolName}' (the name, '-' and the zone's last '-'-separated part), which is not a DNS-1123 label`, zone, `name the pool: { zone: '${zone}', name: '${prefix}-a' }`);
    }
    const clash = names.indexOf(poolName);
    if (clash >= 0) {
      throwPropError(subject, at, `makes the pool name '${poolName}', as zones[${clash}] '${entries[clash].zone}' does (the pool name ends with the zone's last '-'-separated part)`, zone, `name the pools: { zone: '${zone}', name: '${prefix}-${toLabelPart(zone)}' }`);
    }
    names.push(poolName);
  });
  const group = new Construct(cluster, constructId('KafkaNodePool', cluster, id));
  const pools = entries.map((entry, i) => new KafkaNodePool(group, entry.zone, {
    ...common,
    roles,
    name: names[i],
    zone: entry.zone,
    replicas: entry.replicas ?? perZone,
    ...(entry.nodeIds !== undefined && { nodeIds: entry.nodeIds }),
    cluster,
  }));
  if (new Set(pools.map((p) => p.replicas)).size > 1) {
    ConsistencyPass.of(cluster).warn(subject, `${prop}.zones`,
      `have pools of unequal size (${pools.map((p) => `${p.zone}: ${p.replicas}`).join(', ')}): Kafka's rack-aware placement gives every zone a replica of nearly every partition whatever its size (StripedReplicaPlacer: "racks are supposed to be about the same size -- if they aren't, this is a user error"), so the nodes of the smaller zones carry more partitions, disk and traffic`,
      entries.map((e) => e.zone),
      'give every zone the same number of nodes (replicasPerZone); when scaling, add one node per zone');
  }
  return pools;
}

/** A zone as a DNS label part, for a suggested pool name: lower-cased, other characters as '-'. */
function toLabelPart(zone: string): string {
  return zone.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'zone';
}

/**
 * The most replicas of one partition that Kafka's controller can place in one rack, for racks of
 * `sizes` brokers (all unfenced): `StripedReplicaPlacer.RackList.place` takes racks round-robin
 * from a starting offset, skipping a rack whose brokers this partition already uses, so every
 * offset is tried. With Z racks of equal size this is ceil(rf / Z). `rf` at most the brokers.
 */
export function maxReplicasInOneZone(rf: number, sizes: readonly number[]): number {
  let worst = 0;
  for (let offset = 0; offset < sizes.length; offset++) {
    const used = sizes.map(() => 0);
    for (let placed = 0, i = offset, left = sizes.reduce((a, b) => a + b, 0); placed < rf && left > 0; i = (i + 1) % sizes.length) {
      if (used[i] < sizes[i]) {
        used[i]++;
        placed++;
        left--;
      }
    }
    worst = Math.max(worst, ...used);
  }
  return worst;
}

/** Brokers (or controllers) per zone of the pinned pools, and how many run in pools pinned nowhere. */
interface Racks {
  readonly zones: ReadonlyMap<string, number>;
  readonly unpinned: number;
  readonly unpinnedPools: readonly string[];
}

function racksOf(pools: readonly KafkaNodePool[]): Racks {
  const zones = new Map<string, number>();
  let unpinned = 0;
  const unpinnedPools: string[] = [];
  for (const pool of pools) {
    if (pool.zone === undefined) {
      unpinned += pool.replicas;
      unpinnedPools.push(pool.poolName);
    } else {
      zones.set(pool.zone, (zones.get(pool.zone) ?? 0) + pool.replicas);
    }
  }
  return { zones, unpinned, unpinnedPools };
}

/**
 * The most replicas of a partition of `rf` replicas that one zone can hold (see
 * {@link maxReplicasInOneZone}); nodes of unpinned pools may run anywhere, so they are counted in
 * whichever zone (or a zone of their own) is worst.
 */
function worstZoneShare(rf: number, racks: Racks): number {
  const sizes = [...racks.zones.values()];
  const scenarios = racks.unpinned === 0 ? [sizes] : [...sizes.map((_, i) => sizes.map((s, j) => (i === j ? s + racks.unpinned : s))), [...sizes, racks.unpinned]];
  return Math.max(...scenarios.map((s) => maxReplicasInOneZone(rf, s)));
}

/**
 * @internal How many of a partition's `rf` replicas one zone can hold in a cluster whose broker
 * pools are pinned to zones, or undefined when no broker pool is pinned, rack awareness is off
 * (the cluster check reports it), or `rf` exceeds the brokers.
 */
export function zoneShare(pools: readonly KafkaNodePool[], rackAwareness: boolean, rf: number): { readonly worst: number; readonly zones: number } | undefined {
  const brokers = pools.filter((p) => p.isBroker);
  const racks = racksOf(brokers);
  if (racks.zones.size === 0 || !rackAwareness) return undefined;
  if (!Number.isInteger(rf) || rf < 1 || rf > brokers.reduce((n, p) => n + p.replicas, 0)) return undefined;
  return { worst: worstZoneShare(rf, racks), zones: racks.zones.size };
}

/**
 * The replication factors whose partitions take acks=all writes, each with the min ISR that
 * applies: new topics' default, `__consumer_offsets` (offset commits always wait for every
 * in-sync replica since Kafka 4.0, KIP-1041, and the topic has the broker's
 * `min.insync.replicas`: `GroupCoordinatorService.groupMetadataTopicConfigs` sets none),
 * `__transaction_state` (its own min ISR), and `__share_group_state` when set.
 */
const ACKS_ALL_PAIRS: ReadonlyArray<readonly [rf: string, isr: string]> = [
  ['default.replication.factor', 'min.insync.replicas'],
  ['offsets.topic.replication.factor', 'min.insync.replicas'],
  ['transaction.state.log.replication.factor', 'transaction.state.log.min.isr'],
  ['share.coordinator.state.topic.replication.factor', 'share.coordinator.state.topic.min.isr'],
];

/** Kafka's defaults of the keys in `ACKS_ALL_PAIRS` (`ServerConfigs`, `ReplicationConfigs`, `ShareCoordinatorConfig`...). */
const KAFKA_DEFAULTS: Readonly<Record<string, number>> = {
  'default.replication.factor': 1,
  'min.insync.replicas': 1,
  'offsets.topic.replication.factor': 3,
  'transaction.state.log.replication.factor': 3,
  'transaction.state.log.min.isr': 2,
  'share.coordinator.state.topic.replication.factor': 3,
  'share.coordinator.state.topic.min.isr': 2,
};

/** What {@link zoneProblems} reads of a cluster. */
export interface ZoneCheck {
  readonly subject: Subject;
  /** Production: the rules fail; development relaxes them all. */
  readonly production: boolean;
  readonly rackAwareness: boolean;
  readonly pools: readonly KafkaNodePool[];
  /** The broker configuration Strimzi receives (defaults applied). */
  readonly config: Readonly<Record<string, unknown>>;
  /** How messages name the broker zones, e.g. `brokers.zones`. */
  readonly brokersProp: string;
  /** How messages name the controller zones, e.g. `controllers.zones`. */
  readonly controllersProp: string;
}

/**
 * @internal The zone rules of a production cluster whose pools are pinned to zones, one message
 * each: rack awareness on; for each replication factor RF with min ISR M (`ACKS_ALL_PAIRS`),
 * RF − (most replicas one zone can hold) ≥ M; pinned controllers keep a majority without their
 * largest zone. A development cluster gets none.
 */
export function zoneProblems(c: ZoneCheck): string[] {
  if (!c.production) return [];
  const dev = 'or profile: ClusterProfile.DEVELOPMENT for a throwaway cluster';
  const brokerPools = c.pools.filter((p) => p.isBroker);
  const brokers = racksOf(brokerPools);
  const errors: string[] = [];
  if (brokers.zones.size > 0 && !c.rackAwareness) {
    return [propError(c.subject, 'rackAwareness',
      `is false while broker pools are pinned to zones (${[...brokers.zones.keys()].join(', ')}): brokers then get no broker.rack, Kafka places replicas as if there were one rack (StripedReplicaPlacer), and one zone can hold every replica of a partition, so losing it loses the partition`,
      false, `leave rackAwareness on (the zones are the racks: Strimzi sets broker.rack from the node's rackTopologyKey label), or pin no pool to a zone, ${dev}`)];
  }
  const zoneList = [...brokers.zones.keys()];
  const brokerCount = brokerPools.reduce((n, p) => n + p.replicas, 0);
  const layout = `${[...brokers.zones].map(([z, n]) => `${z}: ${n}`).join(', ')}${brokers.unpinned > 0 ? `; ${brokers.unpinned} in pools pinned to no zone (${brokers.unpinnedPools.join(', ')}), counted where worst` : ''}`;
  // One message for the layout, naming every replication factor it fails.
  const failing: { rfKey: string; isrKey: string; rf: number; isr: number; worst: number }[] = [];
  for (const [rfKey, isrKey] of brokers.zones.size === 0 ? [] : ACKS_ALL_PAIRS) {
    // The share-group state topic only when the configuration sets it (Kafka's defaults: RF 3, min ISR 2).
    if (c.config[rfKey] === undefined && c.config[isrKey] === undefined) continue;
    const rf = Number(c.config[rfKey] ?? KAFKA_DEFAULTS[rfKey]);
    const isr = Number(c.config[isrKey] ?? KAFKA_DEFAULTS[isrKey]);
    // Bad factors and min ISR >= RF are reported by the replication rules (replicationProblems).
    if (!Number.isInteger(rf) || !Number.isInteger(isr) || isr < 1 || isr >= rf || rf > brokerCount) continue;
    const worst = worstZoneShare(rf, brokers);
    if (rf - worst < isr) failing.push({ rfKey, isrKey, rf, isr, worst });
  }
  if (failing.length > 0) {
    const fixes: string[] = [];
    if (brokers.unpinned > 0) fixes.push(`pin pool${brokers.unpinnedPools.length > 1 ? 's' : ''} ${brokers.unpinnedPools.map((p) => `'${p}'`).join(', ')} to a zone`);
    const zonesNeeded = Array.from({ length: brokerCount }, (_, i) => i + 1).find((z) => z > brokers.zones.size && failing.every((f) => f.rf - Math.ceil(f.rf / z) >= f.isr));
    if (zonesNeeded !== undefined) fixes.push(`spread the brokers evenly over ${zonesNeeded} zones or more`);
    const raises = failing.map((f) => {
      const r = Array.from({ length: Math.max(0, brokerCount - f.rf) }, (_, i) => f.rf + 1 + i).find((n) => n - worstZoneShare(n, brokers) >= f.isr);
      return r === undefined ? undefined : `${f.rfKey} to ${r} (${r} − ${worstZoneShare(r, brokers)} in one zone = ${r - worstZoneShare(r, brokers)} >= ${f.isr})`;
    });
    if (raises.every((r) => r !== undefined)) fixes.push(`raise ${raises.join(', ')}`);
    fixes.push(dev);
    const each = failing.map((f) => `up to ${f.worst} of the ${f.rf} replicas (${f.rfKey}), leaving ${f.rf - f.worst} < ${f.isrKey} ${f.isr}`).join('; ');
    errors.push(propError(c.subject, c.brokersProp,
      `put the ${brokerCount} brokers in ${brokers.zones.size} zone${brokers.zones.size > 1 ? 's' : ''} (${layout}), where Kafka's rack-aware placement (StripedReplicaPlacer) can put so many replicas of a partition in one zone that losing the zone leaves fewer in sync than the min ISR, and acks=all writes fail with NotEnoughReplicas (RF − most replicas in one zone must be >= min ISR): ${each}`,
      zoneList, fixes.join('; ')));
  }
  const controllers = racksOf(c.pools.filter((p) => p.isController));
  if (controllers.zones.size > 0) {
    const voters = [...controllers.zones.values()].reduce((a, b) => a + b, 0) + controllers.unpinned;
    const majority = Math.floor(voters / 2) + 1;
    const largest = Math.max(...controllers.zones.values());
    const lost = Math.max(largest + controllers.unpinned, controllers.unpinned);
    // An even or too small quorum is reported by the cluster's own rule (controllers.replicas).
    if (voters >= 3 && voters % 2 === 1 && voters - lost < majority) {
      const most = Math.floor((voters - 1) / 2);
      const zonesNeeded = Array.from({ length: voters }, (_, i) => i + 1).find((z) => Math.ceil(voters / z) <= most);
      errors.push(propError(c.subject, c.controllersProp,
        `put the ${voters} KRaft controllers in ${controllers.zones.size} zone${controllers.zones.size > 1 ? 's' : ''} (${[...controllers.zones].map(([z, n]) => `${z}: ${n}`).join(', ')}${controllers.unpinned > 0 ? `; ${controllers.unpinned} in pools pinned to no zone (${controllers.unpinnedPools.join(', ')}), counted where worst` : ''}): losing a zone can take ${lost}, leaving ${voters - lost} of the ${majority} voters a quorum needs (a majority: CandidateState.majoritySize), so no leader is elected and metadata, leader elections and partition reassignments stop`,
        [...controllers.zones.keys()],
        `put at most ${most} controller${most === 1 ? '' : 's'} in any zone${zonesNeeded === undefined ? '' : `: ${voters} controllers need ${zonesNeeded} zones or more`}, ${dev}`));
    }
  }
  return errors;
}
