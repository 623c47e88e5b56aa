/**
 * `kubectl exec POD -- ps | df | free | nginx -v` print what the real images print. Expected text is written out
 * by hand from the real tools:
 * - busybox ps (procps/ps.c, DESKTOP build default `-o pid,user,time,args`): "PID   USER     TIME  COMMAND",
 *   rows "%5u %-8.8s %5s %s"; in `docker run busybox sleep 3600` PID 1 is `sleep 3600`.
 * - nginx -v writes "nginx version: nginx/X" to stderr (nginx src/core/nginx.c, ngx_show_version_info →
 *   ngx_write_stderr); nginx:1.25's NGINX_VERSION is 1.25.5 (nginxinc/docker-nginx mainline/debian/Dockerfile at
 *   the 1.25.5 tag). Its master process's title is "nginx: master process nginx -g daemon off;".
 * - free (busybox procps/free.c) reads /proc/meminfo, which shows the node's memory in any container; the
 *   container's limit is in /sys/fs/cgroup/memory.max (cgroup v2,
 *   https://kubernetes.io/docs/concepts/architecture/cgroups/).
 * - The Debian nginx image has no procps: `ps` there is runc's "executable file not found".
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { execInContainer } from './exec';

const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);
const running = (c: V1Container): V1Pod => ({
  metadata: { name: 'box', namespace: 'default' },
  spec: { containers: [c] },
  status: { phase: 'Running', podIP: '10.244.1.7', containerStatuses: [{ name: c.name, ready: true, restartCount: 0, image: c.image ?? '', imageID: '', state: { running: { startedAt: new Date(NOW).toISOString() } } }] },
});
const exec = (c: V1Container, ...command: string[]) => execInContainer(running(c), undefined, command, NOW + 60_000);

const busybox: V1Container = { name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { limits: { memory: '128Mi', cpu: '500m' } } };
const nginx: V1Container = { name: 'web', image: 'nginx:1.25' };

describe('kubectl exec: ps, df, free, nginx', () => {
  it('busybox ps lists PID 1 (the pod command) and itself in PID USER TIME COMMAND columns', () => {
    const r = exec(busybox, 'ps');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n');
  });

  it('nginx:alpine ps shows the master process and its two workers running as nginx', () => {
    const lines = exec({ name: 'web', image: 'nginx:alpine' }, 'ps').stdout.split('\n');
    expect(lines.slice(1, 4)).toEqual(['    1 root      0:00 nginx: master process nginx -g daemon off;', '   29 nginx     0:00 nginx: worker process', '   30 nginx     0:00 nginx: worker process']);
  });

  it('nginx -v prints the tag’s release to stderr, not stdout', () => {
    const r = exec(nginx, 'nginx', '-v');
    expect(r).toMatchObject({ stdout: '', stderr: 'nginx version: nginx/1.25.5\n', exitCode: 0 });
    expect(exec({ name: 'web', image: 'nginx:1.25.3' }, 'nginx', '-v').stderr).toBe('nginx version: nginx/1.25.3\n');
    expect(exec({ name: 'web', image: 'nginx:stable' }, 'nginx', '-v').stderr).toBe('nginx version: nginx/1.26.2\n');
  });

  it('nginx -t checks the configuration; a second nginx cannot bind port 80', () => {
    expect(exec(nginx, 'nginx', '-t').stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(exec(nginx, 'nginx')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('bind() to 0.0.0.0:80 failed (98: Address already in use)') });
  });

  it('the Debian nginx image has no ps or free, as the real one (no procps)', () => {
    const r = exec(nginx, 'ps');
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toContain('exec: "ps": executable file not found in $PATH');
    expect(exec(nginx, 'free').exitCode).toBe(126);
  });

  it('free shows the node’s 4 GiB in KiB (MiB with -m), not the 128Mi limit; the limit is in the cgroup file', () => {
    const lines = exec(busybox, 'free').stdout.split('\n');
    expect(lines[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(lines[1]).toMatch(/^Mem: {8}4194304 +\d+ +\d+ +0 +\d+ +\d+$/);
    expect(lines[2]).toBe('Swap:             0           0           0');
    const [, total, used, free, , cache, avail] = exec(busybox, 'free', '-m').stdout.split('\n')[1].split(/\s+/).map(Number);
    expect(total).toBe(4096);
    expect(used + free + cache).toBeGreaterThanOrEqual(total - 2);
    expect(used + free + cache).toBeLessThanOrEqual(total);
    expect(avail).toBeGreaterThan(free);
    expect(exec(busybox, 'cat', '/sys/fs/cgroup/memory.max').stdout).toBe(`${128 * 1024 * 1024}\n`);
    expect(exec(busybox, 'cat', '/sys/fs/cgroup/cpu.max').stdout).toBe('50000 100000\n');
    expect(exec({ name: 'b', image: 'busybox', command: ['sleep', '1d'] }, 'cat', '/sys/fs/cgroup/memory.max').stdout).toBe('max\n');
  });

  it('df lists the overlay root, /dev and /dev/shm tmpfs, in busybox’s or coreutils’ layout', () => {
    const bb = exec(busybox, 'df').stdout.split('\n');
    expect(bb[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(bb[1]).toMatch(/^overlay +62914560 +\d+ +\d+ +\d+% \/$/);
    expect(bb[2]).toMatch(/^tmpfs +65536 +0 +65536 +0% \/dev$/);
    const deb = exec(nginx, 'df', '-h').stdout.split('\n');
    expect(deb[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(deb[1]).toMatch(/^overlay +60G +9\.\dG +5\dG +1\d% \/$/);
    expect(deb[3]).toBe('shm' + ' '.repeat(14) + '64M     0   64M   0% /dev/shm');
  });
});
