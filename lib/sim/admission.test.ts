/**
 * The engine's Forbidden and kind errors come from lib/k8s/status, worded as the upstream code words them.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import { deploymentManifest, failureStatus } from './testing';

const statusOf = failureStatus;

describe('namespace lifecycle admission', () => {
  it('refuses new content in a terminating namespace, naming the group-qualified resource', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } as KubeObject);
    sim.create(deploymentManifest({ name: 'web', namespace: 'team' }));
    sim.delete('Namespace', 'team');
    // plugin/pkg/admission/namespace/lifecycle/admission.go: errors.NewForbidden(a.GetResource().GroupResource(), name,
    // "unable to create new content in namespace %s because it is being terminated") — GroupResource prints
    // `deployments.apps` (before the switch to lib/k8s/status the engine said `deployments`).
    const s = statusOf(() => sim.create(deploymentManifest({ name: 'api', namespace: 'team' })));
    expect(s).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'deployments.apps "api" is forbidden: unable to create new content in namespace team because it is being terminated',
      details: { name: 'api', group: 'apps', kind: 'deployments' },
    });
  });
});

describe('kinds the engine does not serve', () => {
  // k8s.io/apimachinery/pkg/api/meta/errors.go NoKindMatchError: `no matches for kind "%s" in version "%s"`.
  it('rejects an unregistered kind with the REST mapper wording', () => {
    const sim = createSimulator({ seed: 3 });
    const s = statusOf(() => sim.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' } } as never));
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest', message: 'no matches for kind "PersistentVolumeClaim" in version "v1"' });
    const p = statusOf(() => sim.patch('PersistentVolumeClaim' as never, 'c', 'default', {}, 'merge'));
    expect(p).toMatchObject({ code: 400, message: 'no matches for kind "PersistentVolumeClaim"' });
  });
});
