/**
 * Carries out a validated LiveAction with client-node. Every call has a deadline; every URL comes from the
 * typed API (kind + namespace + name), never from the browser. Patches set their Content-Type explicitly,
 * because the generated client would otherwise pick json-patch for every patch call.
 */
import { AppsV1Api, CoreV1Api, PatchStrategy, type KubeConfig, type V1Deployment, type V1ReplicaSet } from '@kubernetes/client-node';
import type { LiveAction } from '../cluster/live-protocol';
import type { KubeObject } from '../k8s/types';
import { withDeadline } from './deadline';
import { projectObject } from './projection';

export interface ActionOutcome {
  message: string;
  object?: KubeObject;
}

/** An error we raise ourselves (not from the API server), with an HTTP code and a Korean message. */
export class ActionRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

const patchOptions = (strategy: string) => withDeadline(undefined, { 'Content-Type': strategy });
const merge = patchOptions(PatchStrategy.MergePatch);
const strategic = patchOptions(PatchStrategy.StrategicMergePatch);

export class ClusterActions {
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;

  constructor(kc: KubeConfig) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.apps = kc.makeApiClient(AppsV1Api);
  }

  async run(a: LiveAction): Promise<ActionOutcome> {
    switch (a.action) {
      case 'scale': {
        const body = { spec: { replicas: a.replicas } };
        const obj =
          a.kind === 'Deployment'
            ? await this.apps.patchNamespacedDeployment({ name: a.name, namespace: a.namespace, body }, merge)
            : await this.apps.patchNamespacedReplicaSet({ name: a.name, namespace: a.namespace, body }, merge);
        return { message: `${a.kind.toLowerCase()}.apps/${a.name} scaled`, object: projectObject(a.kind, obj) };
      }
      case 'delete-pod': {
        await this.core.deleteNamespacedPod({ name: a.name, namespace: a.namespace }, withDeadline());
        return { message: `pod "${a.name}" deleted` };
      }
      case 'set-image':
        return this.setImage(a);
      case 'rollout-undo':
        return this.undo(a.namespace, a.name, a.toRevision ?? 0);
      case 'rollout-restart': {
        const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: new Date().toISOString() } } } } };
        const obj = await this.apps.patchNamespacedDeployment({ name: a.name, namespace: a.namespace, body }, strategic);
        return { message: `deployment.apps/${a.name} restarted`, object: projectObject('Deployment', obj) };
      }
      case 'rollout-pause':
      case 'rollout-resume': {
        const paused = a.action === 'rollout-pause';
        const body = { spec: { paused: paused ? true : null } };
        const obj = await this.apps.patchNamespacedDeployment({ name: a.name, namespace: a.namespace, body }, merge);
        return { message: `deployment.apps/${a.name} ${paused ? 'paused' : 'resumed'}`, object: projectObject('Deployment', obj) };
      }
      case 'cordon':
      case 'uncordon': {
        const body = { spec: { unschedulable: a.action === 'cordon' ? true : null } };
        const obj = await this.core.patchNode({ name: a.name, body }, merge);
        return { message: `node/${a.name} ${a.action}ed`, object: projectObject('Node', obj) };
      }
      case 'apply':
        return this.apply(a.manifest);
      case 'patch':
        return this.patch(a);
    }
  }

  private async setImage(a: Extract<LiveAction, { action: 'set-image' }>): Promise<ActionOutcome> {
    // Strategic merge keys containers by name, so only the named container changes (what kubectl set image sends).
    const containers = [{ name: a.container, image: a.image }];
    const opts = strategic;
    const ref = { name: a.name, namespace: a.namespace };
    let obj: unknown;
    if (a.kind === 'Pod') obj = await this.core.patchNamespacedPod({ ...ref, body: { spec: { containers } } }, opts);
    else if (a.kind === 'Deployment') obj = await this.apps.patchNamespacedDeployment({ ...ref, body: { spec: { template: { spec: { containers } } } } }, opts);
    else obj = await this.apps.patchNamespacedReplicaSet({ ...ref, body: { spec: { template: { spec: { containers } } } } }, opts);
    return { message: `${a.kind === 'Pod' ? 'pod' : `${a.kind.toLowerCase()}.apps`}/${a.name} image updated`, object: projectObject(a.kind, obj) };
  }

  /** kubectl's rollback: copy the pod template of the chosen revision's ReplicaSet back into the Deployment. */
  private async undo(namespace: string, name: string, toRevision: number): Promise<ActionOutcome> {
    const d: V1Deployment = await this.apps.readNamespacedDeployment({ name, namespace }, withDeadline());
    if (d.spec?.paused) {
      throw new ActionRefused(400, `일시 중지된 디플로이먼트는 롤백할 수 없습니다. 먼저 'kubectl rollout resume deployment/${name}'로 재개하세요.`);
    }
    const rsList = await this.apps.listNamespacedReplicaSet({ namespace }, withDeadline());
    const owned = rsList.items
      .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid))
      .map((rs) => ({ rs, revision: Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0') }))
      .sort((x, y) => y.revision - x.revision);
    const current = Number(d.metadata?.annotations?.[REVISION_ANNOTATION] ?? owned[0]?.revision ?? 0);
    const target: { rs: V1ReplicaSet; revision: number } | undefined =
      toRevision > 0 ? owned.find((o) => o.revision === toRevision) : owned.find((o) => o.revision !== current);
    if (!target) {
      throw new ActionRefused(400, toRevision > 0 ? `리비전 ${toRevision}을 찾을 수 없습니다.` : `deployment "${name}"의 이전 리비전이 없습니다.`);
    }
    const template = JSON.parse(JSON.stringify(target.rs.spec?.template ?? {})) as { metadata?: { labels?: Record<string, string> } };
    delete template.metadata?.labels?.['pod-template-hash'];
    const body = [{ op: 'replace', path: '/spec/template', value: template }];
    const obj = await this.apps.patchNamespacedDeployment({ name, namespace, body }, patchOptions(PatchStrategy.JsonPatch));
    return { message: `deployment.apps/${name} rolled back`, object: projectObject('Deployment', obj) };
  }

  /** Create, or merge-patch when it exists (what a learner expects from `kubectl apply` on a real cluster). */
  private async apply(m: KubeObject): Promise<ActionOutcome> {
    const name = m.metadata?.name as string;
    const namespace = m.metadata?.namespace as string;
    const kind = m.kind as 'Pod' | 'Deployment' | 'ReplicaSet' | 'Service';
    const body = m as never;
    try {
      const created = await this.create(kind, namespace, body);
      return { message: `${resourceLabel(kind)}/${name} created`, object: projectObject(kind, created) };
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
    }
    const patched = await this.patch({ action: 'patch', kind, namespace, name, patchType: 'merge', patch: m });
    return { ...patched, message: `${resourceLabel(kind)}/${name} configured` };
  }

  private create(kind: 'Pod' | 'Deployment' | 'ReplicaSet' | 'Service', namespace: string, body: never): Promise<unknown> {
    const o = withDeadline();
    if (kind === 'Pod') return this.core.createNamespacedPod({ namespace, body }, o);
    if (kind === 'Service') return this.core.createNamespacedService({ namespace, body }, o);
    if (kind === 'Deployment') return this.apps.createNamespacedDeployment({ namespace, body }, o);
    return this.apps.createNamespacedReplicaSet({ namespace, body }, o);
  }

  private async patch(a: Extract<LiveAction, { action: 'patch' }>): Promise<ActionOutcome> {
    const strategy = { merge: PatchStrategy.MergePatch, strategic: PatchStrategy.StrategicMergePatch, json: PatchStrategy.JsonPatch }[a.patchType];
    const o = patchOptions(strategy);
    const ref = { name: a.name, namespace: a.namespace, body: a.patch as object };
    let obj: unknown;
    if (a.kind === 'Pod') obj = await this.core.patchNamespacedPod(ref, o);
    else if (a.kind === 'Service') obj = await this.core.patchNamespacedService(ref, o);
    else if (a.kind === 'Deployment') obj = await this.apps.patchNamespacedDeployment(ref, o);
    else obj = await this.apps.patchNamespacedReplicaSet(ref, o);
    return { message: `${resourceLabel(a.kind)}/${a.name} patched`, object: projectObject(a.kind, obj) };
  }
}

function resourceLabel(kind: string): string {
  return kind === 'Pod' || kind === 'Service' ? kind.toLowerCase() : `${kind.toLowerCase()}.apps`;
}
