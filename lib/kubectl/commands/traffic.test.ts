/** `traffic start/stop/status` in the browser terminal: the load generator over the ClusterClient, Korean errors. */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { LiveClient } from '../../cluster/live-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(async () => {
  client = new SimClient({ seed: 5, autoplay: false });
  await client.ready;
  await run('kubectl create deployment web --image=nginx:1.27.3 --replicas=2');
  await run('kubectl expose deployment web --port=80');
  client.advance(30_000);
});

describe('traffic in the terminal', () => {
  it('starts, reports the last 10 seconds and stops', async () => {
    const started = await run('traffic start svc/web --rate 20');
    expect(started.exitCode).toBe(0);
    expect(started.stdout).toMatch(/^트래픽 시작: svc\/web \(10\.\d+\.\d+\.\d+:80\) ← 클러스터 안\(노드 worker-1\)에서, 초당 20개\n/);
    client.advance(12_000);
    const status = await run('traffic status');
    expect(status.stdout).toContain('보내는 중: svc/web');
    expect(status.stdout).toMatch(/최근 10초 성공률 100%, p95 \d+ms \(보낸 요청 200개, 실패 0개\)\./);
    expect((await run('traffic stop')).stdout).toBe('트래픽을 멈췄어요.\n');
    expect((await run('traffic stop')).stdout).toBe('보내고 있는 트래픽이 없어요.\n');
  });

  it('--host / -H "Host: …" sends a Host header (shown in the label); another header or a bad host is refused', async () => {
    const node = (await run("kubectl get node worker-1 -o jsonpath={.status.addresses[0].address}")).stdout;
    const long = await run(`traffic start http://${node}:80/ --rate 5 --host php.example.com`);
    expect(long.stdout).toContain(`트래픽 시작: http://${node}:80/ ← 클러스터 밖(내 컴퓨터)에서 (Host: php.example.com), 초당 5개`);
    const curlStyle = await run(`traffic start http://${node}:80/ -H 'Host: php.example.com'`);
    expect(curlStyle.stdout).toContain('(Host: php.example.com)');
    expect((await run(`traffic start http://${node}:80/ -H 'X-Debug: 1'`)).stderr).toContain('트래픽에는 Host 헤더만 붙일 수 있어요: X-Debug');
    expect((await run(`traffic start http://${node}:80/ --host 'php example'`)).stderr).toContain('Host 헤더 값 "php example"은(는) 쓸 수 없어요');
    expect((await run('traffic --help')).stdout).toContain('--host H');
  });

  it('explains bad input in Korean', async () => {
    const missing = await run('traffic start svc/wbe');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('서비스 wbe이(가) default 네임스페이스에 없어요');
    expect((await run('traffic start svc/web --rate lots')).stderr).toContain('invalid argument "lots" for "--rate" flag');
    expect((await run('traffic start svc/web --rate 5000')).stderr).toContain('1에서 1000 사이');
    expect((await run('traffic launch')).stderr).toContain('unknown command "launch" for "traffic"');
    expect((await run('traffic start')).stderr).toContain('보낼 대상을 정해 주세요');
    expect((await run('traffic --help')).stdout).toContain('traffic start svc/NAME');
  });
});

describe('traffic against a real cluster', () => {
  it('says in Korean that a real cluster is read-only here, for every subcommand', async () => {
    // a LiveClient that never reaches a server: no cluster is needed to learn it has no load generator
    const live = new LiveClient({
      eventSource: () => ({ readyState: 0, onerror: null, addEventListener() {}, close() {} }),
      fetch: async () => Response.json({ mode: 'live', writable: false, reachable: false }),
    });
    try {
      for (const line of ['traffic start svc/web --rate 20', 'traffic status', 'traffic stop']) {
        const r = await kubectl(live, line);
        expect(r.exitCode).toBe(1);
        expect(r.stderr).toContain('실제 클러스터에는 트래픽을 보낼 수 없어요');
        expect(r.stderr).toContain('읽기 전용');
        expect(r.stderr).toContain('시뮬레이터 모드');
      }
    } finally {
      live.dispose();
    }
  });
});
