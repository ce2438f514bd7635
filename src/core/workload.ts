import { Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './security';
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
  /** A POSIX shell script, the container's command. */
  readonly script: string;
  readonly env?: k8s.EnvVar[];
  readonly cpuRequest: string;
  readonly memoryRequest: Size;
  readonly memoryLimit: Size;
  /** The size of the writable /tmp. */
  readonly tmpSize: Size;
  readonly secrets?: MountedSecret[];
}

/**
 * `value` as one POSIX shell word: single-quoted (each `'` written `'\''`) unless it holds only
 * characters the shell never interprets, so that a prop pasted into a script is data, never code.
 */
/**
 * Throws a prop error naming `subject` unless `image` is a container image reference: not
 * empty, no whitespace (the kubelet cannot pull anything else), e.g. `apache/kafka:4.3.1`.
 */
export function checkImage(subject: Subject, prop: string, image: string): void {
  if (typeof image !== 'string' || !/^[^\s]+$/.test(image)) throwPropError(subject, prop, 'must be a container image reference, without spaces', image, "use e.g. 'apache/kafka:4.3.1'");
}

export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * One pod running a shell script, the way the library runs its small workloads (clients, traffic
 * generators): the restricted security context with a read-only root filesystem and a writable
 * /tmp, no service account token, resource requests and a memory limit, Secrets read-only.
 */
export function scriptDeployment(scope: Construct, id: string, p: ScriptDeploymentProps): k8s.KubeDeployment {
  const secrets = p.secrets ?? [];
  return new k8s.KubeDeployment(scope, id, {
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: p.labels },
      template: {
        metadata: { labels: p.labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: restrictedPodSecurityContext(),
          containers: [{
            name: p.containerName,
            image: p.image,
            command: ['/bin/sh', '-c', p.script.trim()],
            ...(p.env && { env: p.env }),
            securityContext: { ...restrictedContainerSecurityContext(), readOnlyRootFilesystem: true },
            resources: {
              requests: { cpu: k8s.Quantity.fromString(p.cpuRequest), memory: k8s.Quantity.fromString(quantity(p.memoryRequest)) },
              limits: { memory: k8s.Quantity.fromString(quantity(p.memoryLimit)) },
            },
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
