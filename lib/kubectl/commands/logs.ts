/** `kubectl logs POD|TYPE/NAME [-c CONTAINER] [--tail N] [-f] [--timestamps]`. */
import type { V1Pod } from '@kubernetes/client-node';
import { labelSelectorObjectMatches } from '../../k8s/selectors';
import { timestampMs } from '../../k8s/age';
import { badRequest } from '../../k8s/status';
import type { V1Deployment } from '../../k8s/types';
import { KubectlError, err, namespaceOf, num, out, str, type KubectlContext } from '../context';
import { statusMessage } from '../errors';
import type { ParsedCommand } from '../parse';
import { singleTarget } from '../targets';
import { logLines, newLogLines, type LogSource } from './logs-text';

async function podFor(cmd: ParsedCommand, ctx: KubectlContext, namespace: string): Promise<V1Pod> {
  if (cmd.args.length === 0) {
    throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", '힌트: 파드 이름을 써 주세요. 예) kubectl logs web-7d4b9c-abcde');
  }
  const { type, name } = singleTarget(cmd.args.slice(0, 1), 'logs', 'pod');
  if (type.kind === 'Pod') return (await ctx.client.get('Pod', name, namespace)) as V1Pod;
  if (type.kind !== 'Deployment' && type.kind !== 'ReplicaSet') {
    throw new KubectlError(`error: cannot get the logs from ${type.kind}`, '힌트: 파드, 디플로이먼트, 레플리카셋의 로그를 볼 수 있어요.');
  }
  const owner = (await ctx.client.get(type.kind, name, namespace)) as V1Deployment;
  const pods = ((await ctx.client.list('Pod', namespace)) as V1Pod[])
    .filter((p) => labelSelectorObjectMatches(owner.spec?.selector, p.metadata?.labels))
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`, '힌트: 아직 파드가 없어요. kubectl get pods로 파드가 만들어졌는지 확인해 보세요.');
  if (pods.length > 1) err(ctx, `Found ${pods.length} pods, using pod/${pods[0].metadata?.name}`);
  return pods[0];
}

export async function runLogs(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const namespace = namespaceOf(cmd.flags);
  const pod = await podFor(cmd, ctx, namespace);
  const podName = pod.metadata?.name ?? '';
  const containers = pod.spec?.containers ?? [];
  const wanted = str(cmd.flags, 'container') ?? cmd.args[1];
  let container = containers[0];
  if (wanted) {
    const found = containers.find((c) => c.name === wanted);
    if (!found) throw new KubectlError(`error: container ${wanted} is not valid for pod ${podName}`, `힌트: 이 파드의 컨테이너: ${containers.map((c) => c.name).join(', ')}`);
    container = found;
  } else if (containers.length > 1) {
    err(ctx, `Defaulted container "${container.name}" out of: ${containers.map((c) => c.name).join(', ')}`);
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === container?.name);
  const started = timestampMs(status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt);
  if (!container || Number.isNaN(started)) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw new KubectlError(
      statusMessage(badRequest(`container "${container?.name ?? ''}" in pod "${podName}" is waiting to start: ${reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason}`).status),
      "힌트: 컨테이너가 아직 시작되지 않았어요. 'kubectl get pods'로 STATUS가 Running이 될 때까지 기다리거나 'kubectl describe pod'로 이유를 확인해 보세요.",
    );
  }
  const src: LogSource = { podName, image: container.image ?? '', startedAt: started, podIP: pod.status?.podIP };
  const stampOf = (line: string, at?: number) => (cmd.flags.timestamps === true ? `${new Date(at ?? started).toISOString()} ${line}` : line);
  let lines = logLines(src, ctx.now());
  const tail = num(cmd.flags, 'tail');
  if (tail !== undefined && tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  if (lines.length > 0) out(ctx, lines.map((l) => stampOf(l)).join('\n'));
  if (cmd.flags.follow === true && ctx.signal && !ctx.signal.aborted) {
    const signal = ctx.signal;
    let since = ctx.now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = ctx.now();
        const fresh = newLogLines(src, since, now);
        since = now;
        if (fresh.length > 0) out(ctx, fresh.map((l) => stampOf(l, now)).join('\n'));
      }, 500);
      signal.addEventListener('abort', () => {
        clearInterval(timer);
        resolve();
      }, { once: true });
    });
  }
  return 0;
}
