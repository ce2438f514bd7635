import { checkArgs } from '../core/props';
import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { throwFactoryError } from '../core/errors';
import { isName, NameFormat } from '../core/naming';
import { quantity, sizeProblem } from '../core/units';

/** Options of a persistent volume (a whole pool's storage, or one JBOD volume). */
export interface PersistentClaimOptions {
  /**
   * The size of each pod's claim: a whole number of bytes from 1 MiB to about 8 PiB
   * ((2^63-1)/1000 bytes: Strimzi reads sizes as a Java long of millibytes,
   * `StorageUtils.convertToMillibytes`).
   * @default Size.gibibytes(100)
   */
  readonly size?: Size;
  /**
   * The StorageClass of the claims.
   * @default - the cluster's default StorageClass
   */
  readonly storageClass?: string;
  /**
   * Delete the claims when the pool is deleted or scaled down. Leave off for anything whose data
   * matters: a deleted claim is a deleted log.
   * @default false
   */
  readonly deleteClaim?: boolean;
}

/** What every volume of a JBOD pool may set, whatever its kind. */
export interface JbodVolumeBaseOptions {
  /**
   * The volume's id in the JBOD array (Strimzi `volumes[].id`, required there; a whole number
   * from 0 to 2147483647, a Java int): it names the volume `data-<id>`, mounted at
   * `/var/lib/kafka/data-<id>`, and the claim `data-<id>-<cluster>-<pool>-<nodeId>`
   * (Strimzi `VolumeUtils.createVolumePrefix`). Ids are unique within the pool; keep a volume's id
   * when others are added or removed (a `KafkaRebalance` in `remove-disks` mode names volumes by id).
   * @default - the volume's position in the list: 0, 1, …
   */
  readonly id?: number;
  /**
   * Keep the KRaft metadata log on this volume (Strimzi `kraftMetadata: shared`). At most one
   * volume holds it.
   * @default - the volume with the lowest id (Strimzi's own choice when none is marked:
   *   `VolumeUtils.kraftMetadataPath`), marked explicitly
   */
  readonly kraftMetadata?: boolean;
}

/**
 * One persistent volume of a JBOD pool: the options of {@link JbodVolume.persistentClaim}, also
 * taken as a plain object by {@link KafkaStorage.jbod}.
 */
export interface JbodVolumeOptions extends PersistentClaimOptions, JbodVolumeBaseOptions {}

/** Options of ephemeral (emptyDir) storage. */
export interface EphemeralStorageOptions {
  /**
   * The most the emptyDir may hold (Strimzi `sizeLimit`); a pod that writes more is evicted. A
   * whole number of bytes from 1 MiB to 2^63-1 (the most a Kubernetes quantity holds).
   * @default - no limit
   */
  readonly sizeLimit?: Size;
}

/** One ephemeral (emptyDir) volume of a JBOD pool: the options of {@link JbodVolume.ephemeral}. */
export interface JbodEphemeralVolumeOptions extends EphemeralStorageOptions, JbodVolumeBaseOptions {}

/** The kind of one JBOD volume (Strimzi `SingleVolumeStorage`: `persistent-claim` or `ephemeral`). */
export enum JbodVolumeType {
  /** A PersistentVolumeClaim per pod: the data outlives the pod. */
  PERSISTENT_CLAIM = 'persistent-claim',
  /** An emptyDir: the data is lost whenever the pod restarts. */
  EPHEMERAL = 'ephemeral',
}

/** The largest JBOD volume id: a Java int (Strimzi `SingleVolumeStorage.id` is an `Integer`). */
const MAX_VOLUME_ID = 2147483647;

/**
 * One volume of a JBOD pool (Strimzi `spec.storage.volumes[]` of `type: jbod`), for
 * {@link KafkaStorage.jbod}: a persistent claim or an emptyDir, each with its id and the KRaft
 * metadata mark.
 *
 * @example
 * // Two persistent disks per broker; the metadata log on the first.
 * KafkaStorage.jbod(JbodVolume.persistentClaim({ size: Size.gibibytes(100) }), JbodVolume.persistentClaim({ size: Size.gibibytes(100) }));
 * // A throwaway pool (ClusterProfile.DEVELOPMENT): one emptyDir volume, as Strimzi's kafka-ephemeral example.
 * KafkaStorage.jbod(JbodVolume.ephemeral());
 */
