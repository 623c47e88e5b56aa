/** `kubectl describe` for pods, deployments, replicasets, daemonsets, jobs, nodes, services, configmaps and secrets (others get the common header). */
import type { CoreV1Event, V1ConfigMap, V1DaemonSet, V1Deployment, V1Job, V1Node, V1Pod, V1ReplicaSet, V1Secret, V1Service } from '../../k8s/api-types';
import { labelSelectorObjectMatches } from '../../k8s/selectors';
import { formatLabels, selectorString } from '../../k8s/table';
import type { Kind, KubeObject } from '../../k8s/types';
import { err, namespaceOf, out, str, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { DESCRIBE, tabulate } from '../tabwriter';
import { compactCopyNote } from '../../cluster/live-full-pod';
import { missingNamespaceHint, noResourcesMessage, parseTargets, scopedNamespace } from '../targets';
import { containerLines, podTemplateLines } from './describe-containers';
import { annotationLines, controllerOf, eventLines, eventsFor, mapLines, rfc1123 } from './describe-format';
import { nodeLines } from './describe-node';
import { jobLines } from './describe-job';
import { volumeLines } from './describe-env';
import { configMapLines, secretLines } from './describe-config';
import { daemonSetLines } from './describe-daemonset';
import { warnIfDeprecated } from '../deprecation';
import { pendingLoadBalancerHint } from './service-hints';

function header(obj: KubeObject, namespaced: boolean): string[] {
  const lines = [`Name:\t${obj.metadata?.name ?? ''}`];
  if (namespaced) lines.push(`Namespace:\t${obj.metadata?.namespace ?? ''}`);
  return lines;
}

function podLines(pod: V1Pod): string[] {
  const lines = [...header(pod, true), `Priority:\t${pod.spec?.priority ?? 0}`, `Service Account:\t${pod.spec?.serviceAccountName ?? 'default'}`];
  const hostIP = pod.status?.hostIP;
  lines.push(`Node:\t${pod.spec?.nodeName ? `${pod.spec.nodeName}${hostIP ? `/${hostIP}` : ''}` : '<none>'}`);
  if (pod.status?.startTime) lines.push(`Start Time:\t${rfc1123(pod.status.startTime)}`);
  lines.push(...mapLines('Labels', pod.metadata?.labels), ...annotationLines(pod.metadata?.annotations));
  lines.push(`Status:\t${pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Pending')}`);
  if (pod.status?.reason) lines.push(`Reason:\t${pod.status.reason}`);
  const ip = pod.status?.podIP;
  lines.push(`IP:\t${ip ?? ''}`, 'IPs:');
  if (ip) lines.push(`  IP:\t${ip}`);
  else lines[lines.length - 1] = 'IPs:\t<none>';
  const controller = controllerOf(pod);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  if (pod.spec?.initContainers?.length) lines.push(...containerLines('Init Containers', pod.spec.initContainers, statuses, '', pod));
  lines.push(...containerLines('Containers', pod.spec?.containers ?? [], statuses, '', pod));
  lines.push('Conditions:', '  Type\tStatus');
  for (const c of pod.status?.conditions ?? []) lines.push(`  ${c.type} \t${c.status} `);
  const qos = qosClass(pod);
  lines.push(...volumeLines(pod.spec?.volumes, ''), `QoS Class:\t${qos}`, `Node-Selectors:\t${formatLabels(pod.spec?.nodeSelector).replace(/,/g, '\n\t')}`);
  const tolerations = (pod.spec?.tolerations ?? []).map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''} op=${t.operator ?? 'Equal'}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`);
  lines.push(`Tolerations:\t${tolerations[0] ?? '<none>'}`, ...tolerations.slice(1).map((t) => `\t${t}`));
  return lines;
}

function qosClass(pod: V1Pod): string {
  const containers = pod.spec?.containers ?? [];
  const all = containers.map((c) => ({ req: c.resources?.requests ?? {}, lim: c.resources?.limits ?? {} }));
  if (all.every((c) => Object.keys(c.req).length === 0 && Object.keys(c.lim).length === 0)) return 'BestEffort';
  const guaranteed = all.every((c) => ['cpu', 'memory'].every((r) => c.lim[r] !== undefined && (c.req[r] === undefined || c.req[r] === c.lim[r])));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function deploymentLines(d: V1Deployment, replicaSets: V1ReplicaSet[]): string[] {
  const s = d.status ?? {};
  const strategy = d.spec?.strategy;
  const lines = [...header(d, true), `CreationTimestamp:\t${rfc1123(d.metadata?.creationTimestamp)}`, ...mapLines('Labels', d.metadata?.labels), ...annotationLines(d.metadata?.annotations)];
  lines.push(`Selector:\t${selectorString(d.spec?.selector)}`);
  lines.push(`Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`);
  lines.push(`StrategyType:\t${strategy?.type ?? 'RollingUpdate'}`, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}`);
  if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    lines.push(`RollingUpdateStrategy:\t${strategy?.rollingUpdate?.maxUnavailable ?? '25%'} max unavailable, ${strategy?.rollingUpdate?.maxSurge ?? '25%'} max surge`);
  }
  lines.push(...podTemplateLines(d.spec?.template));
  const conditions = s.conditions ?? [];
  if (conditions.length) lines.push('Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------', ...conditions.map((c) => `  ${c.type} \t${c.status}\t${c.reason ?? ''}`));
  const owned = replicaSets.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid || o.name === d.metadata?.name));
  const revision = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const current = owned.find((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision);
  const old = owned.filter((rs) => rs !== current);
  const rsText = (rs: V1ReplicaSet) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
  lines.push(`OldReplicaSets:\t${old.length ? old.map(rsText).join(', ') : '<none>'}`, `NewReplicaSet:\t${current ? rsText(current) : '<none>'}`);
  return lines;
}

