/**
 * The messages between the page and the simulator engine when the engine runs in a Web Worker (sim.worker.ts) or,
 * where workers are unavailable, in-process through the same messages (sim-port.ts). Every request carries an id; the
 * engine answers each request exactly once, in the order it received them, and the answer carries every change the
 * request caused — so when a call's promise resolves the page's copy of the cluster already shows its effect, as it
 * did when the engine ran on the page. Messages hold plain data only (structured-clone safe): errors travel as their
 * Status body and are rebuilt into the same StatusError (same code, reason and Korean message).
 */
import { StatusError, isStatusError, type Kind, type KubeObject, type StatusBody } from '../k8s/types';
import type { Cause, Timings } from '../k8s/client-types';
import type { ClusterConfig } from '../sim/types';
import type { FieldPatch } from './field-patch';

/** The operations the engine side answers; `args` are the arguments of the same-named Simulator method. */
export type SimOp =
  | 'init'
  | 'reset'
  | 'list'
  | 'get'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'evict'
  | 'podLog'
  | 'exec'
  | 'execShell'
  | 'attachShell'
  | 'shellRun'
  | 'advance'
  | 'skip'
  | 'clockState'
  | 'failNode'
  | 'recoverNode'
  | 'replayLab'
  | 'metrics'
  | 'runOnLaptop'
  | 'traffic'
  | 'snapshot'
  | 'restore';

export interface SimRequest {
  id: number;
  op: SimOp;
  args: unknown[];
}

/**
 * One change, compact; the page derives the key itself for whole objects, and a batch is the engine's events of one
 * request, in order.
 * - [0, kind, object, cause?]: an object the page doesn't hold yet (or one a field patch can't express), whole.
 * - [2, kind, key, patch, cause?]: an object the page holds, as the fields that changed since the version this channel
 *   last sent (field-patch.ts); the page rebuilds the new object from its copy. A status write is a few fields, and
 *   each message is decoded on the page's main thread.
 * - [1, kind, stub, cause?]: a delete carries only the object's name, namespace and new resourceVersion (deletedStub):
 *   the page already holds the object's last state.
 */
export type WireChange = [0 | 1, Kind, KubeObject, Cause?] | [2, Kind, string, FieldPatch, Cause?];

/** What a delete sends instead of the object: the fields that say which object and at what resourceVersion. */
export function deletedStub(object: KubeObject): KubeObject {
  const { name, namespace, resourceVersion } = object.metadata ?? {};
  return { metadata: namespace === undefined ? { name, resourceVersion } : { name, namespace, resourceVersion } } as KubeObject;
}

/**
 * The object a delete announces, as the engine's DELETED event has it (store.ts remove): the last state the page
 * held with the new resourceVersion; the stub alone when the page never held the object.
 */
export function deletedObject(last: KubeObject | undefined, stub: KubeObject): KubeObject {
  if (!last) return stub;
  return { ...last, metadata: { ...last.metadata, resourceVersion: stub.metadata?.resourceVersion } } as KubeObject;
}

export interface SimResponse {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: WireError;
  /** Simulated time after the request. */
  now: number;
  changes: WireChange[];
  /** Engine ms the request took (worker time, not the page's); set for clock operations. */
  engineMs?: number;
  /**
   * More of this request's changes follow: the page folds these in and waits for the last part (without `partial`),
   * which carries the answer. A big step is split so no single message takes the page long to receive (a message is
   * decoded in one task on the main thread, ~1 ms per ten pods).
   */
  partial?: true;
}

/** Most changes in one message; a request that caused more sends them in parts of this size (sim-host.ts). */
export const MAX_CHANGES_PER_MESSAGE = 200;

export type WireError = { status: StatusBody } | { message: string; name: string };

/** What `init` and `reset` answer besides the initial objects (as upserts in `changes`). */
export interface SimReady {
  timings: Timings;
  version: string;
}

export interface InitArgs {
  seed: number;
  cluster?: ClusterConfig;
  timings?: Partial<Timings>;
}

/** Where time stands, for a skip-ahead that runs in whole quanta on the page side. */
export interface ClockState {
  now: number;
  nextDueAt: number | null;
  /** the engine's changeCount(): writes other than routine ones */
  changes: number;
}

export function encodeError(e: unknown): WireError {
  if (isStatusError(e)) return { status: e.status };
  if (e instanceof Error) return { message: e.message, name: e.name };
  return { message: String(e), name: 'Error' };
}

export function decodeError(w: WireError): Error {
  if ('status' in w) return new StatusError(w.status);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** A two-way message channel: a Worker, or the in-process host. */
export interface SimPort {
  post(req: SimRequest): void;
  onMessage(cb: (res: SimResponse) => void): void;
  /** The engine side failed outside any request (a worker that could not load); pending requests fail with it. */
  onFailure(cb: (message: string) => void): void;
  close(): void;
}
