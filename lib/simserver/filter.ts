/** Label and field selectors from a request's query, parsed once per request. */
import type { Kind } from '../k8s/types';
import type { FieldRequirement, LabelSelector } from '../k8s/selectors';
import { parseFieldSelector, parseLabelSelector } from '../k8s/selectors';

export interface ObjectFilter {
  labelSelector?: string;
  fieldSelector?: string;
  labels: LabelSelector;
  fields: FieldRequirement[];
}

/** Throws a 400 StatusError for malformed selectors or unsupported field labels, as the API server does. */
export function filterFromQuery(query: URLSearchParams, kind: Kind): ObjectFilter {
  const labelSelector = query.get('labelSelector') ?? undefined;
  const fieldSelector = query.get('fieldSelector') ?? undefined;
  return {
    labelSelector: labelSelector || undefined,
    fieldSelector: fieldSelector || undefined,
    labels: parseLabelSelector(labelSelector ?? ''),
    fields: parseFieldSelector(fieldSelector ?? '', kind),
  };
}
