/**
 * The kubelet's probe manager (pkg/kubelet/prober): one worker per container and probe type, each
 * woken by its own timer every periodSeconds — never a sweep over all pods. Results drive the
 * container's `ready` and `started` (and so the pod's Ready/ContainersReady conditions and the
 * Service's endpoints); a liveness or startup failure records Unhealthy then Killing and stops the
 * container, which the kubelet restarts with its back-off. The same controller watches memory
 * against `resources.limits.memory` (oom.ts).
 */
import type { V1Container, V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { stopsOnSigterm } from '../images';
import { writePodStatus } from '../controllers/kubelet-pull';
import { probeOf, runProbe, type ProbeType } from './probe';
import type { ContainerProcessView, ProcessViewFactory } from './process-view';
import { countResult, parseWorkerKey, resetWorker, workerKey, workers, type ProbeWorker, type WatchType } from './worker';
import { stopContainer } from './kill';
import { checkMemory, hasMemoryLimit, OOM_FIRST_SAMPLE_MS } from './oom';
import { runHook } from './lifecycle-hooks';

export const PROBER = 'prober';
const PROBE_TYPES: readonly ProbeType[] = ['startup', 'liveness', 'readiness'];
const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };
const KOREAN: Record<ProbeType, string> = { liveness: '활성 프로브(liveness)', readiness: '준비성 프로브(readiness)', startup: '시작 프로브(startup)' };

/** Whether a container needs a watch of this type: its probes, an OOM watch for a memory limit, its postStart hook. */
function needsWatch(c: V1Container, t: WatchType): boolean {
  return t === 'oom' ? hasMemoryLimit(c) : t === 'poststart' ? !!c.lifecycle?.postStart : !!probeOf(c, t);
}

const ALL_WATCHES: readonly WatchType[] = [...PROBE_TYPES, 'oom', 'poststart'];
const watchCache = new WeakMap<V1Container, WatchType[]>();
/** The watches a container needs, cached per container spec (specs are immutable objects). */
function watchTypes(c: V1Container): WatchType[] {
  let out = watchCache.get(c);
  if (!out) watchCache.set(c, (out = ALL_WATCHES.filter((t) => needsWatch(c, t))));
  return out;
}

/**
 * The process view of a container for this pod object and factory. Views are pure, so while the pod object
 * is unchanged (steady-state probing) one view serves every probe run.
 */
const viewCache = new WeakMap<ProcessViewFactory, WeakMap<V1Pod, Map<string, ContainerProcessView>>>();
function viewOf(e: Engine, pod: V1Pod, c: V1Container): ContainerProcessView {
  let byPod = viewCache.get(e.processView);
  if (!byPod) viewCache.set(e.processView, (byPod = new WeakMap()));
  let byName = byPod.get(pod);
  if (!byName) byPod.set(pod, (byName = new Map()));
  let view = byName.get(c.name);
  if (!view) byName.set(c.name, (view = e.processView(pod, c)));
  return view;
}

const statusOf = (pod: V1Pod | undefined, name: string): V1ContainerStatus | undefined => pod?.status?.containerStatuses?.find((s) => s.name === name);

export class Prober implements Controller {
  readonly name = PROBER;
  readonly watches: readonly Kind[] = ['Pod'];

  /** O(containers of the pod): wakes a container's workers when a new instance of it starts or the pod goes. */
  onChange(c: StoreChange, e: Engine): void {
    const pod = (c.object ?? c.old) as V1Pod | undefined;
    const old = c.old as V1Pod | undefined;
    const containers = pod?.spec?.containers ?? [];
    for (let i = 0; i < containers.length; i++) {
      const container = containers[i];
      const types = watchTypes(container);
      if (types.length === 0) continue;
      const now = statusOf(c.type === 'DELETED' ? undefined : (c.object as V1Pod), container.name);
      const before = statusOf(old, container.name);
      const changed = c.type === 'DELETED' || now?.containerID !== before?.containerID || !!now?.state?.running !== !!before?.state?.running;
      if (changed || pod?.metadata?.deletionTimestamp !== old?.metadata?.deletionTimestamp)
        for (const t of types) e.enqueue(PROBER, workerKey(c.key, container.name, t));
    }
  }

