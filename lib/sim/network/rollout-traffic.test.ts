/**
 * The zero-downtime lesson on a fixed seed: during a rolling update to a slow-starting version, a pod that is
 * Ready before its app listens receives traffic and refuses it; a readiness probe keeps it out of the endpoints
 * until the app answers (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes:
 * "the endpoints controller removes the Pod's IP address from the endpoints of all Services that match the Pod"
 * while readiness fails). Pods being stopped refuse a few requests of their own while kube-proxy catches up
 * (rollout-prestop.test.ts): those are counted apart, as the readiness probe is not what fixes them.
 */
import { describe, expect, it } from 'vitest';
import { rolloutComplete } from '../testing';
import { helloCluster, rollOutSlowHello } from './testing';

function failedDuringRollout(withReadinessProbe: boolean): { failed: number; sent: number; refusedByNew: number } {
  const sim = helloCluster(withReadinessProbe);
  const oldPods = new Set(sim.list('Pod', 'default', { labelSelector: 'app=hello' }).items.map((p) => p.metadata!.name!));
  rollOutSlowHello(sim);
  let sent = 0;
  let failed = 0;
  let refusedByNew = 0;
  for (let t = 0; t < 180_000 && !(t > 5_000 && rolloutComplete(sim, 'hello')); t += 250) {
    sim.advance(250);
    sent++;
    const r = sim.sendRequest({ from: { pod: 'client' }, url: 'http://hello/' });
    if (!r.ok) failed++;
    if (r.refusedBy && !oldPods.has(r.refusedBy)) refusedByNew++;
  }
  expect(rolloutComplete(sim, 'hello')).toBe(true);
  return { failed, sent, refusedByNew };
}

describe('rolling update under traffic', () => {
  it('without a readiness probe new pods refuse requests while they warm up; with one, no new pod refuses any', () => {
    const without = failedDuringRollout(false);
    const withProbe = failedDuringRollout(true);
    expect(without.refusedByNew).toBeGreaterThan(0);
    expect(withProbe.refusedByNew).toBe(0);
    expect(withProbe.sent).toBeGreaterThan(60); // the rollout took > 15 s of traffic: the probe waited for the app
  });
});