function replicaSetLines(rs: V1ReplicaSet, pods: V1Pod[]): string[] {
  const lines = [...header(rs, true), `Selector:\t${selectorString(rs.spec?.selector)}`, ...mapLines('Labels', rs.metadata?.labels), ...annotationLines(rs.metadata?.annotations)];
  const controller = controllerOf(rs);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  const owned = pods.filter((p) => labelSelectorObjectMatches(rs.spec?.selector, p.metadata?.labels));
  const count = (phase: string) => owned.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  lines.push(`Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired`);
  lines.push(`Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`);
  lines.push(...podTemplateLines(rs.spec?.template));
  return lines;
}

function serviceLines(svc: V1Service, endpoints: KubeObject | undefined): string[] {
  const lines = [...header(svc, true), ...mapLines('Labels', svc.metadata?.labels), ...annotationLines(svc.metadata?.annotations)];
  lines.push(`Selector:\t${formatLabels(svc.spec?.selector)}`, `Type:\t${svc.spec?.type ?? 'ClusterIP'}`, `IP Family Policy:\t${svc.spec?.ipFamilyPolicy ?? 'SingleStack'}`, `IP Families:\t${(svc.spec?.ipFamilies ?? ['IPv4']).join(',')}`);
  lines.push(`IP:\t${svc.spec?.clusterIP ?? '<none>'}`, `IPs:\t${(svc.spec?.clusterIPs ?? [svc.spec?.clusterIP ?? '<none>']).join(',')}`);
  const addresses = ((endpoints as { subsets?: { addresses?: { ip: string }[] }[] } | undefined)?.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.ip);
  for (const p of svc.spec?.ports ?? []) {
    const name = p.name ?? '<unset>';
    lines.push(`Port:\t${name}  ${p.port}/${p.protocol ?? 'TCP'}`, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`);
    if (p.nodePort) lines.push(`NodePort:\t${name}  ${p.nodePort}/${p.protocol ?? 'TCP'}`);
    const tp = typeof p.targetPort === 'number' ? p.targetPort : p.port;
    lines.push(`Endpoints:\t${addresses.length ? addresses.map((a) => `${a}:${tp}`).join(',') : ''}`);
  }
  lines.push(`Session Affinity:\t${svc.spec?.sessionAffinity ?? 'None'}`);
  if (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer') lines.push(`External Traffic Policy:\t${svc.spec?.externalTrafficPolicy ?? 'Cluster'}`);
  lines.push(`Internal Traffic Policy:\t${svc.spec?.internalTrafficPolicy ?? 'Cluster'}`);
  return lines;
}

async function describeOne(ctx: KubectlContext, kind: Kind, obj: KubeObject, events: CoreV1Event[]): Promise<string> {
  const ns = obj.metadata?.namespace;
  let lines: string[];
  switch (kind) {
    case 'Pod': lines = podLines(obj as V1Pod); break;
    case 'Deployment': lines = deploymentLines(obj as V1Deployment, (await ctx.client.list('ReplicaSet', ns)) as V1ReplicaSet[]); break;
    case 'ReplicaSet': lines = replicaSetLines(obj as V1ReplicaSet, (await ctx.client.list('Pod', ns)) as V1Pod[]); break;
    case 'Job': lines = jobLines(obj as V1Job); break;
    case 'Node': lines = nodeLines(obj as V1Node, (await ctx.client.list('Pod')) as V1Pod[], ctx.now()); break;
    case 'Service': {
      const ep = await ctx.client.get('Endpoints', obj.metadata!.name!, ns).catch(() => undefined);
      lines = serviceLines(obj as V1Service, ep);
      break;
    }
    case 'ConfigMap': lines = configMapLines(obj as V1ConfigMap); break;
    case 'DaemonSet': lines = daemonSetLines(obj as V1DaemonSet, (await ctx.client.list('Pod', ns)) as V1Pod[]); break;
    case 'Secret': return tabulate(`${secretLines(obj as V1Secret).join('\n')}\n`, DESCRIBE);
    default:
      lines = [...header(obj, ns !== undefined), ...mapLines('Labels', obj.metadata?.labels), ...annotationLines(obj.metadata?.annotations)];
      if (kind === 'Namespace') {
        // a real cluster's describe ns ends with its quota and limit-range summary, not events
        lines.push(`Status:\t${(obj as { status?: { phase?: string } }).status?.phase ?? 'Active'}`, '', 'No resource quota.', '', 'No LimitRange resource.');
        return tabulate(`${lines.join('\n')}\n`, DESCRIBE);
      }
  }
  lines.push(...eventLines(eventsFor(obj, kind, events), ctx.now()));
  return tabulate(`${lines.join('\n')}\n`, DESCRIBE);
}

export async function runDescribe(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const targets = parseTargets(cmd.args, 'describe');
  const all = cmd.flags['all-namespaces'] === true;
  const namespace = all ? undefined : namespaceOf(cmd.flags);
  const selector = str(cmd.flags, 'selector');
  const blocks: string[] = [];
  let hint: string | undefined;
  for (const t of targets) {
    const ns = scopedNamespace(t.type.kind, namespace);
    warnIfDeprecated(ctx, t.type.kind);
    let objects: KubeObject[];
    if (t.names.length > 0) {
      objects = [];
      for (const name of t.names) {
        const obj = await ctx.client.get(t.type.kind, name, ns ?? (t.type.namespaced ? 'default' : undefined));
        objects.push(obj);
        const note = compactCopyNote(t.type.kind, obj);
        if (note) err(ctx, note);
      }
    } else {
      // like kubectl, a bare type describes every object of that type
      objects = await ctx.client.list(t.type.kind, ns, { labelSelector: selector });
    }
    const events = (await ctx.client.list('Event', t.type.namespaced ? ns : undefined)) as CoreV1Event[];
    for (const obj of objects) blocks.push(await describeOne(ctx, t.type.kind, obj, events));
    hint ??= pendingLoadBalancerHint(t.type.kind, objects);
  }
  if (blocks.length === 0) {
    const clusterScoped = targets.every((t) => !t.type.namespaced);
    err(ctx, noResourcesMessage(clusterScoped ? undefined : namespace));
    const nsHint = clusterScoped ? null : await missingNamespaceHint(ctx, namespace);
    if (nsHint) err(ctx, nsHint);
    return 0;
  }
  out(ctx, blocks.join('\n\n'));
  if (hint) err(ctx, hint);
  return 0;
}
