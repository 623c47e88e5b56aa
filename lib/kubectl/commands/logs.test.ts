/**
 * `kubectl logs` in the browser terminal against the simulator. Flags and messages as
 * staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (--since/--since-time exclusive, -l defaults --tail to 10,
 * --all-containers vs -c, "Defaulted container"); the server's errors as pkg/kubelet/kubelet_pods.go
 * validateContainerLogStatus and pkg/registry/core/pod/strategy.go LogLocation.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const files = new Map<string, string>();
const run = (line: string, signal?: AbortSignal) => kubectl(client, line, { files, signal });
const apply = async (name: string, yaml: string) => {
  files.set(name, yaml);
  return run(`kubectl apply -f ${name}`);
};

beforeEach(async () => {
  client = new SimClient({ seed: 11, autoplay: false });
  await client.ready;
  files.clear();
});

const TWO = `apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  containers:
  - {name: a, image: busybox, command: [sh, -c, 'echo from-a; sleep infinity']}
  - {name: b, image: busybox, command: [sh, -c, 'echo from-b; sleep infinity']}
`;

describe('kubectl logs', () => {
  it('kubectl run hello --restart=Never --image=busybox -- echo hello world → logs: hello world', async () => {
    await run('kubectl run hello --restart=Never --image=busybox -- echo hello world');
    client.advance(600_000);
    expect(await run('kubectl logs hello')).toEqual({ stdout: 'hello world\n', stderr: '', exitCode: 0 });
  });

  it('-c, default container message, --all-containers, --prefix', async () => {
    await apply('two.yaml', TWO);
    client.advance(60_000);
    expect(await run('kubectl logs two')).toEqual({ stdout: 'from-a\n', stderr: 'Defaulted container "a" out of: a, b\n', exitCode: 0 });
    expect((await run('kubectl logs two -c b')).stdout).toBe('from-b\n');
    expect((await run('kubectl logs two --all-containers')).stdout).toBe('from-a\nfrom-b\n');
    expect((await run('kubectl logs two --all-containers --prefix')).stdout).toBe('[pod/two/a] from-a\n[pod/two/b] from-b\n');
    const bad = await run('kubectl logs two -c zz');
    expect(bad.stderr.split('\n')[0]).toBe('Error from server (BadRequest): container zz is not valid for pod two');
    expect((await run('kubectl logs two -c a --all-containers')).stderr).toContain('error: --all-containers=true should not be specified with container name a');
  });

  it('--previous on a crash loop, and its error before any restart', async () => {
    await run('kubectl run crash --image=busybox -- sh -c "echo boom; exit 1"');
    let r = await run('kubectl logs crash -p');
    for (let i = 0; i < 100 && !r.stderr.includes('previous terminated container') && !r.stdout; i++) {
      client.advance(200);
      r = await run('kubectl logs crash -p');
    }
    expect(r.stderr.split('\n')[0]).toBe('Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found');
    client.advance(120_000);
    expect((await run('kubectl logs crash --previous')).stdout).toBe('boom\n');
    expect((await run('kubectl logs crash')).stdout).toBe('boom\n');
  });

  it('waiting container: the kubelet reason, exit 1 and a Korean hint', async () => {
    await run('kubectl run web --image=nginx');
    const r = await run('kubectl logs web');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error from server \(BadRequest\): container "web" in pod "web" is waiting to start: ContainerCreating\n힌트: /);
  });

  it('--tail, --since, --timestamps, --limit-bytes on a ticking loop', async () => {
    await run('kubectl run tick --image=busybox -- sh -c "i=0; while true; do echo line-$i; i=$((i+1)); sleep 1; done"');
    client.advance(120_000);
    expect((await run('kubectl logs tick --tail=3')).stdout.trimEnd().split('\n')).toHaveLength(3);
    const recent = (await run('kubectl logs tick --since=10s')).stdout.trimEnd().split('\n');
    expect(recent.length).toBeGreaterThanOrEqual(9);
    expect(recent.length).toBeLessThanOrEqual(11);
    expect((await run('kubectl logs tick --tail=1 --timestamps')).stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line-\d+\n$/);
    expect((await run('kubectl logs tick --limit-bytes=4')).stdout).toBe('line\n');
    expect((await run('kubectl logs tick --since=5s --since-time=2026-01-01T00:00:00Z')).stderr).toContain('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
    expect((await run('kubectl logs tick --since=abc')).stderr).toContain('invalid argument "abc" for "--since" flag');
  });

  it('deploy/NAME reads its first pod; -l reads every matching pod (last 10 lines each)', async () => {
    await run('kubectl create deployment web --image=nginx --replicas=2');
    client.advance(120_000);
    const d = await run('kubectl logs deploy/web');
    expect(d.stderr).toMatch(/^Found 2 pods, using pod\/web-/);
    expect(d.stdout).toContain('Configuration complete; ready for start up');
    const l = await run('kubectl logs -l app=web');
    expect(l.stdout.trimEnd().split('\n')).toHaveLength(20);
  });

  it('-f streams new lines until Ctrl+C', async () => {
    await run('kubectl run tick --image=busybox -- sh -c "while true; do echo tick; sleep 1; done"');
    client.advance(60_000);
    const abort = new AbortController();
    const following = run('kubectl logs tick -f --tail=1', abort.signal);
    await new Promise((r) => setTimeout(r, 50));
    client.advance(3_000);
    await new Promise((r) => setTimeout(r, 600));
    abort.abort();
    const r = await following;
    expect(r.stdout).toBe('tick\ntick\ntick\ntick\n');
  });

  it('-f on a container that exits stops by itself', async () => {
    await run('kubectl run short --restart=Never --image=busybox -- sh -c "echo one; sleep 2; echo two"');
    client.advance(30_000);
    const r = await run('kubectl logs short -f');
    expect(r.stdout).toBe('one\ntwo\n');
  });
});
