import type { ImageUser } from './images';

/**
 * The `restricted` Pod Security Standard, as security contexts for the pods and containers we
 * own or ask Strimzi to make. The shapes are plain objects that every L1 template type accepts.
 */

/** Pod level: never root, RuntimeDefault seccomp. */
export function restrictedPodSecurityContext() {
  return {
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Pod level for a pod spec the library defines itself: {@link restrictedPodSecurityContext} with
 * the image's numeric user and group (`images.ts`), without which the kubelet refuses an image
 * whose `USER` is a name ("container has runAsNonRoot and image has non-numeric user"), and, with
 * `fsGroup`, that group owning the pod's volumes (a persistent volume the process writes).
 */
export function restrictedPodSecurityContextFor(user: ImageUser, options: { readonly fsGroup?: boolean } = {}) {
  return {
    ...restrictedPodSecurityContext(),
    runAsUser: user.uid,
    runAsGroup: user.gid,
    ...(options.fsGroup && { fsGroup: user.gid }),
  };
}

/** Container level: no privilege escalation, every capability dropped, never root, RuntimeDefault seccomp. */
export function restrictedContainerSecurityContext() {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
