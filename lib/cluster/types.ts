/**
 * ClusterClient: the one interface the graph, the terminal, the editor and the lesson checks use.
 * SimClient implements it over the in-browser simulator; LiveClient over /api/cluster/*.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { Cause, DeleteOptions, ListOptions, PatchType, Timings } from '../k8s/client-types';
import type { ExecResult, MetricsApi, PodLogOptions, PodLogResult, TrafficStartSpec, TrafficStats } from '../sim/types';
import type { SessionOutput } from '../sim/shell/session';

export type ClusterMode = 'sim' | 'live' | 'replay';

/**
 * connecting → connected; a connection that was up and broke: reconnecting, then disconnected after a while; one
 * that never came up: connecting (with the reason), then unreachable after the same while.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'unreachable';

/** One change as the UI sees it. `key` is `${kind}/${namespace ?? ''}/${name}`. */
export interface ClusterChange {
  type: 'upsert' | 'delete';
  kind: Kind;
  key: string;
  object: KubeObject;
  cause?: Cause;
}

export interface ClusterInfo {
  mode: ClusterMode;
  server?: string;
  version?: string;
  writable: boolean;
  namespaces?: string[];
}

/** Time controls exist only where the client owns the clock (simulator, replay). */
export interface TimeControls {
  playing(): boolean;
  setPlaying(p: boolean): void;
  speed(): number;
  setSpeed(x: number): void; // 0.5 – 60 on the simulator
  /** Advance simulated time by ms (the 'step' button); a promise where the engine runs in a worker. */
  step(ms: number): void | Promise<void>;
  now(): number;
  reset(seed?: number): void;
  timings(): Timings;
  /** Called after play/pause or speed changes, so every view of the one clock agrees at once. */
  onChange?(cb: () => void): () => void;
  /**
   * While set, time moves only in whole quanta of `quantumMs`, with `afterQuantum` called after each until it returns
   * true (a scenario step waiting for its conditions sees the same quanta live as when fast-forwarded). Playing,
   * pausing and stepping still work as usual. Returns a function that removes the pacing.
   */
  pace?(quantumMs: number, afterQuantum: () => boolean): () => void;
  /** Hold simulated time at this instant (the play state is kept) until the returned function is called. */
  hold?(): () => void;
  /** Jump to the next moment something the engine has scheduled changes the cluster; null when nothing is due within maxMs. */
  skipToNextEvent?(maxMs?: number): SkipResult | null | Promise<SkipResult | null>;
}

export interface SkipResult {
  /** Simulated ms skipped. */
  skippedMs: number;
  /** False when the scheduled work changed nothing visible (the clock still moved). */
  changed: boolean;
}

export interface FailureControls {
  failNode(name: string): Promise<void>;
  recoverNode(name: string): Promise<void>;
}

/** A snapshot on its way: objects received so far, of the total the server said it holds. */
export interface SnapshotProgress {
  done: number;
  total: number;
}

export interface ClusterClient {
  readonly mode: ClusterMode;
  info(): ClusterInfo;

  list(kind: Kind, namespace?: string, opts?: ListOptions): Promise<KubeObject[]>;
  get(kind: Kind, name: string, namespace?: string): Promise<KubeObject>;
  create(obj: KubeObject, opts?: { dryRun?: boolean }): Promise<KubeObject>;
  update(obj: KubeObject): Promise<KubeObject>;
  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType): Promise<KubeObject>;
  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions): Promise<KubeObject>;

  /** Synchronous view of everything the client knows (the graph's source). */
  cached(): ReadonlyMap<string, KubeObject>;
  /** Batched changes; the graph applies them once per animation frame. */
  subscribe(cb: (changes: ClusterChange[]) => void): () => void;
  /**
   * While playing, each step of the clock first waits (at most PACE_WAIT_MS) for `taken()`: the page has taken in
   * what the steps before changed. Only where the engine runs beside the page, in a worker: there its next step would
   * otherwise run while the page folds in the last one, and on a 2-core machine the two share the cores. Returns a
   * function that stops the pacing.
   */
  paceTo?(taken: () => Promise<void>): () => void;
  /**
   * Follows a snapshot that comes in parts (a big live cluster's: the first one, or one after a reconnect): objects
   * received so far of its total after each part, then null once it is complete (or the stream broke off). Called at
   * once with where it stands; absent where nothing arrives in parts (the simulator).
   */
  onSnapshotProgress?(cb: (p: SnapshotProgress | null) => void): () => void;
  connection(): ConnectionState;
  /** Why the connection is not healthy (Korean), where the client can tell. */
  connectionReason?(): string | undefined;
  onConnection(cb: (s: ConnectionState, reason?: string) => void): () => void;

  time?: TimeControls;
  failures?: FailureControls;
  /** POST pods/NAME/eviction: a delete that honours PodDisruptionBudgets; absent where the mode can't evict. */
  evict?(name: string, namespace: string): Promise<void>;
  /** A container's log (pods/NAME/log); absent where the mode can't read logs yet. */
  podLog?(name: string, namespace: string, opts: PodLogOptions): Promise<PodLogResult>;
  /** Runs a command in a container (pods/NAME/exec). */
  exec?(name: string, namespace: string, container: string | undefined, command: readonly string[]): Promise<ExecResult>;
  /** An interactive shell in a container (`kubectl exec -it POD -- sh`). */
  execShell?(name: string, namespace: string, container: string | undefined): Promise<ShellHandle>;
  /** Joins the container's main shell (pods/NAME/attach, `kubectl run -it`): its `exit` ends the container. */
  attachShell?(name: string, namespace: string, container: string | undefined): Promise<ShellHandle>;
  /** metrics.k8s.io/v1beta1 reads (`kubectl top`); absent where no metrics API is served. */
  metrics?: AsyncMetricsApi;
  /** A command on the student's laptop outside the cluster (`curl http://NODE-IP:NODEPORT/`); simulator only. */
  runOnLaptop?(argv: readonly string[]): Promise<ExecResult>;
  /** The load generator ("트래픽 보내기"); simulator only — a real cluster is read-only here. */
  traffic?: TrafficControls;
  dispose(): void;
}

/** The simulator's load generator (lib/sim/network/load.ts), answered asynchronously like every client call. */
export interface TrafficControls {
  start(spec: TrafficStartSpec): Promise<{ ok: true; label: string } | { ok: false; error: string }>;
  stop(): Promise<boolean>;
  stats(): Promise<TrafficStats>;
  /** Requests sent and failed in [from, to) (epoch ms). */
  between(from: number, to: number): Promise<{ sent: number; failed: number }>;
}

/** MetricsApi with each call answered as a promise (rejected with the StatusError the API would send). */
export type AsyncMetricsApi = { [K in keyof MetricsApi]: (...args: Parameters<MetricsApi[K]>) => Promise<ReturnType<MetricsApi[K]>> };

/** An interactive shell as kubectl drives it: the engine's ShellSession, or a proxy to one in a worker. */
export interface ShellHandle {
  prompt(): string;
  run(line: string): SessionOutput | Promise<SessionOutput>;
}

export function objectKey(kind: Kind, name: string, namespace?: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