  reconcile(key: string, e: Engine): void {
    const { podKey, container: name, type } = parseWorkerKey(key);
    const all = workers(e);
    const pod = e.get<V1Pod>('Pod', podKey);
    const container = pod?.spec?.containers.find((c) => c.name === name);
    const phase = pod?.status?.phase;
    if (!pod || !container || !needsWatch(container, type) || phase === 'Succeeded' || phase === 'Failed') {
      delete all[key];
      return;
    }
    const nodeName = pod.spec!.nodeName!;
    const status = statusOf(pod, name);
    const probeType = type === 'oom' || type === 'poststart' ? undefined : type;
    const period = probeType ? (probeOf(container, probeType)!.periodSeconds ?? 10) * 1000 : 0;
    // a stopped kubelet probes nothing; look again a period later (recoverNode wakes only the kubelet)
    if (e.state.nodes[nodeName]?.downSince !== undefined) return e.enqueueAt(PROBER, key, e.time + (period || 10_000));
    if (!status?.containerID) return;
    let w: ProbeWorker | undefined = all[key];
    if (!w || w.uid !== pod.metadata!.uid || w.containerID !== status.containerID) {
      // a new container instance: start over (worker.go resets on a new container ID)
      const startedAt = e.state.kubelet.get(podKey)?.started?.[name] ?? e.time;
      const delay = probeType ? (probeOf(container, probeType)!.initialDelaySeconds ?? 0) * 1000 : type === 'oom' ? OOM_FIRST_SAMPLE_MS : 0;
      w = all[key] = resetWorker(pod.metadata!.uid!, status.containerID, type, Math.max(e.time, startedAt + delay));
    }
    const ctx = new ProbeContext(e, podKey, pod, container, nodeName);
    if (w.killAt !== undefined) {
      if (e.time < w.killAt) return e.enqueueAt(PROBER, key, w.killAt);
      delete w.killAt;
      return ctx.kill(type === 'poststart' ? 'postStart 훅' : KOREAN[type as ProbeType]);
    }
    if (w.onHold || !status.state?.running || pod.metadata!.deletionTimestamp) return;
    if (e.time < w.next) return e.enqueueAt(PROBER, key, w.next);
    if (type === 'poststart') return this.postStart(ctx, w);
    if (type === 'oom') {
      const next = checkMemory(e, podKey, pod, container, ctx.cause);
      if (next !== undefined) {
        w.next = next;
        e.enqueueAt(PROBER, key, next);
      }
      return;
    }
    // worker.go: liveness and readiness wait for the startup probe; the startup probe stops once started
    if ((type === 'startup') === !!status.started) return;
    w.next = e.time + period;
    e.enqueueAt(PROBER, key, w.next);
    this.probeOnce(ctx, w, probeType!, status);
  }

  /** postStart runs once per container instance; a failure kills the container (kuberuntime_container.go startContainer). */
  private postStart(ctx: ProbeContext, w: ProbeWorker): void {
    const { e, pod, container } = ctx;
    w.onHold = true;
    const { failed } = runHook(container.lifecycle!.postStart!, pod, container, e);
    if (!failed) return;
    ctx.event('Warning', 'FailedPostStartHook', 'PostStartHook failed', `컨테이너 ${container.name}의 postStart 훅이 실패해 컨테이너를 종료하고 다시 시작`);
    ctx.event('Normal', 'Killing', 'FailedPostStartHook', `postStart 훅 실패로 컨테이너 ${container.name}에 SIGTERM`);
    this.scheduleKill(ctx, w, pod.spec!.terminationGracePeriodSeconds ?? 30, 'poststart');
  }

  /** The container stops after SIGTERM (promptly if it handles it) or at SIGKILL when the grace period ends. */
  private scheduleKill(ctx: ProbeContext, w: ProbeWorker, graceSeconds: number, type: WatchType): void {
    const { e, container } = ctx;
    w.killAt = e.time + (stopsOnSigterm(container) ? Math.min(e.timings.terminationGrace, graceSeconds * 1000) : graceSeconds * 1000);
    e.enqueueAt(PROBER, workerKey(ctx.podKey, container.name, type), w.killAt);
  }

