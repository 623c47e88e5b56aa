/**
 * Containers run what their image and pod say. Command/args over ENTRYPOINT/CMD:
 * https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#notes ;
 * image defaults from the official Dockerfiles (docker-library, nginxinc/docker-nginx).
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { runContainer } from './run-container';
import { appModelFor, lookupImage, pullErrorMessage } from './registry';
import { planContainer, stopsOnSigterm } from './plan';

const START = Date.UTC(2026, 0, 15, 10, 0, 0);
const pod = (containers: V1Container[], name = 'hello'): V1Pod => ({ metadata: { name, namespace: 'default' }, spec: { containers }, status: { podIP: '10.244.1.7' } });
const run = (c: V1Container, name?: string) => runContainer(pod([c], name), c, START)!;
const texts = (c: V1Container) => run(c).result.lines.map((l) => l.text);

describe('runContainer', () => {
  it('kubectl run hello --image=busybox -- echo hello world: prints once and exits 0 at once', () => {
    const p = run({ name: 'hello', image: 'busybox', args: ['echo', 'hello', 'world'] });
    expect(p.mode).toBe('shell');
    expect(p.result).toEqual({ lines: [{ at: 0, text: 'hello world' }], exitCode: 0, exitAtMs: 0 });
  });

  it('busybox without a command runs sh, which exits 0 at once with no terminal', () => {
    const p = run({ name: 'b', image: 'busybox' });
    expect(p.argv).toEqual(['sh']);
    expect(p.result).toMatchObject({ lines: [], exitCode: 0, exitAtMs: 0 });
  });

  it('sh -c sees the pod name as $HOSTNAME and the kubernetes Service variables', () => {
    expect(texts({ name: 'b', image: 'busybox:1.36', command: ['sh', '-c', 'echo $HOSTNAME; echo $KUBERNETES_SERVICE_HOST; cat /etc/hostname'] })).toEqual(['hello', '10.96.0.1', 'hello']);
  });

  it('literal env values, with $(VAR) referring to earlier ones', () => {
    const c: V1Container = { name: 'b', image: 'alpine', command: ['sh', '-c', 'echo $GREETING'], env: [{ name: 'NAME', value: 'kube' }, { name: 'GREETING', value: 'hi $(NAME)' }] };
    expect(texts(c)).toEqual(['hi kube']);
  });

  it('nginx: the entrypoint hands over to nginx, which writes its real start-up lines and serves port 80', () => {
    const p = run({ name: 'web', image: 'nginx:1.25' });
    expect(p.argv).toEqual(['nginx', '-g', 'daemon off;']);
    expect(p.mode).toBe('app');
    const lines = p.result.lines.map((l) => l.text);
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('2026/01/15 10:00:00 [notice] 1#1: nginx/1.25.5');
    expect(lines).toContain('2026/01/15 10:00:00 [notice] 1#1: start worker processes');
    expect(p.result.exitAtMs).toBe(Infinity);
    expect(p.ports).toEqual([80]);
  });

  it('nginx:latest names the version latest stands for', () => {
    expect(appModelFor('nginx')!.version).toBe('1.27.3');
  });

  it('args on an image with an entrypoint script run as the command (nginx -- echo hi)', () => {
    expect(run({ name: 'web', image: 'nginx', args: ['echo', 'hi'] }).result).toMatchObject({ lines: [{ text: 'hi' }], exitCode: 0 });
  });

  it('an executable the image lacks is a StartError with exit 128 and nothing logged', () => {
    const p = run({ name: 'b', image: 'busybox', args: ['nosuchbinary'] });
    expect(p).toMatchObject({ mode: 'startError', reason: 'StartError', result: { lines: [], exitCode: 128 } });
    expect(p.message).toContain('exec: "nosuchbinary": executable file not found in $PATH');
  });

  it('postgres without POSTGRES_PASSWORD explains and exits 1; with it, it serves 5432', () => {
    const bad = run({ name: 'db', image: 'postgres:16' });
    expect(bad.result.exitCode).toBe(1);
    expect(bad.result.lines.map((l) => l.text)).toContain('Error: Database is uninitialized and superuser password is not specified.');
    const good = run({ name: 'db', image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'pw' }] });
    expect(good.result.exitAtMs).toBe(Infinity);
    expect(good.ports).toEqual([5432]);
  });

  it('curl with no URL prints its hint and exits 2', () => {
    expect(run({ name: 'c', image: 'curlimages/curl' }).result).toMatchObject({ exitCode: 2, lines: [{ text: "curl: try 'curl --help' or 'curl --manual' for more information" }] });
  });

  it('http-echo answers its -text; without it, it exits', () => {
    expect(run({ name: 'e', image: 'hashicorp/http-echo', args: ['-text=hello'] }).vars.text).toBe('hello');
    expect(run({ name: 'e', image: 'hashicorp/http-echo' }).result.exitCode).not.toBe(0);
  });

  it('stress --vm-bytes holds that much memory', () => {
    const p = run({ name: 's', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] });
    expect(p.memory.capBytes).toBe(p.memory.idleBytes + 150 * 1024 * 1024);
    expect(p.result.exitAtMs).toBe(Infinity);
  });

  it('teaching images: crasher exits 1 after 30 s, hello:2.0-slow is ready after 20 s', () => {
    expect(run({ name: 'c', image: 'kubelab/crasher:1.0' }).result).toMatchObject({ exitCode: 1, exitAtMs: 30_000 });
    expect(run({ name: 'h', image: 'kubelab/hello:2.0-slow' }).readyAfterMs).toBe(20_000);
    expect(run({ name: 'h', image: 'kubelab/hello:1.0' }).readyAfterMs).toBe(1_000);
  });

  it('a typo or a missing tag is not in the registry (ErrImagePull with the registry message)', () => {
    expect(lookupImage('ngnix')).toBeUndefined();
    expect(lookupImage('nginx:9.99')).toBeUndefined();
    expect(runContainer(pod([]), { name: 'x', image: 'ngnix' }, START)).toBeUndefined();
    expect(pullErrorMessage('nginx:9.99')).toContain('docker.io/library/nginx:9.99: not found');
  });
});

describe('planContainer / stopsOnSigterm', () => {
  it('sleep 5 exits after 5 s; an endless loop never', () => {
    expect(planContainer({ name: 'a', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 3'] })).toEqual({ runMs: 5000, exitCode: 3 });
    expect(planContainer({ name: 'a', image: 'busybox', command: ['sh', '-c', 'while true; do echo hi; sleep 1; done'] }).runMs).toBe(Infinity);
  });

  it('servers stop on SIGTERM; a shell as PID 1 ignores it unless it traps TERM', () => {
    expect(stopsOnSigterm({ name: 'w', image: 'nginx' })).toBe(true);
    expect(stopsOnSigterm({ name: 's', image: 'busybox', command: ['sleep', '3600'] })).toBe(false);
    expect(stopsOnSigterm({ name: 's', image: 'busybox', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600"] })).toBe(true);
  });
});
