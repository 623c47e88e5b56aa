/**
 * Shared Kubernetes object types: the JSON shapes (string timestamps) from ./api-types, which the engine, the
 * browser and the sim API server share.
 */
import type {
  V1Pod,
  V1Node,
  V1Namespace,
  V1ReplicaSet,
  V1Service,
  V1Endpoints,
  CoreV1Event,
  V1Deployment,
  V1ObjectMeta,
  V1Job,
  V1ConfigMap,
  V1Secret,
  V1EndpointSlice,
  V1DaemonSet,
} from './api-types';

import { KIND_LIST } from './kinds/list';
import { apiVersionOf, kindOf, type KindNames, type KindObjectMap } from './kinds/registry';

export type { V1Pod, V1Node, V1Namespace, V1ReplicaSet, V1Service, V1Endpoints, CoreV1Event, V1Deployment, V1ObjectMeta, V1ConfigMap, V1Secret, V1EndpointSlice, V1DaemonSet, V1Job };
export type { KindObjectMap };

/**
 * The kinds the simulator stores and the dashboard shows, in the engine's order: every registered kind, read off
 * the one list in lib/k8s/kinds/list.ts (a kind's object type comes from there too, as KindObjectMap).
 */
export const KINDS = KIND_LIST.map((k) => k.kind) as KindNames;
export type Kind = (typeof KINDS)[number];

/** Whether the engine stores this kind. */
export const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/** Kinds that live outside namespaces (from the registry). */
export const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set<Kind>(KINDS.filter((k) => !kindOf(k).namespaced));

/** Any object the store holds. `metadata` is always set once stored. */
export type KubeObject = KindObjectMap[Kind] & { apiVersion?: string; kind?: string; metadata?: V1ObjectMeta };

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T = KubeObject> {
  type: WatchEventType;
  object: T;
}

/** A Kubernetes Status object, as the API server returns for errors. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: { reason?: string; message: string; field?: string }[];
    retryAfterSeconds?: number;
  };
  code: number;
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'Expired'
  | 'Gone'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'Timeout'
  | 'TooManyRequests'
  | 'RequestEntityTooLarge'
  | 'ServiceUnavailable'
  | 'InternalError';

/** Thrown by the simulator and every ClusterClient; carries the Status body as the API server would send it. */
export class StatusError extends Error {
  readonly status: StatusBody;
  constructor(status: StatusBody) {
    super(status.message);
    this.name = 'StatusError';
    this.status = status;
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): StatusReason {
    return this.status.reason;
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof Error && (e as StatusError).name === 'StatusError' && typeof (e as StatusError).status === 'object';
}

/** The apiVersion each kind's object type declares (`'apps/v1'` for Deployment, …). */
export type ApiVersionOf<K extends Kind> = NonNullable<KindObjectMap[K]['apiVersion']>;

/** apiVersion for each kind (from the registry; types.test.ts checks it against the object types). */
export const API_VERSION = Object.fromEntries(KINDS.map((k) => [k, apiVersionOf(kindOf(k))])) as { readonly [K in Kind]: ApiVersionOf<K> };
