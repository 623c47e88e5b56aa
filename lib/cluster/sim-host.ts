/**
 * The engine side of sim-protocol.ts: owns one simulator and answers requests in arrival order. Each answer carries
 * the watch events the request caused, so the page's copy of the cluster never runs ahead of or behind a call's
 * result. Runs inside sim.worker.ts in the browser, or in-process (sim-port.ts) where there are no workers.
 * No DOM, no React: only the engine and plain messages.
 */
import { createSimulator, K8S_VERSION } from '../sim';
import { KINDS, type CoreV1Event, type Kind, type KubeObject } from '../k8s/types';
import type { Cause } from '../k8s/client-types';
import type { MetricsApi, ShellSession, Simulator, SimWatchEvent, TrafficStartSpec } from '../sim/types';
import type { LabEntry } from '../store/lab-session';
import { replayLab } from '../store/lab-journal';
import { skipToNextDue } from './skip-ahead';
import { fieldPatch } from './field-patch';
import { EVENTS_SHOWN, HeldEvents, pageEvent } from './page-event';
import { eventTimeMs } from '../k8s/kinds/event';
import { objectKey } from './types';
import { deletedStub, encodeError, MAX_CHANGES_PER_MESSAGE, type ClockState, type InitArgs, type SimReady, type SimRequest, type SimResponse, type WireChange } from './sim-protocol';

type Handler = (args: never) => unknown;

export interface SimHost {
  handle(req: SimRequest): void;
}

/** One engine change waiting to go out with the answer to the request that caused it. */
type EngineChange = Pick<SimWatchEvent, 'type' | 'kind' | 'object' | 'cause'>;

const keyOf = (kind: Kind, object: KubeObject) => objectKey(kind, object.metadata?.name ?? '', object.metadata?.namespace);

/**
 * Which Events of one answer go to the page, or null for all of them. The page's views show the EVENTS_SHOWN newest
 * Events (cluster-slice.ts), so an answer with more than that sends the newest (by the time the panel sorts on, later
 * writes first among equal times); one deleted again in the same answer is not among them. A 5,000-pod rollout
 * writes ~1,300 Events a second, which the page used to decode and keep (up to the engine's 50,000) only to show 200.
 */
function eventsToSend(changes: readonly EngineChange[]): Set<string> | null {
  const last = new Map<string, { time: number; at: number } | null>();
  for (let at = 0; at < changes.length; at++) {
    const c = changes[at];
    if (c.kind !== 'Event') continue;
    const key = keyOf(c.kind, c.object);
    last.delete(key);
    last.set(key, c.type === 'DELETED' ? null : { time: eventTimeMs(c.object as CoreV1Event), at });
  }
  const live = [...last].filter((e): e is [string, { time: number; at: number }] => e[1] !== null);
  if (live.length <= EVENTS_SHOWN) return null;
  live.sort(([, a], [, b]) => b.time - a.time || b.at - a.at);
  return new Set(live.slice(0, EVENTS_SHOWN).map(([key]) => key));
}

