// A container's main command that sends a request does so once, when it starts, and its log is what it printed
// then — as in a real cluster, where `kubectl run tmp --rm -i --image=curlimages/curl --restart=Never -- curl -s
// http://web` prints the Service's answer (https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/
// runs such throwaway clients). Exit codes: curl 6 "Could not resolve host" (https://curl.se/libcurl/c/libcurl-errors.html).
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { webCluster } from '../network/testing';
import type { Simulator } from '../types';

const runPod = (name: string, image: string, command: string[], restartPolicy = 'Never'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy, containers: [{ name: name, image, command }] } }) as KubeObject;
const status = (sim: Simulator, name: string) => (sim.get('Pod', name) as V1Pod).status!;
/** access-log lines the web pods wrote for requests from `ip` */
const accessLinesFrom = (sim: Simulator, pods: V1Pod[], ip: string) =>
  pods.flatMap((p) => sim.podLog(p.metadata!.name!, 'default').lines).filter((l) => l.startsWith(`${ip} - - `));

describe('kubelet: a main command that uses the network', () => {
  it('curl as PID 1 reaches the Service by its DNS name; its log is the answer and it exits 0 (Succeeded)', () => {
    const c = webCluster({ seed: 5, image: 'kubelab/hello:1.0', service: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
    c.sim.create(runPod('tmp', 'curlimages/curl:8.11.1', ['curl', '-s', 'http://web']));
    c.sim.advance(20_000);
    expect(status(c.sim, 'tmp').phase).toBe('Succeeded');
    const log = c.sim.podLog('tmp', 'default').lines;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^Hello from web-\S+ \(version 1\.0\)$/);
    expect(c.webPods().map((p) => p.metadata!.name)).toContain(/^Hello from (\S+)/.exec(log[0])![1]);
  });

  it('sends its request once: reading its log again does not send it again', () => {
    const c = webCluster({ seed: 6 });
    c.sim.create(runPod('tmp', 'busybox:1.37', ['wget', '-qO-', 'web']));
    c.sim.advance(20_000);
    const ip = status(c.sim, 'tmp').podIP!;
    const first = c.sim.podLog('tmp', 'default').lines;
    expect(first.join('\n')).toContain('<title>Welcome to nginx!</title>');
    for (let i = 0; i < 3; i++) expect(c.sim.podLog('tmp', 'default').lines).toEqual(first);
    expect(accessLinesFrom(c.sim, c.webPods(), ip)).toHaveLength(1);
  });

  it('a name that does not resolve: curl exits 6 and the pod is Failed with its message in the log', () => {
    const c = webCluster({ seed: 7 });
    c.sim.create(runPod('tmp', 'curlimages/curl:8.11.1', ['curl', '-sS', 'http://nope']));
    c.sim.advance(20_000);
    expect(status(c.sim, 'tmp').phase).toBe('Failed');
    expect(status(c.sim, 'tmp').containerStatuses![0].state!.terminated!.exitCode).toBe(6);
    expect(c.sim.podLog('tmp', 'default').lines.join('\n')).toContain('Could not resolve host: nope');
  });

  it('restartPolicy Always: each start sends the request again (one access-log line per run)', () => {
    const c = webCluster({ seed: 8 });
    c.sim.create(runPod('poll', 'curlimages/curl:8.11.1', ['curl', '-s', 'http://web'], 'Always'));
    c.sim.advance(30_000);
    const restarts = status(c.sim, 'poll').containerStatuses![0].restartCount;
    expect(restarts).toBeGreaterThan(0);
    expect(accessLinesFrom(c.sim, c.webPods(), status(c.sim, 'poll').podIP!)).toHaveLength(restarts + 1);
  });
});
