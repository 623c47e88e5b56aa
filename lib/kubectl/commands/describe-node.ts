/** `kubectl describe node`: conditions, capacity, system info, the pods on the node and their requests. */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import { formatAge, timestampMs } from '../../k8s/age';
import { formatCpu, formatMemory, parseCpuMillis, parseMemoryBytes, percentOf } from '../../k8s/quantity';
import { annotationLines, mapLines, rfc1123 } from './describe-format';

type Totals = { cpuReq: number; cpuLim: number; memReq: number; memLim: number };

function podTotals(pod: V1Pod): Totals {
  const t: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const c of pod.spec?.containers ?? []) {
    t.cpuReq += parseCpuMillis(c.resources?.requests?.cpu);
    t.cpuLim += parseCpuMillis(c.resources?.limits?.cpu);
    t.memReq += parseMemoryBytes(c.resources?.requests?.memory);
    t.memLim += parseMemoryBytes(c.resources?.limits?.memory);
  }
  return t;
}

function sortedResources(list: Record<string, string> | undefined): string[] {
  return Object.keys(list ?? {}).sort().map((k) => `  ${k}:\t${list![k]}`);
}

export function nodeLines(node: V1Node, pods: V1Pod[], now: number): string[] {
  const labels = node.metadata?.labels ?? {};
  const roles = Object.keys(labels).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).sort();
  const lines = [`Name:\t${node.metadata?.name}`, `Roles:\t${roles.join(',') || '<none>'}`, ...mapLines('Labels', labels), ...annotationLines(node.metadata?.annotations)];
  lines.push(`CreationTimestamp:\t${rfc1123(node.metadata?.creationTimestamp)}`);
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  lines.push(`Taints:\t${taints[0] ?? '<none>'}`, ...taints.slice(1).map((t) => `\t${t}`), `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}`);
  lines.push('Conditions:', '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage', '  ----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of node.status?.conditions ?? []) {
    lines.push(`  ${c.type} \t${c.status} \t${rfc1123(c.lastHeartbeatTime)} \t${rfc1123(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`);
  }
  lines.push('Addresses:', ...(node.status?.addresses ?? []).map((a) => `  ${a.type}:\t${a.address}`));
  lines.push('Capacity:', ...sortedResources(node.status?.capacity), 'Allocatable:', ...sortedResources(node.status?.allocatable));
  const info = node.status?.nodeInfo;
  lines.push(
    'System Info:',
    `  Machine ID:\t${info?.machineID ?? ''}`,
    `  System UUID:\t${info?.systemUUID ?? ''}`,
    `  Boot ID:\t${info?.bootID ?? ''}`,
    `  Kernel Version:\t${info?.kernelVersion ?? ''}`,
    `  OS Image:\t${info?.osImage ?? ''}`,
    `  Operating System:\t${info?.operatingSystem ?? 'linux'}`,
    `  Architecture:\t${info?.architecture ?? 'amd64'}`,
    `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}`,
    `  Kubelet Version:\t${info?.kubeletVersion ?? ''}`,
    `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}`,
  );
  if (node.spec?.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`, `PodCIDRs:\t${(node.spec.podCIDRs ?? [node.spec.podCIDR]).join(',')}`);
  if (node.spec?.providerID) lines.push(`ProviderID:\t${node.spec.providerID}`);

  const allocatable = node.status?.allocatable ?? {};
  const cpuTotal = parseCpuMillis(allocatable.cpu);
  const memTotal = parseMemoryBytes(allocatable.memory);
  const onNode = pods
    .filter((p) => p.spec?.nodeName === node.metadata?.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`));
  lines.push(`Non-terminated Pods:\t(${onNode.length} in total)`, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge', '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const sum: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  const cpu = (m: number) => `${formatCpu(m)} (${percentOf(m, cpuTotal)}%)`;
  const mem = (b: number) => `${formatMemory(b)} (${percentOf(b, memTotal)}%)`;
  for (const p of onNode) {
    const t = podTotals(p);
    sum.cpuReq += t.cpuReq;
    sum.cpuLim += t.cpuLim;
    sum.memReq += t.memReq;
    sum.memLim += t.memLim;
    const age = now - timestampMs(p.metadata?.creationTimestamp);
    lines.push(`  ${p.metadata?.namespace}\t${p.metadata?.name}\t\t${cpu(t.cpuReq)}\t${cpu(t.cpuLim)}\t${mem(t.memReq)}\t${mem(t.memLim)}\t${Number.isNaN(age) ? '<unknown>' : formatAge(age)}`);
  }
  lines.push('Allocated resources:', '  (Total limits may be over 100 percent, i.e., overcommitted.)', '  Resource\tRequests\tLimits', '  --------\t--------\t------');
  lines.push(`  cpu\t${cpu(sum.cpuReq)}\t${cpu(sum.cpuLim)}`, `  memory\t${mem(sum.memReq)}\t${mem(sum.memLim)}`, '  ephemeral-storage\t0 (0%)\t0 (0%)');
  for (const k of Object.keys(allocatable).filter((r) => r.startsWith('hugepages-')).sort()) lines.push(`  ${k}\t0 (0%)\t0 (0%)`);
  return lines;
}