export class JbodVolume {
  /**
   * A PersistentVolumeClaim per pod (Strimzi `type: persistent-claim`).
   * @throws if the options are not a plain object (a `KafkaStorage` or `JbodVolume` is refused), the
   *   size is not a whole number of bytes from 1 MiB to about 8 PiB (Strimzi reads sizes as a Java
   *   long of millibytes: `StorageUtils.convertToMillibytes`), the StorageClass is no DNS-1123
   *   subdomain, or the id is not a whole number from 0 to 2147483647
   */
  public static persistentClaim(options: JbodVolumeOptions = {}): JbodVolume {
    checkPlainOptions('JbodVolume.persistentClaim()', 'options', options, 'the options (a plain object)');
    checkArgs('JbodVolume.persistentClaim()', 'JbodVolume.persistentClaim', arguments);
    return JbodVolume._persistentClaim('JbodVolume.persistentClaim()', '', options);
  }

  /**
   * An emptyDir per pod (Strimzi `type: ephemeral`): the volume's data is lost whenever the pod
   * restarts. For throwaway clusters only: a production cluster rejects a pool with one.
   * @throws if the options are not a plain object, the size limit is not a whole number of bytes
   *   from 1 MiB to 2^63-1 (a Kubernetes quantity's most), or the id is not a whole number from 0
   *   to 2147483647
   */
  public static ephemeral(options: JbodEphemeralVolumeOptions = {}): JbodVolume {
    checkPlainOptions('JbodVolume.ephemeral()', 'options', options, 'the options (a plain object)');
    checkArgs('JbodVolume.ephemeral()', 'JbodVolume.ephemeral', arguments);
    const factory = 'JbodVolume.ephemeral()';
    checkVolumeId(factory, 'id', options.id);
    checkSize(factory, 'sizeLimit', options.sizeLimit);
    return new JbodVolume(JbodVolumeType.EPHEMERAL, options.id, options.kraftMetadata ?? false, options.sizeLimit ? { sizeLimit: quantity(options.sizeLimit) } : {});
  }

  /** @internal A persistent volume, checked with messages that name `factory` and the option's path (`volumes[1].size`). */
  public static _persistentClaim(factory: string, prefix: string, options: JbodVolumeOptions): JbodVolume {
    checkVolumeId(factory, `${prefix}id`, options.id);
    return new JbodVolume(JbodVolumeType.PERSISTENT_CLAIM, options.id, options.kraftMetadata ?? false, renderClaim(factory, prefix, options));
  }

  private constructor(
    /** Persistent claim or emptyDir. */
    public readonly type: JbodVolumeType,
    /** The id given; undefined for the volume's position in the list. */
    public readonly id: number | undefined,
    /** Whether the volume was marked to hold the KRaft metadata log. */
    public readonly kraftMetadata: boolean,
    private readonly fields: { readonly size?: string; readonly class?: string; readonly deleteClaim?: boolean; readonly sizeLimit?: string },
  ) {}

  /** Whether the volume's data is lost when a pod restarts. */
  public get isEphemeral(): boolean {
    return this.type === JbodVolumeType.EPHEMERAL;
  }

  /** @internal The volume in Strimzi's JBOD array, with the id it ends up with. */
  public _render(id: number, kraftMetadata: boolean): strimzi.KafkaNodePoolSpecStorageVolumes {
    return {
      id,
      type: this.type as string as strimzi.KafkaNodePoolSpecStorageVolumesType,
      ...this.fields,
      ...(kraftMetadata && { kraftMetadata: strimzi.KafkaNodePoolSpecStorageVolumesKraftMetadata.SHARED }),
    };
  }
}

/** The storage of a node pool: ephemeral, one persistent claim per pod, or JBOD. */
export class KafkaStorage {
  /**
   * An emptyDir per pod: data is lost whenever a pod restarts. For throwaway clusters only; a
   * production cluster rejects it.
   * @throws if the options are not a plain object, or the size limit is not a whole number of
   *   bytes from 1 MiB to 2^63-1 (a Kubernetes quantity's most)
   */
  public static ephemeral(options: EphemeralStorageOptions = {}): KafkaStorage {
    checkPlainOptions('KafkaStorage.ephemeral()', 'options', options, 'the options (a plain object)');
    checkArgs('KafkaStorage.ephemeral()', 'KafkaStorage.ephemeral', arguments);
    checkSize('KafkaStorage.ephemeral()', 'sizeLimit', options.sizeLimit);
    return new KafkaStorage({
      type: strimzi.KafkaNodePoolSpecStorageType.EPHEMERAL,
      ...(options.sizeLimit && { sizeLimit: quantity(options.sizeLimit) }),
    }, true, []);
  }

  /**
   * One PersistentVolumeClaim per pod (the default).
   * @throws if the options are not a plain object, the size is not a whole number of bytes from
   *   1 MiB to about 8 PiB (Strimzi reads sizes as a Java long of millibytes:
   *   `StorageUtils.convertToMillibytes`), or the StorageClass is no DNS-1123 subdomain
   */
  public static persistentClaim(options: PersistentClaimOptions = {}): KafkaStorage {
    checkPlainOptions('KafkaStorage.persistentClaim()', 'options', options, 'the options (a plain object)');
    checkArgs('KafkaStorage.persistentClaim()', 'KafkaStorage.persistentClaim', arguments);
    return new KafkaStorage({ type: strimzi.KafkaNodePoolSpecStorageType.PERSISTENT_HYPHEN_CLAIM, ...renderClaim('KafkaStorage.persistentClaim()', '', options) }, false, []);
  }

