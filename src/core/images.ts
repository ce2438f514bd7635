import { Subject, throwPropError } from './errors';
import { SUPPORTED_KAFKA_VERSIONS } from './versions';

/**
 * The images the library's own pod specs run, and the numeric user each runs as, in one table
 * beside the versions (`versions.ts`).
 *
 * Why numbers: a pod with `runAsNonRoot: true` and no `runAsUser` starts only if the image's
 * `USER` is numeric; for a named user (`appuser`, `curl_user`) the kubelet refuses the container
 * ("container has runAsNonRoot and image has non-numeric user …, cannot verify user is
 * non-root": kubelet `verifyRunAsNonRoot`). So every pod spec the library defines sets
 * `runAsUser`/`runAsGroup` from this table, and an image the table does not know needs its
 * numbers from the caller (`imageUser`). `test/core/images.test.ts` checks every pod spec of
 * every example environment against this table.
 *
 * Pods Strimzi makes (brokers, controllers, entity operator, bridges) are not here: Strimzi
 * chooses their images, whose `USER` is numeric (`USER 1001`, strimzi-kafka-operator
 * `docker-images/kafka-based/kafka/Dockerfile`), so the kubelet can verify them without a
 * `runAsUser`.
 */

/** The numeric user and group a container runs as. */
export interface ImageUser {
  /** The user id: `runAsUser`, from 1 (0 is root, which `runAsNonRoot` forbids) to 2147483647. */
  readonly uid: number;
  /** The primary group id: `runAsGroup` (and `fsGroup` where a volume must be writable), from 0 to 2147483647. */
  readonly gid: number;
}

/** What the library knows of an image it runs: its user by number and name, and where that comes from. */
export interface ImageFacts extends ImageUser {
  /** The user's name in the image (its `USER`). */
  readonly userName: string;
  /** The primary group's name in the image. */
  readonly groupName: string;
  /** Where the numbers come from: the upstream build file, its path and commit, and how it assigns them. */
  readonly source: string;
}

/** The `apache/kafka` image of a Kafka version (the KRaft StatefulSets and the client workloads). */
export function apacheKafkaImage(version: string): string {
  return `apache/kafka:${version}`;
}

/** The curl image the traffic generators run: curl and a POSIX shell. */
export const CURL_IMAGE = 'curlimages/curl:8.11.1';

// apache/kafka docker/jvm/Dockerfile (apache/kafka@e4d34ddd203b995f6cc0755d2c5e134270d0f092, unchanged
// at trunk 1eb7644349cb; the 4.1.0 image's history has the same RUN line): FROM
// eclipse-temurin:21-jre-alpine; `adduser -h /home/appuser -D --shell /bin/bash appuser`;
// `USER appuser`. No -u: busybox adduser (loginutils/adduser.c passwd_study) takes the first free
// uid from 1000 and, with no -G, makes a group of the same name with gid = uid.
const APACHE_KAFKA: ImageFacts = {
  uid: 1000,
  gid: 1000,
  userName: 'appuser',
  groupName: 'appuser',
  source: 'apache/kafka docker/jvm/Dockerfile @ e4d34ddd203b995f6cc0755d2c5e134270d0f092: FROM eclipse-temurin:21-jre-alpine, '
    + '`adduser -h /home/appuser -D --shell /bin/bash appuser`, `USER appuser`; busybox adduser assigns the first free uid from 1000 and a group appuser with gid = uid',
};

/**
 * Every image the library's own pod specs run by default, by image reference: `apache/kafka` of
 * every supported Kafka version, and the curl image of the traffic generators.
 */
export const IMAGE_FACTS: Readonly<Record<string, ImageFacts>> = {
  ...Object.fromEntries(SUPPORTED_KAFKA_VERSIONS.map((version) => [apacheKafkaImage(version), APACHE_KAFKA])),
  // curl/curl-container create_base_image.sh @ 8fa3dc0482451e3354992a65e10241a63788d7f3 (the merge of
  // v8.11.1), base docker.io/alpine:3.21.0 (Makefile): `addgroup -S curl_group`, `adduser -S curl_user
  // -G curl_group`; create_appliance_image.sh: `buildah config --user curl_user`. busybox gives a
  // system account the first free id from 100: uid 100; Alpine's /etc/group already has users:100,
  // so curl_group is 101 (alpine-baselayout `group`). curl/curl-docker#79 asserts the uid is 100.
  [CURL_IMAGE]: {
    uid: 100,
    gid: 101,
    userName: 'curl_user',
    groupName: 'curl_group',
    source: 'curl/curl-container create_base_image.sh @ 8fa3dc0482451e3354992a65e10241a63788d7f3 (v8.11.1, alpine:3.21.0): '
      + '`addgroup -S curl_group`, `adduser -S curl_user -G curl_group`; create_appliance_image.sh `buildah config --user curl_user`; '
      + 'busybox gives system accounts the first free id from 100 (uid 100; gid 101, Alpine\'s users group holds 100)',
  },
};

/** `image` without a `docker.io/` (or `index.docker.io/`) prefix: the same image, as the table names it. */
function canonical(image: string): string {
  return image.replace(/^(?:index\.)?docker\.io\//, '');
}

/** What the table knows of `image` (`docker.io/apache/kafka:4.3.1` is `apache/kafka:4.3.1`); undefined for another image. */
export function imageFacts(image: string): ImageFacts | undefined {
  return Object.prototype.hasOwnProperty.call(IMAGE_FACTS, canonical(image)) ? IMAGE_FACTS[canonical(image)] : undefined;
}

const MAX_ID = 2 ** 31 - 1;

/**
 * The numeric user a pod running `image` runs as: `given` (the `userProp` prop) when set, else the
 * table's. Throws a prop error naming `subject` when `given` is not a valid non-root user, or
 * when `image` is not in the table and nothing is given: the kubelet could not verify
 * `runAsNonRoot` for a named user, and a guessed number may not own the image's files.
 */
export function resolveImageUser(subject: Subject, imageProp: string, image: string, userProp: string, given: ImageUser | undefined): ImageUser {
  if (given !== undefined) {
    // k8s.io/api core/v1 SecurityContext: runAsUser and runAsGroup are int64 the API server
    // limits to 0..2147483647 (ValidateNonnegativeField, a Linux uid_t); 0 is root.
    if (!Number.isInteger(given.uid) || given.uid < 1 || given.uid > MAX_ID) {
      throwPropError(subject, `${userProp}.uid`, `must be a whole number from 1 to ${MAX_ID}: the pods run as non-root`, given.uid, `use the numeric user of image '${image}' (\`docker run --rm --entrypoint id ${image}\` prints it)`);
    }
    if (!Number.isInteger(given.gid) || given.gid < 0 || given.gid > MAX_ID) {
      throwPropError(subject, `${userProp}.gid`, `must be a whole number from 0 to ${MAX_ID}`, given.gid, `use the numeric group of image '${image}' (\`docker run --rm --entrypoint id ${image}\` prints it)`);
    }
    return { uid: given.uid, gid: given.gid };
  }
  const facts = imageFacts(image);
  if (facts === undefined) {
    throwPropError(subject, userProp, `is needed with ${imageProp} '${image}', whose numeric user the library does not know (it knows ${Object.keys(IMAGE_FACTS).join(', ')}): the pods set runAsNonRoot, and the kubelet refuses an image whose USER is a name it cannot verify, so they must name the user by number`, undefined,
      `pass ${userProp}: { uid, gid } with the image's numeric user and group (\`docker run --rm --entrypoint id ${image}\` prints them)`);
  }
  return { uid: facts.uid, gid: facts.gid };
}
