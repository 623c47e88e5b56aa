/**
 * `kubectl top pod|node [NAME | -l label]` over metrics.k8s.io, in the order k8s.io/kubectl pkg/cmd/top/top_pod.go
 * and top_node.go work: validate flags, ask for the metrics (one object by name, else a list), and when a pod list
 * comes back empty tell "no pods" from "metrics not available yet" (pods younger than 2 minutes) from "Metrics not
 * available for pod …" (older ones) by listing the pods; nodes get their allocatable from the Node objects.
 */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import { isStatusError } from '../../k8s/types';
import { timestampMs } from '../../k8s/age';
import { parseLabelSelector } from '../../k8s/selectors';
import { KubectlError, err, namespaceOf, str, type KubectlContext } from '../context';
import { statusMessage } from '../errors';
import type { ParsedCommand } from '../parse';
import { printNodeMetrics, printPodMetrics, type TopSort } from './top-print';
import type { NodeMetrics, PodMetrics } from '../../sim/types';

/** top_pod.go metricsCreationDelay: a pod older than this without metrics is reported as a problem. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;
const POD_WORDS = new Set(['pod', 'pods', 'po']);
const NODE_WORDS = new Set(['node', 'nodes', 'no']);

const WAIT_HINT = '힌트: metrics-server는 15초마다 사용량을 모아요. 파드가 뜬 뒤 10~30초쯤 기다렸다가 다시 해 보세요.';

/** A StatusError from the metrics API, printed as kubectl prints it, with a Korean hint. */
async function cluster<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!isStatusError(e)) throw e;
    const message = e.status.message ?? '';
    const hint = message.includes('metrics.k8s.io')
      ? WAIT_HINT
      : e.status.reason === 'BadRequest'
        ? "힌트: 셀렉터 형식을 확인해 보세요. 예) -l app=web"
        : "힌트: 'kubectl get pods' 또는 'kubectl get nodes'로 이름을 확인해 보세요.";
    throw new KubectlError(statusMessage(e.status), hint);
  }
}

/** Flags only one of `top pod` / `top node` has (cobra rejects the other's before running anything). */
const ONLY_FOR: Record<string, 'pod' | 'node'> = { 'all-namespaces': 'pod', containers: 'pod', sum: 'pod', 'field-selector': 'pod', 'show-capacity': 'node' };

/** The checks kubectl makes before asking the server: flags of the other sub-command, a label selector it can't parse. */
function validate(cmd: ParsedCommand, what: 'pod' | 'node'): void {
  for (const [flag, owner] of Object.entries(ONLY_FOR)) {
    if (owner !== what && cmd.flags[flag] !== undefined) throw new KubectlError(`error: unknown flag: --${flag}\nSee 'kubectl top ${what} --help' for usage.`, `힌트: --${flag}는 kubectl top ${owner}에서만 쓸 수 있어요.`);
  }
  const selector = str(cmd.flags, 'selector');
  if (!selector) return;
  try {
    parseLabelSelector(selector);
  } catch (e) {
    // labels.Parse runs in kubectl, so the message comes without "Error from server"
    throw new KubectlError(`error: ${isStatusError(e) ? e.status.message : String(e)}`, '힌트: 셀렉터 형식을 확인해 보세요. 예) -l app=web 또는 -l \'tier in (fe,be)\'');
  }
}

function sortOf(cmd: ParsedCommand): TopSort {
  const sortBy = str(cmd.flags, 'sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('error: --sort-by accepts only cpu or memory', '힌트: --sort-by=cpu 또는 --sort-by=memory 중 하나를 쓰세요.');
  return sortBy;
}

function oneName(cmd: ParsedCommand, what: 'pod' | 'node'): string | undefined {
  if (cmd.args.length > 1) throw new KubectlError(`error: Unexpected args: [${cmd.args.slice(1).join(' ')}]\nSee 'kubectl top ${what} -h' for help and examples`, `힌트: 이름은 하나만 쓸 수 있어요. 여러 개를 보려면 -l 레이블 셀렉터를 쓰세요.`);
  const name = cmd.args[0];
  if (name && (str(cmd.flags, 'selector') || str(cmd.flags, 'field-selector'))) throw new KubectlError('error: only one of NAME or selector can be provided', '힌트: 이름과 -l 셀렉터 중 하나만 쓰세요.');
  return name;
}

/** Go's time.Duration.String() for a whole number of ms: `2m5.5s`, `1h0m3s`. */
function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = `${+((ms % 60_000) / 1000).toFixed(3)}s`;
  return h ? `${h}h${m}m${s}` : m ? `${m}m${s}` : s;
}

