/**
 * The load generator's plan: what every request to a target answers, until something changes. Between two changes
 * (a write to the cluster, or a process that starts or stops listening by itself) a request's outcome depends only
 * on which endpoint kube-proxy picks, and iptables mode picks each of the n endpoints with the same probability
 * (pkg/proxy/iptables/proxier.go writes `-m statistic --mode random --probability 1/(n-i)` for the i-th endpoint
 * rule, which gives every endpoint 1/n). So instead of drawing, the generator asks EACH endpoint what ONE request
 * would answer and gives them equal shares of the rate (load.ts). Asking sends nothing (http.ts peekExchange: no
 * body, no access-log line, no count on the pod: a plan is the generator's bookkeeping, not a request, and one log
 * line per endpoint per change would stand for nothing real). Pods of one template are asked once: their program is
 * started and its answer rendered for the first, and every endpoint's outcome derived from that (load-plan-shared.ts).
 * Cost per change: one program start per distinct container, O(1) per endpoint.
 *
 * A target whose answer depends on a further random choice — a reverse-proxy pod picking its own upstream, a
 * Service with `sessionAffinity: ClientIP` (the choice depends on this client's history), an endpoint on a node's
 * own address — gets no plan: the generator samples it every tick instead (load.ts, 'sampled' mode).
 */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf, type StoreChange } from '../store';
import { nextAnswerChange } from '../apps/process-view';
import { clientOf, processOf, type Client } from './connect';
import { firstAddress } from './client';
import { exchange, peekExchange, type Exchange } from './http';
import { nodeByIp, serviceEndpoints, serviceRule } from './kube-proxy';
import { peekRequest, responseOf, sendRequest, type NetworkRequest, type NetworkResponse } from './request';
import { networkRuntime } from './state';
import { parseUrl } from './tools/common';
import { SharedAnswers } from './load-plan-shared';

/** What a bucket records of one response (no body or headers: the plan lives in the engine state, snapshotted). */
export type PlannedOutcome = Omit<NetworkResponse, 'body' | 'headers'> & { access?: Exchange['access'] };

export interface TrafficPlan {
  /** one per endpoint kube-proxy chooses from, in its order; each gets an equal share of the requests */
  outcomes: PlannedOutcome[];
  /** when a process involved next starts or stops answering by itself; absent: not before the cluster changes */
  until?: number;
  /** `ns/name` of the Service kube-proxy balanced over, if any */
  service?: string;
  /** keys of the pods whose change can change an answer (the client, the endpoints' pods); absent: any pod's */
  pods?: string[];
}

/**
 * Whether a write can change what a plan's requests answer: a Service (names, addresses, ports, policies), a Node's
 * routing, the target Service's EndpointSlices, or one of the pods involved. Deployments, ReplicaSets, Events and
 * the rest change answers only through those. O(pods in the plan).
 */
export function affectsPlan(plan: TrafficPlan | undefined, c: StoreChange): boolean {
  if (!plan) return true;
  if (c.kind === 'Service') return true;
  // a node's addresses and podCIDR route packets (kube-proxy.ts nodeByIp, connect.ts); its status heartbeats don't
  if (c.kind === 'Node') return c.type !== 'MODIFIED' || !sameRouting(c.old as V1Node | undefined, c.object as V1Node);
  if (c.kind === 'EndpointSlice') return !plan.service || plan.service === `${c.object.metadata?.namespace}/${c.object.metadata?.labels?.['kubernetes.io/service-name']}`;
  if (c.kind === 'Pod') return !plan.pods || plan.pods.includes(c.key);
  return false;
}

const slim = ({ body: _b, headers: _h, ...rest }: NetworkResponse): PlannedOutcome => rest;

const sameRouting = (a: V1Node | undefined, b: V1Node) => a?.spec?.podCIDR === b.spec?.podCIDR && JSON.stringify(a?.status?.addresses) === JSON.stringify(b.status?.addresses);

