/**
 * Drops undefined fields and empty objects, so that a manifest carries no empty field (an empty
 * `{}` where the API server writes nothing makes GitOps tools report drift). Returns undefined
 * when nothing is left, so that nested calls collapse.
 */
export function compact<T extends Record<string, unknown>>(object: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : (out as T);
}
