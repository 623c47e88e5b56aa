/**
 * The wire contract between /api/cluster/* and LiveClient. Types and constants only, so both the server
 * and the browser bundle can import it.
 */
import type { Kind, KubeObject, StatusBody } from '../k8s/types';
import type { ClusterInfo } from './types';

/** Header that carries the instructor's write token on POST /api/cluster/actions. */
export const WRITE_TOKEN_HEADER = 'x-cluster-write-token';

/** GET /api/cluster/info. mode 'sim' = no cluster configured: the app stays on the simulator. */
export interface LiveInfo extends ClusterInfo {
  mode: 'sim' | 'live';
  reachable: boolean;
  /** Korean explanation when unreachable or not configured. */
  reason?: string;
  /** Upstream watches the server holds open right now (kinds × namespaces while anyone is watching). */
  upstreamWatches: number;
  /** Browsers currently streaming from this server. */
  streams: number;
}

/** Health of the server's watches on the cluster, as sent in `snapshot` and `status` events. */
export interface UpstreamStatus {
  ok: boolean;
  synced: boolean;
  reason?: string;
}

/** `event: snapshot` — the whole state of the requested namespaces. */
export interface SnapshotPayload {
  objects: KubeObject[];
  namespaces: string[];
  upstream: UpstreamStatus;
}

/**
 * `event: snapshot-part` — some of the snapshot's objects, sent before the `snapshot` event that completes it
 * (which carries the rest, and the id). A 20,000-pod snapshot in one event is one JSON.parse of tens of MB: a
 * main-thread task of a second; in parts of SNAPSHOT_PART_OBJECTS each parse is a few tens of ms.
 */
export interface SnapshotPartPayload {
  /** How many objects the whole snapshot holds (its parts and the `snapshot` event together): the page's progress. */
  total?: number;
  objects: KubeObject[];
}
/**
 * 400 objects (~0.7 MB of a 20,000-pod snapshot). The page parses and applies a part in one piece, one part a task
 * (fetch-event-source.ts), so the part's size bounds those tasks: on the project's machine, while a 20,000-pod
 * snapshot arrived (Chromium traces, three runs each), parts of 1,000 objects made tasks of up to 32–44 ms of CPU,
 * parts of 400 up to 29–33 ms, for the same total.
 */
export const SNAPSHOT_PART_OBJECTS = 400;

/** `event: upsert` / `event: delete`. `key` is objectKey(kind, name, namespace). */
export interface DeltaPayload {
  kind: Kind;
  key: string;
  object: KubeObject;
}

export type ScalableKind = 'Deployment' | 'ReplicaSet';
export type ApplyKind = 'Pod' | 'Deployment' | 'ReplicaSet' | 'Service';
export const APPLY_KINDS: readonly ApplyKind[] = ['Pod', 'Deployment', 'ReplicaSet', 'Service'];

/** POST /api/cluster/actions body. Nothing else is accepted. */
export type LiveAction =
  | { action: 'scale'; kind: ScalableKind; namespace: string; name: string; replicas: number }
  | { action: 'delete-pod'; namespace: string; name: string }
  | { action: 'set-image'; kind: 'Deployment' | 'ReplicaSet' | 'Pod'; namespace: string; name: string; container: string; image: string }
  | { action: 'rollout-undo'; namespace: string; name: string; toRevision?: number }
  | { action: 'rollout-restart' | 'rollout-pause' | 'rollout-resume'; namespace: string; name: string }
  | { action: 'cordon' | 'uncordon'; name: string }
  | { action: 'apply'; manifest: KubeObject }
  /** A merge/strategic/JSON patch of an apply-able kind: no more power than apply, but what kubectl edits send. */
  | { action: 'patch'; kind: ApplyKind; namespace: string; name: string; patchType: 'merge' | 'strategic' | 'json'; patch: unknown };

/** GET /api/cluster/object: one Pod read in full (the stream's copy of a pod in a big feed is compact). */
export type ObjectResponse = { ok: true; object: KubeObject } | { ok: false; status: StatusBody };

export type ActionResponse = { ok: true; message: string; object?: KubeObject } | { ok: false; status: StatusBody };