  /**
   * Several volumes per pod (Kafka's JBOD, Strimzi `type: jbod`): each a {@link JbodVolume}
   * (`JbodVolume.persistentClaim()` or `JbodVolume.ephemeral()`), or the options of a persistent
   * one as a plain object (`{ size: Size.gibibytes(100) }`). Volume ids are the volumes' positions
   * (0, 1, …) unless given; the KRaft metadata log lives on the volume marked `kraftMetadata`, else
   * on the one with the lowest id, and the library marks it `kraftMetadata: shared`.
   * @throws if a volume is neither a JbodVolume nor a plain options object (a `KafkaStorage`, the
   *   storage of a whole pool, is refused: read as options it would be a default 100Gi claim), there
   *   is no volume, two volumes share an id (Strimzi: "each volume in Jbod storage
   *   should have an unique ID", `KafkaPool`), or more than one is marked `kraftMetadata` (Strimzi:
   *   "At most one volume can have this property set")
   */
  public static jbod(...volumes: Array<JbodVolume | JbodVolumeOptions>): KafkaStorage {
    const factory = 'KafkaStorage.jbod()';
    // A KafkaStorage, or any object made by a class, is no volume's options: read as options, it
    // would be a default 100Gi claim. Then Strimzi's YAML spelling of an ephemeral volume, as a
    // plain object: point at the factory.
    volumes.forEach((v, i) => {
      if (!(v instanceof JbodVolume)) checkPlainOptions(factory, `volumes[${i}]`, v, 'a JbodVolume or the options of a persistent one (a plain object)');
    });
    volumes.forEach((v, i) => {
      const ephemeralKey = typeof v === 'object' && v !== null && !(v instanceof JbodVolume) ? ['type', 'sizeLimit'].find((k) => k in v) : undefined;
      if (ephemeralKey !== undefined) {
        throwFactoryError(factory, `volumes[${i}].${ephemeralKey}`, 'is not an option of a persistent volume (a plain object is one)', (v as Record<string, unknown>)[ephemeralKey],
          'for an ephemeral (emptyDir) volume use JbodVolume.ephemeral({ sizeLimit }), for a persistent one JbodVolume.persistentClaim({ size })');
      }
    });
    checkArgs(factory, 'KafkaStorage.jbod', arguments);
    if (volumes.length === 0) throwFactoryError(factory, 'volumes', 'are empty', [], 'give at least one volume, e.g. KafkaStorage.jbod(JbodVolume.persistentClaim({ size: Size.gibibytes(100) }))');
    const resolved = volumes.map((v, i) => {
      if (v instanceof JbodVolume) return v;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throwFactoryError(factory, `volumes[${i}]`, 'must be a JbodVolume or the options of a persistent one', v, 'pass e.g. JbodVolume.persistentClaim({ size: Size.gibibytes(100) }) or JbodVolume.ephemeral()');
      return JbodVolume._persistentClaim(factory, `volumes[${i}].`, v);
    });
    const ids = resolved.map((v, i) => v.id ?? i);
    ids.forEach((id, i) => {
      const first = ids.indexOf(id);
      if (first !== i) {
        throwFactoryError(factory, `volumes[${i}].id`, `is ${id}, already the id of volumes[${first}]${resolved[i].id === undefined ? ' (a volume without an id takes its position in the list)' : ''}; each volume of a JBOD pool has its own id`, id, 'give each volume its own id, e.g. JbodVolume.persistentClaim({ id: 2, ... })');
      }
    });
    const marked = resolved.filter((v) => v.kraftMetadata);
    if (marked.length > 1) {
      throwFactoryError(factory, 'kraftMetadata', `is set on ${marked.length} volumes; exactly one volume holds the KRaft metadata log (got the volumes with these ids)`, marked.map((v) => ids[resolved.indexOf(v)]), 'mark one volume, or none for the one with the lowest id');
    }
    const metadataId = marked.length === 1 ? ids[resolved.indexOf(marked[0])] : Math.min(...ids);
    return new KafkaStorage({
      type: strimzi.KafkaNodePoolSpecStorageType.JBOD,
      volumes: resolved.map((volume, i) => volume._render(ids[i], ids[i] === metadataId)),
    }, resolved.some((v) => v.isEphemeral), ids, metadataId);
  }

