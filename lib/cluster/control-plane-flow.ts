/**
 * Control-plane flow: for one ClusterChange, which components it passed through and what each did, in Korean.
 * A write goes writer → kube-apiserver → etcd, and the watch then wakes the component that acts next
 * (a new Pod wakes the scheduler, a bound Pod wakes its node's kubelet, …) — strung together over a rollout this
 * is the familiar apiserver → etcd → controller → scheduler → kubelet path. On the simulator every write carries its
 * cause; on a real cluster `inferCause` reconstructs it from the watch events (owner references, spec.nodeName, status).
 * Pure; O(size of the two objects).
 */
import type { Kind, KubeObject, V1Pod } from '../k8s/types';
import { KIND_KO } from '../k8s/kind-names';
import { josa } from '../text/korean';
import type { Cause } from '../k8s/client-types';
import type { ClusterChange } from './types';

export type Hop = NonNullable<Cause['hop']>;

export interface FlowHop {
  hop: Hop;
  /** Component name as the cluster runs it: kube-apiserver, etcd, kube-controller-manager, kube-scheduler, kubelet. */
  component: string;
  /** Who acts, as the panel names it: "레플리카셋 컨트롤러", "kubelet(worker-1)", "kube-apiserver". */
  label: string;
  /** Worker node, for kubelet hops. */
  node?: string;
  /** What it does, without repeating who (the panel prints "label: caption"). */
  caption: string;
}

/** What the change did to its object; bursts of the same verb by the same actor are summarised together. */
export type FlowVerb = 'create' | 'update' | 'bind' | 'terminate' | 'delete';

export interface FlowPath {
  key: string;
  kind: Kind;
  name: string;
  cause: Cause;
  verb: FlowVerb;
  hops: FlowHop[];
}

const COMPONENT: Record<Hop, string> = {
  apiserver: 'kube-apiserver',
  etcd: 'etcd',
  controller: 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
};

const ACTOR_LABEL: Record<string, string> = {
  'deployment-controller': '디플로이먼트 컨트롤러',
  'replicaset-controller': '레플리카셋 컨트롤러',
  'node-lifecycle-controller': '노드 수명주기 컨트롤러',
  'taint-eviction-controller': '테인트 축출 컨트롤러',
  'endpoints-controller': '엔드포인트 컨트롤러',
  'daemonset-controller': '데몬셋 컨트롤러',
  'garbage-collector': '가비지 컬렉터',
  controller: '컨트롤러',
  scheduler: 'kube-scheduler',
};

/** The name the panel gives a cause's actor ("kubelet/worker-1" → "kubelet(worker-1)"). */
export function actorLabel(actor: string): string {
  if (actor.startsWith('kubelet/')) return `kubelet(${actor.slice('kubelet/'.length)})`;
  return ACTOR_LABEL[actor] ?? actor;
}

/** Cause messages start with who spoke ("kubelet(worker-2): …", "스케줄러: …"); the panel already says who. */
const SPEAKER_PREFIX = /^(?:kubelet\([^)]*\)|[\w.-]+의 kubelet|[가-힣]+(?: [가-힣]+)* (?:컨트롤러|컬렉터)|스케줄러|kubectl|kubeadm|kube-apiserver): /;

export function withoutSpeaker(message: string): string {
  return message.replace(SPEAKER_PREFIX, '');
}

/** Which hop a cause's actor belongs to when the cause does not say. */
export function hopOfActor(actor: string): Hop {
  if (actor === 'scheduler' || actor.includes('scheduler')) return 'scheduler';
  if (actor.startsWith('kubelet')) return 'kubelet';
  if (actor.endsWith('controller') || actor.includes('controller')) return 'controller';
  return 'apiserver';
}

function conditionStatus(obj: KubeObject | undefined, type: string): string | undefined {
  const conds = (obj as { status?: { conditions?: { type?: string; status?: string }[] } } | undefined)?.status?.conditions;
  return conds?.find((c) => c.type === type)?.status;
}

function controllerOwner(obj: KubeObject): string | undefined {
  return obj.metadata?.ownerReferences?.find((o) => o.controller)?.kind;
}

