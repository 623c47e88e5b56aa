/**
 * The seam between the watch hub and the cluster. The real implementation (upstream.ts) speaks to the API
 * server with client-node; tests pass a fake. Nothing above this file knows which one it got.
 */
import type { Kind } from '../k8s/types';

/** The kinds the dashboard watches. Secrets and ConfigMaps are deliberately absent: never read. */
export const WATCHED_KINDS = ['Node', 'Pod', 'ReplicaSet', 'Deployment', 'Service', 'Endpoints', 'Event'] as const satisfies readonly Kind[];
export type WatchedKind = (typeof WATCHED_KINDS)[number];

export interface UpstreamList {
  items: unknown[];
  resourceVersion: string;
  /** Set while more pages follow (`metadata.continue`): the next page's request carries it. */
  continue?: string;
  /** How many items the pages still to come hold, when the server says (`metadata.remainingItemCount`). */
  remainingItemCount?: number;
}

/** One page of a chunked list (API concepts, "Retrieving large results sets in chunks"). */
export interface ListPageRequest {
  limit: number;
  continue?: string;
}

export type UpstreamEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface UpstreamWatchHandlers {
  onEvent(type: UpstreamEventType, object: unknown): void;
  /** Called exactly once when the watch ends: null for a clean close, else the error (410 carries statusCode). */
  onDone(err: unknown): void;
}

export interface UpstreamWatch {
  stop(): void;
}

/** One (kind, namespace) collection on the cluster. namespace null = cluster-scoped. */
export interface Upstream {
  /**
   * True when every list item and watch object is parsed from JSON for this call alone (nobody else holds it, no
   * Date or class instance in it): the reflector then projects it in place instead of copying it first.
   */
  readonly ownsObjects?: boolean;
  /**
   * A list, bounded by a deadline: the whole collection, or with `page` one chunk of it (`limit`, `continue`). A
   * server may ignore the limit and answer with everything (no `continue`); an expired `continue` fails with 410.
   */
  list(page?: ListPageRequest): Promise<UpstreamList>;
  /** Starts a watch from resourceVersion; resolves once the request is under way (or already failed). */
  watch(resourceVersion: string, handlers: UpstreamWatchHandlers): Promise<UpstreamWatch>;
}

export type UpstreamFactory = (kind: WatchedKind, namespace: string | null) => Upstream;

/** 410 Gone / Expired: the resourceVersion is too old, relist. */
export function isGone(err: unknown): boolean {
  const e = err as { statusCode?: number; code?: number } | null;
  return !!e && (e.statusCode === 410 || e.code === 410);
}
