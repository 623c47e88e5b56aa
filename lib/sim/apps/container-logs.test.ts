/**
 * Logs are what the container's process wrote. Container choice and messages: pkg/registry/core/pod/strategy.go
 * (LogLocation); instance choice (running / last terminated / --previous) and its errors: pkg/kubelet/kubelet_pods.go
 * (validateContainerLogStatus); --timestamps as RFC3339 with nanoseconds: pkg/kubelet/kuberuntime/logs/logs.go;
 * tail/since/limit options: staging/src/k8s.io/api/core/v1 PodLogOptions.
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { isStatusError } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const pod = (name: string, containers: Partial<V1Container>[], restartPolicy = 'Always'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy, containers: containers.map((c, i) => ({ name: `c${i}`, ...c })) } }) as V1Pod;
const logErr = (sim: Simulator, name: string, opts = {}) => {
  try {
    sim.podLog(name, 'default', opts);
  } catch (e) {
    if (isStatusError(e)) return `${e.status.code} ${e.status.message}`;
    throw e;
  }
  return 'no error';
};

describe('pod logs', () => {
  it('busybox -- echo hello world: exactly what it printed, nothing after it exited', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(pod('hello', [{ name: 'hello', image: 'busybox', args: ['echo', 'hello', 'world'] }], 'Never'));
    sim.advance(600_000);
    expect((sim.get('Pod', 'hello') as V1Pod).status?.phase).toBe('Succeeded');
    expect(sim.podLog('hello', 'default').lines).toEqual(['hello world']);
    expect(sim.podLog('hello', 'default').ended).toBe(true);
  });

  it('nginx: its real start-up lines, --timestamps in RFC3339 nanos, --tail and --since', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(pod('web', [{ image: 'nginx:1.27' }]));
    sim.advance(30_000);
    const all = sim.podLog('web', 'default').lines;
    expect(all[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(all).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(all.at(-1)).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 30$/);
    expect(sim.podLog('web', 'default', { tailLines: 2 }).lines).toEqual(all.slice(-2));
    expect(sim.podLog('web', 'default', { timestamps: true, tailLines: 1 }).lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \d{4}\//);
    expect(sim.podLog('web', 'default', { sinceSeconds: 5 }).lines).toEqual([]);
    expect(sim.podLog('web', 'default').ended).toBe(false);
  });

  it('a loop writes one line per iteration up to now, none in the future', () => {
    const sim = createSimulator({ seed: 4 });
    sim.create(pod('ticker', [{ image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }]));
    sim.advance(5_000);
    const first = sim.podLog('ticker', 'default', { timestamps: true }).lines;
    sim.advance(60_000);
    const later = sim.podLog('ticker', 'default').lines;
    expect(later.length - first.length).toBe(60);
    expect(later.every((l) => l === 'tick')).toBe(true);
    const now = Date.parse(new Date(sim.now()).toISOString());
    for (const l of sim.podLog('ticker', 'default', { timestamps: true }).lines) expect(Date.parse(l.split(' ')[0])).toBeLessThanOrEqual(now);
  });

  it('CrashLoopBackOff: logs shows the last run, --previous the one before; before a restart --previous is not found', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(pod('crash', [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'echo starting; sleep 2; echo fatal >&2; exit 1'] }]));
    const cs = () => (sim.get('Pod', 'crash') as V1Pod).status!.containerStatuses?.[0];
    for (let i = 0; i < 200 && !cs()?.state?.terminated; i++) sim.advance(100);
    expect(cs()!.restartCount).toBe(0);
    expect(sim.podLog('crash', 'default').lines).toEqual(['starting', 'fatal']);
    expect(logErr(sim, 'crash', { previous: true })).toBe('400 previous terminated container "app" in pod "crash" not found');
    // right after the first restart the run that ended is Last State, so --previous finds it
    for (let i = 0; i < 200 && cs()!.restartCount === 0; i++) sim.advance(100);
    expect(cs()!.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(sim.podLog('crash', 'default', { previous: true }).lines).toEqual(['starting', 'fatal']);
    sim.advance(60_000);
    expect(cs()!.restartCount).toBeGreaterThan(0);
    expect(sim.podLog('crash', 'default', { previous: true }).lines).toEqual(['starting', 'fatal']);
    expect(sim.podLog('crash', 'default').lines[0]).toBe('starting');
  });

  it('errors: waiting to start, image pull, several containers, unknown container', () => {
    const sim = createSimulator({ seed: 6 });
    sim.create(pod('new', [{ name: 'app', image: 'nginx' }]));
    sim.create(pod('typo', [{ name: 'app', image: 'ngnix' }]));
    sim.create(pod('two', [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }]));
    expect(logErr(sim, 'new')).toBe('400 container "app" in pod "new" is waiting to start: ContainerCreating');
    sim.advance(30_000);
    expect(logErr(sim, 'typo')).toMatch(/^400 container "app" in pod "typo" is waiting to start: (image can't be pulled|trying and failing to pull image)$/);
    expect(logErr(sim, 'two')).toBe('400 a container name must be specified for pod two, choose one of: [a b]');
    expect(logErr(sim, 'two', { container: 'zz' })).toBe('400 container zz is not valid for pod two');
    expect(sim.podLog('two', 'default', { container: 'b' }).lines.at(-1)).toMatch(/Ready to accept connections tcp$/);
  });

  it('a database without its password explains why in its log, then --previous keeps it', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create(pod('db', [{ name: 'db', image: 'postgres:16' }]));
    sim.advance(120_000);
    expect(sim.podLog('db', 'default', { previous: true }).lines).toContain('Error: Database is uninitialized and superuser password is not specified.');
  });
});
