/**
 * Server-side Table conversion (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), shared by the in-browser
 * kubectl and the sim API server. Each kind's columns and cells live in its registry module (lib/k8s/kinds), as
 * the real API server's printers (kubernetes pkg/printers/internalversion) define them; they always fill the
 * priority-1 ("wide") cells too and clients pick columns by priority. Pure: `now` is passed in so ages are
 * deterministic.
 */
import { kindOf, type RegisteredKind, type TableColumnDefinition } from './kinds';
import type { KubeObject } from './types';

export type { TableColumnDefinition } from './kinds';
export { formatLabels, podStatusReason, selectorString } from './kinds';

export interface TableRow {
  cells: unknown[];
  object: KubeObject;
}

export interface Table {
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface TableOptions {
  /** epoch ms used for AGE cells */
  now: number;
}

/** Column definitions for a kind (all priorities). */
export function tableColumns(kind: RegisteredKind): TableColumnDefinition[] {
  return [...kindOf(kind).columns];
}

/** Convert objects of one kind to a Table, in the given order. O(objects). */
export function toTable(kind: RegisteredKind, objects: readonly KubeObject[], { now }: TableOptions): Table {
  const info = kindOf(kind);
  return {
    columnDefinitions: [...info.columns],
    rows: objects.map((object) => ({ cells: info.cells(object as never, now), object })),
  };
}
