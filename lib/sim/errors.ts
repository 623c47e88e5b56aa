/**
 * Status errors with the API server's wording. `resource` is the plural plus group as the API
 * server prints it in messages: `deployments.apps "web" not found`.
 */
import { StatusError, type Kind, type StatusBody } from '../k8s/types';

export const RESOURCE: Record<Kind, { plural: string; group: string }> = {
  Namespace: { plural: 'namespaces', group: '' },
  Node: { plural: 'nodes', group: '' },
  Pod: { plural: 'pods', group: '' },
  Service: { plural: 'services', group: '' },
  Endpoints: { plural: 'endpoints', group: '' },
  Event: { plural: 'events', group: '' },
  ReplicaSet: { plural: 'replicasets', group: 'apps' },
  Deployment: { plural: 'deployments', group: 'apps' },
};

/** `deployments.apps` / `pods` — the qualified resource used in messages. */
export function qualifiedResource(kind: Kind): string {
  const r = RESOURCE[kind];
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

function status(code: number, reason: StatusBody['reason'], message: string, details?: StatusBody['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) });
}

const detailsOf = (kind: Kind, name: string) => ({ name, ...(RESOURCE[kind].group ? { group: RESOURCE[kind].group } : {}), kind: RESOURCE[kind].plural });

export const notFound = (kind: Kind, name: string) => status(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`, detailsOf(kind, name));

export const alreadyExists = (kind: Kind, name: string) =>
  status(409, 'AlreadyExists', `${qualifiedResource(kind)} "${name}" already exists`, detailsOf(kind, name));

export const conflict = (kind: Kind, name: string) =>
  status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(kind, name),
  );

export const badRequest = (message: string) => status(400, 'BadRequest', message);

export const methodNotAllowed = (message: string) => status(405, 'MethodNotAllowed', message);

export const expired = (message: string) => status(410, 'Expired', message);

export const forbidden = (message: string) => status(403, 'Forbidden', message);

/** One field error, as field.ErrorList renders it: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldError {
  field: string;
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden' | 'FieldValueNotSupported' | 'FieldValueDuplicate';
  message: string; // the full rendered detail after the field path
}

/** 422 Invalid with the aggregated message `Deployment.apps "web" is invalid: [a, b]` (no brackets for one error). */
export function invalid(kind: Kind, name: string, errs: FieldError[]): StatusError {
  const group = RESOURCE[kind].group;
  const rendered = errs.map((e) => `${e.field}: ${e.message}`);
  const body = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  return status(422, 'Invalid', `${kind}${group ? '.' + group : ''} "${name}" is invalid: ${body}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.message, field: e.field })),
  });
}

/** Renders a Go-ish value for "Invalid value: …" (strings quoted, numbers bare). */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v == null) return 'null';
  return JSON.stringify(v);
}

export const fieldInvalid = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  type: 'FieldValueInvalid',
  message: `Invalid value: ${goValue(value)}: ${detail}`,
});
export const fieldRequired = (field: string, detail = ''): FieldError => ({ field, type: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value' });
export const fieldForbidden = (field: string, detail: string): FieldError => ({ field, type: 'FieldValueForbidden', message: `Forbidden: ${detail}` });
export const fieldNotSupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  field,
  type: 'FieldValueNotSupported',
  message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});
