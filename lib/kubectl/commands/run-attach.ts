/**
 * `kubectl run NAME -i [-t] [--rm] --image=IMG [--restart=…] [-- COMMAND…]`: create the pod, wait until it runs and
 * is ready, attach the terminal to its main process, then (with --rm) delete it. Steps and messages as
 * k8s.io/kubectl pkg/cmd/run/run.go (Validate, Run, handleAttachPod, waitForPod) and pkg/cmd/attach/attach.go at
 * kubectl v1.34: the recording notice and "If you don't see a command prompt, try pressing enter." on stderr,
 * "Session ended, resume using 'kubectl attach …' command when the pod is running" after a TTY session of a
 * restartPolicy Always pod, the deferred
 * delete's `pod "NAME" deleted from NS namespace` (kubectl delete's printer), and with --restart=Never/OnFailure the container's exit code as kubectl's.
 */
import type { V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import { isStatusError } from '../../k8s/types';
import { objectKey, type ShellHandle } from '../../cluster/types';
import { KubectlError, err, out, type KubectlContext } from '../context';
import { statusMessage } from '../errors';
import { deletedLine } from '../resources';
import type { PodLogResult } from '../../sim/types';
import { followLogs } from './logs';

/** kubectl's --pod-running-timeout default (run.go defaultPodAttachTimeout), here in simulated time. */
const POD_RUNNING_TIMEOUT_MS = 60_000;

export interface AttachRun {
  stdin: boolean;
  tty: boolean;
  remove: boolean;
  restart: string;
}

/** run.go Validate's rules for -i/-t/--rm/--attach; `attach` is -i unless --attach says otherwise. */
export function attachOptions(flags: Record<string, unknown>, dryRun: boolean): (AttachRun & { attach: boolean }) {
  const stdin = flags.stdin === true;
  const tty = flags.tty === true;
  const attach = typeof flags.attach === 'boolean' ? flags.attach : stdin;
  const remove = flags.rm === true;
  if (tty && !stdin) throw new KubectlError('error: -i/--stdin is required for containers with -t/--tty=true', '힌트: 터미널(-t)을 쓰려면 입력(-i)도 함께 열어야 해요. 예) kubectl run tmp --rm -it --image=busybox -- sh');
  if (!attach && remove) throw new KubectlError('error: --rm should only be used for attached containers', '힌트: --rm은 -i(또는 --attach)로 파드에 붙었을 때만 써요. 예) kubectl run tmp --rm -it --image=busybox -- sh');
  if (attach && dryRun) throw new KubectlError("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", '힌트: 미리 보기(--dry-run)와 -i/-t/--attach는 함께 쓸 수 없어요.');
  return { stdin, tty, attach, remove, restart: typeof flags.restart === 'string' ? flags.restart : 'Always' };
}

type Wait = { pod: V1Pod } | { gone: true } | { aborted: true } | { timedOut: true };

/** Resolves when `test` holds for the pod (watching the client's cache), it is deleted, Ctrl+C, or the timeout passes. */
function untilPod(ctx: KubectlContext, pod: V1Pod, test: (p: V1Pod) => boolean): Promise<Wait> {
  const key = objectKey('Pod', pod.metadata!.name!, pod.metadata!.namespace);
  const start = ctx.now();
  const check = (): Wait | undefined => {
    const p = ctx.client.cached().get(key) as V1Pod | undefined;
    if (!p) return { gone: true };
    if (test(p)) return { pod: p };
    if (ctx.signal?.aborted) return { aborted: true };
    if (ctx.now() - start > POD_RUNNING_TIMEOUT_MS) return { timedOut: true };
    return undefined;
  };
  return new Promise((resolve) => {
    const done = (w: Wait) => {
      unsubscribe();
      ctx.signal?.removeEventListener('abort', onAbort);
      resolve(w);
    };
    const onAbort = () => done({ aborted: true });
    const unsubscribe = ctx.client.subscribe(() => {
      const w = check();
      if (w) done(w);
    });
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    // the pod may already be there (the create's answer carries the cache update)
    queueMicrotask(() => {
      const w = check();
      if (w) done(w);
    });
  });
}

const finished = (p: V1Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const ranOnce = (s?: V1ContainerStatus) => !!s && (s.restartCount > 0 || !!s.state?.terminated || !!s.lastState?.terminated);
/** run.go podRunningAndReady, plus: its container already ran and exited (a one-shot command under restartPolicy Always). */
const runningAndReady = (p: V1Pod) =>
  finished(p) || ranOnce(p.status?.containerStatuses?.[0]) || (p.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));

/**
 * The container's log. `follow`: new lines as the process writes them until it exits, as `logs -f` does. run.go's
 * own fallback (handleAttachPod → logOpts) reads the log once, but a real runtime attaches to any running process's
 * output; this simulator refuses to attach to one that reads no terminal, so following its log stands in for that
 * attach. A one-shot read here could come before a short command (curl) has written anything, and print nothing.
 */
async function printLog(ctx: KubectlContext, pod: V1Pod, container: string, follow = false): Promise<void> {
  if (!ctx.client.podLog) return;
  const s = pod.status?.containerStatuses?.[0];
  const previous = !finished(pod) && !s?.state?.terminated && !!s?.lastState?.terminated;
  const print = (log: PodLogResult) => {
    if (log.lines.length) ctx.write(log.lines.map((l) => `${l}\n`).join(''), 'stdout');
  };
  const name = pod.metadata!.name!;
  const namespace = pod.metadata!.namespace!;
  try {
    const log = await ctx.client.podLog(name, namespace, { container, previous });
    print(log);
    if (follow) await followLogs(ctx, namespace, [{ pod: name, container, last: log, print }], { previous });
  } catch (e) {
    if (!isStatusError(e)) throw e;
  }
}

/** The attached session: each typed line runs in the container's main shell until `exit`, Ctrl+D (EOF) or Ctrl+C (detach). */
async function session(ctx: KubectlContext, shell: ShellHandle): Promise<void> {
  for (;;) {
    const line = await ctx.readLine!(shell.prompt());
    if (ctx.signal?.aborted) return;
    // Ctrl+D: the shell reads end of input and exits 0, as `exit` would
    const r = await shell.run(line ?? 'exit');
    if (r.stdout) ctx.write(r.stdout, 'stdout');
    if (r.stderr) ctx.write(r.stderr, 'stderr');
    if (r.exited !== undefined) return;
  }
}

/** Checks before the pod is created: attaching needs a terminal and a cluster that can attach. */
export function requireAttachable(ctx: KubectlContext): void {
  if (!ctx.client.attachShell) throw new KubectlError('error: attach is not available in this cluster mode', "힌트: 이 모드에서는 파드에 붙을 수 없어요. 'kubectl run'으로 만든 뒤 'kubectl exec'로 명령을 실행해 보세요.");
  if (!ctx.readLine) throw new KubectlError('error: Unable to use a TTY - input is not a terminal or the right kind of file', '힌트: 대화형 셸은 터미널에서만 열 수 있어요. -- 뒤에 실행할 명령을 적어 보세요.');
}

/** After create: wait, attach, wait for the exit code (Never/OnFailure), and delete with --rm (deferred, as run.go). */
export async function attachToRun(ctx: KubectlContext, created: V1Pod, opts: AttachRun): Promise<number> {
  const name = created.metadata!.name!;
  const namespace = created.metadata!.namespace ?? 'default';
  const container = created.spec!.containers[0].name;
  try {
    const started = await untilPod(ctx, created, runningAndReady);
    if ('timedOut' in started) throw new KubectlError('error: timed out waiting for the condition', `힌트: 파드가 60초 안에 준비되지 않았어요. 'kubectl describe pod ${name}'로 이벤트(이미지 받기 실패 등)를 확인해 보세요.`);
    if (!('pod' in started)) return 'aborted' in started ? 130 : 0;
    if (finished(started.pod) || ranOnce(started.pod.status?.containerStatuses?.[0])) await printLog(ctx, started.pod, container);
    else await attached(ctx, started.pod, container, opts);
    if (opts.restart === 'Always' || ctx.signal?.aborted) return ctx.signal?.aborted ? 130 : 0;
    const ended = await untilPod(ctx, created, opts.restart === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : finished);
    if (!('pod' in ended)) return 'aborted' in ended ? 130 : 0;
    return exitCodeOf(ended.pod);
  } finally {
    if (opts.remove) await removePod(ctx, name, namespace);
  }
}

async function attached(ctx: KubectlContext, pod: V1Pod, container: string, opts: AttachRun): Promise<void> {
  err(ctx, 'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.');
  err(ctx, "If you don't see a command prompt, try pressing enter.");
  let shell: ShellHandle;
  try {
    shell = await ctx.client.attachShell!(pod.metadata!.name!, pod.metadata!.namespace!, container);
  } catch (e) {
    if (!isStatusError(e)) throw e;
    // run.go handleAttachPod: attach failed, so kubectl streams the container's log instead
    err(ctx, `warning: couldn't attach to pod/${pod.metadata!.name}, falling back to streaming logs: ${statusMessage(e.status).replace(/^Error from server \(\w+\): /, '')}`);
    await printLog(ctx, pod, container, true);
    return;
  }
  await session(ctx, shell);
  // attach.go reattachMessage: only a TTY session of a pod that restarts its containers (restartPolicy Always)
  if (opts.stdin && opts.tty && opts.restart === 'Always') out(ctx, `Session ended, resume using 'kubectl attach ${pod.metadata!.name} -c ${container} -i -t' command when the pod is running`);
}

/** run.go: a Failed pod's container exit code becomes kubectl's, with "pod NS/NAME terminated (REASON)". */
function exitCodeOf(pod: V1Pod): number {
  if (pod.status?.phase !== 'Failed') return 0;
  const t = pod.status.containerStatuses?.[0]?.state?.terminated;
  const id = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
  if (!t || t.exitCode === 0) throw new KubectlError(`error: pod ${id} failed with unknown exit code`, `힌트: 'kubectl describe pod ${pod.metadata!.name}'로 무슨 일이 있었는지 보세요.`);
  // printed as is (no "error: "): kubectl's CheckErr prints an exit-code error's message unprefixed
  throw new KubectlError(`pod ${id} terminated (${t.reason ?? 'Error'})${t.message ? `\n${t.message}` : ''}`, `힌트: 컨테이너가 종료 코드 ${t.exitCode}로 끝났어요.`, t.exitCode);
}

/** The deferred removal (delete with IgnoreNotFound), printed as `kubectl delete` prints it. */
async function removePod(ctx: KubectlContext, name: string, namespace: string): Promise<void> {
  try {
    await ctx.client.delete('Pod', name, namespace);
    out(ctx, deletedLine('Pod', name, namespace));
  } catch (e) {
    if (!isStatusError(e) || e.status.code !== 404) throw e;
  }
}
