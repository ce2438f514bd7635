// The same decision as kafka-access.ts: the user it names changes nothing about it.

/**
 * KafkaAccess (`access.strimzi.io/v1alpha1`) belongs to the Strimzi Access Operator, a separate
 * install outside the versions the library targets (no CRD of it among Strimzi 1.2's). It picks a
 * listener and copies the bootstrap address, the cluster CA and the user's credentials into a
 * Secret at run time; the library settles the same facts at synth, where a wrong listener or
 * authentication fails before apply: a listener's `bootstrapAddress` and `trustedCa`, the
 * cluster's `clusterCaCertSecretName`, a user's `secretName`, and `KafkaClientWorkload` (or a
 * bridge/Connect/MirrorMaker 2 wired with `fromCluster`) checks that the listener accepts the
 * user's authentication and that its ACLs allow the work.
 */
export { notRebuilt } from "./kafka-access";
