/** `kubectl cordon|uncordon|drain NODE`. Drain cordons, then evicts pods (skipping DaemonSet pods when told; ./drain.ts). */
import type { V1Pod } from '../../k8s/api-types';
import type { V1Node } from '../../k8s/types';
import { KubectlError, err, out, str, type KubectlContext } from '../context';
import { goDurationSeconds } from '../duration';
import { evictPods } from './drain';
import type { ParsedCommand } from '../parse';
import { qualifiedSingular } from '../resources';

function nodeName(cmd: ParsedCommand): string {
  const args = cmd.args.map((a) => a.replace(/^(nodes?|no)\//, ''));
  if (args.length !== 1) {
    throw new KubectlError(`error: ${args.length === 0 ? 'USAGE' : 'exactly one NODE'}: kubectl ${cmd.verb} NODE`, `힌트: 노드 이름을 하나 써 주세요. 'kubectl get nodes'로 이름을 확인할 수 있어요.`);
  }
  return args[0];
}

async function setUnschedulable(ctx: KubectlContext, name: string, unschedulable: boolean): Promise<'changed' | 'already'> {
  const node = (await ctx.client.get('Node', name)) as V1Node;
  if ((node.spec?.unschedulable ?? false) === unschedulable) return 'already';
  await ctx.client.patch('Node', name, undefined, { spec: { unschedulable: unschedulable ? true : null } }, 'merge');
  return 'changed';
}

export async function runCordon(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const name = nodeName(cmd);
  const cordon = cmd.verb === 'cordon';
  const result = await setUnschedulable(ctx, name, cordon);
  out(ctx, `${qualifiedSingular('Node')}/${name} ${result === 'already' ? 'already ' : ''}${cordon ? 'cordoned' : 'uncordoned'}`);
  return 0;
}

function isDaemonSetPod(pod: V1Pod): boolean {
  return pod.metadata?.ownerReferences?.some((o) => o.controller && o.kind === 'DaemonSet') ?? false;
}

function isMirrorOrStatic(pod: V1Pod): boolean {
  return Boolean(pod.metadata?.annotations?.['kubernetes.io/config.mirror']) || pod.metadata?.ownerReferences?.some((o) => o.kind === 'Node') === true;
}

export async function runDrain(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const name = nodeName(cmd);
  const result = await setUnschedulable(ctx, name, true);
  out(ctx, `${qualifiedSingular('Node')}/${name} ${result === 'already' ? 'already ' : ''}cordoned`);
  const pods = ((await ctx.client.list('Pod', undefined, { fieldSelector: `spec.nodeName=${name}` })) as V1Pod[])
    .filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !isMirrorOrStatic(p));
  const daemonPods = pods.filter(isDaemonSetPod);
  const unmanaged = pods.filter((p) => !isDaemonSetPod(p) && !p.metadata?.ownerReferences?.some((o) => o.controller));
  const problems: string[] = [];
  if (daemonPods.length > 0 && cmd.flags['ignore-daemonsets'] !== true) {
    problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods.map(key).join(', ')}`);
  }
  if (unmanaged.length > 0 && cmd.flags.force !== true) {
    problems.push(`cannot delete Pods declare no controller (use --force to override): ${unmanaged.map(key).join(', ')}`);
  }
  if (problems.length > 0) {
    err(ctx, `error: unable to drain node "${name}" due to error: ${problems.join(', ')}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}`);
    err(ctx, daemonPods.length > 0 && cmd.flags['ignore-daemonsets'] !== true
      ? `힌트: 데몬셋 파드는 노드마다 하나씩 있어야 해서 내보낼 수 없어요. --ignore-daemonsets를 붙여 다시 실행해 보세요.`
      : '힌트: 컨트롤러 없이 만든 파드는 지우면 다시 생기지 않아요. 그래도 지우려면 --force를 붙이세요.');
    return 1;
  }
  if (daemonPods.length > 0) err(ctx, `Warning: ignoring DaemonSet-managed Pods: ${daemonPods.map(key).join(', ')}`);
  if (unmanaged.length > 0) err(ctx, `Warning: deleting Pods that declare no controller: ${unmanaged.map(key).join(', ')}`);
  const timeout = str(cmd.flags, 'timeout');
  const code = await evictPods(ctx, name, pods.filter((p) => !isDaemonSetPod(p)), timeout === undefined ? undefined : goDurationSeconds(timeout, 'timeout'));
  if (code !== 0) return code;
  out(ctx, `${qualifiedSingular('Node')}/${name} drained`);
  return 0;
}

function key(p: V1Pod): string {
  return `${p.metadata?.namespace}/${p.metadata?.name}`;
}
