/**
 * LiveClient: ClusterClient over /api/cluster/* — reads one event stream (snapshot + deltas, read with fetch by
 * fetch-event-source.ts, resumed from the last event id), writes through the guarded actions endpoint. The browser
 * never talks to the cluster.
 *
 * Writes: the terminal's generic create/update/patch/delete calls are translated into the server's
 * allow-listed actions (scale, cordon, pause/resume, apply, patch of Pod/Deployment/ReplicaSet/Service,
 * delete pod) and need the instructor's token (`unlockWrites`). Anything else is refused here, in Korean.
 */
import { CLUSTER_SCOPED, StatusError, type CoreV1Event, type Kind, type KubeObject, type StatusBody } from '../k8s/types';
import { labelsMatch, matchesFieldSelector, parseFieldSelector } from '../k8s/selectors';
import { failure, notFound } from '../k8s/status';
import type { DeleteOptions, ListOptions, PatchType } from '../k8s/client-types';
import { APPLY_KINDS, WRITE_TOKEN_HEADER, type ActionResponse, type ApplyKind, type DeltaPayload, type LiveAction, type LiveInfo, type SnapshotPartPayload, type SnapshotPayload, type UpstreamStatus } from './live-protocol';
import { objectKey, type ClusterChange, type ClusterClient, type ClusterInfo, type ConnectionState, type SnapshotProgress } from './types';
import { forbidden, patchToAction, type CacheView } from './live-writes';
import { addListener } from './listeners';
import { ConnectionHealth } from './connection-health';
import { FullPodReader, isCompactPod } from './live-full-pod';
import type { EventSourceLike, LiveClientOptions } from './live-client-options';
import { HeldEvents } from './page-event';
import { CLOSED, FetchEventSource } from './fetch-event-source';

export type { EventSourceLike, LiveClientOptions } from './live-client-options';


/**
 * Where a snapshot's time goes in the browser, as User Timing marks a bench or the DevTools performance panel
 * reads: `live:snapshot-first-part` when its first part arrives, `live:snapshot-complete` when it is applied, with
 * { parts, chars, parseMs, applyMs } in its detail (the JSON.parse and the cache/listener work of every part).
 */
class SnapshotTiming {
  private parts = 0;
  private chars = 0;
  private parseMs = 0;
  private applyMs = 0;

  part(data: string, apply: (parsed: unknown) => void): void {
    if (this.parts++ === 0) performance.mark('live:snapshot-first-part');
    this.chars += data.length;
    const t0 = performance.now();
    const parsed: unknown = JSON.parse(data);
    const t1 = performance.now();
    apply(parsed);
    this.parseMs += t1 - t0;
    this.applyMs += performance.now() - t1;
  }

  complete(): void {
    performance.mark('live:snapshot-complete', { detail: { parts: this.parts, chars: this.chars, parseMs: this.parseMs, applyMs: this.applyMs } });
    this.parts = this.chars = this.parseMs = this.applyMs = 0;
  }
}

/** Why the badge still says 연결 중 while the server's watches have not listed the whole cluster yet. */
const LISTING = '대시보드 서버가 클러스터에서 오브젝트 목록을 받는 중입니다.';
const UNREACHABLE = '클러스터 API 서버에 연결할 수 없습니다.';

