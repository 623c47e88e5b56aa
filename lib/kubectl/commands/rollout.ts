/**
 * `kubectl rollout status|history|undo|pause|resume|restart` for Deployments (and `status` for DaemonSets,
 * rollout-daemonset.ts), over the ClusterClient only.
 * Revisions come from the ReplicaSets the Deployment owns (`deployment.kubernetes.io/revision`), and undo copies
 * the chosen ReplicaSet's pod template (minus pod-template-hash) back into the Deployment, as kubectl does.
 */
import type { V1DaemonSet, V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from '../../k8s/api-types';
import { daemonSetStatusLine } from './rollout-daemonset';

import { KubectlError, namespaceOf, num, out, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { tabulate, DESCRIBE } from '../tabwriter';
import { qualifiedPlural, qualifiedSingular } from '../resources';
import { singleTarget } from '../targets';
import { podTemplateLines } from './describe-containers';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH = 'pod-template-hash';
/** `deployment.apps`, as kubectl names the object it rolls out; `deployments.apps` in its own errors. */
const DEPLOYMENT = qualifiedSingular('Deployment');
const DEPLOYMENTS = qualifiedPlural('Deployment');

async function targetDeployment(cmd: ParsedCommand, ctx: KubectlContext): Promise<{ name: string; namespace: string; deployment: V1Deployment }> {
  const { type, name } = singleTarget(cmd.args, `rollout ${cmd.sub}`);
  if (type.kind !== 'Deployment') {
    throw new KubectlError(`error: no ${cmd.sub === 'status' ? 'status viewer' : 'rollbacker'} has been implemented for "${type.kind}"`, `힌트: 롤아웃은 디플로이먼트에 해요. 예) kubectl rollout ${cmd.sub} deploy/web`);
  }
  const namespace = namespaceOf(cmd.flags);
  return { name, namespace, deployment: (await ctx.client.get('Deployment', name, namespace)) as V1Deployment };
}

async function targetDaemonSet(cmd: ParsedCommand, ctx: KubectlContext): Promise<{ name: string; namespace: string; object: V1DaemonSet }> {
  const { name } = singleTarget(cmd.args, `rollout ${cmd.sub}`);
  const namespace = namespaceOf(cmd.flags);
  return { name, namespace, object: (await ctx.client.get('DaemonSet', name, namespace)) as V1DaemonSet };
}

/** ReplicaSets controlled by the deployment, by revision number. */
async function revisions(ctx: KubectlContext, deployment: V1Deployment): Promise<{ revision: number; rs: V1ReplicaSet }[]> {
  const uid = deployment.metadata?.uid;
  const all = (await ctx.client.list('ReplicaSet', deployment.metadata?.namespace)) as V1ReplicaSet[];
  return all
    .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && (o.uid === uid || (!uid && o.name === deployment.metadata?.name))))
    .map((rs) => ({ revision: Number(rs.metadata?.annotations?.[REVISION] ?? 0), rs }))
    .filter((r) => Number.isInteger(r.revision) && r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

/** kubectl's DeploymentStatusViewer: the line to print and whether the rollout is done. */
export function rolloutStatusLine(d: V1Deployment): { text: string; done: boolean; failed?: boolean } {
  const name = d.metadata?.name;
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { text: 'Waiting for deployment spec update to be observed...', done: false };
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { text: `error: deployment "${name}" exceeded its progress deadline`, done: true, failed: true };
  }
  const desired = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < desired) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...`, done: false };
  const total = status.replicas ?? 0;
  if (total > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`, done: false };
  const available = status.availableReplicas ?? 0;
  if (available < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`, done: false };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

async function status(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const daemonSet = singleTarget(cmd.args, 'rollout status').type.kind === 'DaemonSet';
  const kind = daemonSet ? 'DaemonSet' : 'Deployment';
  const { name, namespace, object } = daemonSet ? await targetDaemonSet(cmd, ctx) : await targetDeployment(cmd, ctx).then((t) => ({ ...t, object: t.deployment }));
  const viewer = (o: unknown) => (daemonSet ? daemonSetStatusLine(o as V1DaemonSet) : rolloutStatusLine(o as V1Deployment));
  let last = viewer(object);
  out(ctx, last.text);
  if (last.done || cmd.flags.watch === false) return last.failed ? 1 : 0;
  if (!ctx.signal) return 0;
  const signal = ctx.signal;
  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      resolve(code);
    };
    const unsubscribe = ctx.client.subscribe((changes) => {
      for (const change of changes) {
        if (change.kind !== kind || change.object.metadata?.name !== name || change.object.metadata?.namespace !== namespace) continue;
        if (change.type === 'delete') {
          out(ctx, `error: ${daemonSet ? 'daemon set' : 'deployment'} "${name}" was deleted`);
          return finish(1);
        }
        const next = viewer(change.object);
        if (next.text !== last.text) out(ctx, next.text);
        last = next;
        if (next.done) return finish(next.failed ? 1 : 0);
      }
    });
    if (signal.aborted) finish(130);
    signal.addEventListener('abort', () => finish(130), { once: true });
  });
}

async function history(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const { name, deployment } = await targetDeployment(cmd, ctx);
  const revs = await revisions(ctx, deployment);
  const wanted = num(cmd.flags, 'revision');
  if (wanted !== undefined && wanted > 0) {
    const found = revs.find((r) => r.revision === wanted);
    if (!found) throw new KubectlError(`error: unable to find the specified revision`, `힌트: 'kubectl rollout history deploy/${name}'로 있는 리비전 번호를 확인해 보세요.`);
    out(ctx, `${DEPLOYMENT}/${name} with revision #${wanted}\n${templateText(found.rs)}`);
    return 0;
  }
  const rows = revs.map((r) => `${r.revision}\t${r.rs.metadata?.annotations?.[CHANGE_CAUSE] ?? '<none>'}`);
  out(ctx, `${DEPLOYMENT}/${name} \n${tabulate(['REVISION\tCHANGE-CAUSE', ...rows].join('\n') + '\n', DESCRIBE)}\n`);
  return 0;
}

