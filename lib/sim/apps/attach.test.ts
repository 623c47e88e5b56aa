// pods/NAME/attach as `kubectl run -it` uses it (k8s.io/kubectl pkg/cmd/run/run.go: the pod's container gets
// stdin/stdinOnce/tty and kubectl attaches to it). A shell with stdin open waits for input instead of reading EOF
// (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container "stdin"); `exit N` in the
// attached session ends PID 1, so the container terminates with N and restartPolicy decides what follows
// (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy).
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { isStatusError } from '../../k8s/types';
import { createSimulator } from '../index';
import { advanceUntil } from '../testing';
import type { Simulator } from '../types';

const runPod = (name: string, image: string, args: string[], restartPolicy: string, stdin = true): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { run: name } },
    spec: { restartPolicy, containers: [{ name, image, ...(args.length ? { args } : {}), ...(stdin ? { stdin: true, stdinOnce: true, tty: true } : {}) }] },
  }) as V1Pod;
const get = (sim: Simulator, name: string) => sim.get('Pod', name) as V1Pod;
const running = (sim: Simulator, name: string) => () => !!get(sim, name).status?.containerStatuses?.[0]?.state?.running;

describe('attach to a container whose main process is a shell on stdin', () => {
  it('the shell waits for input: the pod stays Running, where without stdin it reads EOF and exits at once', () => {
    const sim = createSimulator({ seed: 71 });
    sim.create(runPod('tmp', 'busybox:1.36', ['sh'], 'Always'));
    sim.create(runPod('nostdin', 'busybox:1.36', ['sh'], 'Always', false));
    sim.advance(60_000);
    const tmp = get(sim, 'tmp').status!.containerStatuses![0];
    expect(tmp.state!.running).toBeDefined();
    expect(tmp.restartCount).toBe(0);
    expect(get(sim, 'nostdin').status!.containerStatuses![0].restartCount).toBeGreaterThan(0);
  });

  it('lines run in the container (curl reaches a Service); `exit 3` fails a restartPolicy=Never pod with exit code 3', () => {
    const sim = createSimulator({ seed: 72 });
    sim.create(runPod('tmp', 'curlimages/curl:8.11.1', ['sh'], 'Never'));
    advanceUntil(sim, running(sim, 'tmp'), { limit: 60_000 });
    const shell = sim.attach('tmp', 'default', undefined);
    expect(shell.prompt()).toBe('/ # ');
    expect(shell.run('hostname').stdout).toBe('tmp\n');
    expect(shell.run('exit 3').exited).toBe(3);
    sim.advance(1_000);
    const pod = get(sim, 'tmp');
    expect(pod.status!.phase).toBe('Failed');
    expect(pod.status!.containerStatuses![0].state!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('restartPolicy=Always: `exit` restarts the container, whose reopened stdin waits again', () => {
    const sim = createSimulator({ seed: 73 });
    sim.create(runPod('tmp', 'busybox:1.36', ['sh'], 'Always'));
    advanceUntil(sim, running(sim, 'tmp'), { limit: 60_000 });
    expect(sim.attach('tmp', 'default', undefined).run('exit').exited).toBe(0);
    advanceUntil(sim, () => get(sim, 'tmp').status!.containerStatuses![0].restartCount === 1 && running(sim, 'tmp')(), { limit: 60_000 });
    sim.advance(120_000);
    const cs = get(sim, 'tmp').status!.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('refuses a main process that reads no terminal, and a finished pod, with a 400', () => {
    const sim = createSimulator({ seed: 74 });
    sim.create(runPod('web', 'nginx:1.25', [], 'Always'));
    sim.create(runPod('done', 'busybox:1.36', ['echo', 'hi'], 'Never'));
    advanceUntil(sim, running(sim, 'web'), { limit: 60_000 });
    sim.advance(5_000);
    const err = (name: string) => {
      try {
        sim.attach(name, 'default', undefined);
      } catch (e) {
        return isStatusError(e) ? `${e.status.code} ${e.status.message}` : String(e);
      }
      return 'attached';
    };
    expect(err('web')).toMatch(/^400 the main process of container web \(.*nginx.*\) does not read a terminal$/);
    // k8s.io/kubectl pkg/cmd/attach/attach.go: "cannot attach a container in a completed pod; current phase is %s"
    expect(err('done')).toBe('400 cannot attach a container in a completed pod; current phase is Succeeded');
  });
});
