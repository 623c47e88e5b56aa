/**
 * Recording and replaying a lesson's practice cluster (see lab-session.ts for the saved form).
 *
 * JournaledClient sits between the Playground and its simulator client and logs every successful write — from
 * the terminal, the YAML editor, lesson buttons and failure buttons alike — with the simulated time it
 * happened at. replayLab() feeds such a log to a fresh engine with the same seed and setup, advancing the
 * clock to each write's time, and so rebuilds the same cluster.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { DeleteOptions, PatchType } from '../k8s/client-types';
import type { Simulator } from '../sim/types';
import type { ClusterClient, FailureControls, ShellHandle, TimeControls, TrafficControls } from '../cluster/types';
import type { V1Pod } from '../k8s/api-types';
import type { EngineClient } from '../cluster/engine-client';
import { MAX_LAB_CHARS, type LabEntry } from './lab-session';

/** Same fields, own copy: the log must not change when the caller reuses or mutates the object later. */
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/**
 * The log of one lab. Writes made in one macrotask count as one command (kubectl runs a whole command —
 * e.g. `delete pods --all` — between two timer ticks; separate lines, clicks and buttons arrive in
 * separate tasks), which is what the restore notice counts.
 */
export class LabJournal {
  entries: LabEntry[];
  commands: number;
  /** The log outgrew MAX_LAB_CHARS; it stops recording (a reload then starts fresh and says why). */
  overflow = false;
  private chars: number;
  private inCommand = false;
  private readonly listeners = new Set<() => void>();

  constructor(initial: { entries?: LabEntry[]; commands?: number } = {}) {
    this.entries = initial.entries ?? [];
    this.commands = initial.commands ?? 0;
    this.chars = JSON.stringify(this.entries).length;
  }

  record(entry: LabEntry): void {
    if (this.overflow) return;
    const size = JSON.stringify(entry).length + 1;
    if (this.chars + size > MAX_LAB_CHARS) {
      this.overflow = true;
      this.entries = [];
    } else {
      this.entries.push(entry);
      this.chars += size;
      if (!this.inCommand) {
        this.commands++;
        this.inCommand = true;
        setTimeout(() => (this.inCommand = false), 0);
      }
    }
    for (const l of this.listeners) l();
  }

  clear(): void {
    this.entries = [];
    this.commands = 0;
    this.overflow = false;
    this.chars = 2;
    for (const l of this.listeners) l();
  }

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }
}

/** Apply one logged write to the engine (throws the engine's StatusError if it no longer applies). */
function applyEntry(engine: Simulator, e: LabEntry): void {
  switch (e.op) {
    case 'create':
      return void engine.create(copy(e.obj));
    case 'update':
      return void engine.update(copy(e.obj));
    case 'patch':
      return void engine.patch(e.kind, e.name, e.ns, copy(e.patch), e.type);
    case 'delete':
      return void engine.delete(e.kind, e.name, e.ns, e.opts);
    case 'failNode':
      return engine.failNode(e.name);
    case 'recoverNode':
      return engine.recoverNode(e.name);
    case 'attachExit':
      return engine.endAttach(e.name, e.ns, e.container, e.code);
    case 'trafficStart':
      return void engine.startTraffic(copy(e.spec));
    case 'trafficStop':
      return void engine.stopTraffic();
  }
}

/**
 * Rebuild a lab: run each logged write at its simulated time, then run the clock to `endAt`.
 * The engine must be freshly set up with the lab's seed and setup. Cost: O(writes + timers due) — the
 * engine jumps from timer to timer, so idle minutes are cheap.
 */
export function replayLab(engine: Simulator, entries: readonly LabEntry[], endAt: number): void {
  for (const e of entries) {
    if (e.at > engine.now()) engine.advance(e.at - engine.now());
    applyEntry(engine, e);
  }
  if (endAt > engine.now()) engine.advance(endAt - engine.now());
}

/**
 * A ClusterClient over a SimClient that logs the writes it passes on. Reads, subscriptions and the clock
 * go straight through; a reset (실습 초기화, 처음 상태로) clears the log and runs the lesson's setup with
 * the clock paused, so the setup — and with it any later replay — is deterministic.
 */
export class JournaledClient implements ClusterClient {
  readonly mode = 'sim' as const;
  readonly time: TimeControls;
  readonly failures: FailureControls;

  constructor(
    private readonly inner: EngineClient,
    /** The writes so far; a class broadcast (follow me) streams them as they are recorded. */
    readonly journal: LabJournal,
    private readonly onReset: () => void = () => {},
    /** The lab's seed and setup, when known; a reset with another seed updates it. */
    public origin: LabOrigin | null = null,
  ) {
    this.time = { ...inner.time, reset: (seed) => this.reset(seed) };
    this.failures = {
      failNode: (name) => this.logged(inner.failures.failNode(name), { op: 'failNode', name }),
      recoverNode: (name) => this.logged(inner.failures.recoverNode(name), { op: 'recoverNode', name }),
    };
  }