  private probeOnce(ctx: ProbeContext, w: ProbeWorker, type: ProbeType, status: V1ContainerStatus): void {
    const { e, pod, container } = ctx;
    const probe = probeOf(container, type)!;
    const view = viewOf(e, pod, container);
    const outcome = runProbe(probe, container, view, pod.status?.podIP ?? '', e.time);
    if (!outcome.ok)
      ctx.event('Warning', 'Unhealthy', `${TITLE[type]} probe failed: ${outcome.output}`, `컨테이너 ${container.name}의 ${KOREAN[type]}가 실패: ${outcome.output}`);
    const result = countResult(w, outcome.ok, probe);
    if (result === undefined) return;
    // readiness is applied whenever the status disagrees (someone else may have reset `ready`)
    if (type === 'readiness') w.result = result;
    if (type === 'readiness' && status.ready !== result) return ctx.setContainer({ ready: result }, result ? `컨테이너 ${container.name}의 준비성 프로브가 성공해 준비됨 (Ready)` : `컨테이너 ${container.name}의 준비성 프로브가 ${probe.failureThreshold ?? 3}번 연속 실패해 준비되지 않음 — 서비스 엔드포인트에서 빠짐`);
    if (type === 'readiness' || result === w.result) return;
    w.result = result;
    if (type === 'startup' && result) {
      // started gates the other probes; without a readiness probe a started container is ready
      ctx.setContainer({ started: true, ...(container.readinessProbe ? {} : { ready: true }) }, `컨테이너 ${container.name}의 시작 프로브가 성공해 활성/준비성 프로브를 시작`);
      for (const t of ['liveness', 'readiness'] as const) if (probeOf(container, t)) e.enqueue(PROBER, workerKey(ctx.podKey, container.name, t));
      return;
    }
    if (result) return;
    // liveness/startup failure: hold until the restarted container appears, stop this one
    w.onHold = true;
    w.resultRun = 0;
    ctx.event('Normal', 'Killing', `Container ${container.name} failed ${type} probe, will be restarted`, `컨테이너 ${container.name}이(가) ${KOREAN[type]}에 ${probe.failureThreshold ?? 3}번 연속 실패해 kubelet이 SIGTERM을 보내고 다시 시작`);
    this.scheduleKill(ctx, w, probe.terminationGracePeriodSeconds ?? pod.spec!.terminationGracePeriodSeconds ?? 30, type);
  }
}

/** What one worker reconcile works with: the pod, the container, and the kubelet's event and cause helpers. */
class ProbeContext {
  constructor(
    readonly e: Engine,
    readonly podKey: string,
    readonly pod: V1Pod,
    readonly container: V1Container,
    readonly nodeName: string,
  ) {}

  cause = (message: string): Cause => ({ actor: `kubelet/${this.nodeName}`, message: `kubelet(${this.nodeName}): ${message}`, hop: 'kubelet' });

  event(type: 'Normal' | 'Warning', reason: string, message: string, korean: string): void {
    const m = this.pod.metadata!;
    this.e.recordEvent({ kind: 'Pod', name: m.name!, namespace: m.namespace, uid: m.uid, fieldPath: `spec.containers{${this.container.name}}` }, type, reason, message, 'kubelet', this.cause(korean), this.nodeName);
  }

  /** Writes `ready`/`started` of this container (the status manager's SetContainerReadiness/Startup). */
  setContainer(fields: Partial<Pick<V1ContainerStatus, 'ready' | 'started'>>, korean: string): void {
    const name = this.container.name;
    writePodStatus(this.podKey, this.e, this.cause(korean), (p) => ({
      ...p.status,
      containerStatuses: (p.status?.containerStatuses ?? []).map((s) => (s.name === name ? { ...s, ...fields } : s)),
    }));
  }

  /** The container stopped after SIGTERM (exit 0 for a process that handles it) or SIGKILL at the grace period's end (137). */
  kill(what: string): void {
    const handles = stopsOnSigterm(this.container);
    stopContainer(this.e, this.podKey, this.container.name, { ...(handles ? { exitCode: 0, reason: 'Completed' } : { exitCode: 137, reason: 'Error' }), killedByKubelet: true }, this.cause(`${what} 실패로 컨테이너 ${this.container.name}이(가) 멈춤 — 재시작 대기`));
  }
}