export class LiveClient implements ClusterClient {
  readonly mode = 'live' as const;
  private readonly cache = new Map<string, KubeObject>();
  private readonly listeners = new Set<(c: ClusterChange[]) => void>();
  private readonly health = new ConnectionHealth();
  private pending: ClusterChange[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private source: EventSourceLike | null = null;
  /** The Events the cache holds: the newest EVENTS_HELD_BY_PAGE, as many as the first snapshot carries (snapshot-frames.ts). */
  private readonly events = new HeldEvents();
  private lastEventId: string | null = null;
  /**
   * Keys the snapshot being received has carried so far (its `snapshot-part` events are shown as they arrive; the
   * `snapshot` event that completes it removes what none of its parts carried). Null between snapshots.
   */
  private snapshotKeys: Set<string> | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private reopenAttempts = 0;
  private serverInfo: LiveInfo | null = null;
  /** What the stream last said of the server's watches on the cluster (null before its first snapshot or status). */
  private upstream: UpstreamStatus | null = null;
  private token: string | null = null;
  private disposed = false;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly openEventSource: (url: string) => EventSourceLike;
  private readonly fullPods: FullPodReader;
  /** How far the snapshot being received is (objects so far of its total), while one is; listeners hear each part. */
  private progress: SnapshotProgress | null = null;
  private readonly progressListeners = new Set<(p: SnapshotProgress | null) => void>();
  /** Resolves when the first snapshot has arrived (or the client was disposed). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor(private readonly opts: LiveClientOptions = {}) {
    this.baseUrl = opts.baseUrl ?? '';
    this.fetchImpl = opts.fetch ?? ((...a) => fetch(...a));
    this.openEventSource = opts.eventSource ?? ((url) => new FetchEventSource(url, this.fetchImpl));
    this.fullPods = new FullPodReader(this.baseUrl, this.fetchImpl);
    this.ready = new Promise((r) => (this.markReady = r));
    void this.refreshInfo();
    this.open();
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────────────

  info(): ClusterInfo {
    const i = this.serverInfo;
    return { mode: 'live', server: i?.server, version: i?.version, namespaces: i?.namespaces, writable: !!i?.writable && this.token !== null };
  }

  /** The server's /api/cluster/info answer (reachability, upstream watch count …), refreshed on demand. */
  async refreshInfo(): Promise<LiveInfo | null> {
    try {
      const res = await this.fetchImpl(`${this.baseUrl}/api/cluster/info`, { cache: 'no-store' });
      this.serverInfo = (await res.json()) as LiveInfo;
      this.judgeHealth();
    } catch {
      /* the stream reports connectivity; info is decoration */
    }
    return this.serverInfo;
  }

  async list(kind: Kind, namespace?: string, opts?: ListOptions): Promise<KubeObject[]> {
    // Cluster-scoped kinds ignore the namespace, as the API server does.
    const prefix = namespace === undefined || CLUSTER_SCOPED.has(kind) ? `${kind}/` : `${kind}/${namespace}/`;
    const fields = opts?.fieldSelector ? parseFieldSelector(opts.fieldSelector, kind) : null;
    const out: KubeObject[] = [];
    for (const [key, o] of this.cache) {
      if (!key.startsWith(prefix)) continue;
      if (opts?.labelSelector && !labelsMatch(opts.labelSelector, o.metadata?.labels)) continue;
      if (fields && !matchesFieldSelector(fields, o)) continue;
      out.push(o);
    }
    return out;
  }

  async get(kind: Kind, name: string, namespace?: string): Promise<KubeObject> {
    const key = objectKey(kind, name, CLUSTER_SCOPED.has(kind) ? undefined : (namespace ?? 'default'));
    const o = this.cache.get(key);
    if (!o) throw notFound(kind, name);
    // one named pod of a big cluster: read in full, as `kubectl get -o yaml` prints it (live-full-pod.ts)
    return kind === 'Pod' && isCompactPod(o) ? this.fullPods.read(key, o) : o;
  }

  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }

  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    return addListener(this.listeners, cb);
  }

  /**
   * Follows a snapshot sent in parts (a big cluster's): objects received so far of the total it holds, after each part,
   * then null once it is complete (or the stream broke off). Called at once with where it stands.
   */
  onSnapshotProgress(cb: (p: SnapshotProgress | null) => void): () => void {
    cb(this.progress);
    return addListener(this.progressListeners, cb);
  }

  private setProgress(p: SnapshotProgress | null): void {
    if (p === this.progress) return;
    this.progress = p;
    for (const cb of this.progressListeners) cb(p);
  }

  connection(): ConnectionState {
    return this.health.state;
  }

  /** Why the connection is not healthy (Korean), if it is not. */
  connectionReason(): string | undefined {
    return this.health.reason;
  }

  onConnection(cb: (s: ConnectionState, reason?: string) => void): () => void {
    return this.health.onChange(cb);
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────────────

  /** The instructor's token; writes are refused in the browser until it is set. null locks again. */
  unlockWrites(token: string | null): void {
    this.token = token && token.trim() !== '' ? token.trim() : null;
  }

  writesUnlocked(): boolean {
    return this.token !== null;
  }

  async create(obj: KubeObject, opts?: { dryRun?: boolean }): Promise<KubeObject> {
    this.requireApplyKind(obj.kind);
    if (opts?.dryRun) return obj;
    return (await this.send({ action: 'apply', manifest: obj })) ?? obj;
  }

  async update(obj: KubeObject): Promise<KubeObject> {
    return this.create(obj);
  }

  async patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType): Promise<KubeObject> {
    const ns = CLUSTER_SCOPED.has(kind) ? undefined : (namespace ?? 'default');
    const view: CacheView = {
      get: (k, n, s) => this.cache.get(objectKey(k, n, CLUSTER_SCOPED.has(k) ? undefined : s)),
      all: () => this.cache.values(),
    };
    let result: KubeObject | undefined;
    for (const action of patchToAction(kind, name, ns ?? 'default', patch, type, view)) result = await this.send(action);
    return result ?? (await this.get(kind, name, ns));
  }

  async delete(kind: Kind, name: string, namespace?: string, _opts?: DeleteOptions): Promise<KubeObject> {
    if (kind !== 'Pod') throw forbidden(`실제 클러스터에서는 파드만 삭제할 수 있습니다 (${kind} 삭제는 허용되지 않음).`);
    const before = this.cache.get(objectKey('Pod', name, namespace ?? 'default'));
    await this.send({ action: 'delete-pod', namespace: namespace ?? 'default', name });
    return before ?? ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace } } as KubeObject);
  }

  private requireApplyKind(kind: string | undefined): void {
    if (!APPLY_KINDS.includes(kind as ApplyKind)) {
      throw forbidden(`실제 클러스터에는 Pod, Deployment, ReplicaSet, Service만 만들거나 바꿀 수 있습니다 (${kind ?? '알 수 없음'}).`);
    }
  }

  private async send(action: LiveAction): Promise<KubeObject | undefined> {
    if (!this.token) throw forbidden('실제 클러스터에 쓰려면 강사가 쓰기 토큰으로 잠금을 해제해야 합니다.');
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}/api/cluster/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WRITE_TOKEN_HEADER]: this.token },
        body: JSON.stringify(action),
      });
    } catch (e) {
      throw failure(503, 'ServiceUnavailable', `대시보드 서버에 연결할 수 없습니다: ${(e as Error).message}`);
    }
    const body = (await res.json().catch(() => null)) as ActionResponse | null;
    if (!body) throw failure(res.status, 'InternalError', `예상하지 못한 응답 (HTTP ${res.status})`);
    if (!body.ok) throw new StatusError(body.status as StatusBody);
    if (body.object) this.applyChange('upsert', body.object);
    return body.object;
  }

  // ── the stream ─────────────────────────────────────────────────────────────────────────────────

  private streamUrl(): string {
    const q = new URLSearchParams();
    if (this.opts.namespaces?.length) q.set('namespace', this.opts.namespaces.join(','));
    if (this.lastEventId) q.set('lastEventId', this.lastEventId);
    const qs = q.toString();
    return `${this.baseUrl}/api/cluster/stream${qs ? `?${qs}` : ''}`;
  }

  private open(): void {
    if (this.disposed) return;
    const es = this.openEventSource(this.streamUrl());
    this.source = es;
    const track = (ev: { lastEventId?: string }) => {
      if (ev.lastEventId) this.lastEventId = ev.lastEventId;
    };
    this.snapshotKeys = null; // a stream that broke off never completes its snapshot: the next one starts over
    const timing = new SnapshotTiming();
    es.addEventListener('snapshot-part', (ev) => {
      timing.part(ev.data, (parsed) => {
        const part = parsed as SnapshotPartPayload;
        this.applySnapshotObjects(part.objects);
        const done = (this.progress?.done ?? 0) + part.objects.length;
        const total = typeof part.total === 'number' && Number.isFinite(part.total) ? part.total : 0;
        this.setProgress({ done, total: Math.max(total, done) });
      });
    });
    es.addEventListener('snapshot', (ev) => {
      track(ev);
      timing.part(ev.data, (parsed) => this.onSnapshot(parsed as SnapshotPayload));
      timing.complete();
      // what the snapshot changed reaches the listeners before its end does: they may take the end to mean "all in"
      this.flushNow();
      this.setProgress(null);
    });
    for (const type of ['upsert', 'delete'] as const) {
      es.addEventListener(type, (ev) => {
        track(ev);
        const d = JSON.parse(ev.data) as DeltaPayload;
        this.applyChange(type, d.object, d.kind, d.key);
      });
    }
    es.addEventListener('status', (ev) => this.onUpstream(JSON.parse(ev.data) as UpstreamStatus));
    es.onerror = () => {
      if (this.disposed) return;
      this.upstream = null; // what the broken stream said of the cluster no longer holds
      this.health.unhealthy('대시보드 서버와의 연결이 끊겨 다시 연결하는 중입니다.');
      this.snapshotKeys = null; // EventSource reconnects with a fresh snapshot or a replay, never the rest of this one
      this.setProgress(null);
      // A CLOSED stream will not retry by itself (the page's FetchEventSource never does; an EventSource after a 5xx):
      // reopen with backoff, waiting at least what the server asked for (`retry:`).
      if (es.readyState === CLOSED) {
        es.close();
        const delay = Math.max(es.retry ?? 0, Math.min(1_000 * 2 ** this.reopenAttempts++, 30_000));
        this.reopenTimer = setTimeout(() => this.open(), delay);
      }
    };
  }

  /**
   * Shows a part of the snapshot at once (a 20,000-pod snapshot is 54 parts of ~0.7 MB: the graph fills as they
   * arrive instead of after the last, and each part is its own batch for the store to apply in slices). Only what
   * is new or changed is reported; what the snapshot no longer holds goes when it is complete (onSnapshot).
   */
  private applySnapshotObjects(objects: readonly KubeObject[]): void {
    const seen = (this.snapshotKeys ??= new Set());
    for (const o of objects) {
      const key = objectKey(o.kind as Kind, o.metadata?.name ?? '', o.metadata?.namespace || undefined);
      seen.add(key);
      const old = this.cache.get(key);
      if (!old || old.metadata?.resourceVersion !== o.metadata?.resourceVersion || old.metadata?.uid !== o.metadata?.uid) {
        this.applyChange('upsert', o, o.kind as Kind, key);
      }
    }
  }

  private onSnapshot(s: SnapshotPayload): void {
    this.reopenAttempts = 0;
    const namespaces = s.namespaces.map((ns) => ({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: ns }, status: { phase: 'Active' } }) as KubeObject);
    this.applySnapshotObjects(namespaces);
    this.applySnapshotObjects(s.objects);
    const seen = this.snapshotKeys!;
    this.snapshotKeys = null;
    // Diff against what we showed so a re-snapshot after an outage leaves no ghosts and no duplicates.
    for (const [key, old] of this.cache) {
      if (!seen.has(key)) this.applyChange('delete', old, old.kind as Kind, key);
    }
    this.onUpstream(s.upstream);
    this.markReady();
  }

  private onUpstream(u: UpstreamStatus): void {
    this.reopenAttempts = 0;
    this.upstream = u;
    this.judgeHealth();
  }

  /**
   * The badge's state from what the server says of its watches on the cluster: connected once they have listed
   * everything (`synced`), not merely because none has failed yet. A stalled API server fails no list for a minute
   * (LIST_DEADLINE_MS): until then /api/cluster/info's probe, which gives up within 3 s, says why nothing comes.
   */
  private judgeHealth(): void {
    const u = this.upstream;
    if (!u) return; // the stream has said nothing yet: still connecting (its own errors are handled where they come)
    if (!u.ok) this.health.unhealthy(u.reason ?? '클러스터와의 연결이 끊겼습니다.');
    else if (u.synced) this.health.healthy();
    else if (this.serverInfo?.reachable === false) this.health.unhealthy(this.serverInfo.reason ?? UNREACHABLE);
    else this.health.waiting(LISTING);
  }

  private applyChange(type: 'upsert' | 'delete', object: KubeObject, kind?: Kind, key?: string): void {
    const k = kind ?? (object.kind as Kind);
    const id = key ?? objectKey(k, object.metadata?.name ?? '', object.metadata?.namespace || undefined);
    if (type === 'delete') {
      if (!this.cache.delete(id)) return;
      if (k === 'Event') this.events.drop(id);
    } else {
      this.cache.set(id, object);
      if (k === 'Event') this.events.hold(id, object as CoreV1Event);
    }
    this.pending.push({ type, kind: k, key: id, object });
    // A busy cluster's Events (an hour's worth) are let go past the page's limit, oldest first, as deletes
    if (k === 'Event' && type === 'upsert') {
      for (const gone of this.events.overflow()) {
        const old = this.cache.get(gone);
        if (!old) continue;
        this.cache.delete(gone);
        this.pending.push({ type: 'delete', kind: 'Event', key: gone, object: old });
      }
    }
    this.flushTimer ??= setTimeout(() => this.flush(), 16);
  }

  private flushNow(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flush();
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.pending.length === 0 || this.disposed) return;
    const batch = this.pending;
    this.pending = [];
    for (const cb of this.listeners) cb(batch);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.source?.close();
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.health.stop();
    this.listeners.clear();
    this.progressListeners.clear();
    this.markReady();
    this.opts.onDispose?.();
  }
}
