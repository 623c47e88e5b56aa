/**
 * The load generator's plan (load-plan.ts) for the usual target: a Service whose endpoints are pods of one template,
 * each running its image's own program. Such pods answer alike — the same ports, readiness timing and status for a
 * path — and differ only in their start time, node, name and address, which an answer's body may carry ({pod},
 * {podIP}: the teaching image answers with its pod name). So the program is started once per distinct container
 * (image, command, args) instead of once per pod, its answer rendered once, and each endpoint's outcome derived
 * from that: whether its process listens now (its own start time), the body's size (the shared size corrected by the
 * lengths of the pod's name and address: a time stamp keeps its length), the hop across nodes. It gives what
 * connect() and peekExchange() give that endpoint (load-plan-shared.test.ts compares them on every endpoint).
 *
 * Anything else is left to the general path (undefined): a pod with several containers, a process that doesn't
 * listen (yet, or any more), a terminating pod, an address where several pods or none answer, a program whose
 * behaviour depends on the pod (its environment, a shell script) or a health path that starts failing.
 * Cost: one program start and one rendered answer per distinct container, then O(1) per endpoint; the pods of a
 * node are indexed by address once per plan.
 */
import type { V1Container, V1Node, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import { timestampMs } from '../../k8s/age';
import { nodeInternalIp } from '../controllers/node-network';
import { runContainer, type ContainerProcess } from '../apps/run-container';
import { answerCanFail, nextAnswerChange, routeOf, routePath } from '../apps/process-view';
import { renderTemplate } from '../apps/render';
import type { Client } from './connect';
import { ipToInt, parseCidr } from './ip';
import type { PlannedOutcome } from './load-plan';

/** A container program, started for the first pod that runs it: the answer it gives, and the lengths to correct it by. */
interface SharedProgram {
  container: V1Container;
  /** undefined: its behaviour may depend on the pod (or it doesn't answer this path alike): the general path decides */
  proc?: ContainerProcess;
  status: number;
  /** the body's size for the first pod, and how often its name and address appear in it */
  bytes: number;
  podLength: number;
  ipLength: number;
  podTimes: number;
  ipTimes: number;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether two containers run the same program: what runContainer reads for an image's own program. */
const sameProgram = (a: V1Container, b: V1Container) => a.image === b.image && sameList(a.command, b.command) && sameList(a.args, b.args);

/** The running state of container `name` (a loop: this runs for every endpoint at every change). */
function runningState(pod: V1Pod, name: string) {
  for (const s of pod.status?.containerStatuses ?? []) if (s.name === name) return s.state?.running;
  return undefined;
}

const occurrences = (text: string, token: string) => {
  let n = 0;
  for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length)) n++;
  return n;
};

/** One plan's shared answers: built once per plan, asked once per endpoint. */
export class SharedAnswers {
  /** the earliest instant a process answered for changes its answer by itself */
  until: number | undefined;
  private readonly programs: SharedProgram[] = [];
  private readonly nodes: { name: string; net: number; mask: number }[] = [];
  private readonly clusterIps = new Set<string>();
  /** node name → pod address → the one pod there (null: several) */
  private readonly podsByIp = new Map<string, Map<string, V1Pod | null>>();
  /** node addresses: an endpoint there is a hostNetwork pod, which the general path plans (or refuses to) */
  readonly nodeIps = new Set<string>();

  constructor(
    private readonly e: Engine,
    private readonly sender: Client,
    private readonly method: string,
    private readonly path: string,
    private readonly service: string,
  ) {
    for (const n of e.store.values('Node') as Iterable<V1Node>) {
      this.nodeIps.add(nodeInternalIp(n));
      const range = n.spec?.podCIDR ? parseCidr(n.spec.podCIDR) : null;
      if (range) this.nodes.push({ name: n.metadata!.name!, net: range[0], mask: range[1] });
    }
    // an address that is also a Service's ClusterIP would meet kube-proxy's rules again (connect.ts)
    for (const s of e.store.values('Service') as Iterable<V1Service>) if (s.spec?.clusterIP) this.clusterIps.add(s.spec.clusterIP);
  }

