/**
 * GET /api/cluster/object?kind=Pod&namespace=NS&name=NAME — one object read in full from the cluster, for
 * `kubectl get pod X -o yaml|json` when the stream only carries the compact copy (a feed of more than
 * COMPACT_PODS_ABOVE pods drops the fields the API server defaulted, projection-compact.ts).
 * Read-only (a GET of one named object, nothing else), and as guarded as the stream:
 *   - Pods only (the one kind that is compacted; never Secrets), in a namespace this dashboard shows;
 *   - the same projection as the stream (projection.ts): no env values, managedFields or last-applied annotation;
 *   - a rate per client address (OBJECT_READS_PER_MINUTE) and a size cap (MAX_OBJECT_BYTES), answered in Korean.
 */
import type { ObjectResponse } from '../cluster/live-protocol';
import { reasonForCode } from '../k8s/status';
import type { StatusBody } from '../k8s/types';
import { statusFromError } from './action-route';
import { clientAddress, rateKey } from './client-address';
import { isDnsLabel, isDnsSubdomain } from './names';
import { projectObject } from './projection';
import { processGlobals } from './process-globals';
import { RateLimiter } from './rate-limit';
import { RegistryApi, restPath } from './registry-api';
import { getClusterRuntime } from './runtime';
import { securitySettings, type SecuritySettings } from './security-settings';

/** Full reads per client address per minute (a student types kubectl; a loop should not become a cluster load). */
export const OBJECT_READS_PER_MINUTE = 60;
/** Largest projected object sent (a pod near etcd's 1.5 MB limit is not something to print in a terminal). */
export const MAX_OBJECT_BYTES = 256 * 1024;

export interface ObjectDeps {
  cluster: { namespaces: readonly string[] } | null;
  /** GET of one Pod on the cluster (the raw object), with a deadline. */
  readPod: ((namespace: string, name: string) => Promise<unknown>) | null;
  security: SecuritySettings;
  limiter: RateLimiter;
}

export const objectReadLimiter = () => new RateLimiter({ perMinute: OBJECT_READS_PER_MINUTE, burst: OBJECT_READS_PER_MINUTE / 2 });

/** The process's deps: the runtime's cluster, one RegistryApi (with its per-call deadline) and one limiter. */
export function processObjectDeps(): ObjectDeps {
  const rt = getClusterRuntime();
  const g = processGlobals();
  const limiter = (g.objectReadLimiter ??= objectReadLimiter());
  const kc = rt.settings?.kubeConfig;
  const api = kc ? (g.objectReadApi ??= RegistryApi.forKubeConfig(kc)) : null;
  return { cluster: rt.settings, readPod: api ? podReader(api) : null, security: securitySettings(), limiter };
}

/** GET of one named pod: the only URL this route builds (names validated before, escaped by restPath anyway). */
export const podReader = (api: RegistryApi) => (namespace: string, name: string) => api.call<unknown>('GET', restPath('Pod', namespace, name));

const statusBody = (code: number, message: string): StatusBody => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reasonForCode(code), code });
const reply = (body: ObjectResponse, code: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status: code, headers: { 'cache-control': 'no-store', ...headers } });
const refuse = (code: number, message: string, headers: Record<string, string> = {}) => reply({ ok: false, status: statusBody(code, message) }, code, headers);

export async function handleObjectRequest(req: Request, deps: ObjectDeps): Promise<Response> {
  if (!deps.cluster || !deps.readPod) return refuse(404, '연결된 클러스터가 없습니다. 시뮬레이터에서는 이 API를 쓰지 않습니다.');
  const q = new URL(req.url).searchParams;
  const kind = q.get('kind');
  const namespace = q.get('namespace');
  const name = q.get('name');
  if (kind !== 'Pod') return refuse(403, '전체 오브젝트는 파드(Pod)만 읽을 수 있습니다.');
  if (!isDnsLabel(namespace) || !deps.cluster.namespaces.includes(namespace)) return refuse(403, '이 대시보드에서 볼 수 없는 네임스페이스입니다.');
  if (!isDnsSubdomain(name)) return refuse(400, '파드 이름이 올바르지 않습니다.');
  const rate = deps.limiter.take(rateKey(clientAddress(req.headers, deps.security)));
  if (!rate.ok) return refuse(429, `전체 오브젝트 읽기가 너무 잦습니다. ${rate.retryAfterS}초 뒤에 다시 시도하세요.`, { 'retry-after': String(rate.retryAfterS) });
  let raw: unknown;
  try {
    raw = await deps.readPod(namespace, name);
  } catch (e) {
    const status = statusFromError(e);
    return reply({ ok: false, status }, status.code);
  }
  const object = projectObject('Pod', raw);
  if (Buffer.byteLength(JSON.stringify(object)) > MAX_OBJECT_BYTES) {
    return refuse(413, `파드 ${name}이(가) 너무 커서 (${Math.round(MAX_OBJECT_BYTES / 1024)} KB 초과) 전체를 보낼 수 없습니다.`);
  }
  return reply({ ok: true, object }, 200);
}
