import { Size } from 'cdk8s';
import { propError, Subject, throwFactoryError } from '../core/errors';
import { checkFactoryName, isName, NameFormat } from '../core/naming';
import { checkArgs } from '../core/props';
import { quantity, sizeProblem } from '../core/units';
import { imageReferenceProblem } from '../core/image-reference';

// Volumes that Strimzi adds to the pods it makes, from a component's `template.pod.volumes`
// (Strimzi `AdditionalVolume`), and the mounts of those volumes into a container
// (`template.<container>.volumeMounts`). Strimzi's rules (cluster-operator `TemplateUtils`,
// 1.2.0): a volume name matches `VOLUME_NAME_REGEX` and is not one of the component's own
// volumes (`addAdditionalVolumes`: "Duplicate volume names found in additional volumes"), and
// every mount path starts with `/mnt` (`addAdditionalVolumeMounts`: "Forbidden path found in
// additional volumes. Should start with /mnt"). Kubernetes adds its own (pkg/apis/core/validation:
// `ValidateVolumes`, `ValidateVolumeMounts`): names are DNS-1123 labels, unique in the pod; mount
// paths unique in the container; sub-paths relative without '..'. Linux adds PATH_MAX (4096 bytes
// with the NUL) and NAME_MAX (255 bytes per element) to mount paths, sub-paths and item paths.

/** The directory Strimzi lets additional volumes be mounted under (`TemplateUtils.ALLOWED_MOUNT_PATH`). */
const ALLOWED_MOUNT_PATH = '/mnt';

/** One key of a Secret or ConfigMap projected to a file of the volume (Kubernetes `KeyToPath`). */
export interface VolumeKeyToPath {
  /** The key in the Secret's or ConfigMap's data. */
  readonly key: string;
  /**
   * The file's path in the volume: relative, without a `..` element, at most 4095 bytes and 255
   * per element (Linux PATH_MAX and NAME_MAX).
   */
  readonly path: string;
  /**
   * The file's mode bits, 0 to 0o777 (write them in octal: `0o440`).
   * @default - the volume's `defaultMode`
   */
  readonly mode?: number;
}

/** Options of {@link AdditionalVolume.secret} and {@link AdditionalVolume.configMap}. */
export interface KeysVolumeOptions {
  /**
   * Only these keys, each to its own path.
   * @default - every key, each to a file of its name
   */
  readonly items?: VolumeKeyToPath[];
  /**
   * The mode bits of the files, 0 to 0o777 (write them in octal: `0o440`).
   * @default 0o644 (Kubernetes)
   */
  readonly defaultMode?: number;
  /**
   * Start the pod even when the Secret or ConfigMap (or a key of `items`) does not exist.
   * @default false
   */
  readonly optional?: boolean;
}

/** The storage medium of an emptyDir (Strimzi `EmptyDirVolume.medium`: unset or `Memory`). */
export enum EmptyDirMedium {
  /** A tmpfs in the node's memory: counts against the container's memory limit. */
  MEMORY = 'Memory',
}

/** Options of {@link AdditionalVolume.emptyDir}. */
export interface EmptyDirVolumeOptions {
  /**
   * Where the emptyDir lives.
   * @default - the node's disk
   */
  readonly medium?: EmptyDirMedium;
  /**
   * The most it may hold; a pod that writes more is evicted. A whole number of bytes from 1 MiB
   * to 2^63-1 (the most a Kubernetes quantity holds).
   * @default - no limit
   */
  readonly sizeLimit?: Size;
}

