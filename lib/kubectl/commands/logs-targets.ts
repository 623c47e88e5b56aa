/**
 * Which pods and containers `kubectl logs` reads (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and
 * polymorphichelpers/logsforobject.go): a pod; TYPE/NAME of a workload → its first pod ("Found N pods, using
 * pod/X"); `-l selector` → every matching pod; the container from -c, --all-containers, the
 * kubectl.kubernetes.io/default-container annotation, or the first ("Defaulted container …").
 */
import type { V1Pod } from '../../k8s/api-types';
import { labelSelectorObjectMatches } from '../../k8s/selectors';
import type { V1Deployment } from '../../k8s/types';
import { KubectlError, err, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { singleTarget } from '../targets';

export interface LogTarget {
  pod: V1Pod;
  /** undefined: let the API server choose (a pod with one container) */
  container?: string;
}

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'Job', 'StatefulSet', 'DaemonSet']);
const byName = (a: V1Pod, b: V1Pod) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

/** The pods a POD, TYPE/NAME or -l argument names (a workload: its first pod). */
export async function podsFor(cmd: ParsedCommand, ctx: KubectlContext, namespace: string): Promise<V1Pod[]> {
  const selector = str(cmd.flags, 'selector');
  if (selector !== undefined) {
    if (cmd.args.length > 0) throw new KubectlError('error: only a selector (-l) or a POD name is allowed', '힌트: -l 셀렉터와 파드 이름 중 하나만 써 주세요.');
    const pods = (await ctx.client.list('Pod', namespace, { labelSelector: selector })) as V1Pod[];
    if (pods.length === 0) throw new KubectlError(`No resources found in ${namespace} namespace.`, "힌트: 'kubectl get pods --show-labels'로 레이블을 확인해 보세요.");
    return pods.sort(byName);
  }
  if (cmd.args.length === 0) throw new KubectlError(USAGE, '힌트: 파드 이름을 써 주세요. 예) kubectl logs web-7d4b9c-abcde');
  const { type, name } = singleTarget(cmd.args.slice(0, 1), 'logs', 'pod');
  if (type.kind === 'Pod') return [(await ctx.client.get('Pod', name, namespace)) as V1Pod];
  if (!WORKLOAD_KINDS.has(type.kind)) throw new KubectlError(`error: cannot get the logs from ${type.kind}`, '힌트: 파드나 디플로이먼트·레플리카셋·잡의 로그를 볼 수 있어요.');
  const owner = (await ctx.client.get(type.kind, name, namespace)) as V1Deployment;
  const pods = ((await ctx.client.list('Pod', namespace)) as V1Pod[]).filter((p) => labelSelectorObjectMatches(owner.spec?.selector, p.metadata?.labels)).sort(byName);
  if (pods.length === 0) throw new KubectlError('error: timed out waiting for the condition', '힌트: 아직 파드가 없어요. kubectl get pods로 파드가 만들어졌는지 확인해 보세요.');
  if (pods.length > 1) err(ctx, `Found ${pods.length} pods, using pod/${pods[0].metadata?.name}`);
  return [pods[0]];
}

/** The (pod, container) pairs to read, in kubectl's order. */
export async function logTargets(cmd: ParsedCommand, ctx: KubectlContext, namespace: string): Promise<LogTarget[]> {
  const container = str(cmd.flags, 'container') ?? (cmd.args.length > 1 ? cmd.args[1] : undefined);
  const all = cmd.flags['all-containers'] === true;
  if (container && all) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`, '힌트: -c와 --all-containers 중 하나만 써 주세요.');
  const pods = await podsFor(cmd, ctx, namespace);
  const targets: LogTarget[] = [];
  for (const pod of pods) {
    const names = (pod.spec?.containers ?? []).map((c) => c.name);
    if (all) targets.push(...names.map((c) => ({ pod, container: c })));
    else if (container) targets.push({ pod, container });
    else if (names.length > 1) {
      const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
      const chosen = annotated && names.includes(annotated) ? annotated : names[0];
      if (!annotated) err(ctx, `Defaulted container "${chosen}" out of: ${names.join(', ')}`);
      targets.push({ pod, container: chosen });
    } else targets.push({ pod });
  }
  return targets;
}
