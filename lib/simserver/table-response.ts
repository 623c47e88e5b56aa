/**
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` responses. The columns and cells come
 * from the shared toTable (lib/k8s/table.ts); this module wraps them in the meta.k8s.io/v1 Table
 * envelope with PartialObjectMetadata rows, as the API server does by default.
 */
import type { KubeObject } from '../k8s/types';
import type { RegisteredKind } from '../k8s/kinds';
import { toTable } from '../k8s/table';

/** True when the client asked for a server-side Table (kubectl get does). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableEnvelopeOptions {
  now: number;
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  /** query `includeObject`; default Metadata */
  includeObject?: IncludeObject;
  /** watch events after the first carry no column definitions, like the real server */
  withColumns?: boolean;
}

/** A meta.k8s.io/v1 Table for objects of one kind. */
export function tableEnvelope(kind: RegisteredKind, objects: readonly KubeObject[], opts: TableEnvelopeOptions): Record<string, unknown> {
  const table = toTable(kind, objects, { now: opts.now });
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continueToken) metadata.continue = opts.continueToken;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.withColumns === false ? [] : table.columnDefinitions,
    rows: table.rows.map((row) => ({ cells: row.cells, object: rowObject(row.object, opts.includeObject ?? 'Metadata') })),
  };
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}