/** The plan for `req` now, or undefined when its outcome needs a random draw of its own (sample it instead). */
export function planTraffic(e: Engine, req: NetworkRequest, timeoutMs: number): TrafficPlan | undefined {
  const net = networkRuntime(e);
  const rng0 = net.rng;
  const url = parseUrl(req.url);
  const client = clientOf(e, req.from);
  const ip = url && typeof client !== 'string' ? firstAddress(e, req.from, url.host) : undefined;
  const targetNode = ip ? nodeByIp(e, ip) : undefined;
  const via = typeof client === 'string' ? undefined : (client.node ?? targetNode?.metadata?.name);
  // kube-proxy only balances a connection to a Service address from somewhere that has its rules (connect.ts)
  const balanced = url && ip && typeof client !== 'string' && ip !== '127.0.0.1' && via !== undefined;
  // the Service and its endpoints as kube-proxy's rules hold them, without drawing one (proxy() would)
  const found = balanced ? serviceRule(e, ip, url.port) : undefined;
  const rule = typeof found === 'object' ? found : undefined;
  // the traffic policies keep the endpoints on the node that sees the packet, as kube-proxy.ts proxy() does
  const all = rule ? serviceEndpoints(e, rule.svc, rule.sp) : [];
  const endpoints = rule?.local ? all.filter((c) => c.nodeName === via) : all;
  if (!rule || !endpoints.length || !url || !ip || typeof client === 'string') {
    // no choice to make (a bad URL or client, NXDOMAIN, a pod's own address, no endpoints): one outcome for all
    const r = peekRequest(e, { ...req, timeoutMs }) ?? sendRequest(e, { ...req, timeoutMs });
    if (net.rng !== rng0 || (r.refusedBy && !r.service)) return undefined;
    return withUntil(e, [slim(r)], r.service);
  }
  const svc = rule.svc;
  const ns = svc.metadata!.namespace!;
  const service = `${ns}/${svc.metadata!.name}`;
  if (svc.spec?.sessionAffinity === 'ClientIP') return undefined;
  const local = rule.local;
  const sender = senderOf(client, ip, targetNode !== undefined, local, via!);
  // pods of one template answer alike: each endpoint's outcome derived from one answer per program (load-plan-shared.ts)
  const shared = new SharedAnswers(e, sender, req.method ?? 'GET', url.path, service);
  const outcomes: PlannedOutcome[] = [];
  const general: boolean[] = [];
  for (const ep of endpoints) {
    if (shared.nodeIps.has(ep.ip)) return undefined;
    const fast = shared.outcome(ep.ip, ep.port);
    general.push(!fast);
    if (fast) {
      outcomes.push(fast);
      continue;
    }
    // a literal per endpoint, not a spread of a shared one: this loop runs at every change while traffic flows
    const call = { method: req.method ?? 'GET', host: url.host, path: url.path, headers: req.headers ?? {}, userAgent: req.userAgent ?? 'kubelab-client', ip: ep.ip, port: ep.port };
    const x = peekExchange(e, sender, call, timeoutMs) ?? exchange(e, sender, call, timeoutMs);
    if (net.rng !== rng0) return undefined;
    const outcome: PlannedOutcome = slim(responseOf({ ...x, service }, ip, url.port));
    // what the pod's access log says of each served request, written out when its log is read (load-logs.ts)
    if (x.access && outcome.servedBy) outcome.access = x.access;
    outcomes.push(outcome);
  }
  // an endpoint address no pod answers on: a pod that later gets it would answer (any pod's change counts then)
  const plan = withUntil(e, outcomes, service, shared.until, general);
  const pods: string[] = [];
  for (const o of outcomes) {
    if (o.error?.code === 'timeout') return plan;
    pods.push(keyOf(o.servedBy?.pod ?? o.refusedBy!, ns));
  }
  if (typeof req.from === 'object' && 'pod' in req.from) pods.push(keyOf(req.from.pod, req.from.namespace || 'default'));
  plan.pods = pods;
  return plan;
}

/**
 * Who the endpoint's pod sees connecting: the client itself, or — for a NodePort with externalTrafficPolicy
 * Cluster — the node that masqueraded it (connect.ts). The laptop's packets enter at that node.
 */
function senderOf(client: Client, ip: string, viaNodePort: boolean, local: boolean, via: string): Client {
  if (!viaNodePort) return client;
  return { ...client, ...(local ? {} : { ip }), node: client.node ?? via };
}

/**
 * The plan, with the earliest instant at which a pod that answered or refused changes its answer by itself: `until`
 * already holds it for the outcomes `asked` marks false (SharedAnswers worked it out).
 */
function withUntil(e: Engine, outcomes: PlannedOutcome[], service: string | undefined, until?: number, asked?: readonly boolean[]): TrafficPlan {
  for (let i = 0; i < outcomes.length; i++) {
    if (asked && !asked[i]) continue;
    const o = outcomes[i];
    const name = o.servedBy?.pod ?? o.refusedBy;
    const ns = o.servedBy?.namespace ?? o.service?.split('/')[0];
    const pod = name && ns ? e.get<V1Pod>('Pod', keyOf(name, ns)) : undefined;
    for (const c of pod?.spec?.containers ?? []) {
      const run = processOf(e, pod!, c);
      const t = run && nextAnswerChange(run.proc, run.startedAt, e.time);
      if (t !== undefined && (until === undefined || t < until)) until = t;
    }
  }
  return { outcomes, until, service: service || undefined };
}