export function createSimHost(post: (res: SimResponse) => void): SimHost {
  let sim: Simulator | null = null;
  let init: InitArgs = { seed: 1 };
  /** The engine's changes since the last answer, in order: they go out with the next one (flush). */
  let pending: EngineChange[] = [];
  let unsubscribe = () => {};
  const shells = new Map<number, ShellSession>();
  let nextShell = 1;
  /** Keeps a shell (exec'd or attached) with the engine; the page sends it lines by id. */
  const openShell = (session: ShellSession) => {
    const id = nextShell++;
    shells.set(id, session);
    return { id, prompt: session.prompt() };
  };

  /**
   * The last version of each object sent to the page (by objectKey), which is what the page holds: the next version
   * goes out as a field patch against it. References to the engine's immutable objects, so it costs no copies.
   * Events go out as the part the page's views read (page-event.ts); kubectl asks the engine for whole ones.
   */
  const sent = new Map<string, KubeObject>();
  /** The Events the page holds: the oldest beyond its limit go out as deletes (kubectl still lists them from the engine). */
  const heldEvents = new HeldEvents();
  const sendUpsert = (out: WireChange[], kind: Kind, stored: KubeObject, cause?: Cause) => {
    const object = kind === 'Event' ? (pageEvent(stored as CoreV1Event) as KubeObject) : stored;
    const key = keyOf(kind, object);
    const last = sent.get(key);
    sent.set(key, object);
    if (kind === 'Event') heldEvents.hold(key, object as CoreV1Event);
    const patch = last ? fieldPatch(last, object) : null;
    if (patch) out.push(cause ? [2, kind, key, patch, cause] : [2, kind, key, patch]);
    else out.push(cause ? [0, kind, object, cause] : [0, kind, object]);
  };
  const sendDelete = (out: WireChange[], kind: Kind, object: KubeObject, cause?: Cause) => {
    const key = keyOf(kind, object);
    sent.delete(key);
    heldEvents.drop(key);
    const stub = deletedStub(object);
    out.push(cause ? [1, kind, stub, cause] : [1, kind, stub]);
  };
  /** The wire changes of everything pending, in order (see eventsToSend), then the page's oldest Events let go. */
  const flush = (): WireChange[] => {
    const changes = pending;
    pending = [];
    const out: WireChange[] = [];
    const events = eventsToSend(changes);
    for (const c of changes) {
      if (c.kind === 'Event') {
        const key = keyOf(c.kind, c.object);
        if (c.type === 'DELETED' ? !sent.has(key) : events !== null && !events.has(key)) continue;
      }
      if (c.type === 'DELETED') sendDelete(out, c.kind, c.object, c.cause);
      else sendUpsert(out, c.kind, c.object, c.cause);
    }
    for (const key of heldEvents.overflow()) sendDelete(out, 'Event', sent.get(key)!);
    return out;
  };

  const engine = (): Simulator => {
    if (!sim) throw new Error('시뮬레이터가 아직 준비되지 않았습니다.');
    return sim;
  };

  /** A fresh simulator; its starting objects go out as upserts, like the first list of an informer. */
  const start = (args: InitArgs): SimReady => {
    unsubscribe();
    shells.clear();
    init = args;
    sim = createSimulator({ seed: args.seed, cluster: args.cluster, timings: args.timings });
    sent.clear();
    heldEvents.clear();
    pending = [];
    for (const kind of KINDS) for (const object of sim.list(kind).items) pending.push({ type: 'ADDED', kind, object });
    unsubscribe = sim.subscribe((events) => {
      for (const ev of events) pending.push(ev);
    });
    return { timings: sim.timings(), version: K8S_VERSION };
  };

  const handlers: Record<SimRequest['op'], Handler> = {
    init: ([args]: [InitArgs]) => start(args),
    reset: ([seed]: [number | undefined]) => start({ ...init, seed: seed ?? init.seed }),
    list: ([kind, ns, opts]: Parameters<Simulator['list']>) => engine().list(kind, ns, opts).items,
    get: (args: Parameters<Simulator['get']>) => engine().get(...args),
    create: (args: Parameters<Simulator['create']>) => engine().create(...args),
    update: (args: Parameters<Simulator['update']>) => engine().update(...args),
    patch: (args: Parameters<Simulator['patch']>) => engine().patch(...args),
    delete: (args: Parameters<Simulator['delete']>) => engine().delete(...args),
    evict: (args: Parameters<Simulator['evict']>) => engine().evict(...args),
    podLog: (args: Parameters<Simulator['podLog']>) => engine().podLog(...args),
    exec: (args: Parameters<Simulator['exec']>) => engine().exec(...args),
    execShell: (args: Parameters<Simulator['execShell']>) => openShell(engine().execShell(...args)),
    attachShell: (args: Parameters<Simulator['attach']>) => openShell(engine().attach(...args)),
    shellRun: ([id, line]: [number, string]) => {
      const session = shells.get(id);
      if (!session) throw new Error('셸 세션이 끝났습니다. kubectl exec -it 로 다시 여세요.');
      const output = session.run(line);
      if (output.exited !== undefined) shells.delete(id);
      return { output, prompt: session.prompt() };
    },
    advance: ([ms]: [number]) => engine().advance(ms),
    skip: ([maxMs]: [number]) => {
      const s = engine();
      return skipToNextDue(s, maxMs, (due) => s.advance(due - s.now()));
    },
    clockState: (): ClockState => {
      const s = engine();
      return { now: s.now(), nextDueAt: s.nextDueAt() ?? null, changes: s.changeCount() };
    },
    failNode: ([name]: [string]) => engine().failNode(name),
    recoverNode: ([name]: [string]) => engine().recoverNode(name),
    replayLab: ([entries, endAt]: [LabEntry[], number]) => replayLab(engine(), entries, endAt),
    metrics: ([method, ...args]: [keyof MetricsApi, ...unknown[]]) => (engine().metrics[method] as (...a: unknown[]) => unknown)(...args),
    runOnLaptop: ([argv]: [readonly string[]]) => engine().runOnLaptop(argv),
    traffic: ([method, ...args]: ['start' | 'stop' | 'stats' | 'between', ...unknown[]]) => {
      const s = engine();
      if (method === 'start') return s.startTraffic(args[0] as TrafficStartSpec);
      if (method === 'stop') return s.stopTraffic();
      if (method === 'stats') return s.trafficStats();
      return s.trafficBetween(args[0] as number, args[1] as number);
    },
    snapshot: () => engine().snapshot(),
    restore: ([snapshot]: [string]) => engine().restore(snapshot),
  };

  return {
    handle(req) {
      const t = performance.now();
      let res: SimResponse;
      try {
        const value = handlers[req.op](req.args as never);
        res = { id: req.id, ok: true, value, now: 0, changes: flush() };
      } catch (e) {
        res = { id: req.id, ok: false, error: encodeError(e), now: 0, changes: flush() };
      }
      res.now = sim?.now() ?? 0;
      if (req.op === 'advance' || req.op === 'skip') res.engineMs = performance.now() - t;
      // In order, in parts: every part but the last carries changes only; the last carries the rest and the answer.
      const all = res.changes;
      let at = 0;
      for (; all.length - at > MAX_CHANGES_PER_MESSAGE; at += MAX_CHANGES_PER_MESSAGE) {
        post({ id: req.id, ok: true, now: res.now, changes: all.slice(at, at + MAX_CHANGES_PER_MESSAGE), partial: true });
      }
      if (at > 0) res.changes = all.slice(at);
      post(res);
    },
  };
}
