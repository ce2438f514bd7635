// The Gateway API references the library writes, with every field the API server would
// default written out. The Gateway API CRDs (v1.6.1) default `group`/`kind` of parentRefs,
// backendRefs and certificateRefs, `weight` of backendRefs and an HTTPRoute rule's `matches`;
// each sits inside a list, and kubectl's client-side apply (JSON merge patch for custom
// resources) and Argo CD compare lists whole, so an omitted default reads as drift on every
// sync. The validator flags any such default it finds (validator.ts, "inside a list").

import * as gatewayapi from '../../imports/gatewayapi-gateway.networking.k8s.io';

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** A route's parent: a Gateway listener (`parentRefs[]`; CRD defaults group and kind). */
export function gatewayParentRef(ref: { name: string; namespace?: string; sectionName?: string; port?: number }) {
  return { group: GATEWAY_API_GROUP, kind: 'Gateway', ...ref };
}

/** A route's backend (`backendRefs[]`): a Service unless group/kind say otherwise; weight 1 as the CRD defaults. */
export function backendRef(ref: { name: string; namespace?: string; port?: number; group?: string; kind?: string }) {
  return { group: '', kind: 'Service', ...ref, weight: 1 };
}

/** A Gateway listener's certificate (`tls.certificateRefs[]`): a Secret in the Gateway's namespace. */
export function certificateRef(name: string) {
  return { group: '', kind: 'Secret', name };
}

/** An HTTPRoute rule's `matches` when it takes every request: the CRD's default, written out. */
export const MATCH_ALL_PATHS = [{ path: { type: gatewayapi.HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: '/' } }];
