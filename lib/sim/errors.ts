/**
 * The engine's names for the shared Status builders (lib/k8s/status.ts) and field errors
 * (lib/k8s/field-errors.ts). Kept so engine files under edit elsewhere need no change yet; new code imports
 * lib/k8s/status directly.
 */
import { kindOf, qualifiedPlural } from '../k8s/kinds/registry';
import { failure } from '../k8s/status';
import { KINDS, type Kind } from '../k8s/types';

export { alreadyExists, badRequest, conflict, expired, invalid, methodNotAllowed, notFound } from '../k8s/status';
export { fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, goValue, type FieldError } from '../k8s/field-errors';

/** Plural and group of each kind, from the registry. */
export const RESOURCE = Object.fromEntries(KINDS.map((k) => [k, { plural: kindOf(k).plural, group: kindOf(k).group }])) as Record<
  Kind,
  { plural: string; group: string }
>;

/** `deployments.apps` / `pods` — the qualified resource used in messages. */
export const qualifiedResource = (kind: Kind): string => qualifiedPlural(kindOf(kind));

/** A 403 with a message the caller words in full (callers move to lib/k8s/status `forbidden(kind, name, why)`). */
export const forbidden = (message: string) => failure(403, 'Forbidden', message);
