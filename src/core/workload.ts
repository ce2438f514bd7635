import { Size } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type { ImageUser } from './images';
import { EgressRule, workloadNetworkPolicy } from './network';
import { restrictedContainerSecurityContext, restrictedPodSecurityContextFor } from './security';
import { ephemeralStorageFor, renderResources } from './resources';
import { quantity } from './units';
import { Subject, throwPropError } from './errors';

/** A Secret mounted read-only into a {@link scriptDeployment}. */
export interface MountedSecret {
  /** The volume's name in the pod. */
  readonly volume: string;
  readonly secretName: string;
  readonly mountPath: string;
  /** Only these keys. @default - every key */
  readonly keys?: string[];
}

/** Props of {@link scriptDeployment}. */
export interface ScriptDeploymentProps {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  readonly containerName: string;
  readonly image: string;
  /** The image's numeric user and group (`resolveImageUser`): the pod runs as them. */
  readonly user: ImageUser;
  /**
   * Where the pod may connect besides the cluster DNS; its NetworkPolicy (named like the
   * Deployment, child id `<id>NetworkPolicy`) admits nothing in, since nothing in it listens.
   */
  readonly egress: readonly EgressRule[];
  /** A POSIX shell script, the container's command. */
  readonly script: string;
  readonly env?: k8s.EnvVar[];
  /** The CPU request, in millicores; no CPU limit (it would throttle the script while the node idles). */
  readonly cpuMillis: number;
  readonly memoryRequest: Size;
  readonly memoryLimit: Size;
  /** The size of the writable /tmp. */
  readonly tmpSize: Size;
  readonly secrets?: MountedSecret[];
}

/**
 * Throws a prop error naming `subject` unless `image` is a container image reference: not
 * empty, no whitespace (the kubelet cannot pull anything else), e.g. `apache/kafka:4.3.1`.
 */
export function checkImage(subject: Subject, prop: string, image: string): void {
  if (typeof image !== 'string' || !/^[^\s]+$/.test(image)) throwPropError(subject, prop, 'must be a container image reference, without spaces', image, "use e.g. 'apache/kafka:4.3.1'");
}

/**
 * `value` as one POSIX shell word: single-quoted (each `'` written `'\''`) unless it holds only
 * characters the shell never interprets, so that a prop pasted into a script is data, never code.
 */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/** A {@link scriptDeployment}: the Deployment and its NetworkPolicy. */
export interface ScriptWorkload {
  readonly deployment: k8s.KubeDeployment;
  readonly networkPolicy: k8s.KubeNetworkPolicy;
}

/**
 * One pod running a shell script, the way the library runs its small workloads (clients, traffic
 * generators): the restricted security context as the image's numeric user, with a read-only
 * root filesystem and a writable /tmp (an emptyDir, writable by any user: no fsGroup needed; the
 * Secrets are mode 0644), no service account token, resource requests, a memory limit and an
 * ephemeral storage limit (`ephemeralStorageFor` the /tmp size),
 * Secrets read-only; and a NetworkPolicy that admits nothing in and lets out only DNS and `egress`.
 */
export function scriptDeployment(scope: Construct, id: string, p: ScriptDeploymentProps): ScriptWorkload {
  const secrets = p.secrets ?? [];
  const deployment = new k8s.KubeDeployment(scope, id, {
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: p.labels },
      template: {
        metadata: { labels: p.labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: restrictedPodSecurityContextFor(p.user),
          containers: [{
            name: p.containerName,
            image: p.image,
            command: ['/bin/sh', '-c', p.script.trim()],
            ...(p.env && { env: p.env }),
            securityContext: { ...restrictedContainerSecurityContext(), readOnlyRootFilesystem: true },
            resources: renderResources({
              cpu: { request: Cpu.millis(p.cpuMillis) },
              memory: { request: p.memoryRequest, limit: p.memoryLimit },
              ephemeralStorage: ephemeralStorageFor(p.tmpSize),
            }, k8s.Quantity.fromString, k8s.Quantity.fromString),
            volumeMounts: [
              { name: 'tmp', mountPath: '/tmp' },
              ...secrets.map((s) => ({ name: s.volume, mountPath: s.mountPath, readOnly: true })),
            ],
          }],
          volumes: [
            { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString(quantity(p.tmpSize)) } },
            ...secrets.map((s) => ({
              name: s.volume,
              secret: { secretName: s.secretName, ...(s.keys && { items: s.keys.map((key) => ({ key, path: key })) }) },
            })),
          ],
        },
      },
    },
  });
  const networkPolicy = workloadNetworkPolicy(scope, `${id}NetworkPolicy`, { name: p.name, namespace: p.namespace, labels: p.labels, podLabels: p.labels, egress: p.egress });
  return { deployment, networkPolicy };
}

/**
 * Topology spread constraints for the pods with `matchLabels`: over nodes, strictly (a node
 * failure takes one replica), and over zones by `zoneKey` on a best-effort basis (zone labels
 * may be missing, e.g. on KIND), unless `zoneKey` is undefined.
 */
export function spreadOverNodesAndZones(matchLabels: Record<string, string>, zoneKey: string | undefined) {
  const spread = (topologyKey: string, whenUnsatisfiable: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels } });
  return [...(zoneKey !== undefined ? [spread(zoneKey, 'ScheduleAnyway')] : []), spread('kubernetes.io/hostname', 'DoNotSchedule')];
}
