/** Property: on 10,000 random command lines the executor never throws and always prints output or an error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { FakeClusterClient } from './testing/fake-client';
import { kubectl } from './testing/run';

const VERBS = ['get', 'describe', 'run', 'create', 'apply', 'delete', 'scale', 'set', 'rollout', 'expose', 'label', 'cordon', 'uncordon', 'drain', 'logs', 'explain', 'version', 'cluster-info', 'api-resources', 'completion', 'edit', 'gt', 'help', 'exec'];
const WORDS = ['pods', 'po', 'deploy', 'deployment/web', 'rs', 'svc', 'nodes', 'no/worker-1', 'ns', 'ev', 'ep', 'all', 'web', 'image', 'undo', 'status', 'history', 'pause', 'resume', 'restart', 'deployment', 'bash', 'pod.spec.containers', 'web=nginx:1.25', 'env=prod', 'env-', 'x,y', 'deploy.spec.replica'];
const FLAGS = ['-o', 'wide', 'yaml', 'json', 'name', '-A', '-n', 'default', '--show-labels', '-l', 'app=web', '--replicas=2', '--replicas=-1', '--image=nginx', '-f', 'd.yaml', 'missing.yaml', '--dry-run=client', '--to-revision=1', '--port=80', '--type=NodePort', '--ignore-daemonsets', '--tail=2', '-w', '--overwrite', '--all', '--force', '--'];

function seeded(): FakeClusterClient {
  const c = new FakeClusterClient();
  c.seed('Node', { metadata: { name: 'worker-1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } } as KubeObject);
  c.seed('Deployment', { metadata: { name: 'web', uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '2' } }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } } } } as KubeObject);
  c.seed('ReplicaSet', { metadata: { name: 'web-1', annotations: { 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }, spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '1' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.24' }] } } } } as KubeObject);
  c.seed('Pod', { metadata: { name: 'web', labels: { app: 'web' } }, spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx' }] }, status: { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: '2025-12-31T23:00:00Z' } } }] } } as KubeObject);
  return c;
}

describe('executeKubectl (property)', () => {
  it('never throws and always answers, with exactly one hint after an error', async () => {
    const files = new Map([['d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  selector:\n    matchLabels: {app: other}\n  template:\n    metadata: {labels: {app: other}}\n    spec:\n      containers: [{name: a, image: nginx}]\n']]);
    const line = fc
      .tuple(
        fc.constantFrom('kubectl', 'k', 'kubectl', 'kubect', ''),
        fc.oneof(fc.constantFrom(...VERBS), fc.string({ maxLength: 6 })),
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...FLAGS), fc.string({ maxLength: 8 })), { maxLength: 6 }),
      )
      .map(([prog, verb, rest]) => [prog, verb, ...rest].join(' '));
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const client = seeded();
        const r = await kubectl(client, text, { files, now: () => Date.parse('2026-01-01T01:00:00Z') });
        if (text.trim() !== '' && text.trim() !== 'clear') expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
        if (r.exitCode !== 0) {
          const hints = r.stderr.split('\n').filter((l) => l.startsWith('힌트:'));
          expect(hints).toHaveLength(1);
          expect(r.stderr.trimEnd().split('\n').pop()!.startsWith('힌트:')).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  // fast-check found this once: words that are Object.prototype members must be unknown commands, not crashes.
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'get --toString'])('treats "kubectl %s" as an unknown word', async (rest) => {
    const r = await kubectl(seeded(), `kubectl ${rest}`, { files: new Map(), now: () => Date.parse('2026-01-01T01:00:00Z') });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/^error: unknown (command|flag)/m);
    expect(r.stderr.trimEnd().split('\n').pop()!.startsWith('힌트:')).toBe(true);
  });
});
