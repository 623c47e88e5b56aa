/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c C | --all-containers] [-p] [-f] [--tail N] [--since D |
 * --since-time T] [--timestamps] [--prefix] [--limit-bytes N]` — what the container's process wrote, read from
 * the cluster (pods/NAME/log). Options and messages as staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go.
 */
import { goDurationSeconds } from '../duration';
import { isStatusError } from '../../k8s/types';
import type { PodLogOptions, PodLogResult } from '../../sim/types';
import { KubectlError, namespaceOf, num, out, str, type KubectlContext } from '../context';
import { statusMessage } from '../errors';
import type { ParsedCommand } from '../parse';
import { logTargets, type LogTarget } from './logs-targets';

/** How often `-f` asks for new lines (wall ms). Lines carry the simulated time they were written. */
const FOLLOW_POLL_MS = 250;

/** --since in whole seconds (at least 1). */
const sinceSeconds = (text: string): number => Math.max(1, Math.ceil(goDurationSeconds(text, 'since')));

function logOptions(cmd: ParsedCommand): PodLogOptions {
  const since = str(cmd.flags, 'since');
  const sinceTime = str(cmd.flags, 'since-time');
  if (since !== undefined && sinceTime !== undefined) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified', '힌트: --since와 --since-time 중 하나만 써 주세요.');
  if (sinceTime !== undefined && Number.isNaN(Date.parse(sinceTime))) throw new KubectlError(`error: invalid argument "${sinceTime}" for "--since-time" flag: must be RFC3339`, '힌트: 예) --since-time=2026-01-15T10:00:00Z');
  let tail = num(cmd.flags, 'tail');
  // with a selector kubectl shows the last 10 lines of each pod unless --tail says otherwise
  if (tail === undefined && str(cmd.flags, 'selector') !== undefined) tail = 10;
  return {
    previous: cmd.flags.previous === true,
    timestamps: cmd.flags.timestamps === true,
    ...(tail !== undefined && tail >= 0 ? { tailLines: tail } : {}),
    ...(since !== undefined ? { sinceSeconds: sinceSeconds(since) } : {}),
    ...(sinceTime !== undefined ? { sinceTime } : {}),
    ...(num(cmd.flags, 'limit-bytes') !== undefined ? { limitBytes: num(cmd.flags, 'limit-bytes') } : {}),
  };
}

/** Korean hints for the kubelet's reasons a log can't be read. */
function logHint(message: string): string {
  if (message.includes('waiting to start')) return "힌트: 컨테이너가 아직 시작되지 않았어요. 'kubectl get pods'로 STATUS가 Running이 될 때까지 기다리거나 'kubectl describe pod'로 이유를 확인해 보세요.";
  if (message.includes('previous terminated container')) return '힌트: 이 컨테이너는 아직 재시작된 적이 없어 이전 로그가 없어요. -p 없이 지금 로그를 보세요.';
  if (message.includes('a container name must be specified') || message.includes('is not valid for pod')) return "힌트: -c 컨테이너이름으로 고르세요. 'kubectl get pod 이름 -o jsonpath={.spec.containers[*].name}'으로 이름을 볼 수 있어요.";
  return "힌트: 'kubectl describe pod'로 파드 상태를 확인해 보세요.";
}

async function read(ctx: KubectlContext, t: LogTarget, namespace: string, opts: PodLogOptions): Promise<PodLogResult> {
  try {
    return await ctx.client.podLog!(t.pod.metadata!.name!, namespace, { ...opts, container: t.container });
  } catch (e) {
    if (isStatusError(e)) throw new KubectlError(statusMessage(e.status), logHint(e.status.message ?? ''));
    throw e;
  }
}

export async function runLogs(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  if (!ctx.client.podLog) throw new KubectlError('error: logs are not available in this cluster mode', '힌트: 이 모드에서는 아직 로그를 볼 수 없어요. 시뮬레이터 모드에서 해 보세요.');
  const namespace = namespaceOf(cmd.flags);
  const opts = logOptions(cmd);
  const targets = await logTargets(cmd, ctx, namespace);
  const prefixed = cmd.flags.prefix === true;
  const print = (t: LogTarget, r: PodLogResult) => {
    if (!r.lines.length) return;
    const prefix = prefixed ? `[pod/${t.pod.metadata?.name}/${r.container}] ` : '';
    out(ctx, r.lines.map((l) => prefix + l).join('\n'));
  };
  const reads: { t: LogTarget; r: PodLogResult }[] = [];
  for (const t of targets) {
    const r = await read(ctx, t, namespace, opts);
    print(t, r);
    reads.push({ t, r });
  }
  if (cmd.flags.follow !== true) return 0;
  await followLogs(
    ctx,
    namespace,
    reads.map(({ t, r }) => ({ pod: t.pod.metadata!.name!, container: t.container, last: r, print: (next) => print(t, next) })),
    opts,
  );
  return 0;
}

/** One container `-f` follows: the last read (where to go on from) and how to print what comes next. */
export interface FollowedLog {
  pod: string;
  /** undefined: the pod's only container */
  container: string | undefined;
  last: PodLogResult;
  print(next: PodLogResult): void;
}

/**
 * `-f`: new lines as the processes write them, until every followed container stops, its pod goes away, or Ctrl+C.
 * Without a Ctrl+C to end it (no signal), nothing is followed.
 */
export async function followLogs(ctx: KubectlContext, namespace: string, followed: FollowedLog[], opts: Pick<PodLogOptions, 'previous' | 'timestamps'>): Promise<void> {
  const signal = ctx.signal;
  if (!signal || signal.aborted) return;
  await new Promise<void>((resolve) => {
    const live = followed.filter((x) => !x.last.ended);
    const finish = () => {
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(async () => {
      for (const x of [...live]) {
        try {
          const next = await ctx.client.podLog!(x.pod, namespace, { container: x.container, previous: opts.previous, timestamps: opts.timestamps, after: x.last.readUntil });
          x.print(next);
          x.last = next;
          if (next.ended) live.splice(live.indexOf(x), 1);
        } catch {
          live.splice(live.indexOf(x), 1); // the pod went away: kubectl's stream ends too
        }
      }
      if (live.length === 0) finish();
    }, FOLLOW_POLL_MS);
    if (live.length === 0) finish();
    signal.addEventListener('abort', finish, { once: true });
  });
}
