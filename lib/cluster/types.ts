/**
 * ClusterClient: the one interface the graph, the terminal, the editor and the lesson checks use.
 * SimClient implements it over the in-browser simulator; LiveClient over /api/cluster/*.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { Cause, DeleteOptions, ListOptions, PatchType, Timings } from '../k8s/client-types';

export type ClusterMode = 'sim' | 'live' | 'replay';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

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
  setSpeed(x: number): void; // 0.5 – 10
  /** Advance simulated time by ms immediately (the 'step' button). */
  step(ms: number): void;
  now(): number;
  reset(seed?: number): void;
  timings(): Timings;
}

export interface FailureControls {
  failNode(name: string): Promise<void>;
  recoverNode(name: string): Promise<void>;
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
  connection(): ConnectionState;
  onConnection(cb: (s: ConnectionState, reason?: string) => void): () => void;

  time?: TimeControls;
  failures?: FailureControls;
  dispose(): void;
}

export function objectKey(kind: Kind, name: string, namespace?: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
