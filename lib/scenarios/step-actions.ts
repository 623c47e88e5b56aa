/**
 * Performs one scenario step's effect on a cluster: a kubectl command (through the in-browser kubectl, so output
 * reads exactly like the terminal's) or an action (fail/recover a node, delete a pod). Deterministic: a selector
 * picks the first pod by name, never a random one.
 */
import type { ClusterClient } from '../cluster/types';
import type { Scenario, ScenarioAction, ScenarioStep } from './schema';
import { selectObjects } from './conditions';
import type { MachineHost } from './machine-host';

export interface StepOutput {
  /** What was run, as shown to the class: the command line, or a Korean description of the action. */
  label: string;
  output: string;
  ok: boolean;
}

/**
 * Runs a command line (kubectl, or `traffic …` beside it) with the scenario's files for `-f NAME`; injected so tests
 * can stub it and the browser loads kubectl lazily.
 */
export type KubectlRunner = (line: string, client: ClusterClient, signal?: AbortSignal, files?: ReadonlyMap<string, string>) => Promise<{ output: string; ok: boolean }>;

/** The real kubectl executor, loaded on first use so the scenario code stays small until needed. */
export const runKubectl: KubectlRunner = async (line, client, signal, files) => {
  const { executeKubectl } = await import('../kubectl');
  let output = '';
  const { exitCode } = await executeKubectl(line, {
    client,
    files: files ?? new Map(),
    write: (text) => {
      output += text;
    },
    signal,
    now: () => client.time?.now() ?? Date.now(),
  });
  return { output, ok: exitCode === 0 };
};

/** Korean description of an action for the step log and the presenter view. */
export function describeAction(a: ScenarioAction): string {
  switch (a.type) {
    case 'failNode':
      return `노드 ${a.node} 장애 발생 (kubelet이 응답을 멈춤)`;
    case 'recoverNode':
      return `노드 ${a.node} 복구`;
    case 'deletePod':
      return a.name ? `파드 ${a.name} 삭제` : `${a.labelSelector} 파드 하나 삭제`;
    case 'machineShell':
      return `${a.machine}에서: ${a.line}`;
  }
}

async function performAction(a: ScenarioAction, client: ClusterClient, machines?: MachineHost, signal?: AbortSignal): Promise<StepOutput> {
  const label = describeAction(a);
  try {
    if (a.type === 'machineShell') {
      if (!machines) return { label, output: '이 시나리오는 빈 머신 실습(머신 세 대)에서만 실행할 수 있습니다.', ok: false };
      return await machines.run(a.machine, a.line, signal);
    }
    if (a.type === 'deletePod') {
      const namespace = a.namespace ?? 'default';
      const name = a.name ?? selectObjects({ kind: 'Pod', namespace, labelSelector: a.labelSelector }, client.cached())[0]?.metadata?.name;
      if (!name) return { label, output: `${a.labelSelector}에 맞는 파드가 없습니다.`, ok: false };
      await client.delete('Pod', name, namespace);
      return { label, output: `pod "${name}" deleted from ${namespace} namespace`, ok: true };
    }
    if (!client.failures) return { label, output: '이 클러스터에서는 노드 장애를 흉내 낼 수 없습니다 (시뮬레이터에서만 가능).', ok: false };
    if (a.type === 'failNode') await client.failures.failNode(a.node);
    else await client.failures.recoverNode(a.node);
    return { label, output: a.type === 'failNode' ? `${a.node}: kubelet 중지됨` : `${a.node}: kubelet 다시 시작됨`, ok: true };
  } catch (e) {
    return { label, output: e instanceof Error ? e.message : String(e), ok: false };
  }
}

/** The scenario's manifests as the `-f NAME` lookup kubectl reads. */
export function scenarioFiles(scenario: Pick<Scenario, 'files'>): ReadonlyMap<string, string> {
  return new Map(Object.entries(scenario.files ?? {}));
}

/** What a step may need besides the cluster: a bare-machines scenario's shells, the scenario's manifests. */
export interface StepContext {
  machines?: MachineHost;
  files?: ReadonlyMap<string, string>;
}

/** Perform a step's command or action; a narration-only step returns null. */
export async function performStep(step: ScenarioStep, client: ClusterClient, kubectl: KubectlRunner, signal?: AbortSignal, context: StepContext = {}): Promise<StepOutput | null> {
  const { machines, files } = context;
  if (step.command) {
    const { output, ok } = await kubectl(step.command, client, signal, files);
    return { label: step.command, output, ok };
  }
  if (step.action) return performAction(step.action, client, machines, signal);
  return null;
}

/** Whether running this step writes to the cluster (read-only kubectl verbs and the load generator don't). */
export function stepWrites(step: ScenarioStep): boolean {
  if (step.action) return true;
  if (!step.command) return false;
  // `traffic …` changes no object: on a real cluster it answers with its own Korean "simulator only" error
  if (/^traffic\s/.test(step.command.trim())) return false;
  const verb = step.command.trim().split(/\s+/)[1] ?? '';
  const sub = step.command.trim().split(/\s+/)[2] ?? '';
  if (['get', 'describe', 'logs', 'explain', 'version', 'api-resources', 'cluster-info', 'help'].includes(verb)) return false;
  return !(verb === 'rollout' && ['status', 'history'].includes(sub));
}
