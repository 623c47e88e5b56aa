/**
 * List chunking (`?limit=N&continue=TOKEN`). The token records the key of the last item sent, so
 * the next page starts after it even if objects were added or removed in between. (The real API
 * server also pins the page to the first page's resourceVersion; the simulator keeps no old
 * snapshots, so later pages show the current state — enough for kubectl's 500-item chunks.)
 */
import type { KubeObject } from '../k8s/types';
import { badRequest } from '../k8s/status';

interface ContinueToken {
  /** namespace/name of the last item of the previous page */
  after: string;
  rv: string;
}

function keyOf(o: KubeObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

export interface Page {
  items: KubeObject[];
  continueToken?: string;
  remainingItemCount?: number;
}

/** Cut one page out of a list. O(n log n) for the sort; the engine's lists are small. */
export function paginate(items: KubeObject[], resourceVersion: string, limit?: number, continueToken?: string): Page {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  let start = 0;
  if (continueToken) {
    const token = decodeToken(continueToken);
    start = sorted.findIndex((o) => keyOf(o) > token.after);
    if (start < 0) start = sorted.length;
  }
  if (!limit || limit <= 0 || start + limit >= sorted.length) return { items: sorted.slice(start) };
  const page = sorted.slice(start, start + limit);
  const token: ContinueToken = { after: keyOf(page[page.length - 1]), rv: resourceVersion };
  return {
    items: page,
    continueToken: Buffer.from(JSON.stringify(token)).toString('base64url'),
    remainingItemCount: sorted.length - start - limit,
  };
}

function decodeToken(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof parsed.after !== 'string') throw new Error('bad token');
    return parsed;
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data');
  }
}
