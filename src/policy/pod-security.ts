/**
 * The Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards/), as
 * Pod Security admission checks them (k8s.io/pod-security-admission `policy/check_*.go`), for
 * the fields a pod spec the library writes can set. A namespace's
 * `pod-security.kubernetes.io/enforce` level rejects pods that break its rules at admission, so
 * a Deployment is accepted and its pods are never created.
 */

/** Where each kind that makes pods keeps its pod spec, as a path of keys. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The Pod Security Standards levels, from the least to the most restricted. */
export enum PodSecurityLevel {
  /** No restriction. */
  PRIVILEGED = 'privileged',
  /** Known privilege escalations forbidden. */
  BASELINE = 'baseline',
  /** Current pod hardening best practice. */
  RESTRICTED = 'restricted',
}

const ORDER: readonly PodSecurityLevel[] = [PodSecurityLevel.PRIVILEGED, PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED];

/** The less restricted of two levels. */
export function lowerLevel(a: PodSecurityLevel, b: PodSecurityLevel): PodSecurityLevel {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/** Capabilities baseline lets a container add (check_capabilities_baseline.go). */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
/** Volume types restricted allows (check_restrictedVolumes.go). */
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

interface SecurityContext {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly seccompProfile?: { readonly type?: string };
}

interface Container {
  readonly name?: string;
  readonly securityContext?: SecurityContext;
  readonly ports?: ReadonlyArray<{ readonly hostPort?: number }>;
}

/** The part of a pod spec the standards look at. */
export interface PodSpecFields {
  /** `spec.hostNetwork`. */
  readonly hostNetwork?: boolean;
  /** `spec.hostPID`. */
  readonly hostPID?: boolean;
  /** `spec.hostIPC`. */
  readonly hostIPC?: boolean;
  /** `spec.securityContext`: runAsNonRoot, runAsUser and seccompProfile count for every container. */
  readonly securityContext?: SecurityContext;
  /** `spec.containers`. */
  readonly containers?: readonly Container[];
  /** `spec.initContainers`. */
  readonly initContainers?: readonly Container[];
  /** `spec.volumes`, each with its type's key (`emptyDir`, `secret`, `hostPath`, …). */
  readonly volumes?: ReadonlyArray<Record<string, unknown>>;
}

/**
 * What in `spec` breaks `level`, one line each (field path and rule); empty when it meets it.
 * Rules: baseline forbids host namespaces, privileged containers, capabilities beyond the
 * default set, hostPath volumes, host ports and an Unconfined seccomp profile; restricted adds
 * volume types, `allowPrivilegeEscalation: false`, `runAsNonRoot: true`, a non-zero
 * `runAsUser`, a RuntimeDefault or Localhost seccomp profile, and `drop: [ALL]` with at most
 * NET_BIND_SERVICE added.
 */
export function podSecurityProblems(spec: PodSpecFields, level: PodSecurityLevel): string[] {
  if (level === PodSecurityLevel.PRIVILEGED) return [];
  const problems: string[] = [];
  const containers = [...(spec.containers ?? []).map((c, i) => ({ c, at: `containers[${i}]` })), ...(spec.initContainers ?? []).map((c, i) => ({ c, at: `initContainers[${i}]` }))];
  const pod = spec.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (spec[field] === true) problems.push(`${field} is true (baseline: host namespaces)`);
  for (const [i, volume] of (spec.volumes ?? []).entries()) {
    if ('hostPath' in volume) problems.push(`volumes[${i}] is a hostPath volume (baseline)`);
    else if (level === PodSecurityLevel.RESTRICTED && !Object.keys(volume).some((k) => RESTRICTED_VOLUMES.has(k))) {
      problems.push(`volumes[${i}] is of a type restricted does not allow (only ${[...RESTRICTED_VOLUMES].join(', ')})`);
    }
  }
  if (pod.seccompProfile?.type === 'Unconfined') problems.push('securityContext.seccompProfile is Unconfined (baseline)');
  for (const { c, at } of containers) {
    const sc = c.securityContext ?? {};
    if (sc.privileged === true) problems.push(`${at}.securityContext.privileged is true (baseline)`);
    const added = sc.capabilities?.add ?? [];
    const beyond = added.filter((cap) => !BASELINE_CAPABILITIES.has(cap));
    if (beyond.length > 0) problems.push(`${at}.securityContext.capabilities.add has ${beyond.join(', ')} (baseline allows only the default set)`);
    if ((c.ports ?? []).some((p) => p.hostPort !== undefined && p.hostPort !== 0)) problems.push(`${at}.ports use a hostPort (baseline)`);
    if (sc.seccompProfile?.type === 'Unconfined') problems.push(`${at}.securityContext.seccompProfile is Unconfined (baseline)`);
    if (level !== PodSecurityLevel.RESTRICTED) continue;
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}.securityContext.allowPrivilegeEscalation is not false (restricted)`);
    if (sc.runAsNonRoot !== true && !(pod.runAsNonRoot === true && sc.runAsNonRoot === undefined)) problems.push(`${at} may run as root: runAsNonRoot is not true on it or the pod (restricted)`);
    if (sc.runAsUser === 0 || (sc.runAsUser === undefined && pod.runAsUser === 0)) problems.push(`${at} runs as user 0 (restricted)`);
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') problems.push(`${at} has no RuntimeDefault or Localhost seccomp profile, on it or the pod (restricted)`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}.securityContext.capabilities.drop does not include ALL (restricted)`);
    const extra = added.filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length > 0) problems.push(`${at}.securityContext.capabilities.add has ${extra.join(', ')} (restricted allows only NET_BIND_SERVICE)`);
  }
  if (level === PodSecurityLevel.RESTRICTED && pod.runAsUser === 0) problems.push('securityContext.runAsUser is 0 (restricted)');
  return problems;
}