/**
 * The "Pod Template:" block of `rollout history --revision`: kubectl prints it with raw tabs, and copies the
 * ReplicaSet's change-cause onto the template's annotations first (ViewHistory in
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go).
 */
function templateText(rs: V1ReplicaSet): string {
  const template = rs.spec?.template;
  const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
  const annotations = cause ? { ...template?.metadata?.annotations, [CHANGE_CAUSE]: cause } : template?.metadata?.annotations;
  return `${podTemplateLines({ ...template, metadata: { ...template?.metadata, annotations } }).join('\n')}\n\n`;
}

function withoutHash(template: V1PodTemplateSpec | undefined): V1PodTemplateSpec {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as V1PodTemplateSpec;
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH];
  return copy;
}

function sameTemplate(a: V1PodTemplateSpec | undefined, b: V1PodTemplateSpec | undefined): boolean {
  const canon = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
  return canon(withoutHash(a)) === canon(withoutHash(b));
}

async function undo(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const { name, namespace, deployment } = await targetDeployment(cmd, ctx);
  if (deployment.spec?.paused) {
    throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`, `힌트: 먼저 'kubectl rollout resume deploy/${name}'로 재개해 주세요.`);
  }
  const revs = await revisions(ctx, deployment);
  const toRevision = num(cmd.flags, 'to-revision') ?? 0;
  let target: { revision: number; rs: V1ReplicaSet } | undefined;
  if (toRevision === 0) {
    if (revs.length < 2) throw new KubectlError(`error: no rollout history found for deployment "${name}"`, '힌트: 되돌릴 이전 리비전이 없어요. 이미지를 한 번 바꾼 뒤(set image) 다시 시도해 보세요.');
    target = revs[revs.length - 2];
  } else {
    target = revs.find((r) => r.revision === toRevision);
    if (!target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`, `힌트: 'kubectl rollout history deploy/${name}'로 있는 리비전 번호를 확인해 보세요.`);
  }
  if (sameTemplate(target.rs.spec?.template, deployment.spec?.template)) {
    out(ctx, `${DEPLOYMENT}/${name} skipped rollback (current template already matches revision ${target.revision})`);
    return 0;
  }
  const annotations: Record<string, string> = { ...deployment.metadata?.annotations };
  const cause = target.rs.metadata?.annotations?.[CHANGE_CAUSE];
  if (cause) annotations[CHANGE_CAUSE] = cause;
  else delete annotations[CHANGE_CAUSE];
  await ctx.client.patch('Deployment', name, namespace, [
    { op: 'replace', path: '/spec/template', value: withoutHash(target.rs.spec?.template) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ], 'json');
  out(ctx, `${DEPLOYMENT}/${name} rolled back`);
  return 0;
}

async function pauseOrResume(cmd: ParsedCommand, ctx: KubectlContext, paused: boolean): Promise<number> {
  const { name, namespace, deployment } = await targetDeployment(cmd, ctx);
  if ((deployment.spec?.paused ?? false) === paused) {
    throw new KubectlError(`error: ${DEPLOYMENTS} "${name}" is ${paused ? 'already paused' : 'not paused'}`, paused ? '힌트: 이미 일시 중지된 상태예요.' : '힌트: 일시 중지된 디플로이먼트만 재개할 수 있어요.');
  }
  await ctx.client.patch('Deployment', name, namespace, { spec: { paused } }, 'merge');
  out(ctx, `${DEPLOYMENT}/${name} ${paused ? 'paused' : 'resumed'}`);
  return 0;
}

async function restart(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const { name, namespace, deployment } = await targetDeployment(cmd, ctx);
  if (deployment.spec?.paused) throw new KubectlError(`error: ${DEPLOYMENTS} "${name}" can't restart paused deployment (run rollout resume first)`, `힌트: 먼저 'kubectl rollout resume deploy/${name}'로 재개해 주세요.`);
  const restartedAt = new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  await ctx.client.patch('Deployment', name, namespace, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } } }, 'merge');
  out(ctx, `${DEPLOYMENT}/${name} restarted`);
  return 0;
}

export function runRollout(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  switch (cmd.sub) {
    case 'status': return status(cmd, ctx);
    case 'history': return history(cmd, ctx);
    case 'undo': return undo(cmd, ctx);
    case 'pause': return pauseOrResume(cmd, ctx, true);
    case 'resume': return pauseOrResume(cmd, ctx, false);
    case 'restart': return restart(cmd, ctx);
    default:
      throw new KubectlError(
        cmd.args[0] ? `error: unknown command "${cmd.args[0]}" for "kubectl rollout"` : 'error: Required subcommand not specified',
        '힌트: rollout 뒤에 status, history, undo, pause, resume, restart 중 하나를 써 주세요. 예) kubectl rollout status deploy/web',
      );
  }
}

