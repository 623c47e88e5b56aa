/**
 * The container blocks of `kubectl describe`, shared by pods and pod templates (Deployment, ReplicaSet, rollout
 * history): kubectl's describeContainers and DescribePodTemplate in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.34): ports, command and args, state (pods only),
 * Limits/Requests sorted by name, Liveness/Readiness/Startup probes, environment, mounts.
 */
import type { V1Container, V1ContainerPort, V1ContainerState, V1ContainerStatus, V1Pod, V1PodTemplateSpec, V1Probe } from '../../k8s/api-types';
import { envLines, mountLines, volumeLines } from './describe-env';
import { annotationLines, mapLines, tolerationLines, rfc1123 } from './describe-format';

/** `80/TCP`, or `80/TCP (http)` for a named port; several are joined with ", " under the plural label. */
function portLines(ports: V1ContainerPort[] | undefined): string[] {
  const list = ports ?? [];
  const text = (port: (p: V1ContainerPort) => number) => list.map((p) => `${port(p)}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
  const container = text((p) => p.containerPort);
  const host = text((p) => p.hostPort ?? 0);
  return [
    container.includes(',') ? `    Ports:\t${container}` : `    Port:\t${container || '<none>'}`,
    host.includes(',') ? `    Host Ports:\t${host}` : `    Host Port:\t${host || '<none>'}`,
  ];
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(p: V1Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = p.httpGet.host ?? '';
    // net.JoinHostPort brackets IPv6 hosts; url.URL drops nothing else
    const hostPort = `${host.includes(':') ? `[${host}]` : host}:${p.httpGet.port}`;
    return `http-get ${scheme}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeResources: Limits then Requests, each sorted by resource name. */
function resourceLines(resources: V1Container['resources']): string[] {
  const lines: string[] = [];
  for (const [label, values] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const names = Object.keys(values ?? {}).sort();
    if (names.length > 0) lines.push(`    ${label}:`, ...names.map((n) => `      ${n}:\t${values![n]}`));
  }
  return lines;
}

/** describeStatus for State / Last State. */
function stateLines(label: string, state: V1ContainerState | undefined): string[] {
  if (state?.running) return [`    ${label}:\tRunning`, `      Started:\t${rfc1123(state.running.startedAt)}`];
  if (state?.terminated) {
    const t = state.terminated;
    return [
      `    ${label}:\tTerminated`,
      ...(t.reason ? [`      Reason:\t${t.reason}`] : []),
      ...(t.message ? [`      Message:\t${t.message}`] : []),
      `      Exit Code:\t${t.exitCode}`,
      ...(t.startedAt ? [`      Started:\t${rfc1123(t.startedAt)}`] : []),
      ...(t.finishedAt ? [`      Finished:\t${rfc1123(t.finishedAt)}`] : []),
    ];
  }
  return [`    ${label}:\tWaiting`, ...(state?.waiting?.reason ? [`      Reason:\t${state.waiting.reason}`] : [])];
}

/**
 * describeContainers: `label:` then one block per container. `space` is "" for a pod and "  " inside a pod
 * template, where kubectl indents the label and the container names one more step.
 */
export function containerLines(label: string, containers: V1Container[], statuses: V1ContainerStatus[] | undefined, space: string, pod?: V1Pod): string[] {
  const lines = [`${space}${label}:${containers.length === 0 ? ' <none>' : ''}`];
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    lines.push(`  ${space ? ' ' : ''}${c.name}:`);
    if (st) lines.push(`    Container ID:\t${st.containerID ?? ''}`);
    lines.push(`    Image:\t${c.image ?? ''}`);
    if (st) lines.push(`    Image ID:\t${st.imageID ?? ''}`);
    lines.push(...portLines(c.ports));
    if (c.command?.length) lines.push('    Command:', ...c.command.flatMap((s) => s.split('\n')).map((s) => `      ${s}`));
    if (c.args?.length) lines.push('    Args:', ...c.args.flatMap((s) => s.split('\n')).map((s) => `      ${s}`));
    if (st) {
      lines.push(...stateLines('State', st.state));
      if (st.lastState?.terminated) lines.push(...stateLines('Last State', st.lastState));
      lines.push(`    Ready:\t${st.ready ? 'True' : 'False'}`, `    Restart Count:\t${st.restartCount ?? 0}`);
    }
    lines.push(...resourceLines(c.resources));
    if (c.livenessProbe) lines.push(`    Liveness:\t${probeText(c.livenessProbe)}`);
    if (c.readinessProbe) lines.push(`    Readiness:\t${probeText(c.readinessProbe)}`);
    if (c.startupProbe) lines.push(`    Startup:\t${probeText(c.startupProbe)}`);
    lines.push(...envLines(c, pod), ...mountLines(c));
  }
  return lines;
}

/** DescribePodTemplate: the "Pod Template:" block of describe deployment / replicaset. */
export function podTemplateLines(template: V1PodTemplateSpec | undefined): string[] {
  const lines = ['Pod Template:', ...mapLines('Labels', template?.metadata?.labels, '  ')];
  const annotations = template?.metadata?.annotations;
  if (annotations && Object.keys(annotations).length) lines.push(...annotationLines(annotations, '  '));
  const spec = template?.spec;
  if (spec?.serviceAccountName) lines.push(`  Service Account:\t${spec.serviceAccountName}`);
  if (spec?.initContainers?.length) lines.push(...containerLines('Init Containers', spec.initContainers, undefined, '  '));
  lines.push(...containerLines('Containers', spec?.containers ?? [], undefined, '  '));
  lines.push(...volumeLines(spec?.volumes, '  '));
  if (spec?.priorityClassName) lines.push(`  Priority Class Name:\t${spec.priorityClassName}`);
  lines.push(...mapLines('Node-Selectors', spec?.nodeSelector, '  '), ...tolerationLines('  Tolerations', spec?.tolerations));
  return lines;
}

