import { describe, expect, it } from 'vitest';
import { WRITE_TOKEN_HEADER, type LiveAction } from '../cluster/live-protocol';
import { ActionLimits, handleActionRequest, statusFromError, type ActionDeps } from './action-route';
import { AuditLog } from './audit';
import { PEER_HEADER } from './client-address';
import { ActionRefused } from './cluster-actions';
import { parseSecuritySettings } from './security-settings';

describe('statusFromError', () => {
  it('passes the API server Status through, so kubectl-style messages reach the terminal', () => {
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'deployments.apps "x" not found', reason: 'NotFound', code: 404 });
    expect(statusFromError({ code: 404, body, message: 'HTTP-Code: 404' })).toMatchObject({ code: 404, reason: 'NotFound', message: 'deployments.apps "x" not found' });
  });

  it('turns deadlines, refusals and network failures into Korean Status bodies', () => {
    expect(statusFromError(new DOMException('timeout', 'TimeoutError'))).toMatchObject({ code: 504, reason: 'Timeout', message: expect.stringMatching(/응답하지/) });
    expect(statusFromError(new ActionRefused(400, '이전 리비전이 없습니다.'))).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(statusFromError(new TypeError('fetch failed'))).toMatchObject({ code: 503, reason: 'ServiceUnavailable', message: expect.stringMatching(/연결할 수 없습니다/) });
    expect(statusFromError({ code: 500, body: 'oops' })).toMatchObject({ code: 500, message: expect.stringMatching(/HTTP 500/) });
  });

  it('cuts an API server message that quotes a huge invalid value', () => {
    const message = `Pod "p" is invalid: metadata.annotations: Too long: must have at most 262144 bytes, value: "${'x'.repeat(300_000)}"`;
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'Invalid', code: 422 });
    const status = statusFromError({ code: 422, body });
    expect(status).toMatchObject({ code: 422, reason: 'Invalid', message: expect.stringMatching(/^Pod "p" is invalid/) });
    expect(status.message.length).toBeLessThanOrEqual(300);
  });
});

describe('handleActionRequest', () => {
  const TOKEN = 's3cret';
  const scale = { action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 5 };

  function setup(env: Record<string, string> = {}) {
    let now = 0;
    const ran: LiveAction[] = [];
    const lines: string[] = [];
    const security = parseSecuritySettings(env);
    const deps: ActionDeps = {
      cluster: { writeToken: TOKEN, namespaces: ['default'] },
      actions: { run: async (a) => (ran.push(a), { message: 'done' }) },
      security,
      limits: new ActionLimits(security, () => now),
      audit: new AuditLog({ sink: (l) => lines.push(l), now: () => now }),
    };
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      handleActionRequest(
        new Request('http://app:3000/api/cluster/actions', {
          method: 'POST',
          headers: { host: 'app:3000', [PEER_HEADER]: '10.0.0.7', [WRITE_TOKEN_HEADER]: TOKEN, 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
        WRITE_TOKEN_HEADER,
        deps,
      );
    return { post, ran, lines, advance: (ms: number) => (now += ms) };
  }

  it('refuses a foreign Origin that names itself in X-Forwarded-Host, even with the right token', async () => {
    const { post, ran } = setup();
    const res = await post(scale, { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(res.status).toBe(403);
    expect(ran).toEqual([]);
    expect((await post(scale, { origin: 'http://app:3000' })).status).toBe(200);
    expect(ran).toHaveLength(1);
  });

  it('rate-limits token guessing per address with 429, Retry-After and a Korean message, and audits the socket address', async () => {
    const { post, lines, advance } = setup();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(scale, { [WRITE_TOKEN_HEADER]: `guess-${i}`, 'x-forwarded-for': '1.2.3.4' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const limited = await post(scale);
    expect(limited.status).toBe(429); // even the right token waits: the address is refused before comparing
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { status: { message: string; reason: string } }).status).toMatchObject({ reason: 'TooManyRequests', message: expect.stringMatching(/초 뒤에 다시 시도/) });
    // Another address is unaffected; the audit names the socket, not the X-Forwarded-For it claimed.
    expect((await post(scale, { [PEER_HEADER]: '10.0.0.8' })).status).toBe(200);
    const recs = lines.map((l) => JSON.parse(l) as { remote?: string });
    expect(recs.filter((r) => r.remote === '10.0.0.7').length).toBeGreaterThan(0);
    expect(recs.some((r) => r.remote === '1.2.3.4')).toBe(false);
    advance(60_000);
    expect((await post(scale)).status).toBe(200);
  });

  it('limits all writes per address, not only refused ones', async () => {
    const { post } = setup({ ACTION_RATE_PER_MIN: '10' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(scale)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('counts body bytes, stops at 256 KiB with 413, and refuses a privileged pod naming the field', async () => {
    const { post, ran } = setup();
    const big = JSON.stringify({ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations: { a: '가'.repeat(90_000) } } } });
    expect(big.length).toBeLessThan(256 * 1024); // under the limit in characters, over it in bytes
    expect((await post(big)).status).toBe(413);
    const res = await post({ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostPID: true, containers: [{ name: 'c', image: 'busybox' }] } } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { status: { message: string } }).status.message).toContain('spec.hostPID');
    expect(ran).toEqual([]);
  });
});
