/**
 * How LiveClient's generic writes become the server's allow-listed actions. Objects in the browser are
 * projections (env values removed), so a write built from them must never be sent whole where it would
 * overwrite what the browser cannot see.
 */
import { failure } from '../k8s/status';
import type { StatusError, Kind, KubeObject } from '../k8s/types';
import type { PatchType } from '../k8s/client-types';
import { APPLY_KINDS, type ApplyKind, type LiveAction } from './live-protocol';

export const forbidden = (message: string): StatusError => failure(403, 'Forbidden', message);

/** What patchToAction may look at: the objects the browser already holds. */
export interface CacheView {
  get(kind: Kind, name: string, namespace?: string): KubeObject | undefined;
  all(): Iterable<KubeObject>;
}

const EMPTY_VIEW: CacheView = { get: () => undefined, all: () => [] };

interface ContainerLike {
  name?: string;
  image?: string;
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));

function withoutHash(template: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  delete copy.metadata?.labels?.['pod-template-hash'];
  return copy;
}

/** The containers a set-image style patch carries, or null when the patch is something else. */
function containersOf(kind: Kind, p: Record<string, unknown>): ContainerLike[] | null {
  const spec = p.spec as Record<string, unknown> | undefined;
  if (Object.keys(p).length !== 1 || !spec || Object.keys(spec).length !== 1) return null;
  if (kind === 'Pod') return Array.isArray(spec.containers) ? (spec.containers as ContainerLike[]) : null;
  const template = spec.template as { spec?: Record<string, unknown> } | undefined;
  if (!template || Object.keys(template).length !== 1 || !template.spec || Object.keys(template.spec).length !== 1) return null;
  return Array.isArray(template.spec.containers) ? (template.spec.containers as ContainerLike[]) : null;
}

/**
 * Maps the terminal's patches onto the server's actions. Objects in the browser are projections (env values
 * removed), so a patch built from them must never be sent whole where it would overwrite what the browser
 * cannot see: image changes become `set-image` (name + image only) and a rollback becomes `rollout-undo`
 * (the server copies the template from the real ReplicaSet). Other patches of apply-able kinds pass through.
 */
export function patchToAction(kind: Kind, name: string, namespace: string, patch: unknown, type: PatchType, view: CacheView = EMPTY_VIEW): LiveAction[] {
  const p = patch && typeof patch === 'object' && !Array.isArray(patch) ? (patch as Record<string, unknown>) : null;
  const spec = p?.spec as Record<string, unknown> | undefined;
  const only = (k: string) => !!p && Object.keys(p).length === 1 && !!spec && Object.keys(spec).length === 1 && k in spec;
  if (kind === 'Node') {
    if (only('unschedulable')) return [{ action: spec!.unschedulable ? 'cordon' : 'uncordon', name }];
    throw forbidden('실제 클러스터의 노드는 cordon/uncordon만 할 수 있습니다.');
  }
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && only('replicas') && typeof spec!.replicas === 'number') {
    return [{ action: 'scale', kind, namespace, name, replicas: spec!.replicas }];
  }
  if (kind === 'Deployment' && only('paused')) return [{ action: spec!.paused ? 'rollout-pause' : 'rollout-resume', namespace, name }];
  if (!APPLY_KINDS.includes(kind as ApplyKind)) throw forbidden(`실제 클러스터에서는 ${kind}를 바꿀 수 없습니다.`);
  if (type === 'apply') throw forbidden('서버 사이드 적용(apply 패치)은 지원하지 않습니다.');
  const containers = p && kind !== 'Service' ? containersOf(kind, p) : null;
  if (containers) {
    const current = view.get(kind, name, namespace) as { spec?: { containers?: ContainerLike[]; template?: { spec?: { containers?: ContainerLike[] } } } } | undefined;
    const before = (kind === 'Pod' ? current?.spec?.containers : current?.spec?.template?.spec?.containers) ?? [];
    return containers
      .filter((c) => c.name && c.image && before.find((b) => b.name === c.name)?.image !== c.image)
      .map((c) => ({ action: 'set-image', kind: kind as 'Pod' | 'Deployment' | 'ReplicaSet', namespace, name, container: c.name!, image: c.image! }));
  }
  const firstOp = Array.isArray(patch) ? (patch[0] as { op?: string; path?: string; value?: unknown } | undefined) : undefined;
  if (kind === 'Deployment' && type === 'json' && firstOp?.op === 'replace' && firstOp.path === '/spec/template') {
    const deployment = view.get('Deployment', name, namespace);
    const target = canonical(withoutHash(firstOp.value));
    const rs = [...view.all()].find(
      (o) =>
        o.kind === 'ReplicaSet' &&
        o.metadata?.namespace === namespace &&
        o.metadata?.ownerReferences?.some((r) => r.uid === deployment?.metadata?.uid) &&
        canonical(withoutHash((o as { spec?: { template?: unknown } }).spec?.template)) === target,
    );
    const revision = Number(rs?.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    return [{ action: 'rollout-undo', namespace, name, ...(Number.isInteger(revision) && revision > 0 ? { toRevision: revision } : {}) }];
  }
  return [{ action: 'patch', kind: kind as ApplyKind, namespace, name, patchType: type, patch }];
}