  /**
   * Record `entry` once the call succeeded, stamped with the simulated time the engine ran it: read as the answer
   * arrives, since with the engine in a worker a clock step still in flight runs before the write does.
   */
  private logged<T>(result: Promise<T>, entry: DistributiveOmit<LabEntry, 'at'>): Promise<T> {
    return result.then((value) => {
      this.journal.record({ ...entry, at: this.inner.time.now() } as LabEntry);
      return value;
    });
  }

  info() {
    return this.inner.info();
  }
  list(...args: Parameters<ClusterClient['list']>) {
    return this.inner.list(...args);
  }
  get(kind: Kind, name: string, namespace?: string) {
    return this.inner.get(kind, name, namespace);
  }
  create(obj: KubeObject, opts?: { dryRun?: boolean }) {
    if (opts?.dryRun) return this.inner.create(obj, opts);
    return this.logged(this.inner.create(copy(obj), opts), { op: 'create', obj: copy(obj) });
  }
  update(obj: KubeObject) {
    return this.logged(this.inner.update(copy(obj)), { op: 'update', obj: copy(obj) });
  }
  patch(kind: Kind, name: string, ns: string | undefined, patch: unknown, type: PatchType) {
    return this.logged(this.inner.patch(kind, name, ns, copy(patch), type), { op: 'patch', kind, name, ns, patch: copy(patch), type });
  }
  delete(kind: Kind, name: string, ns?: string, opts?: DeleteOptions) {
    return this.logged(this.inner.delete(kind, name, ns, opts), { op: 'delete', kind, name, ns, opts: copy(opts) });
  }
  // logs and exec read the cluster (and exec's shell changes nothing that outlives it): nothing to journal
  podLog(...args: Parameters<NonNullable<ClusterClient['podLog']>>) {
    return this.inner.podLog(...args);
  }
  exec(...args: Parameters<NonNullable<ClusterClient['exec']>>) {
    return this.inner.exec(...args);
  }
  execShell(...args: Parameters<NonNullable<ClusterClient['execShell']>>) {
    return this.inner.execShell(...args);
  }
  /** An attached shell's `exit` ends the container's main process: that is logged, so a restored lab ends it too. */
  async attachShell(name: string, ns: string, container: string | undefined): Promise<ShellHandle> {
    const shell = await this.inner.attachShell(name, ns, container);
    const pod = (await this.inner.get('Pod', name, ns)) as V1Pod;
    // the container attach chose (sim/apps/exec.ts execContainerName), without pulling engine code onto the page
    const target = container ?? pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers[0]?.name ?? name;
    return {
      prompt: () => shell.prompt(),
      run: async (line) => {
        const out = await shell.run(line);
        if (out.exited !== undefined) this.journal.record({ op: 'attachExit', name, ns, container: target, code: out.exited, at: this.inner.time.now() });
        return out;
      },
    };
  }
  get metrics() {
    return this.inner.metrics;
  }
  runOnLaptop(...args: Parameters<NonNullable<ClusterClient['runOnLaptop']>>) {
    return this.inner.runOnLaptop(...args);
  }
  /**
   * The load generator changes no object, but its requests draw on the network's seeded stream and fill the chart: a
   * start (from the terminal or the panel) and a stop are logged, so a restored lab sends the same traffic again.
   */
  readonly traffic: TrafficControls = {
    start: async (spec) => {
      const r = await this.inner.traffic.start(spec);
      if (r.ok) this.journal.record({ op: 'trafficStart', spec: copy(spec), at: this.inner.time.now() });
      return r;
    },
    stop: async () => {
      const stopped = await this.inner.traffic.stop();
      if (stopped) this.journal.record({ op: 'trafficStop', at: this.inner.time.now() });
      return stopped;
    },
    stats: () => this.inner.traffic.stats(),
    between: (from, to) => this.inner.traffic.between(from, to),
  };
  cached() {
    return this.inner.cached();
  }
  subscribe(...args: Parameters<ClusterClient['subscribe']>) {
    return this.inner.subscribe(...args);
  }
  connection() {
    return this.inner.connection();
  }
  onConnection(): () => void {
    return () => {}; // a simulator is always connected
  }
  dispose() {
    this.inner.dispose();
  }

  private reset(seed?: number): void {
    const wasPlaying = this.inner.time.playing();
    this.inner.time.setPlaying(false);
    this.inner.time.reset(seed);
    if (this.origin && seed !== undefined) this.origin = { ...this.origin, seed };
    this.journal.clear();
    this.onReset();
    void this.inner.ready.then(() => wasPlaying && this.inner.time.setPlaying(true));
  }
}

/** How a lab starts (what a class broadcast sends so students can build the same cluster). */
export interface LabOrigin {
  seed: number;
  setup: readonly string[];
  settleMs: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
