/**
 * `kubectl describe pod` after the kubelet killed a container for a failed liveness probe, as kubectl v1.34
 * prints it (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeContainerState / DescribeProbe) and
 * as the kubelet reports it (pkg/kubelet/prober/prober.go Unhealthy, kuberuntime_manager.go Killing).
 */
import { describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import { kubectl } from './testing/run';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources: {limits: {memory: 64Mi}}
    livenessProbe: {httpGet: {port: 8080}}
`;

describe('describe pod with a failing liveness probe', () => {
  it('prints the probe, Last State, Ready and Restart Count, and the Unhealthy/Killing events', async () => {
    const client = new SimClient({ seed: 3, autoplay: false });
    const files = new Map([['pod.yaml', POD]]);
    await kubectl(client, 'kubectl apply -f pod.yaml', { files });
    // probes at 0 s, 10 s, 20 s after the start (4.2 s): the third failure kills, nginx stops 2 s later, restarts 1 s after
    client.advance(4_200 + 20_000 + 3_500);
    const { stdout } = await kubectl(client, 'kubectl describe pod web', { files });
    expect(stdout).toMatch(/^ {4}Last State:\s+Terminated\n {6}Reason:\s+Completed\n {6}Exit Code:\s+0\n {6}Started:\s+.+\n {6}Finished:\s+.+$/m);
    // the new instance has no readiness probe, so it is ready as soon as it runs (prober_manager.go UpdatePodStatus)
    expect(stdout).toMatch(/^ {4}Ready:\s+True$/m);
    expect(stdout).toMatch(/^ {4}Restart Count:\s+1$/m);
    expect(stdout).toMatch(/^ {4}Limits:\n {6}memory:\s+64Mi$/m);
    expect(stdout).toMatch(/^ {4}Liveness:\s+http-get http:\/\/:8080\/ delay=0s timeout=1s period=10s #success=1 #failure=3$/m);
    expect(stdout).toMatch(/Warning\s+Unhealthy\s+.+kubelet\s+Liveness probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused/);
    expect(stdout).toMatch(/Normal\s+Killing\s+.+kubelet\s+Container web failed liveness probe, will be restarted/);
  });
});
