/**
 * List chunking (`?limit=N&continue=TOKEN`), as the API concepts doc "Retrieving large results sets in chunks"
 * describes: each page ends with a continue token while items remain, and every page of one list is served from the
 * same snapshot, the first page's resourceVersion. The first page's sorted items are kept (pinned) for the pages
 * that continue it, so a page costs O(limit) instead of a copy and sort of the whole collection (kubectl reads
 * 20,000 pods in 40 pages of 500). A token whose pin has gone (expired, evicted, or from before a restart) still
 * works: the next page starts after the key of the last item sent, from the current state.
 */
import type { KubeObject } from '../k8s/types';
import { badRequest } from '../k8s/status';

interface ContinueToken {
  /** namespace/name of the last item of the previous page */
  after: string;
  rv: string;
  /** the pinned list this token continues, and where its next page starts */
  pin?: string;
  start?: number;
}

function keyOf(o: KubeObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

export interface Page {
  items: readonly KubeObject[];
  /** the list's resourceVersion: the first page's for every page of a chunked list */
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

interface PinnedList {
  scope: string;
  items: readonly KubeObject[];
  resourceVersion: string;
  expires: number;
}

/** How long a chunked list's snapshot is kept after its last page was asked for, and how many at most. */
const PIN_TTL_MS = 60_000;
const MAX_PINNED = 8;
const pinned = new Map<string, PinnedList>();
let pinSeq = 0;

function pin(list: PinnedList): string {
  const id = `${++pinSeq}`;
  pinned.set(id, list);
  // the oldest first (Map order): a client that never reads its last page costs a slot until it expires or is pushed out
  for (const [old, p] of pinned) if (pinned.size > MAX_PINNED || p.expires < Date.now()) pinned.delete(old);
  return id;
}

/**
 * One page of a list. `list` is called only when no pinned snapshot continues the token (for the first page and for
 * an unpinned token); `scope` names the query (kind, namespace, selectors) so a token never continues another one.
 */
export function listPage(list: () => { items: readonly KubeObject[]; resourceVersion: string }, scope: string, limit?: number, continueToken?: string): Page {
  const token = continueToken ? decodeToken(continueToken) : undefined;
  const held = token?.pin ? pinned.get(token.pin) : undefined;
  let sorted: readonly KubeObject[];
  let resourceVersion: string;
  let start = 0;
  let pinId: string | undefined;
  if (held && held.scope === scope && token!.start !== undefined && keyOf(held.items[token!.start - 1] ?? {}) === token!.after) {
    ({ items: sorted, resourceVersion } = held);
    start = token!.start;
    pinId = token!.pin;
    held.expires = Date.now() + PIN_TTL_MS;
  } else {
    const fresh = list();
    sorted = [...fresh.items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    resourceVersion = fresh.resourceVersion;
    if (token) {
      start = sorted.findIndex((o) => keyOf(o) > token.after);
      if (start < 0) start = sorted.length;
    }
  }
  if (!limit || limit <= 0 || start + limit >= sorted.length) {
    if (pinId) pinned.delete(pinId); // the last page: nobody continues this list
    return { items: sorted.slice(start), resourceVersion };
  }
  const page = sorted.slice(start, start + limit);
  pinId ??= pin({ scope, items: sorted, resourceVersion, expires: Date.now() + PIN_TTL_MS });
  const next: ContinueToken = { after: keyOf(page[page.length - 1]), rv: resourceVersion, pin: pinId, start: start + limit };
  return {
    items: page,
    resourceVersion,
    continueToken: Buffer.from(JSON.stringify(next)).toString('base64url'),
    remainingItemCount: sorted.length - start - limit,
  };
}

/** Cut one page out of a list already made. O(n log n) for the sort. */
export function paginate(items: readonly KubeObject[], resourceVersion: string, limit?: number, continueToken?: string): Page {
  return listPage(() => ({ items, resourceVersion }), '', limit, continueToken);
}

function decodeToken(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof parsed.after !== 'string') throw new Error('bad token');
    if (parsed.pin !== undefined && (typeof parsed.pin !== 'string' || !Number.isSafeInteger(parsed.start))) throw new Error('bad token');
    return parsed;
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data');
  }
}
