/**
 * The zero-downtime lesson on a fixed seed: during a rolling update to a slow-starting version, a pod that is
 * Ready before its app listens receives traffic and refuses it; a readiness probe keeps it out of the endpoints
 * until the app answers (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes:
 * "the endpoints controller removes the Pod's IP address from the endpoints of all Services that match the Pod"
 * while readiness fails).
 */
import { describe, expect, it } from 'vitest';
import { rolloutComplete } from '../testing';
import { helloCluster, rollOutSlowHello } from './testing';

function failedDuringRollout(withReadinessProbe: boolean): { failed: number; sent: number } {
  const sim = helloCluster(withReadinessProbe);
  rollOutSlowHello(sim);
  let sent = 0;
  let failed = 0;
  for (let t = 0; t < 180_000 && !(t > 5_000 && rolloutComplete(sim, 'hello')); t += 250) {
    sim.advance(250);
    sent++;
    if (!sim.sendRequest({ from: { pod: 'client' }, url: 'http://hello/' }).ok) failed++;
  }
  expect(rolloutComplete(sim, 'hello')).toBe(true);
  return { failed, sent };
}

describe('rolling update under traffic', () => {
  it('without a readiness probe requests fail while the new pods warm up; with one, none fail', () => {
    const without = failedDuringRollout(false);
    const withProbe = failedDuringRollout(true);
    expect(without.failed).toBeGreaterThan(0);
    expect(withProbe.failed).toBe(0);
    expect(withProbe.sent).toBeGreaterThan(60); // the rollout took > 15 s of traffic: the probe waited for the app
  });
});
