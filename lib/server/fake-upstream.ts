/**
 * An in-memory Upstream for tests and local experiments: a tiny object store with a resourceVersion,
 * list/watch that behave like the API server's (410 for a too-old resourceVersion), and switches to make
 * the next calls fail.
 */
import type { ListPageRequest, Upstream, UpstreamEventType, UpstreamFactory, UpstreamList, UpstreamWatchHandlers, WatchedKind } from './upstream-types';

interface Obj {
  metadata: { name: string; namespace?: string; uid: string; resourceVersion: string; [k: string]: unknown };
  [k: string]: unknown;
}

export class FakeCollection implements Upstream {
  rv = 1;
  readonly items = new Map<string, Obj>();
  private readonly watchers = new Set<UpstreamWatchHandlers>();
  /** Oldest resourceVersion a watch may start from; older → 410. */
  compactedBefore = 0;
  listCalls = 0;
  watchCalls = 0;
  /** Errors thrown by the next list() calls, in order. */
  listErrors: unknown[] = [];
  /** Every list request, in order: the page asked for (limit, continue), or undefined for a whole list. */
  readonly listRequests: (ListPageRequest | undefined)[] = [];
  /** Chunked lists under way: the items and resourceVersion of their first page (the snapshot every page serves). */
  private readonly chunked = new Map<string, { items: unknown[]; rv: string }>();
  private chunkSeq = 0;

  constructor(readonly namespace: string | null) {}

  get openWatches(): number {
    return this.watchers.size;
  }

  put(name: string, extra: Record<string, unknown> = {}, uid = `uid-${name}`): void {
    const existed = this.items.has(name);
    const meta = extra.metadata as Record<string, unknown> | undefined; // labels, annotations … kept; identity set here
    const obj: Obj = { ...extra, metadata: { ...meta, name, uid, resourceVersion: String(++this.rv), ...(this.namespace ? { namespace: this.namespace } : {}) } };
    this.items.set(name, obj);
    this.emit(existed ? 'MODIFIED' : 'ADDED', obj);
  }

  remove(name: string): void {
    const obj = this.items.get(name);
    if (!obj) return;
    this.items.delete(name);
    this.emit('DELETED', { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } });
  }

  /** Ends every open watch, with an error or cleanly (as a server restart or timeout would). */
  dropWatches(err: unknown = null): void {
    for (const w of [...this.watchers]) {
      this.watchers.delete(w);
      w.onDone(err);
    }
  }

  private emit(type: UpstreamEventType, obj: Obj): void {
    for (const w of this.watchers) w.onEvent(type, JSON.parse(JSON.stringify(obj)));
  }

  /** Forgets every chunked list under way, as an API server whose continue tokens expired: their next page is 410. */
  expireContinueTokens(): void {
    this.chunked.clear();
  }

  async list(page?: ListPageRequest): Promise<UpstreamList> {
    this.listCalls++;
    this.listRequests.push(page);
    const err = this.listErrors.shift();
    if (err) throw err;
    let snapshot = { items: [...this.items.values()].map((o) => JSON.parse(JSON.stringify(o))) as unknown[], rv: String(this.rv) };
    let start = 0;
    let id = '';
    if (page?.continue) {
      [id] = page.continue.split(':');
      const held = this.chunked.get(id);
      if (!held) throw Object.assign(new Error('The provided continue parameter is too old'), { statusCode: 410 });
      snapshot = held;
      start = Number(page.continue.split(':')[1]);
    }
    if (!page || start + page.limit >= snapshot.items.length) {
      this.chunked.delete(id);
      return { items: snapshot.items.slice(start), resourceVersion: snapshot.rv };
    }
    if (!id) this.chunked.set((id = String(++this.chunkSeq)), snapshot);
    const end = start + page.limit;
    return { items: snapshot.items.slice(start, end), resourceVersion: snapshot.rv, continue: `${id}:${end}`, remainingItemCount: snapshot.items.length - end };
  }

  async watch(resourceVersion: string, handlers: UpstreamWatchHandlers) {
    this.watchCalls++;
    if (Number(resourceVersion) < this.compactedBefore) {
      handlers.onDone(Object.assign(new Error('Gone'), { statusCode: 410 }));
      return { stop() {} };
    }
    this.watchers.add(handlers);
    return { stop: () => this.watchers.delete(handlers) };
  }
}

/** A factory that creates (and remembers) one FakeCollection per (kind, namespace). */
export function fakeUpstreams(): { factory: UpstreamFactory; collections: Map<string, FakeCollection>; created: string[] } {
  const collections = new Map<string, FakeCollection>();
  const created: string[] = [];
  const factory: UpstreamFactory = (kind: WatchedKind, namespace: string | null) => {
    const id = `${kind}|${namespace ?? ''}`;
    created.push(id);
    let c = collections.get(id);
    if (!c) {
      c = new FakeCollection(namespace);
      collections.set(id, c);
    }
    return c;
  };
  return { factory, collections, created };
}
