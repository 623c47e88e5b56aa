/**
 * The tools as the real ones print: curl 8 (https://curl.se/docs/manpage.html; exit codes from
 * https://curl.se/libcurl/c/libcurl-errors.html: 6 resolve, 7 connect, 22 -f on >= 400, 28 timeout), busybox wget
 * (networking/wget.c: "Connecting to %s (%s)", "saving to '%s'", "can't open '%s': File exists",
 * "server returned error: %s"), and which images ship them (busybox: wget and nslookup applets, no curl —
 * "sh: curl: not found"; Ubuntu: none of them — bash's "command not found").
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../k8s/types';
import { clientPod, webCluster } from '../testing';

describe('curl', () => {
  it('-i prints the status line and headers before the body; -I sends HEAD and prints only headers', () => {
    const { sh } = webCluster();
    const i = sh('curl', 'curl -si http://web/').out;
    expect(i).toMatch(/^HTTP\/1\.1 200 OK\nServer: nginx\/1\.27\.3\nDate: Wed, 15 Jan 2025 00:00:15 GMT\nContent-Type: text\/html\nContent-Length: 288\n\n<!DOCTYPE html>/);
    const head = sh('curl', 'curl -sI http://web/nope').out;
    expect(head).toMatch(/^HTTP\/1\.1 404 Not Found\n/);
    expect(head.endsWith('\n\n')).toBe(true);
  });

  it("-o writes the file, -w '%{http_code}' prints the status, -f fails on 404 with exit 22", () => {
    const { sh } = webCluster();
    expect(sh('curl', "curl -s -o /tmp/page.html -w '%{http_code}\\n' http://web/; wc -c < /tmp/page.html").out).toBe('200\n288\n');
    expect(sh('curl', 'curl -sf http://web/missing')).toEqual({ out: '', err: '', code: 22 });
    expect(sh('curl', 'curl -sSf http://web/missing').err).toBe('curl: (22) The requested URL returned error: 404\n');
  });

  it('-H and -X reach the app, whose access log records method, path and agent', () => {
    const { sim, sh } = webCluster({ replicas: 1 });
    sh('curl', "curl -s -X POST -A 'probe/1' -H 'X-Test: 1' http://web/form");
    const pod = sim.list('Pod', 'default', { labelSelector: 'app=web' }).items[0].metadata!.name!;
    expect(sim.podLog(pod, 'default', { tailLines: 1 }).lines[0]).toMatch(/"POST \/form HTTP\/1\.1" 404 \d+ "-" "probe\/1" "-"$/);
  });

  it('bad options and a missing URL are refused with exit 2', () => {
    const { sh } = webCluster();
    expect(sh('curl', 'curl -Z http://web/')).toEqual({ out: '', err: "curl: option -Z: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(sh('curl', 'curl -s').code).toBe(2);
  });
});

describe('busybox wget', () => {
  it('saves to index.html with progress on stderr, and will not overwrite it', () => {
    const { sh, svc } = webCluster();
    const r = sh('client', 'cd /tmp && wget http://web/ && wget http://web/; ls /tmp');
    const ip = svc().spec!.clusterIP!;
    expect(r.err).toBe(
      `Connecting to web (${ip}:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   288  0:00:00 ETA\n'index.html' saved\n` +
        `Connecting to web (${ip}:80)\nwget: can't open 'index.html': File exists\n`,
    );
    expect(r.out).toBe('index.html\n');
  });

  it('-S prints the response headers; an error status exits 1', () => {
    const { sh } = webCluster();
    const r = sh('client', 'wget -S -q -O- http://web/nope');
    expect(r.err).toMatch(/^ {2}HTTP\/1\.1 404 Not Found\n {2}Server: nginx\/1\.27\.3\n/);
    expect(r.err.endsWith('wget: server returned error: HTTP/1.1 404 Not Found\n')).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('which image has which tool', () => {
  it('busybox has no curl; ubuntu has no wget; curlimages/curl has all three; kubectl exec of a missing binary fails as runc does', () => {
    const { sim, sh } = webCluster({ replicas: 1 });
    sim.create(clientPod('ubu', 'ubuntu:24.04', 'worker-1'));
    sim.advance(10_000);
    expect(sh('client', 'curl http://web/')).toEqual({ out: '', err: 'sh: curl: not found\n', code: 127 });
    expect(sim.exec('ubu', 'default', undefined, ['bash', '-c', 'wget http://web/']).stderr).toBe('bash: wget: command not found\n');
    expect(sim.exec('client', 'default', undefined, ['curl', 'http://web/'])).toMatchObject({ exitCode: 126, stderr: expect.stringContaining('exec: "curl": executable file not found in $PATH') });
    expect(sh('curl', 'wget -qO- http://web/ >/dev/null && nslookup -type=A web.default.svc.cluster.local >/dev/null && curl -s http://web/ > /dev/null; echo $?').out).toBe('0\n');
  });

  it("a container's own command that keeps polling does not send (the kubelet records one-shot commands only), and says so in Korean", () => {
    const { sim } = webCluster({ replicas: 0 });
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loop' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.37', command: ['sh', '-c', 'while true; do wget -qO- http://web/; sleep 1; done'] }] } } as KubeObject);
    sim.advance(10_000);
    expect(sim.podLog('loop', 'default').lines[0]).toMatch(/^wget: 이 시뮬레이터에서는 컨테이너의 기본 명령이 요청을 계속 보내는 경우/);
  });
});
