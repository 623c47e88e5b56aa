/**
 * Carries out a validated LiveAction with client-node. Every call has a deadline; every URL is built from the
 * kind registry (registry-api.ts restPath: kind + namespace + name), never from the browser. Patches set their
 * Content-Type explicitly.
 */
import { PatchStrategy, type KubeConfig, type V1Deployment, type V1ReplicaSet } from '@kubernetes/client-node';
import type { LiveAction } from '../cluster/live-protocol';
import { fieldAt, kindOf, qualifiedSingular, type RegisteredKind } from '../k8s/kinds';
import type { KubeObject } from '../k8s/types';
import { projectObject } from './projection';
import { RegistryApi, restPath } from './registry-api';

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

const PATCH_TYPES = { merge: PatchStrategy.MergePatch, strategic: PatchStrategy.StrategicMergePatch, json: PatchStrategy.JsonPatch } as const;

/** `deployment.apps/web`, `pod/web`: how kubectl names an object in its messages. */
const label = (kind: RegisteredKind, name: string) => `${qualifiedSingular(kindOf(kind))}/${name}`;

export class ClusterActions {
  private readonly api: RegistryApi;

  constructor(kc: KubeConfig) {
    this.api = RegistryApi.forKubeConfig(kc);
  }

  private patchObject(kind: RegisteredKind, namespace: string | undefined, name: string, body: unknown, type: keyof typeof PATCH_TYPES) {
    return this.api.call('PATCH', restPath(kind, namespace, name), { body, contentType: PATCH_TYPES[type] });
  }

  async run(a: LiveAction): Promise<ActionOutcome> {
    switch (a.action) {
      case 'scale': {
        const obj = await this.patchObject(a.kind, a.namespace, a.name, { spec: { replicas: a.replicas } }, 'merge');
        return { message: `${label(a.kind, a.name)} scaled`, object: projectObject(a.kind, obj) };
      }
      case 'delete-pod': {
        await this.api.call('DELETE', restPath('Pod', a.namespace, a.name));
        return { message: `pod "${a.name}" deleted` };
      }
      case 'set-image':
        return this.setImage(a);
      case 'rollout-undo':
        return this.undo(a.namespace, a.name, a.toRevision ?? 0);
      case 'rollout-restart': {
        const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: new Date().toISOString() } } } } };
        const obj = await this.patchObject('Deployment', a.namespace, a.name, body, 'strategic');
        return { message: `${label('Deployment', a.name)} restarted`, object: projectObject('Deployment', obj) };
      }
      case 'rollout-pause':
      case 'rollout-resume': {
        const paused = a.action === 'rollout-pause';
        const obj = await this.patchObject('Deployment', a.namespace, a.name, { spec: { paused: paused ? true : null } }, 'merge');
        return { message: `${label('Deployment', a.name)} ${paused ? 'paused' : 'resumed'}`, object: projectObject('Deployment', obj) };
      }
      case 'cordon':
      case 'uncordon': {
        const obj = await this.patchObject('Node', undefined, a.name, { spec: { unschedulable: a.action === 'cordon' ? true : null } }, 'merge');
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
    const podSpec = { spec: { containers: [{ name: a.container, image: a.image }] } };
    // a kind with a pod template (the registry's schema has spec.template) gets the change there, a Pod in its own spec
    const body = fieldAt(a.kind, ['spec', 'template']) ? { spec: { template: podSpec } } : podSpec;
    const obj = await this.patchObject(a.kind, a.namespace, a.name, body, 'strategic');
    return { message: `${label(a.kind, a.name)} image updated`, object: projectObject(a.kind, obj) };
  }

  /** kubectl's rollback: copy the pod template of the chosen revision's ReplicaSet back into the Deployment. */
  private async undo(namespace: string, name: string, toRevision: number): Promise<ActionOutcome> {
    const d = await this.api.call<V1Deployment>('GET', restPath('Deployment', namespace, name));
    if (d.spec?.paused) {
      throw new ActionRefused(400, `일시 중지된 디플로이먼트는 롤백할 수 없습니다. 먼저 'kubectl rollout resume deployment/${name}'로 재개하세요.`);
    }
    const rsList = await this.api.call<{ items: V1ReplicaSet[] }>('GET', restPath('ReplicaSet', namespace));
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
    const obj = await this.patchObject('Deployment', namespace, name, [{ op: 'replace', path: '/spec/template', value: template }], 'json');
    return { message: `${label('Deployment', name)} rolled back`, object: projectObject('Deployment', obj) };
  }

  /** Create, or merge-patch when it exists (what a learner expects from `kubectl apply` on a real cluster). */
  private async apply(m: KubeObject): Promise<ActionOutcome> {
    const name = m.metadata?.name as string;
    const namespace = m.metadata?.namespace as string;
    const kind = m.kind as Extract<LiveAction, { action: 'patch' }>['kind'];
    try {
      const created = await this.api.call('POST', restPath(kind, namespace), { body: m });
      return { message: `${label(kind, name)} created`, object: projectObject(kind, created) };
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
    }
    const patched = await this.patch({ action: 'patch', kind, namespace, name, patchType: 'merge', patch: m });
    return { ...patched, message: `${label(kind, name)} configured` };
  }

  private async patch(a: Extract<LiveAction, { action: 'patch' }>): Promise<ActionOutcome> {
    const obj = await this.patchObject(a.kind, a.namespace, a.name, a.patch, a.patchType);
    return { message: `${label(a.kind, a.name)} patched`, object: projectObject(a.kind, obj) };
  }
}
