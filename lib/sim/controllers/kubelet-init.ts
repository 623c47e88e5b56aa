/**
 * Init containers (https://kubernetes.io/docs/concepts/workloads/pods/init-containers/): after the
 * sandbox, the kubelet runs `spec.initContainers` one at a time, each to completion, before any app
 * container is created. A failing one is restarted with the container back-off (restartPolicy Always
 * or OnFailure), or fails the pod (Never). Meanwhile the pod is Pending, Initialized=False
 * (ContainersNotInitialized) and the app containers wait with reason PodInitializing — which
 * `kubectl get pods` prints as Init:N/M, Init:Error, Init:CrashLoopBackOff, PodInitializing
 * (lib/k8s/kinds/pod.ts podStatusReason). Sidecars (restartPolicy: Always init containers) are not
 * modelled: they run to completion like the others.
 */
import type { V1Container, V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import { lookupImage, parseImageRef, planContainer } from '../images';
import { EXIT_VISIBLE_MS } from '../timings';
import { crashBackOffDelay, recordRestart } from './container-backoff';
import { imageId, statusImage, waitingStatuses, withCondition } from './pod-status';
import { KUBELET, startPull, writePodStatus, type KubeletCtx } from './kubelet-pull';
import { recordImagePulled } from './node-network';

export interface InitRuntime {
  /** the init container being worked on */
  index: number;
  step: 'pull' | 'run' | 'exited' | 'backoff';
  /** the image is being pulled (a Pulled event when the pull ends) */
  pulling?: boolean;
}

const fieldPath = (c: V1Container) => `spec.initContainers{${c.name}}`;

/** Starts the init sequence for a new pod; false when it has no init containers. */
export function beginInit(ctx: KubeletCtx): boolean {
  const pod = ctx.e.get<V1Pod>('Pod', ctx.key)!;
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length === 0) return false;
  const names = inits.map((c) => c.name).join(' ');
  writePodStatus(ctx.key, ctx.e, ctx.cause(`파드 ${pod.metadata!.name}의 초기화 컨테이너 ${inits.length}개를 차례로 실행`), (p) => ({
    ...p.status,
    conditions: withCondition(p.status?.conditions, 'Initialized', 'False', ctx.e.iso(), 'ContainersNotInitialized', `containers with incomplete status: [${names}]`),
    initContainerStatuses: inits.map((c) => ({ name: c.name, image: statusImage(c.image!), imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } })),
    containerStatuses: waitingStatuses(p, 'PodInitializing'),
  }));
  ctx.rt.init = { index: 0, step: 'pull' };
  pullInit(ctx, inits[0]);
  return true;
}

/** One step of the init sequence when its due time has come. */
export function stepInit(ctx: KubeletCtx): void {
  const { rt, e, key } = ctx;
  const init = rt.init!;
  if (e.time < rt.due) return e.enqueueAt(KUBELET, key, rt.due);
  const pod = e.get<V1Pod>('Pod', key)!;
  const c = pod.spec!.initContainers![init.index];
  if (init.step === 'pull') return runInit(ctx, pod, c);
  if (init.step === 'run') return exitInit(ctx, pod, c);
  if (init.step === 'exited') {
    const backoff = crashBackOffDelay(rt, rt.exitedAt ?? e.time, e.timings);
    if (backoff === 0) return restartInit(ctx, c);
    const cause = ctx.cause(`초기화 컨테이너 ${c.name}이(가) 실패해 ${backoff / 1000}초 뒤 재시작 (Init:CrashLoopBackOff)`);
    setInitStatus(ctx, c.name, cause, (s) => ({
      ...s,
      lastState: { terminated: s.state?.terminated },
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff / 1000}s restarting failed container=${c.name} pod=${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})` } },
    }));
    ctx.event('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`, cause, fieldPath(c));
    init.step = 'backoff';
    rt.due = Math.max(e.time, (rt.exitedAt ?? e.time) + backoff);
    return e.enqueueAt(KUBELET, key, rt.due);
  }
  return restartInit(ctx, c);
}

function pullInit(ctx: KubeletCtx, c: V1Container): void {
  const { e, rt, key } = ctx;
  const pod = e.get<V1Pod>('Pod', key)!;
  const nodeName = pod.spec!.nodeName!;
  const entry = lookupImage(c.image ?? '');
  const ref = parseImageRef(c.image ?? '');
  const present = !!entry && (e.state.nodes[nodeName]?.images.includes(ref.full) ?? false);
  rt.init!.step = 'pull';
  if (present || !entry) {
    // an unknown image is not modelled for init containers beyond this: it runs as a no-op
    ctx.event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, ctx.cause(`이미지 ${c.image}이(가) 노드에 이미 있어 바로 사용`), fieldPath(c));
    rt.due = e.time;
  } else {
    ctx.event('Normal', 'Pulling', `Pulling image "${c.image}"`, ctx.cause(`초기화 컨테이너 ${c.name}의 이미지 ${c.image}을(를) 내려받는 중`), fieldPath(c));
    rt.due = e.time + e.timings.imagePull;
    rt.init!.pulling = true;
  }
  e.enqueueAt(KUBELET, key, rt.due);
}

