/**
 * The one place that builds Kubernetes Status errors, with the codes, reasons, messages and details of
 * k8s.io/apimachinery/pkg/api/errors/errors.go (release-1.34). The engine throws them, the sim API server
 * serialises their bodies, and the browser kubectl prints them, so all three word a failure identically.
 */
import { aggregateFieldErrors, type FieldError } from './field-errors';
import { kindInfo, qualifiedPlural } from './kinds';
import { StatusError, isStatusError, type StatusBody, type StatusReason } from './types';

/** schema.GroupResource: `{group: 'apps', resource: 'deployments'}`. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** schema.GroupKind: `{group: 'apps', kind: 'Deployment'}`. */
export interface GroupKind {
  group: string;
  kind: string;
}

/** A registered kind name (`Deployment`) or an explicit group and resource. */
export type ResourceRef = string | GroupResource;

const ON_CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again';

export function groupResourceOf(ref: ResourceRef): GroupResource {
  if (typeof ref !== 'string') return ref;
  const info = kindInfo(ref);
  if (!info) throw new Error(`kind ${ref} is not registered`);
  return { group: info.group, resource: info.plural };
}

function groupKindOf(ref: string | GroupKind): GroupKind {
  if (typeof ref !== 'string') return ref;
  return { group: kindInfo(ref)?.group ?? '', kind: ref };
}

/** GroupResource.String(): `deployments.apps`, `pods`. */
export const groupResourceString = (gr: GroupResource): string => qualifiedPlural({ group: gr.group, plural: gr.resource });

/** A failure Status. Empty detail fields are left out, as Go's `omitempty` leaves them out. */
export function failure(code: number, reason: StatusReason, message: string, details?: StatusBody['details']): StatusError {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) {
    const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== ''));
    body.details = clean as StatusBody['details'];
  }
  return new StatusError(body);
}

/**
 * The reason a client gives a failure it only knows by its HTTP code (NewGenericServerResponse's switch; a POST
 * conflict would be AlreadyExists there, every other one Conflict), plus the codes a server answers itself: 410
 * Expired, 413 RequestEntityTooLarge. Any other code is an InternalError (there is no 'Unknown' reason here).
 */
export function reasonForCode(code: number): StatusReason {
  const known: Record<number, StatusReason> = {
    400: 'BadRequest', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 410: 'Expired',
    413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests', 503: 'ServiceUnavailable', 504: 'Timeout',
  };
  return known[code] ?? 'InternalError';
}

/** The details block of errors about one named object: {name, group, kind: the plural}. */
const objectDetails = (gr: GroupResource, name: string) => ({ name, group: gr.group, kind: gr.resource });

/** NewNotFound: 404 `deployments.apps "web" not found`. */
export function notFound(ref: ResourceRef, name: string): StatusError {
  const gr = groupResourceOf(ref);
  return failure(404, 'NotFound', `${groupResourceString(gr)} "${name}" not found`, objectDetails(gr, name));
}

/** NewAlreadyExists: 409 `pods "web" already exists`. */
export function alreadyExists(ref: ResourceRef, name: string): StatusError {
  const gr = groupResourceOf(ref);
  return failure(409, 'AlreadyExists', `${groupResourceString(gr)} "${name}" already exists`, objectDetails(gr, name));
}

