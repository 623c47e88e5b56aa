/**
 * Kubernetes Status bodies with the reasons and messages the real API server uses, so kubectl
 * prints e.g. `Error from server (NotFound): deployments.apps "x" not found`.
 */
import type { StatusBody, StatusReason } from '../k8s/types';
import { isStatusError } from '../k8s/types';
import type { ResourceInfo } from './resources';
import { qualifiedResource } from './resources';

/** A failure Status. `reason` may be one the shared union lacks (e.g. UnsupportedMediaType). */
export function failure(code: number, reason: StatusReason | string, message: string, details?: StatusBody['details']): StatusBody {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason as StatusReason, code };
  if (details) body.details = details;
  return body;
}

/** `deployments.apps "x" not found` */
export function notFound(r: ResourceInfo, name: string): StatusBody {
  return failure(404, 'NotFound', `${qualifiedResource(r)} "${name}" not found`, { name, group: r.group || undefined, kind: r.plural });
}

/** The 404 for a path that names no resource at all. */
export function pathNotFound(): StatusBody {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(): StatusBody {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

export function badRequest(message: string): StatusBody {
  return failure(400, 'BadRequest', message);
}

/** `Request entity too large: limit is 3145728` (apimachinery errors.NewRequestEntityTooLargeError). */
export function requestEntityTooLarge(limit: number, what = ''): StatusBody {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}${what}`);
}

export function unsupportedMediaType(contentType: string): StatusBody {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${contentType})`);
}

/** `too old resource version: 5 (120)` — what a watch on a compacted resourceVersion gets. */
export function expired(requested: string, oldest: string): StatusBody {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}

/** The Success Status some deletes and evictions answer with. */
export function success(r: ResourceInfo, name: string, uid?: string): Record<string, unknown> {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
    details: { name, group: r.group || undefined, kind: r.plural, uid },
  };
}

/** Any thrown value as a Status: StatusErrors keep their body, anything else is an InternalError. */
export function statusOf(e: unknown): StatusBody {
  if (isStatusError(e)) return e.status;
  const message = e instanceof Error ? e.message : String(e);
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}
