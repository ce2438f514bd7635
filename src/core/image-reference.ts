/**
 * Container image references as the kubelet and the container runtimes parse them: the grammar of
 * `github.com/distribution/reference` (reference.go; docker/distribution before it), which the
 * kubelet (`pkg/kubelet/images`: `ParseNormalizedNamed`, else the pod waits in
 * `InvalidImageName`), containerd and CRI-O all use:
 *
 *   reference        := name [ ":" tag ] [ "@" digest ]
 *   name             := [domain '/'] remote-name
 *   domain           := host [':' port-number]
 *   host             := domain-name | IPv4address | '[' IPv6address ']'
 *   domain-name      := domain-component ['.' domain-component]*
 *   domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 *   remote-name      := path-component ['/' path-component]*
 *   path-component   := alpha-numeric [separator alpha-numeric]*
 *   alpha-numeric    := /[a-z0-9]+/
 *   separator        := /[_.]|__|[-]+/
 *   tag              := /[\w][\w.-]{0,127}/
 *   digest           := algorithm ':' hex, 32 hex digits or more; algorithm: letters and digits
 *                       starting with a letter, in parts joined by '+', '.', '_' or '-'
 *
 * with a name of at most 255 characters (`NameTotalLengthMax`). The first path element is a
 * registry host only when it has a `.` or a `:`, is `localhost`, or has a capital letter
 * (`normalize.go` `splitDockerDomain`); otherwise the image is Docker Hub's.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** `NameTotalLengthMax`: the most characters of a name (registry and repository). */
const MAX_NAME_LENGTH = 255;

/**
 * What is wrong with `reference` as a container image reference (see the grammar above), or
 * undefined. The problem completes "<prop> …", e.g. "has a repository path with capitals …".
 */
export function imageReferenceProblem(reference: unknown): string | undefined {
  if (typeof reference !== 'string') return 'must be an image reference (a string)';
  if (reference === '') return 'is empty';
  if (/\s/.test(reference)) return 'must not contain whitespace';
  const at = reference.indexOf('@');
  const beforeDigest = at === -1 ? reference : reference.slice(0, at);
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) {
    return `has a digest '${digest}' that is not <algorithm>:<hex>, at least 32 hex digits (e.g. sha256: and 64 hex digits)`;
  }
  // A tag follows the last ':' after the last '/' (a ':' before it is a registry port).
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) {
    return `has a tag '${tag}' that is no image tag: 1 to 128 of letters, digits, '_', '.' and '-', not starting with '.' or '-'`;
  }
  if (name === '') return 'has no repository name';
  if (name.length > MAX_NAME_LENGTH) return `has a name (registry and repository) of ${name.length} characters; at most ${MAX_NAME_LENGTH} are allowed`;
  const parts = name.split('/');
  const first = parts[0];
  const isHost = parts.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (isHost && first !== first.toLowerCase() && !/[.:]/.test(first)) {
    return `starts with '${first}', which has capitals: the runtime takes it for a registry host named ${first} (repository paths are lowercase; a registry host has a '.' or a port)`;
  }
  if (isHost && !HOST.test(first)) return `has a registry host '${first}' that is no host name, IP address or [IPv6] address, with an optional :port`;
  const path = isHost ? parts.slice(1) : parts;
  if (path.length === 0 || path.some((p) => p === '')) return "has an empty path element (a leading, trailing or doubled '/')";
  const capital = path.find((p) => p !== p.toLowerCase());
  if (capital !== undefined) return `has a repository path element '${capital}' with capitals: repository names are lowercase ("repository name must be lowercase")`;
  const bad = path.find((p) => !PATH_COMPONENT.test(p));
  if (bad !== undefined) return `has a repository path element '${bad}' that is not lowercase letters and digits separated by '.', '_', '__' or dashes`;
  return undefined;
}