  /** What a request to endpoint `ip:port` answers, as connect() and peekExchange() would say; undefined: ask them. */
  outcome(ip: string, port: number): PlannedOutcome | undefined {
    const { e, sender } = this;
    if (!sender.node || this.nodeIps.has(ip) || this.clusterIps.has(ip)) return undefined;
    const pod = this.podAt(ip);
    const c = pod?.spec?.containers?.length === 1 ? pod.spec.containers[0] : undefined;
    if (!pod || !c) return undefined;
    const meta = pod.metadata!;
    const rt = e.state.kubelet.get(keyOf(meta.name!, meta.namespace));
    const own = rt !== undefined && rt.uid === meta.uid;
    // a terminating pod's server may have closed its socket (connect.ts closedOnSigterm)
    if (own && rt.stage === 'terminating') return undefined;
    const running = runningState(pod, c.name);
    if (!running) return undefined;
    const startedAt = (own ? rt.started?.[c.name] : undefined) ?? timestampMs(running.startedAt);
    const program = this.programOf(pod, c, startedAt);
    const proc = program.proc;
    const now = e.time;
    if (!proc || !(proc.ports.includes(port) && now >= startedAt + proc.readyAfterMs && now < startedAt + proc.result.exitAtMs)) return undefined;
    const t = nextAnswerChange(proc, startedAt, now);
    if (t !== undefined && (this.until === undefined || t < this.until)) this.until = t;
    const bytes = this.method === 'HEAD' ? 0 : program.bytes + program.podTimes * (meta.name!.length - program.podLength) + program.ipTimes * ((pod.status?.podIP ?? '').length - program.ipLength);
    const node = pod.spec?.nodeName;
    // the key order of responseOf() (request.ts) without its body and headers, then the access-log fields
    return {
      ok: program.status < 500,
      status: program.status,
      latencyMs: node !== sender.node ? 2 : 1,
      servedBy: node ? { pod: meta.name!, namespace: meta.namespace!, container: c.name, node } : { pod: meta.name!, namespace: meta.namespace!, container: c.name },
      service: this.service,
      access: { client: sender.ip, bytes },
    };
  }

  /** The pod at `ip` as connect() finds it: on the first node whose podCIDR holds it, the only pod with that address. */
  private podAt(ip: string): V1Pod | undefined {
    const n = ipToInt(ip);
    let node: { name: string; net: number; mask: number } | undefined;
    // a loop, not find(): a closure made per endpoint, in code that runs once per change, runs without feedback
    for (let i = 0; !node && !Number.isNaN(n) && i < this.nodes.length; i++) if (((n & this.nodes[i].mask) >>> 0) === this.nodes[i].net) node = this.nodes[i];
    if (!node) return undefined;
    let byIp = this.podsByIp.get(node.name);
    if (!byIp) {
      this.podsByIp.set(node.name, (byIp = new Map()));
      for (const key of this.e.store.podsByNode.get(node.name) ?? []) {
        const p = this.e.get<V1Pod>('Pod', key);
        const at = p?.status?.podIP;
        if (at) byIp.set(at, byIp.has(at) ? null : p!);
      }
    }
    return byIp.get(ip) ?? undefined;
  }

  /** The shared program of containers like `c`, started for `pod` when it is the first to run it. */
  private programOf(pod: V1Pod, c: V1Container, startedAt: number): SharedProgram {
    for (const p of this.programs) if (sameProgram(p.container, c)) return p;
    const proc = runContainer(pod, c, startedAt);
    const model = proc?.model;
    const path = routePath(this.path);
    // only an image's own program behaves the same in every pod; one that needs an environment variable reads the pod's
    const alike = proc?.mode === 'app' && !model?.requiresEnv && !model?.reverseProxy && !answerCanFail(model, path);
    const answer = routeOf(model, path);
    const body = alike ? renderTemplate(answer.body, { ...proc.vars, path }, this.e.time) : '';
    const program: SharedProgram = {
      container: c,
      ...(alike ? { proc } : {}),
      status: answer.status,
      bytes: body.length,
      podLength: proc?.vars.pod.length ?? 0,
      ipLength: proc?.vars.podIP.length ?? 0,
      podTimes: occurrences(answer.body, '{pod}'),
      ipTimes: occurrences(answer.body, '{podIP}'),
    };
    this.programs.push(program);
    return program;
  }
}