/** Options of {@link AdditionalVolume.persistentVolumeClaim}. */
export interface PersistentVolumeClaimVolumeOptions {
  /**
   * Mount the claim read-only in every container.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** Options of {@link AdditionalVolume.csi}. */
export interface CsiVolumeOptions {
  /** The CSI driver's name, e.g. `secrets-store.csi.k8s.io`. */
  readonly driver: string;
  /**
   * Mount the volume read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The filesystem type, e.g. `ext4`.
   * @default - the driver's
   */
  readonly fsType?: string;
  /**
   * Settings the driver reads, e.g. `{ secretProviderClass: 'kafka-secrets' }`.
   * @default - none
   */
  readonly volumeAttributes?: Record<string, string>;
  /**
   * A Secret in the pod's namespace the driver gets when it publishes the volume.
   * @default - none
   */
  readonly nodePublishSecretName?: string;
}

/** When the kubelet pulls an image volume's image (Kubernetes `PullPolicy`). */
export enum VolumeImagePullPolicy {
  /** Every time the pod starts. */
  ALWAYS = 'Always',
  /** Only when the node does not have it. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Never: the node must have it. */
  NEVER = 'Never',
}

/** Options of {@link AdditionalVolume.image}. */
export interface ImageVolumeOptions {
  /**
   * The OCI image or artifact whose content the volume holds, e.g. `quay.io/acme/kafka-plugins:1.0`:
   * `[registry[:port]/]path[:tag][@digest]`, the path lowercase (the kubelet's grammar,
   * `github.com/distribution/reference`).
   */
  readonly reference: string;
  /**
   * When to pull it.
   * @default - Always for a `:latest` or untagged reference, IfNotPresent otherwise (Kubernetes)
   */
  readonly pullPolicy?: VolumeImagePullPolicy;
}

/** An {@link AdditionalVolume} mounted into a container, at a path under `/mnt`. */
export interface AdditionalVolumeMount {
  /** The volume; it is added to the pod's volumes if it is not among them. */
  readonly volume: AdditionalVolume;
  /**
   * Where the volume appears in the container: an absolute path under `/mnt` (Strimzi refuses any
   * other: `TemplateUtils.addAdditionalVolumeMounts`), e.g. `/mnt/oauth-certs`; unique in the
   * container; at most 4095 bytes and 255 per element (Linux PATH_MAX and NAME_MAX: the runtime
   * could not create it).
   */
  readonly mountPath: string;
  /**
   * Mount it read-only.
   * @default false (a Secret, ConfigMap or image volume is read-only anyway)
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this path of the volume: relative, without a `..` element, at most 4095 bytes and
   * 255 per element (Linux PATH_MAX and NAME_MAX).
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** The rendered volume: what every Strimzi template's `pod.volumes[]` takes (`AdditionalVolume`). */
interface VolumeSpec {
  readonly name: string;
  readonly secret?: { readonly secretName: string; readonly items?: VolumeKeyToPath[]; readonly defaultMode?: number; readonly optional?: boolean };
  readonly configMap?: { readonly name: string; readonly items?: VolumeKeyToPath[]; readonly defaultMode?: number; readonly optional?: boolean };
  readonly emptyDir?: { readonly medium?: string; readonly sizeLimit?: string };
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly readOnly?: boolean };
  readonly csi?: { readonly driver: string; readonly readOnly?: boolean; readonly fsType?: string; readonly volumeAttributes?: Record<string, string>; readonly nodePublishSecretRef?: { readonly name: string } };
  readonly image?: { readonly reference: string; readonly pullPolicy?: string };
}

/**
 * A volume added to the pods Strimzi makes (Strimzi `template.pod.volumes[]`, `AdditionalVolume`):
 * a Secret, a ConfigMap, an emptyDir, a PersistentVolumeClaim, a CSI volume or an image volume.
 * Mount it with an {@link AdditionalVolumeMount} (a path under `/mnt`), e.g. into the Kafka
 * containers with the cluster's `volumeMounts`.
 *
 * @example
 * // The Keycloak example's certificate: Secret oauth-server-cert at /mnt/oauth-certs in every Kafka container.
 * const certs = AdditionalVolume.secret('oauth-certs', 'oauth-server-cert');
 * new KafkaCluster(chart, 'Kafka', { volumeMounts: [{ volume: certs, mountPath: '/mnt/oauth-certs' }] });
 */
export class AdditionalVolume {
  /**
   * A Secret's keys as files.
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @param secretName the Secret, in the pod's namespace
   * @throws if a name is malformed, an item's path is absolute, climbs with `..` or is beyond
   *   Linux's PATH_MAX/NAME_MAX, or a mode is not 0 to 0o777
   */
  public static secret(name: string, secretName: string, options: KeysVolumeOptions = {}): AdditionalVolume {
    checkArgs('AdditionalVolume.secret()', 'AdditionalVolume.secret', arguments);
    const factory = 'AdditionalVolume.secret()';
    checkVolumeName(factory, name);
    checkFactoryName(factory, 'secretName', secretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret', example: 'oauth-server-cert' });
    return new AdditionalVolume(name, { name, secret: { secretName, ...keysSource(factory, options) } });
  }

  /**
   * A ConfigMap's keys as files.
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @param configMapName the ConfigMap, in the pod's namespace
   * @throws if a name is malformed, an item's path is absolute, climbs with `..` or is beyond
   *   Linux's PATH_MAX/NAME_MAX, or a mode is not 0 to 0o777
   */
  public static configMap(name: string, configMapName: string, options: KeysVolumeOptions = {}): AdditionalVolume {
    checkArgs('AdditionalVolume.configMap()', 'AdditionalVolume.configMap', arguments);
    const factory = 'AdditionalVolume.configMap()';
    checkVolumeName(factory, name);
    checkFactoryName(factory, 'configMapName', configMapName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a ConfigMap', example: 'kafka-extra-config' });
    return new AdditionalVolume(name, { name, configMap: { name: configMapName, ...keysSource(factory, options) } });
  }

  /**
   * An empty directory that lives as long as the pod.
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @throws if the name is malformed or the size limit is not a whole number of bytes from 1 MiB
   *   to 2^63-1 (a Kubernetes quantity's most)
   */
  public static emptyDir(name: string, options: EmptyDirVolumeOptions = {}): AdditionalVolume {
    checkArgs('AdditionalVolume.emptyDir()', 'AdditionalVolume.emptyDir', arguments);
    const factory = 'AdditionalVolume.emptyDir()';
    checkVolumeName(factory, name);
    // Kubernetes takes any non-negative quantity as an emptyDir's limit (ValidateVolumes); 0 would
    // leave the volume no room at all.
    const problem = options.sizeLimit === undefined ? undefined : sizeProblem(options.sizeLimit, 'positive');
    if (problem !== undefined) throwFactoryError(factory, 'sizeLimit', problem, options.sizeLimit, 'use e.g. Size.mebibytes(100)');
    return new AdditionalVolume(name, { name, emptyDir: compact({ medium: options.medium, sizeLimit: options.sizeLimit && quantity(options.sizeLimit) }) });
  }

  /**
   * An existing PersistentVolumeClaim, the same for every pod (so `ReadWriteMany`, or read-only).
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @param claimName the claim, in the pod's namespace
   * @throws if a name is malformed
   */
  public static persistentVolumeClaim(name: string, claimName: string, options: PersistentVolumeClaimVolumeOptions = {}): AdditionalVolume {
    checkArgs('AdditionalVolume.persistentVolumeClaim()', 'AdditionalVolume.persistentVolumeClaim', arguments);
    const factory = 'AdditionalVolume.persistentVolumeClaim()';
    checkVolumeName(factory, name);
    checkFactoryName(factory, 'claimName', claimName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a PersistentVolumeClaim', example: 'shared-plugins' });
    return new AdditionalVolume(name, { name, persistentVolumeClaim: { claimName, ...(options.readOnly !== undefined && { readOnly: options.readOnly }) } });
  }

  /**
   * A volume a CSI driver provides (e.g. the Secrets Store CSI driver).
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @throws if the name or the driver's name is malformed (Kubernetes `ValidateCSIDriverName`: at
   *   most 63 characters, a DNS-1123 subdomain once lower-cased)
   */
  public static csi(name: string, options: CsiVolumeOptions): AdditionalVolume {
    checkArgs('AdditionalVolume.csi()', 'AdditionalVolume.csi', arguments);
    const factory = 'AdditionalVolume.csi()';
    checkVolumeName(factory, name);
    if (options.driver.length > 63 || !isName(options.driver.toLowerCase(), NameFormat.DNS1123_SUBDOMAIN)) {
      throwFactoryError(factory, 'driver', 'must be a CSI driver name: at most 63 characters, alphanumerics, \'-\' and \'.\', starting and ending with an alphanumeric', options.driver, "use the driver's name, e.g. 'secrets-store.csi.k8s.io'");
    }
    if (options.nodePublishSecretName !== undefined) {
      checkFactoryName(factory, 'nodePublishSecretName', options.nodePublishSecretName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names a Secret', example: 'csi-credentials' });
    }
    if (options.fsType !== undefined && options.fsType.trim() === '') throwFactoryError(factory, 'fsType', 'is empty', options.fsType, "name a filesystem, e.g. 'ext4', or leave it unset for the driver's");
    return new AdditionalVolume(name, {
      name,
      csi: compact({
        driver: options.driver,
        readOnly: options.readOnly,
        fsType: options.fsType,
        volumeAttributes: options.volumeAttributes && { ...options.volumeAttributes },
        nodePublishSecretRef: options.nodePublishSecretName === undefined ? undefined : { name: options.nodePublishSecretName },
      }) as VolumeSpec['csi'],
    });
  }

  /**
   * An OCI image's content, read-only (Kubernetes image volumes: beta in 1.33, on by default from
   * 1.35), e.g. plugins or an authorizer's JARs.
   * @param name the volume's name in the pod: a DNS-1123 label, not one of Strimzi's own
   * @throws if the name is malformed or the reference is no image reference as the kubelet parses
   *   it (`github.com/distribution/reference`: an optional registry host with port, a lowercase
   *   repository path, a tag of at most 128 characters, a digest; a name of at most 255 characters)
   */
  public static image(name: string, options: ImageVolumeOptions): AdditionalVolume {
    checkArgs('AdditionalVolume.image()', 'AdditionalVolume.image', arguments);
    const factory = 'AdditionalVolume.image()';
    checkVolumeName(factory, name);
    const referenceProblem = imageReferenceProblem(options.reference);
    if (referenceProblem !== undefined) {
      throwFactoryError(factory, 'reference', `must be an image reference as the kubelet parses it ([registry[:port]/]lowercase/path[:tag][@digest], distribution/reference): it ${referenceProblem}; the pod would not start (InvalidImageName or a failed pull)`, options.reference,
        "use e.g. 'quay.io/acme/kafka-plugins:1.0'");
    }
    return new AdditionalVolume(name, { name, image: compact({ reference: options.reference, pullPolicy: options.pullPolicy }) as VolumeSpec['image'] });
  }

  private constructor(
    /** The volume's name in the pod (what mounts refer to). */
    public readonly name: string,
    private readonly spec: VolumeSpec,
  ) {}

  /** @internal The `template.pod.volumes[]` entry. */
  public _render(): VolumeSpec {
    return this.spec;
  }
}

/** Throws unless `name` is a pod volume name: a DNS-1123 label (Kubernetes `ValidateVolumes`; Strimzi's `VOLUME_NAME_REGEX` takes more, which the API server then refuses). */
function checkVolumeName(factory: string, name: string): void {
  checkFactoryName(factory, 'name', name, { format: NameFormat.DNS1123_LABEL, use: 'it names the volume in the pod, and the mounts refer to it', example: 'oauth-certs' });
}

/** The items, default mode and optional flag of a Secret or ConfigMap volume, checked as Kubernetes does (`validateKeyToPath`, file modes 0-0777). */
function keysSource(factory: string, options: KeysVolumeOptions): Pick<NonNullable<VolumeSpec['secret']>, 'items' | 'defaultMode' | 'optional'> {
  checkMode(factory, 'defaultMode', options.defaultMode);
  const paths = new Map<string, number>();
  (options.items ?? []).forEach((item, i) => {
    const at = `items[${i}]`;
    if (!isName(item.key, NameFormat.DATA_KEY)) throwFactoryError(factory, `${at}.key`, "must be a data key: alphanumerics, '-', '_' and '.', not '.' or '..'", item.key, "use a key of the Secret's or ConfigMap's data, e.g. 'tls.crt'");
    const problem = relativePathProblem(item.path);
    if (problem !== undefined) throwFactoryError(factory, `${at}.path`, problem, item.path, "use a relative path in the volume, e.g. 'tls.crt' or 'certs/ca.crt'");
    if (item.path.startsWith('..')) throwFactoryError(factory, `${at}.path`, "must not start with '..' (the kubelet's own files, like ..data)", item.path, "use a relative path in the volume, e.g. 'tls.crt'");
    if (paths.has(item.path)) throwFactoryError(factory, `${at}.path`, `is also the path of items[${paths.get(item.path)}]: two keys would write one file`, item.path, 'give each item its own path');
    paths.set(item.path, i);
    checkMode(factory, `${at}.mode`, item.mode);
  });
  return compact({
    items: options.items && options.items.map((item) => compact({ key: item.key, path: item.path, mode: item.mode }) as VolumeKeyToPath),
    defaultMode: options.defaultMode,
    optional: options.optional,
  }) ?? {};
}

/** Throws unless `mode` is unset or a file mode, 0 to 0o777 (Kubernetes `fileModeErrorMsg`). */
function checkMode(factory: string, prop: string, mode: number | undefined): void {
  if (mode !== undefined && (!Number.isInteger(mode) || mode < 0 || mode > 0o777)) {
    throwFactoryError(factory, prop, 'must be a file mode from 0 to 0o777 (511)', mode, 'write it in octal, e.g. 0o440 for read-only by owner and group');
  }
}

/**
 * Linux's limits on a path (include/uapi/linux/limits.h): `PATH_MAX` 4096 bytes with the
 * terminating NUL, so 4095 of UTF-8, and `NAME_MAX` 255 bytes per element. The kubelet and the
 * runtime create mount points and sub-paths with mkdir and mount, which fail with ENAMETOOLONG
 * beyond them: the container never starts (CreateContainerError).
 */
const PATH_MAX_BYTES = 4095;
const NAME_MAX_BYTES = 255;

/** What is wrong with the length of `path` or of one of its elements (Linux PATH_MAX, NAME_MAX), or undefined. */
function pathLengthProblem(path: string): string | undefined {
  const encoder = new TextEncoder();
  const bytes = encoder.encode(path).length;
  if (bytes > PATH_MAX_BYTES) return `is ${bytes} bytes long: Linux takes at most ${PATH_MAX_BYTES} (PATH_MAX), so the container could not start (ENAMETOOLONG)`;
  const long = path.split('/').find((element) => encoder.encode(element).length > NAME_MAX_BYTES);
  if (long !== undefined) {
    return `has an element of ${encoder.encode(long).length} bytes ('${long.slice(0, 20)}…'): Linux takes at most ${NAME_MAX_BYTES} per file or directory name (NAME_MAX), so the container could not start (ENAMETOOLONG)`;
  }
  return undefined;
}

/** What is wrong with `path` as a path inside a volume (Kubernetes `validateLocalDescendingPath`; Linux PATH_MAX and NAME_MAX), or undefined. */
function relativePathProblem(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.startsWith('/')) return 'must be a relative path';
  if (path.split('/').includes('..')) return "must not contain a '..' element";
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain a control character';
  return pathLengthProblem(path);
}

/** `value` without its undefined fields; undefined when none is left. */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries) as T;
}

/** The volumes and mounts of one container's pods, checked and ready to render. */
export interface PodVolumes {
  /** `template.pod.volumes`: the volumes given, then those only mounts name, each once. */
  readonly volumes: AdditionalVolume[];
  /** `template.<container>.volumeMounts`. */
  readonly mounts: readonly AdditionalVolumeMount[];
}

/**
 * Checks a component's additional volumes and a container's mounts of them (Strimzi `TemplateUtils`
 * and Kubernetes, see the top of this module) and returns them for rendering: a name is not one of
 * `reserved` (the component's own volumes; a predicate for families like `data-<id>`), nor two
 * different volumes'; a mount path is absolute, under `/mnt`, without a `..` element, and no two
 * mounts share it; a sub-path is relative without `..`. `inherited` are volumes and mounts the
 * pods get from elsewhere (the cluster's, for a pool's): names and paths must not clash with them.
 * Problems are returned, as messages naming `subject` and the props.
 */
export function podVolumeProblems(
  subject: Subject,
  props: { readonly volumes: string; readonly mounts: string },
  volumes: readonly AdditionalVolume[],
  mounts: readonly AdditionalVolumeMount[],
  reserved: (name: string) => string | undefined,
  inherited: PodVolumes = { volumes: [], mounts: [] },
): string[] {
  const problems: string[] = [];
  const byName = new Map<string, { volume: AdditionalVolume; where: string }>();
  for (const v of inherited.volumes) byName.set(v.name, { volume: v, where: 'the cluster\'s volumes' });
  const claim = (volume: AdditionalVolume, where: string) => {
    const owner = reserved(volume.name);
    if (owner !== undefined) {
      problems.push(propError(subject, where, `names a volume '${volume.name}', which is ${owner} (Strimzi refuses it: "Duplicate volume names found in additional volumes", TemplateUtils.addAdditionalVolumes)`, volume.name, `give the volume another name, e.g. '${volume.name}-extra'`));
      return;
    }
    const other = byName.get(volume.name);
    if (other === undefined) byName.set(volume.name, { volume, where });
    else if (other.volume !== volume && JSON.stringify(other.volume._render()) !== JSON.stringify(volume._render())) {
      problems.push(propError(subject, where, `names a volume '${volume.name}', and so does ${other.where}, with another source: pod volume names are unique (Kubernetes ValidateVolumes)`, volume.name, 'give each volume its own name, or pass the same AdditionalVolume to both'));
    }
  };
  volumes.forEach((v, i) => claim(v, `${props.volumes}[${i}]`));
  const paths = new Map<string, string>();
  for (const m of inherited.mounts) paths.set(normalized(m.mountPath), 'a mount of the cluster\'s volumeMounts');
  mounts.forEach((m, i) => {
    const at = `${props.mounts}[${i}]`;
    claim(m.volume, `${at}.volume`);
    const path = m.mountPath;
    const pathProblem = mountPathProblem(path);
    if (pathProblem !== undefined) {
      problems.push(propError(subject, `${at}.mountPath`, pathProblem, path, `mount it under ${ALLOWED_MOUNT_PATH}, e.g. '${ALLOWED_MOUNT_PATH}/${m.volume.name}'`));
    } else {
      const key = normalized(path);
      const other = paths.get(key);
      if (other !== undefined) problems.push(propError(subject, `${at}.mountPath`, `is also the path of ${other}: mount paths are unique in a container (Kubernetes ValidateVolumeMounts)`, path, 'mount each volume at its own path'));
      else paths.set(key, at);
    }
    if (m.subPath !== undefined) {
      const subProblem = relativePathProblem(m.subPath);
      if (subProblem !== undefined) problems.push(propError(subject, `${at}.subPath`, subProblem, m.subPath, "use a relative path in the volume, e.g. 'certs', or leave it unset for the whole volume"));
    }
  });
  return problems;
}

/** What is wrong with a mount path, or undefined: absolute, under /mnt (Strimzi), without '..' or control characters, within Linux's PATH_MAX and NAME_MAX. */
function mountPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must be an absolute path under /mnt';
  if (!path.startsWith(ALLOWED_MOUNT_PATH)) return `must start with ${ALLOWED_MOUNT_PATH}: Strimzi refuses additional volumes mounted elsewhere ("Forbidden path found in additional volumes. Should start with /mnt", TemplateUtils.addAdditionalVolumeMounts)`;
  if (path.split('/').includes('..')) return "must not contain a '..' element: it would leave /mnt, which Strimzi's rule is meant to prevent";
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain a control character';
  return pathLengthProblem(path);
}

/** A mount path as the kernel sees it: repeated and trailing slashes dropped. */
function normalized(path: string): string {
  return path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

/** The volumes of `mounts` and `volumes`, each once, in order: the given ones, then those only mounts name. */
export function podVolumesOf(volumes: readonly AdditionalVolume[], mounts: readonly AdditionalVolumeMount[]): AdditionalVolume[] {
  const result: AdditionalVolume[] = [];
  for (const v of [...volumes, ...mounts.map((m) => m.volume)]) {
    if (!result.some((r) => r.name === v.name)) result.push(v);
  }
  return result;
}

/** The `volumeMounts[]` entry of a mount. */
export function renderMount(mount: AdditionalVolumeMount): { name: string; mountPath: string; readOnly?: boolean; subPath?: string } {
  return { name: mount.volume.name, mountPath: mount.mountPath, ...(mount.readOnly !== undefined && { readOnly: mount.readOnly }), ...(mount.subPath !== undefined && { subPath: mount.subPath }) };
}
