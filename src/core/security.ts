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

/** Container level: no privilege escalation, every capability dropped, never root, RuntimeDefault seccomp. */
export function restrictedContainerSecurityContext() {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