/** NewConflict: 409 `Operation cannot be fulfilled on deployments.apps "web": <why>` (default: the optimistic-lock wording). */
export function conflict(ref: ResourceRef, name: string, why = ON_CONFLICT): StatusError {
  const gr = groupResourceOf(ref);
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${groupResourceString(gr)} "${name}": ${why}`, objectDetails(gr, name));
}

/** NewInvalid: 422 `Deployment.apps "web" is invalid: <aggregate>`, one cause per field error; details name the Kind. */
export function invalid(ref: string | GroupKind, name: string, errs: readonly FieldError[]): StatusError {
  const gk = groupKindOf(ref);
  const what = `${gk.kind}${gk.group ? `.${gk.group}` : ''} "${name}" is invalid`;
  return failure(422, 'Invalid', errs.length ? `${what}: ${aggregateFieldErrors(errs)}` : what, {
    name,
    group: gk.group,
    kind: gk.kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.message, field: e.field })),
  });
}

/** NewBadRequest: 400 with the message as given. */
export const badRequest = (message: string): StatusError => failure(400, 'BadRequest', message);

/**
 * The 400 for an object body whose kind the server does not serve, worded as meta.NoKindMatchError
 * (k8s.io/apimachinery/pkg/api/meta/errors.go): `no matches for kind "Deploymnet" in version "v1"`.
 */
export const noKindMatch = (kind: string, version?: string): StatusError =>
  badRequest(version ? `no matches for kind "${kind}" in version "${version}"` : `no matches for kind "${kind}"`);

/** NewForbidden: 403 `namespaces "default" is forbidden: <why>`; without a resource, `forbidden: <why>`. */
export function forbidden(ref: ResourceRef | undefined, name: string, why: string): StatusError {
  const gr = ref === undefined ? undefined : groupResourceOf(ref);
  const message = !gr ? `forbidden: ${why}` : name ? `${groupResourceString(gr)} "${name}" is forbidden: ${why}` : `${groupResourceString(gr)} is forbidden: ${why}`;
  return failure(403, 'Forbidden', message, gr ? objectDetails(gr, name) : {});
}

/** NewMethodNotSupported: 405 `<action> is not supported on resources of kind "daemonsets.apps"`. */
export function methodNotSupported(ref: ResourceRef, action: string): StatusError {
  const gr = groupResourceOf(ref);
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${groupResourceString(gr)}"`, { group: gr.group, kind: gr.resource });
}

/** The 405 the generic REST handler answers for a verb a path does not serve (NewGenericServerResponse). */
export const methodNotAllowed = (message = 'the server does not allow this method on the requested resource'): StatusError =>
  failure(405, 'MethodNotAllowed', message, {});

/** The 404 for a path that names no resource at all (NewGenericServerResponse). */
export const pathNotFound = (): StatusError => failure(404, 'NotFound', 'the server could not find the requested resource', {});

/** NewResourceExpired: 410 Expired, e.g. `too old resource version: 5 (120)` for a compacted watch. */
export const expired = (message: string): StatusError => failure(410, 'Expired', message);

/**
 * NewTooManyRequests: 429 with the message as given and, when positive, how long to wait (retryAfterSeconds; Go's
 * omitempty drops a 0). The eviction subresource adds its DisruptionBudget cause.
 */
export const tooManyRequests = (message: string, retryAfterSeconds: number, causes?: { reason: string; message: string }[]): StatusError =>
  failure(429, 'TooManyRequests', message, { causes, retryAfterSeconds: retryAfterSeconds > 0 ? retryAfterSeconds : undefined });

/** NewInternalError: 500 `Internal error occurred: <err>` with the error as the one cause. */
export const internalError = (message: string): StatusError =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });

/**
 * 415 for a body in a format the endpoint does not decode, as k8s.io/apiserver's
 * pkg/endpoints/handlers/negotiation/errors.go (NewUnsupportedMediaTypeError) words it.
 */
export const unsupportedMediaType = (accepted: readonly string[] = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']): StatusError =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);

/** NewRequestEntityTooLargeError: 413 `Request entity too large: limit is 3145728` (`what` adds the server's detail). */
export const requestEntityTooLarge = (limit: number, what = ''): StatusError =>
  failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}${what}`);

/** The Success Status some deletes answer with. */
export function success(ref: ResourceRef, name: string, uid?: string): Record<string, unknown> {
  const gr = groupResourceOf(ref);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, group: gr.group || undefined, kind: gr.resource, uid } };
}

/** Any thrown value as a Status body: StatusErrors keep theirs, anything else becomes an InternalError. */
export function statusOf(e: unknown): StatusBody {
  if (isStatusError(e)) return e.status;
  return internalError(e instanceof Error ? e.message : String(e)).status;
}
