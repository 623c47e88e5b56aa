/**
 * A reflector: keeps one (kind, namespace) collection in memory by list + watch, the client-go shape.
 *   list → diff against what we hold (emit upserts/deletes) → watch from the list's resourceVersion
 *   watch closed cleanly      → watch again from the last resourceVersion
 *   410 Gone (status or event) → relist at once
 *   any other error           → wait (1 s, 2 s, 4 s … capped at 30 s), then relist
 * Relisting after errors (instead of re-watching) costs one list but guarantees no ghosts when the cluster
 * behind the same URL was replaced: the diff deletes what is gone and upserts what changed (uid or RV).
 */
import { objectKey } from '../cluster/types';
import type { KubeObject } from '../k8s/types';
import { forgetObjectJson } from './object-json';
import { projectObject } from './projection';
import { COMPACT_PODS_ABOVE } from './projection-compact';
import { isGone, type Upstream, type UpstreamEventType, type UpstreamWatch, type WatchedKind } from './upstream-types';

export const BACKOFF_INITIAL_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
/** Items per list page: client-go's pager default (k8s.io/client-go/tools/pager, defaultPageSize). */
export const LIST_PAGE_SIZE = 500;
/** A turn of the event loop: timers, sockets and other streams run between two list pages. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A watch that ends sooner than this without delivering anything counts as a failure (prevents tight loops). */
const MIN_HEALTHY_WATCH_MS = 1_000;

export type ReflectorChange = { type: 'upsert' | 'delete'; key: string; object: KubeObject };
export type ReflectorHealth = { ok: boolean; synced: boolean; reason?: string };

export interface ReflectorCallbacks {
  onChange(change: ReflectorChange): void;
  onHealth(health: ReflectorHealth): void;
}

/** Delay before retry number `attempt` (1-based): 1 s doubling to 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(BACKOFF_INITIAL_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

/** A short Korean reason for the connection badge, with the technical code in parentheses. */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; statusCode?: number; code?: string | number; cause?: { code?: string } } | null;
  if (!e) return '알 수 없는 오류';
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return '클러스터 API 서버가 제때 응답하지 않습니다 (시간 초과)';
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.code === 'number' ? e.code : undefined;
  if (status === 401 || status === 403) return `클러스터가 요청을 거부했습니다 — 인증서나 RBAC 권한을 확인하세요 (HTTP ${status})`;
  if (status !== undefined) return `클러스터 API 서버 오류 (HTTP ${status})`;
  const code = e.cause?.code ?? (typeof e.code === 'string' ? e.code : undefined);
  if (code === 'ECONNREFUSED') return '클러스터 API 서버에 연결할 수 없습니다 (연결 거부)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `클러스터 API 서버 주소를 찾을 수 없습니다 (${code})`;
  return `클러스터 API 서버와의 연결이 끊겼습니다 (${code ?? e.message ?? String(err)})`;
}

export class Reflector {
  readonly objects = new Map<string, KubeObject>();
  private resourceVersion = '';
  private running = false;
  /** Bumped on every start/stop so callbacks from an abandoned list or watch are ignored. */
  private generation = 0;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private currentWatch: UpstreamWatch | null = null;
  private health: ReflectorHealth = { ok: true, synced: false };
  /**
   * Whether objects are projected compactly (a feed of more than COMPACT_PODS_ABOVE pods). Decided by each
   * list and switched on when watch events grow the feed past it; it only switches back at a relist, so a
   * feed hovering at the threshold does not flip between the two shapes.
   */
  private compact = false;

  constructor(
    readonly kind: WatchedKind,
    readonly namespace: string | null,
    private readonly upstream: Upstream,
    private readonly callbacks: ReflectorCallbacks,
  ) {}

  get synced(): boolean {
    return this.health.synced;
  }

  currentHealth(): ReflectorHealth {
    return this.health;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation++;
    void this.relist(this.generation);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.currentWatch?.stop();
    this.currentWatch = null;
    // the hub's resume history may still hold these objects; their cached JSON goes now (object-json.ts)
    for (const obj of this.objects.values()) forgetObjectJson(obj);
  }

  private setHealth(next: ReflectorHealth): void {
    const h = this.health;
    if (h.ok === next.ok && h.synced === next.synced && h.reason === next.reason) return;
    this.health = next;
    this.callbacks.onHealth(next);
  }

  private keyOf(obj: KubeObject): string {
    return objectKey(this.kind, obj.metadata?.name ?? '', obj.metadata?.namespace || undefined);
  }