export async function runTop(parsed: ParsedCommand, ctx: KubectlContext): Promise<number> {
  // `node` and `pod` are the parser's sub-commands; their aliases (nodes, no, pods, po) arrive as the first argument
  const what = parsed.sub ?? parsed.args[0] ?? '';
  const cmd = parsed.sub ? parsed : { ...parsed, args: parsed.args.slice(1) };
  if (!POD_WORDS.has(what) && !NODE_WORDS.has(what)) {
    const message = what ? `error: unknown command "${what}" for "kubectl top"` : 'error: you must specify a resource: kubectl top pod or kubectl top node';
    throw new KubectlError(message, '힌트: kubectl top pods 또는 kubectl top nodes 로 써 보세요.');
  }
  if (!ctx.client.metrics) throw new KubectlError('error: Metrics API not available', '힌트: 이 모드에서는 metrics.k8s.io API가 없어요. 시뮬레이터 모드에서 해 보세요.');
  return POD_WORDS.has(what) ? topPods(cmd, ctx) : topNodes(cmd, ctx);
}

async function topPods(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const metricsApi = ctx.client.metrics!;
  validate(cmd, 'pod');
  const sortBy = sortOf(cmd);
  const name = oneName(cmd, 'pod');
  const namespace = namespaceOf(cmd.flags);
  const all = cmd.flags['all-namespaces'] === true;
  const labelSelector = str(cmd.flags, 'selector');
  const fieldSelector = str(cmd.flags, 'field-selector');
  const metrics: PodMetrics[] = name
    ? [await cluster(metricsApi.getPod(name, namespace))]
    : await cluster(metricsApi.listPods(all ? undefined : namespace, { labelSelector, fieldSelector }));
  if (metrics.length === 0) {
    // verifyEmptyMetrics lists pods in the current namespace, even with -A (as kubectl does)
    const pods = (await cluster(ctx.client.list('Pod', namespace, { labelSelector, fieldSelector }))) as V1Pod[];
    if (pods.length > 0) {
      for (const pod of pods) {
        const age = ctx.now() - timestampMs(pod.metadata?.creationTimestamp);
        if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`error: Metrics not available for pod ${pod.metadata?.namespace}/${pod.metadata?.name}, age: ${goDuration(age)}`, '힌트: 실행 중인 컨테이너가 없는 파드(Pending, 완료, 재시작 대기)는 사용량이 없어요. kubectl get pods로 상태를 확인해 보세요.');
      }
      throw new KubectlError('error: metrics not available yet', WAIT_HINT);
    }
    err(ctx, all ? 'No resources found' : `No resources found in ${namespace} namespace.`);
    return 0;
  }
  const text = printPodMetrics(metrics, { containers: cmd.flags.containers === true, withNamespace: all, noHeaders: cmd.flags['no-headers'] === true, sortBy, sum: cmd.flags.sum === true });
  if (text) ctx.write(text, 'stdout');
  return 0;
}

async function topNodes(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const metricsApi = ctx.client.metrics!;
  validate(cmd, 'node');
  const sortBy = sortOf(cmd);
  const name = oneName(cmd, 'node');
  const labelSelector = str(cmd.flags, 'selector');
  const metrics: NodeMetrics[] = name ? [await cluster(metricsApi.getNode(name))] : await cluster(metricsApi.listNodes({ labelSelector }));
  if (metrics.length === 0) throw new KubectlError('error: metrics not available yet', WAIT_HINT);
  const nodes = name ? [(await cluster(ctx.client.get('Node', name))) as V1Node] : ((await cluster(ctx.client.list('Node', undefined, { labelSelector }))) as V1Node[]);
  const capacity = cmd.flags['show-capacity'] === true;
  const available = new Map(nodes.map((n) => [n.metadata!.name!, (capacity ? n.status?.capacity : n.status?.allocatable) ?? {}]));
  const text = printNodeMetrics(metrics, available, { noHeaders: cmd.flags['no-headers'] === true, sortBy });
  if (text) ctx.write(text, 'stdout');
  return 0;
}
