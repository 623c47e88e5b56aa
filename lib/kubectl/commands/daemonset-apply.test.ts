/**
 * A DaemonSet from the editor: the editor's 적용 button runs `kubectl apply -f <file>` (components/editor), so
 * this drives that command over the simulator. Output wording is the real kubectl's: `daemonset.apps/agent
 * created`, and pkg/polymorphichelpers/rollout_status.go DaemonSetStatusViewer lines for `rollout status ds/…`
 * (`Waiting for daemon set "agent" rollout to finish: 0 of 2 updated pods are available...`, then
 * `daemon set "agent" successfully rolled out`; OnDelete has no status: "rollout status is only available for
 * RollingUpdate strategy type").
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../sim';
import { EngineClient } from '../testing/engine-client';
import { kubectl } from '../testing/run';

const manifest = (strategy = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
${strategy}  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: nginx:1.25
`;

describe('DaemonSet through kubectl apply -f and rollout status', () => {
  it('creates it from a file and reports the rollout as kubectl does', async () => {
    const sim = createSimulator({ seed: 51 });
    const client = new EngineClient(sim);
    const files = new Map([['ds.yaml', manifest()]]);
    expect((await kubectl(client, 'kubectl apply -f ds.yaml', { files })).stdout).toBe('daemonset.apps/agent created\n');
    // the controller has not run yet: its observedGeneration lags the spec
    expect((await kubectl(client, 'kubectl rollout status ds/agent --watch=false')).stdout).toBe('Waiting for daemon set spec update to be observed...\n');
    sim.advance(1);
    expect((await kubectl(client, 'kubectl rollout status ds/agent --watch=false')).stdout).toBe('Waiting for daemon set "agent" rollout to finish: 0 of 2 updated pods are available...\n');
    sim.advance(30_000);
    expect((await kubectl(client, 'kubectl rollout status daemonset/agent')).stdout).toBe('daemon set "agent" successfully rolled out\n');
    expect((await kubectl(client, 'kubectl get ds agent --no-headers')).stdout).toMatch(/^agent +2 +2 +2 +2 +2 +<none> +\S+\n$/);
    // pkg/describe/describe.go describeDaemonSet
    const described = (await kubectl(client, 'kubectl describe ds agent')).stdout;
    expect(described).toMatch(/^Name: +agent\nNamespace: +default\nSelector: +app=agent\nNode-Selector: +<none>\nLabels: +<none>\nAnnotations: +deprecated\.daemonset\.template\.generation: 1\n/);
    expect(described).toContain(
      'Desired Number of Nodes Scheduled: 2\nCurrent Number of Nodes Scheduled: 2\nNumber of Nodes Scheduled with Up-to-date Pods: 2\nNumber of Nodes Scheduled with Available Pods: 2\nNumber of Nodes Misscheduled: 0\n',
    );
    expect(described).toMatch(/\nPods Status: +2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(described).toMatch(/Normal +SuccessfulCreate +\S+ +daemonset-controller +Created pod: agent-\w{5}/);
  });

  it('has no rollout status for OnDelete', async () => {
    const client = new EngineClient(createSimulator({ seed: 52 }));
    const files = new Map([['ds.yaml', manifest('  updateStrategy:\n    type: OnDelete\n')]]);
    await kubectl(client, 'kubectl apply -f ds.yaml', { files });
    const r = await kubectl(client, 'kubectl rollout status ds/agent');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('error: rollout status is only available for RollingUpdate strategy type');
  });
});