function runInit(ctx: KubeletCtx, pod: V1Pod, c: V1Container): void {
  const { e, rt, key } = ctx;
  const entry = lookupImage(c.image ?? '');
  if (rt.init!.pulling && entry) {
    const secs = e.timings.imagePull / 1000;
    const cc = ctx.cause(`이미지 ${c.image} 내려받기 완료`);
    ctx.event('Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${secs}s (${secs}s including waiting). Image size: ${entry.sizeBytes} bytes.`, cc, fieldPath(c));
    recordImagePulled(e, pod.spec!.nodeName!, parseImageRef(c.image!).full, entry.sizeBytes, cc);
  }
  delete rt.init!.pulling;
  const cause = ctx.cause(`초기화 컨테이너 ${c.name} 시작 (${rt.init!.index + 1}/${pod.spec!.initContainers!.length})`);
  ctx.event('Normal', 'Created', `Created container ${c.name}`, cause, fieldPath(c));
  ctx.event('Normal', 'Started', `Started container ${c.name}`, cause, fieldPath(c));
  setInitStatus(ctx, c.name, cause, (s) => ({
    ...s,
    imageID: imageId(c.image!),
    containerID: `containerd://${e.rng.hex(64)}`,
    started: true,
    state: { running: { startedAt: e.iso() } },
  }));
  rt.init!.step = 'run';
  rt.started = { ...(rt.started ?? {}), [c.name]: e.time };
  const runMs = planContainer(c).runMs;
  rt.due = runMs === Infinity ? Infinity : e.time + runMs;
  if (rt.due !== Infinity) e.enqueueAt(KUBELET, key, rt.due);
}

function exitInit(ctx: KubeletCtx, pod: V1Pod, c: V1Container): void {
  const { e, rt, key } = ctx;
  const code = planContainer(c).exitCode;
  const terminated = (s: V1ContainerStatus) => ({ exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: s.state?.running?.startedAt, finishedAt: e.iso(), containerID: s.containerID });
  if (code === 0) {
    setInitStatus(ctx, c.name, ctx.cause(`초기화 컨테이너 ${c.name}이(가) 성공적으로 끝남`), (s) => ({ ...s, ready: true, started: false, state: { terminated: terminated(s) } }));
    const next = rt.init!.index + 1;
    const inits = pod.spec!.initContainers!;
    if (next < inits.length) {
      rt.init = { index: next, step: 'pull' };
      return pullInit(ctx, inits[next]);
    }
    // all done: Initialized, and the app containers are created as for any pod
    delete rt.init;
    writePodStatus(key, e, ctx.cause(`파드 ${pod.metadata!.name}의 초기화 컨테이너가 모두 끝나 앱 컨테이너를 준비`), (p) => ({ ...p.status, conditions: withCondition(p.status?.conditions, 'Initialized', 'True', e.iso()) }));
    return startPull(ctx);
  }
  const never = (pod.spec!.restartPolicy ?? 'Always') === 'Never';
  const cause = ctx.cause(`초기화 컨테이너 ${c.name}이(가) 종료 코드 ${code}로 실패${never ? '해 파드가 Failed' : ''} (Init:Error)`);
  setInitStatus(ctx, c.name, cause, (s) => ({ ...s, ready: false, started: false, state: { terminated: terminated(s) } }), never ? 'Failed' : undefined);
  if (never) {
    delete rt.init;
    rt.stage = 'done';
    return;
  }
  rt.init!.step = 'exited';
  rt.exitedAt = e.time;
  rt.due = e.time + EXIT_VISIBLE_MS;
  e.enqueueAt(KUBELET, key, rt.due);
}

function restartInit(ctx: KubeletCtx, c: V1Container): void {
  const { e, rt } = ctx;
  recordRestart(rt, rt.exitedAt ?? e.time, e.time, e.timings);
  setInitStatus(ctx, c.name, ctx.cause(`초기화 컨테이너 ${c.name}을(를) 다시 시작 (재시작 ${rt.crashes}회째)`), (s) => ({
    ...s,
    restartCount: (s.restartCount ?? 0) + 1,
    ...(s.state?.terminated ? { lastState: { terminated: s.state.terminated } } : {}),
  }));
  ctx.event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, ctx.cause(`이미지 ${c.image}이(가) 노드에 이미 있어 바로 사용`), fieldPath(c));
  runInit(ctx, e.get<V1Pod>('Pod', ctx.key)!, c);
}

function setInitStatus(ctx: KubeletCtx, name: string, cause: ReturnType<KubeletCtx['cause']>, change: (s: V1ContainerStatus) => V1ContainerStatus, phase?: 'Failed'): void {
  writePodStatus(ctx.key, ctx.e, cause, (p) => ({
    ...p.status,
    ...(phase ? { phase } : {}),
    initContainerStatuses: (p.status?.initContainerStatuses ?? []).map((s) => (s.name === name ? change(s) : s)),
  }));
}