  /**
   * Lists in pages of LIST_PAGE_SIZE (`limit` + `continue`), as client-go's reflector lists through its pager
   * (k8s.io/client-go/tools/pager, 500 items a page): a page is parsed, projected and applied before the next one
   * is asked for, so a 20,000-pod list is 40 short tasks instead of one 45 MB parse that stalls every other request
   * of this server for seconds, and the raw page is garbage before the next arrives. Every page of one list is
   * served from the first page's snapshot (API concepts, "Retrieving large results sets in chunks"); the watch then
   * starts from the last page's resourceVersion. A `continue` token that expired mid-list (410) falls back to one
   * unpaged list, as the pager's FullListIfExpired does. Objects are upserted page by page; what the list no
   * longer holds is deleted at its end.
   */
  private async relist(gen: number, paged = true): Promise<void> {
    const seen = new Set<string>();
    let token: string | undefined;
    let resourceVersion = '';
    let listed = 0;
    this.compact = false;
    do {
      let page;
      try {
        page = await this.upstream.list(paged ? { limit: LIST_PAGE_SIZE, continue: token } : undefined);
      } catch (err) {
        if (gen !== this.generation) return;
        if (token && isGone(err)) return this.relist(gen, false);
        return this.fail(gen, err);
      }
      if (gen !== this.generation) return;
      listed += page.items.length;
      // compact once the whole list will be past the threshold (remainingItemCount says so on the first page when
      // the server gives it), or once the pages so far are; never back within one list
      this.compact ||= this.kind === 'Pod' && listed + (page.remainingItemCount ?? 0) > COMPACT_PODS_ABOVE;
      for (const raw of page.items) {
        const obj = projectObject(this.kind, raw, { compact: this.compact, owned: this.upstream.ownsObjects });
        const key = this.keyOf(obj);
        seen.add(key);
        this.upsert(key, obj);
      }
      resourceVersion = page.resourceVersion;
      token = paged ? page.continue : undefined;
      if (token) await nextTurn();
      if (gen !== this.generation) return;
    } while (token);
    this.deleteUnseen(seen);
    this.resourceVersion = resourceVersion;
    this.setHealth({ ok: true, synced: true });
    await this.watch(gen, true);
  }

  /** The end of a relist: what the store holds and the list did not is gone from the cluster. */
  private deleteUnseen(seen: Set<string>): void {
    for (const [key, old] of this.objects) {
      if (!seen.has(key)) {
        this.objects.delete(key);
        forgetObjectJson(old);
        this.callbacks.onChange({ type: 'delete', key, object: old });
      }
    }
  }

  private upsert(key: string, obj: KubeObject): void {
    const old = this.objects.get(key);
    if (old && old.metadata?.uid === obj.metadata?.uid && old.metadata?.resourceVersion === obj.metadata?.resourceVersion) return;
    if (old) forgetObjectJson(old);
    this.objects.set(key, obj);
    this.callbacks.onChange({ type: 'upsert', key, object: obj });
  }

  private async watch(gen: number, fromFreshList = false): Promise<void> {
    const startedAt = Date.now();
    let delivered = false;
    let gone = false;
    let ended = false;
    const onEvent = (type: UpstreamEventType, raw: unknown) => {
      if (gen !== this.generation) return;
      if (type === 'ERROR') {
        if (isGone(raw)) gone = true;
        return;
      }
      const rv = (raw as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
      if (rv) this.resourceVersion = rv;
      delivered = true;
      this.failures = 0;
      if (type === 'BOOKMARK') return;
      if (this.kind === 'Pod' && this.objects.size > COMPACT_PODS_ABOVE) this.compact = true;
      const obj = projectObject(this.kind, raw, { compact: this.compact, owned: this.upstream.ownsObjects });
      const key = this.keyOf(obj);
      if (type === 'DELETED') {
        const old = this.objects.get(key);
        if (old) {
          this.objects.delete(key);
          forgetObjectJson(old);
          this.callbacks.onChange({ type: 'delete', key, object: obj });
        }
      } else {
        this.upsert(key, obj);
      }
    };
    const onDone = (err: unknown) => {
      if (ended || gen !== this.generation) return;
      ended = true;
      this.currentWatch = null;
      const quick = !delivered && Date.now() - startedAt < MIN_HEALTHY_WATCH_MS;
      if ((gone || isGone(err)) && !(quick && fromFreshList)) {
        this.resourceVersion = '';
        void this.relist(gen);
      } else if (gone || isGone(err)) {
        // 410 for the resourceVersion a list just returned: relisting at once would spin, so back off.
        this.resourceVersion = '';
        this.fail(gen, err ?? new Error('410 Gone'));
      } else if (err && (err as { name?: string }).name !== 'TimeoutError') {
        this.fail(gen, err);
      } else if (quick) {
        // Closed at once with nothing said: treat like an error so a misbehaving server cannot spin us.
        this.fail(gen, err ?? new Error('watch closed immediately'));
      } else {
        void this.watch(gen);
      }
    };
    try {
      const w = await this.upstream.watch(this.resourceVersion, { onEvent, onDone });
      if (gen !== this.generation) w.stop();
      else if (!ended) this.currentWatch = w;
    } catch (err) {
      onDone(err);
    }
  }

  private fail(gen: number, err: unknown): void {
    this.failures++;
    this.setHealth({ ok: false, synced: this.health.synced, reason: describeError(err) });
    const delay = backoffDelay(this.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (gen === this.generation) void this.relist(gen);
    }, delay);
  }
}
