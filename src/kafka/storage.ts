import { checkArgs } from '../core/props';
import { Size } from 'cdk8s';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { throwFactoryError } from '../core/errors';
import { isName, NameFormat } from '../core/naming';
import { quantity, sizeProblem } from '../core/units';

/** Options of a persistent volume (a whole pool's storage, or one JBOD volume). */
export interface PersistentClaimOptions {
  /**
   * The size of each pod's claim.
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

/** One volume of a JBOD pool. */
export interface JbodVolumeOptions extends PersistentClaimOptions {
  /**
   * Keep the KRaft metadata log on this volume. Exactly one volume holds it.
   * @default - the first volume
   */
  readonly kraftMetadata?: boolean;
}

/** Options of ephemeral (emptyDir) storage. */
export interface EphemeralStorageOptions {
  /**
   * The most the emptyDir may hold.
   * @default - no limit
   */
  readonly sizeLimit?: Size;
}

/** The storage of a node pool: ephemeral, one persistent claim per pod, or JBOD. */
export class KafkaStorage {
  /**
   * An emptyDir per pod: data is lost whenever a pod restarts. For throwaway clusters only; a
   * production cluster rejects it.
   */
  public static ephemeral(options: EphemeralStorageOptions = {}): KafkaStorage {
    checkArgs('KafkaStorage.ephemeral()', 'KafkaStorage.ephemeral', arguments);
    checkSize('KafkaStorage.ephemeral()', 'sizeLimit', options.sizeLimit);
    return new KafkaStorage({
      type: strimzi.KafkaNodePoolSpecStorageType.EPHEMERAL,
      ...(options.sizeLimit && { sizeLimit: quantity(options.sizeLimit) }),
    }, true);
  }

  /** One PersistentVolumeClaim per pod (the default). */
  public static persistentClaim(options: PersistentClaimOptions = {}): KafkaStorage {
    checkArgs('KafkaStorage.persistentClaim()', 'KafkaStorage.persistentClaim', arguments);
    return new KafkaStorage({ type: strimzi.KafkaNodePoolSpecStorageType.PERSISTENT_HYPHEN_CLAIM, ...renderClaim('KafkaStorage.persistentClaim()', '', options) }, false);
  }

  /**
   * Several persistent volumes per pod (Kafka's JBOD). Volume ids are 0, 1, …; the KRaft
   * metadata log lives on the one marked `kraftMetadata` (the first by default).
   */
  public static jbod(...volumes: JbodVolumeOptions[]): KafkaStorage {
    checkArgs('KafkaStorage.jbod()', 'KafkaStorage.jbod', arguments);
    const factory = 'KafkaStorage.jbod()';
    if (volumes.length === 0) throwFactoryError(factory, 'volumes', 'are empty', [], 'give at least one volume, e.g. KafkaStorage.jbod({ size: Size.gibibytes(100) })');
    volumes.forEach((v, i) => {
      if (typeof v !== 'object' || v === null) throwFactoryError(factory, `volumes[${i}]`, 'must be an object of volume options', v, 'pass e.g. { size: Size.gibibytes(100) }');
    });
    const marked = volumes.filter((v) => v.kraftMetadata);
    if (marked.length > 1) {
      throwFactoryError(factory, 'kraftMetadata', `is set on ${marked.length} volumes; exactly one volume holds the KRaft metadata log`, marked.length, 'mark one volume, or none for the first');
    }
    const metadataVolume = marked.length === 1 ? volumes.indexOf(marked[0]) : 0;
    return new KafkaStorage({
      type: strimzi.KafkaNodePoolSpecStorageType.JBOD,
      volumes: volumes.map((volume, id) => ({
        id,
        type: strimzi.KafkaNodePoolSpecStorageVolumesType.PERSISTENT_HYPHEN_CLAIM,
        ...renderClaim(factory, `volumes[${id}].`, volume),
        ...(id === metadataVolume && { kraftMetadata: strimzi.KafkaNodePoolSpecStorageVolumesKraftMetadata.SHARED }),
      })),
    }, false);
  }

  private constructor(
    /** @internal */ public readonly _spec: strimzi.KafkaNodePoolSpecStorage,
    /** Whether the data is lost when a pod restarts. */
    public readonly isEphemeral: boolean,
  ) {}
}

function renderClaim(factory: string, prefix: string, options: PersistentClaimOptions) {
  checkSize(factory, `${prefix}size`, options.size);
  if (options.storageClass !== undefined && (typeof options.storageClass !== 'string' || !isName(options.storageClass, NameFormat.DNS1123_SUBDOMAIN))) {
    throwFactoryError(factory, `${prefix}storageClass`, 'must be a StorageClass name (a DNS-1123 subdomain)', options.storageClass, "use e.g. 'standard', or leave it unset for the cluster's default");
  }
  return {
    size: quantity(options.size ?? Size.gibibytes(100)),
    ...(options.storageClass !== undefined && { class: options.storageClass }),
    deleteClaim: options.deleteClaim ?? false,
  };
}

function checkSize(factory: string, prop: string, size: Size | undefined): void {
  const problem = size === undefined ? undefined : sizeProblem(size);
  if (problem !== undefined) throwFactoryError(factory, prop, problem, size instanceof Size ? quantity(size) : size, 'use e.g. Size.gibibytes(100)');
}