function podSummary(pod: V1Pod): string {
  const waiting = pod.status?.containerStatuses?.find((s) => s.state?.waiting?.reason)?.state?.waiting?.reason;
  return waiting ?? pod.status?.phase ?? 'Pending';
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reconstruct why a change happened from the objects alone (real clusters send no causes). Returns null for
 * changes that tell a class nothing (heartbeats, Events, resourceVersion-only updates).
 */
export function inferCause(change: ClusterChange, previous: KubeObject | undefined): Cause | null {
  const obj = change.object;
  const name = obj.metadata?.name ?? '?';
  const subject = `${KIND_KO[change.kind]} ${name}`;
  if (change.kind === 'Event') return null;
  if (change.type === 'delete') return { actor: 'kube-apiserver', hop: 'apiserver', message: `${josa(subject, '이/가')} etcd에서 지워졌습니다` };
  const owner = controllerOwner(obj);
  if (!previous) {
    if (owner) return { actor: `${owner.toLowerCase()}-controller`, hop: 'controller', message: `${KIND_KO[owner as Kind] ?? owner} 컨트롤러가 ${josa(subject, '을/를')} 만들었습니다` };
    if (change.kind === 'Endpoints') return { actor: 'endpoints-controller', hop: 'controller', message: `엔드포인트 컨트롤러가 서비스 ${name}의 엔드포인트를 만들었습니다` };
    return { actor: 'kubectl', hop: 'apiserver', message: `사용자가 ${josa(subject, '을/를')} 만들었습니다` };
  }
  if (obj.metadata?.deletionTimestamp && !previous.metadata?.deletionTimestamp)
    return { actor: 'kube-apiserver', hop: 'apiserver', message: `${subject} 삭제 요청 — 종료(Terminating) 중입니다` };
  switch (change.kind) {
    case 'Pod': {
      const pod = obj as V1Pod;
      const before = previous as V1Pod;
      if (pod.spec?.nodeName && !before.spec?.nodeName)
        return { actor: 'scheduler', hop: 'scheduler', message: `파드 ${josa(name, '을/를')} ${pod.spec.nodeName}에 배치했습니다` };
      if (sameJson(pod.status, before.status)) return null;
      const node = pod.spec?.nodeName ?? '?';
      const ready = conditionStatus(pod, 'Ready') === 'True';
      return { actor: `kubelet/${node}`, hop: 'kubelet', message: `파드 ${name} 상태 ${podSummary(pod)}${ready ? ' (준비됨)' : ''}` };
    }
    case 'Node': {
      const was = conditionStatus(previous, 'Ready');
      const now = conditionStatus(obj, 'Ready');
      if (was !== now) {
        if (now === 'Unknown') return { actor: 'node-lifecycle-controller', hop: 'controller', message: `노드 ${name}에서 하트비트가 끊겨 NotReady로 표시했습니다` };
        return { actor: `kubelet/${name}`, hop: 'kubelet', message: `노드 상태를 ${now === 'True' ? 'Ready' : 'NotReady'}로 보고했습니다` };
      }
      if (!sameJson((obj as { spec?: unknown }).spec, (previous as { spec?: unknown }).spec))
        return { actor: 'node-lifecycle-controller', hop: 'controller', message: `노드 ${name}의 테인트/스케줄 가능 여부가 바뀌었습니다` };
      return null;
    }
    case 'Endpoints':
      return sameJson((obj as { subsets?: unknown }).subsets, (previous as { subsets?: unknown }).subsets)
        ? null
        : { actor: 'endpoints-controller', hop: 'controller', message: `엔드포인트 컨트롤러가 서비스 ${name}의 파드 목록을 갱신했습니다` };
    default: {
      const genChanged = obj.metadata?.generation !== previous.metadata?.generation;
      if (genChanged && owner) return { actor: `${owner.toLowerCase()}-controller`, hop: 'controller', message: `${KIND_KO[owner as Kind] ?? owner} 컨트롤러가 ${josa(subject, '을/를')} 조정했습니다` };
      if (genChanged) return { actor: 'kubectl', hop: 'apiserver', message: `사용자가 ${josa(subject, '을/를')} 바꿨습니다` };
      if (sameJson((obj as { status?: unknown }).status, (previous as { status?: unknown }).status)) return null;
      const ctl = change.kind === 'Deployment' ? 'deployment-controller' : change.kind === 'ReplicaSet' ? 'replicaset-controller' : 'controller';
      return { actor: ctl, hop: 'controller', message: `컨트롤러가 ${subject}의 상태(status)를 갱신했습니다` };
    }
  }
}

/** Which component the watch wakes next, if the change obviously calls for one. */
function nextWatcher(change: ClusterChange, previous: KubeObject | undefined): FlowHop | null {
  if (change.type === 'delete') return null;
  const obj = change.object;
  const name = obj.metadata?.name ?? '?';
  if (change.kind === 'Pod') {
    const pod = obj as V1Pod;
    if (!pod.spec?.nodeName && !obj.metadata?.deletionTimestamp)
      return { hop: 'scheduler', component: COMPONENT.scheduler, label: COMPONENT.scheduler, caption: `노드가 아직 없는 파드 ${name} — 놓을 노드를 고릅니다` };
    const node = pod.spec?.nodeName;
    if (node && !(previous as V1Pod | undefined)?.spec?.nodeName)
      return { hop: 'kubelet', component: COMPONENT.kubelet, label: actorLabel(`kubelet/${node}`), node, caption: '이미지를 받고 컨테이너를 시작합니다' };
    return null;
  }
  const generationChanged = !previous || obj.metadata?.generation !== previous.metadata?.generation;
  if (change.kind === 'Deployment' && generationChanged)
    return { hop: 'controller', component: COMPONENT.controller, label: actorLabel('deployment-controller'), caption: `${name}의 레플리카셋을 맞춥니다` };
  if (change.kind === 'ReplicaSet' && generationChanged)
    return { hop: 'controller', component: COMPONENT.controller, label: actorLabel('replicaset-controller'), caption: '파드 수를 맞춥니다' };
  return null;
}

function verbOf(change: ClusterChange, previous: KubeObject | undefined): FlowVerb {
  if (change.type === 'delete') return 'delete';
  if (!previous) return 'create';
  if (change.object.metadata?.deletionTimestamp && !previous.metadata?.deletionTimestamp) return 'terminate';
  if (change.kind === 'Pod' && (change.object as V1Pod).spec?.nodeName && !(previous as V1Pod).spec?.nodeName) return 'bind';
  return 'update';
}

/** The animated path for one change; null when it is noise. `previous` is the object before this change. */
export function flowForChange(change: ClusterChange, previous?: KubeObject): FlowPath | null {
  // a kubelet's unchanged node status (its 5-minute heartbeat) is noise here, as inferCause finds it on a real cluster
  if (change.kind === 'Event' || change.cause?.routine) return null;
  const cause = change.cause ?? inferCause(change, previous);
  if (!cause) return null;
  const writerHop = cause.hop ?? hopOfActor(cause.actor);
  const name = change.object.metadata?.name ?? '?';
  const subject = `${change.kind} ${name}`;
  const who = actorLabel(cause.actor);
  const what = withoutSpeaker(cause.message);
  const hops: FlowHop[] = [];
  const apiserver = { hop: 'apiserver', component: COMPONENT.apiserver, label: COMPONENT.apiserver } as const;
  if (writerHop === 'apiserver') {
    hops.push({ ...apiserver, caption: cause.actor === 'kubectl' ? `kubectl 요청 — ${what}` : what });
  } else {
    const node = writerHop === 'kubelet' ? cause.actor.split('/')[1] : undefined;
    hops.push({ hop: writerHop, component: COMPONENT[writerHop], label: who, node, caption: what });
    hops.push({ ...apiserver, caption: `${who}의 요청을 검증하고 받아들입니다` });
  }
  const rv = change.object.metadata?.resourceVersion;
  hops.push({ hop: 'etcd', component: COMPONENT.etcd, label: COMPONENT.etcd, caption: change.type === 'delete' ? `${subject} 삭제` : `${subject} 저장${rv ? ` (resourceVersion ${rv})` : ''}` });
  const next = nextWatcher(change, previous);
  if (next) hops.push(next);
  return { key: change.key, kind: change.kind, name, cause, verb: verbOf(change, previous), hops };
}