  private constructor(
    /** @internal */ public readonly _spec: strimzi.KafkaNodePoolSpecStorage,
    /** Whether data is lost when a pod restarts: ephemeral storage, or a JBOD array with an ephemeral volume. */
    public readonly isEphemeral: boolean,
    /** The ids of the JBOD volumes, in the order given; empty for single-volume storage. */
    public readonly volumeIds: readonly number[],
    /** The id of the JBOD volume that holds the KRaft metadata log; undefined for single-volume storage (its one volume holds it). */
    public readonly kraftMetadataVolumeId?: number,
  ) {}

  /** Whether the storage is a JBOD array (`type: jbod`). */
  public get isJbod(): boolean {
    return this.volumeIds.length > 0;
  }

  /** The ids of the JBOD volumes whose data is lost when a pod restarts (ephemeral ones). */
  public get ephemeralVolumeIds(): number[] {
    return (this._spec.volumes ?? []).filter((v) => v.type === strimzi.KafkaNodePoolSpecStorageVolumesType.EPHEMERAL).map((v) => v.id!);
  }
}

/**
 * The largest persistent volume size Strimzi can compare: it reads sizes as a Java long of
 * millibytes (`StorageUtils.convertToMillibytes`, used to refuse shrinking a volume and to tell
 * Cruise Control the disk capacity), which overflows above (2^63-1)/1000 bytes, about 8 PiB: two
 * larger sizes would read as the same number.
 */
const MAX_STRIMZI_VOLUME_BYTES = Math.floor((2 ** 63 - 1) / 1000);

function renderClaim(factory: string, prefix: string, options: PersistentClaimOptions) {
  checkSize(factory, `${prefix}size`, options.size);
  if (options.size !== undefined && options.size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024 > MAX_STRIMZI_VOLUME_BYTES) {
    throwFactoryError(factory, `${prefix}size`, `must be at most ${MAX_STRIMZI_VOLUME_BYTES} bytes (about 8 PiB): Strimzi reads volume sizes as a Java long of millibytes (StorageUtils.convertToMillibytes), which overflows above that`, quantity(options.size),
      'use e.g. Size.tebibytes(10), or split the capacity over JBOD volumes');
  }
  if (options.storageClass !== undefined && (typeof options.storageClass !== 'string' || !isName(options.storageClass, NameFormat.DNS1123_SUBDOMAIN))) {
    throwFactoryError(factory, `${prefix}storageClass`, 'must be a StorageClass name (a DNS-1123 subdomain)', options.storageClass, "use e.g. 'standard', or leave it unset for the cluster's default");
  }
  return {
    size: quantity(options.size ?? Size.gibibytes(100)),
    ...(options.storageClass !== undefined && { class: options.storageClass }),
    deleteClaim: options.deleteClaim ?? false,
  };
}

/**
 * Throws unless `value` is a plain object (options), not an object of a class: a `KafkaStorage`
 * or a `JbodVolume` where options are taken would be read field by field, find none it knows and
 * render the defaults (a 100Gi claim), whatever the storage meant.
 */
function checkPlainOptions(factory: string, prop: string, value: unknown, expected: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return; // checkArgs names these
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return;
  const fix = 'for a JBOD volume use JbodVolume.persistentClaim({ size }) or JbodVolume.ephemeral({ sizeLimit }), for a whole pool\'s storage KafkaStorage.persistentClaim(), .ephemeral() or .jbod(...volumes)';
  if (value instanceof KafkaStorage) {
    throwFactoryError(factory, prop, `is a KafkaStorage (the storage of a whole pool, ${value._spec.type}), not ${expected}: read as options it would become a default 100Gi persistent claim`, value._spec, fix);
  }
  if (value instanceof JbodVolume) {
    throwFactoryError(factory, prop, `is a JbodVolume, not ${expected}`, value._render(value.id ?? 0, value.kraftMetadata), 'pass the JbodVolume to KafkaStorage.jbod(...volumes), or give the options of a new one here');
  }
  throwFactoryError(factory, prop, `is an object of class ${(proto as { constructor?: { name?: string } }).constructor?.name || 'unknown'}, not ${expected}`, value, fix);
}

function checkVolumeId(factory: string, prop: string, id: number | undefined): void {
  if (id !== undefined && (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_VOLUME_ID)) {
    throwFactoryError(factory, prop, `must be a whole number from 0 to ${MAX_VOLUME_ID} (Strimzi's JBOD volume id, a Java int >= 0)`, id, 'use e.g. 0, 1, 2, or leave it unset for the volume\'s position in the list');
  }
}

function checkSize(factory: string, prop: string, size: Size | undefined): void {
  const problem = size === undefined ? undefined : sizeProblem(size);
  if (problem !== undefined) throwFactoryError(factory, prop, problem, size instanceof Size ? quantity(size) : size, 'use e.g. Size.gibibytes(100)');
}
