/**
 * The full copy of a compact pod, for the single-object reads kubectl makes (`kubectl get pod X -o yaml`,
 * `describe`). In a feed of more than 5,000 pods the stream carries pods without the fields the API server
 * defaulted (lib/server/projection-compact.ts); a real `kubectl get -o yaml` prints them, so one named pod is
 * read in full from GET /api/cluster/object (redacted like the stream). Kept per pod while its resourceVersion
 * is the one the stream shows, so a lesson check asking again does not read again; at most FULL_PODS_KEPT.
 * When the read fails (rate limit, server gone) the compact copy is the answer: nothing is lost but defaults.
 */
import type { KubeObject } from '../k8s/types';
import type { ObjectResponse } from './live-protocol';

const FULL_PODS_KEPT = 50;

/**
 * Whether a pod came through the compact projection: the API server always sets restartPolicy, dnsPolicy and
 * schedulerName (SetDefaults_PodSpec, pkg/apis/core/v1/defaults.go), and only compactPod removes them.
 */
export function isCompactPod(pod: KubeObject): boolean {
  const spec = (pod as { spec?: { restartPolicy?: string; dnsPolicy?: string; schedulerName?: string } }).spec;
  return !!spec && (spec.restartPolicy === undefined || spec.dnsPolicy === undefined || spec.schedulerName === undefined);
}

/**
 * The Korean line kubectl prints (on stderr, so `-o yaml` output stays clean) when a named pod it asked for came back
 * compact: the full read failed and the copy lacks the defaulted fields, which a student comparing with a real
 * `kubectl get -o yaml` would otherwise take for missing settings. Null for any other object.
 */
export function compactCopyNote(kind: string, obj: KubeObject): string | null {
  if (kind !== 'Pod' || !isCompactPod(obj)) return null;
  return `참고: 서버에서 파드 ${obj.metadata?.name ?? ''}의 전체 내용을 읽지 못해, 실시간 목록에 있는 간추린 사본을 보여 줍니다. API 서버가 채우는 기본값(restartPolicy, dnsPolicy, schedulerName 등)이 빠져 있어요. 잠시 뒤 다시 실행하면 전체 내용을 볼 수 있어요.`;
}

const sameVersion = (a: KubeObject, b: KubeObject) => a.metadata?.uid === b.metadata?.uid && a.metadata?.resourceVersion === b.metadata?.resourceVersion;

export class FullPodReader {
  private readonly kept = new Map<string, KubeObject>();

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  /** The full pod behind `compact` (cached under `key`), or `compact` itself when it cannot be read. */
  async read(key: string, compact: KubeObject): Promise<KubeObject> {
    const hit = this.kept.get(key);
    if (hit && sameVersion(hit, compact)) return hit;
    const q = new URLSearchParams({ kind: 'Pod', namespace: compact.metadata?.namespace ?? 'default', name: compact.metadata?.name ?? '' });
    try {
      const res = await this.fetchImpl(`${this.baseUrl}/api/cluster/object?${q}`, { cache: 'no-store' });
      const body = (await res.json()) as ObjectResponse;
      if (!body.ok) return compact;
      this.kept.delete(key);
      if (this.kept.size >= FULL_PODS_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(key, body.object);
      return body.object;
    } catch {
      return compact;
    }
  }
}
