import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { patchToAction } from './live-writes';

describe('patchToAction', () => {
  it('recognises scale, cordon and pause, and passes other patches of allowed kinds through', () => {
    expect(patchToAction('Node', 'w1', 'default', { spec: { unschedulable: true } }, 'merge')).toEqual([{ action: 'cordon', name: 'w1' }]);
    expect(patchToAction('Node', 'w1', 'default', { spec: { unschedulable: null } }, 'merge')).toEqual([{ action: 'uncordon', name: 'w1' }]);
    expect(patchToAction('Deployment', 'd', 'default', { spec: { paused: true } }, 'merge')).toMatchObject([{ action: 'rollout-pause' }]);
    expect(patchToAction('ReplicaSet', 'r', 'default', { spec: { replicas: 0 } }, 'merge')).toMatchObject([{ action: 'scale', replicas: 0 }]);
    const json = [{ op: 'add', path: '/metadata/labels/x', value: 'y' }];
    expect(patchToAction('Deployment', 'd', 'default', json, 'json')).toMatchObject([{ action: 'patch', patchType: 'json', patch: json }]);
    expect(() => patchToAction('Node', 'w1', 'default', { metadata: { labels: { a: 'b' } } }, 'merge')).toThrow(/cordon/);
    expect(() => patchToAction('Event', 'e', 'default', {}, 'merge')).toThrow();
  });
});

describe('patchToAction never sends back what the projection removed', () => {
  const env = [{ name: 'PW' }]; // the value was stripped on the server
  const deployment = {
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid' },
    spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26', env }, { name: 'side', image: 'busybox', env }] } } },
  } as KubeObject;
  const rs = (rev: string, image: string) =>
    ({
      kind: 'ReplicaSet',
      metadata: { name: `web-${rev}`, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid' }], annotations: { 'deployment.kubernetes.io/revision': rev } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${rev}` } }, spec: { containers: [{ name: 'web', image, env }] } } },
    }) as KubeObject;
  const objects = [deployment, rs('1', 'nginx:1.25'), rs('2', 'nginx:1.26')];
  const view = { get: (k: string, n: string) => objects.find((o) => o.kind === k && o.metadata?.name === n), all: () => objects };

  it('turns a set-image patch into set-image actions for the changed containers only', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27', env }, { name: 'side', image: 'busybox', env }] } } } };
    expect(patchToAction('Deployment', 'web', 'default', patch, 'merge', view)).toEqual([
      { action: 'set-image', kind: 'Deployment', namespace: 'default', name: 'web', container: 'web', image: 'nginx:1.27' },
    ]);
  });

  it('turns a template-replacing rollback into rollout-undo to the matching revision', () => {
    const value = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', env }] } };
    const patch = [{ op: 'replace', path: '/spec/template', value }, { op: 'replace', path: '/metadata/annotations', value: {} }];
    expect(patchToAction('Deployment', 'web', 'default', patch, 'json', view)).toEqual([{ action: 'rollout-undo', namespace: 'default', name: 'web', toRevision: 1 }]);
  });
});
