import { describe, expect, it } from 'vitest';
import { checkWriteAccess, isSameOrigin, parseAction, tokenMatches } from './policy';
import { isDnsLabel, isDnsSubdomain, isImageRef, isIntInRange } from './names';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
const NS = ['default', 'demo'];
const TOKEN_HEADER = 'x-cluster-write-token';

describe('names', () => {
  it('accepts RFC 1123 names and rejects the rest', () => {
    expect(isDnsLabel('web-1')).toBe(true);
    expect(isDnsSubdomain('worker-1.example')).toBe(true);
    for (const badName of ['', 'Web', '-web', 'web-', 'a_b', 'a/b', '../etc', 'a'.repeat(64), 'x y', 7]) {
      expect(isDnsLabel(badName)).toBe(false);
    }
    expect(isDnsSubdomain('a..b')).toBe(false);
    expect(isDnsSubdomain(`${'a'.repeat(64)}.b`)).toBe(false);
  });

  it('checks integers and image references', () => {
    expect(isIntInRange(3, 0, 10)).toBe(true);
    for (const n of [-1, 11, 1.5, NaN, '3', null]) expect(isIntInRange(n, 0, 10)).toBe(false);
    expect(isImageRef('nginx:1.27')).toBe(true);
    expect(isImageRef('registry.local:5000/team/app@sha256:abc')).toBe(true);
    for (const s of ['', 'nginx; rm -rf /', 'a b', '../x', '$(id)']) expect(isImageRef(s)).toBe(false);
  });
});

describe('write access', () => {
  it('is off without a configured token', () => {
    const r = checkWriteAccess(headers({ [TOKEN_HEADER]: 'x' }), null, TOKEN_HEADER);
    expect(r).toMatchObject({ ok: false, code: 403 });
  });

  it('needs the exact token', () => {
    expect(checkWriteAccess(headers({}), 's3cret', TOKEN_HEADER)).toMatchObject({ ok: false, code: 403 });
    expect(checkWriteAccess(headers({ [TOKEN_HEADER]: 's3cre' }), 's3cret', TOKEN_HEADER)).toMatchObject({ ok: false, code: 403 });
    expect(checkWriteAccess(headers({ [TOKEN_HEADER]: 's3cret', host: 'app:3000' }), 's3cret', TOKEN_HEADER)).toEqual({ ok: true, value: true });
    expect(tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(tokenMatches(null, 's3cret')).toBe(false);
  });

  it('refuses cross-origin browsers even with the token', () => {
    const crossOrigin = headers({ [TOKEN_HEADER]: 't', host: 'app:3000', origin: 'http://evil.example' });
    const r = checkWriteAccess(crossOrigin, 't', TOKEN_HEADER);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/다른 사이트/);
    expect(isSameOrigin(headers({ host: 'app:3000', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOrigin(headers({ host: 'app:3000', origin: 'http://app:3000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(headers({ host: 'app:3000', origin: 'not a url' }))).toBe(false);
    expect(isSameOrigin(headers({ host: 'app:3000' }))).toBe(true);
  });

  it('ignores X-Forwarded-Host unless a proxy is trusted: a foreign Origin cannot vouch for itself', () => {
    const forged = headers({ [TOKEN_HEADER]: 't', host: 'app:3000', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(checkWriteAccess(forged, 't', TOKEN_HEADER)).toMatchObject({ ok: false, code: 403 });
    expect(isSameOrigin(headers({ host: 'app:3000', origin: 'http://app:3000', 'x-forwarded-host': 'evil.example' }))).toBe(true);
  });

  it('behind a trusted proxy compares with the forwarded host, and with PUBLIC_ORIGIN when that is set', () => {
    const viaProxy = { trustProxyHops: 1, publicOrigin: null };
    expect(isSameOrigin(headers({ host: 'pod:3000', origin: 'https://k8s.example.org', 'x-forwarded-host': 'k8s.example.org' }), viaProxy)).toBe(true);
    // The proxy appends; only its (last) entry counts.
    expect(isSameOrigin(headers({ host: 'pod:3000', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example, k8s.example.org' }), viaProxy)).toBe(false);
    const pinned = { trustProxyHops: 1, publicOrigin: 'https://k8s.example.org' };
    expect(isSameOrigin(headers({ host: 'pod:3000', origin: 'https://k8s.example.org', 'x-forwarded-host': 'whatever' }), pinned)).toBe(true);
    expect(isSameOrigin(headers({ host: 'pod:3000', origin: 'http://k8s.example.org' }), pinned)).toBe(false);
    expect(isSameOrigin(headers({ host: 'k8s.example.org', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }), pinned)).toBe(false);
  });
});

describe('parseAction', () => {
  it('accepts each allowed action', () => {
    const ok = [
      { action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 5 },
      { action: 'delete-pod', namespace: 'demo', name: 'web-abc12' },
      { action: 'set-image', kind: 'Deployment', namespace: 'default', name: 'web', container: 'nginx', image: 'nginx:1.27' },
      { action: 'rollout-undo', namespace: 'default', name: 'web', toRevision: 2 },
      { action: 'rollout-restart', namespace: 'default', name: 'web' },
      { action: 'rollout-pause', namespace: 'default', name: 'web' },
      { action: 'rollout-resume', namespace: 'default', name: 'web' },
      { action: 'cordon', name: 'worker-1' },
      { action: 'uncordon', name: 'worker-1' },
      { action: 'apply', manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: {} } },
      { action: 'patch', kind: 'Pod', namespace: 'default', name: 'p', patchType: 'merge', patch: { metadata: { labels: { a: 'b' } } } },
    ];
    for (const body of ok) expect(parseAction(body, NS), JSON.stringify(body)).toMatchObject({ ok: true, value: { action: body.action } });
  });

  it('refuses privileged pods and host access in apply and patch, naming the field, unless POD_SECURITY allows it', () => {
    const hostile = {
      action: 'apply',
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'root' },
        spec: { hostPID: true, hostNetwork: true, containers: [{ name: 'c', image: 'busybox', securityContext: { privileged: true } }], volumes: [{ name: 'host', hostPath: { path: '/' } }] },
      },
    };
    const r = parseAction(hostile, NS);
    expect(r).toMatchObject({ ok: false, code: 403, message: expect.stringContaining('spec.hostNetwork') });
    expect(parseAction(hostile, NS, 'privileged').ok).toBe(true);
    const service = { action: 'apply', manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns' }, spec: { externalIPs: ['8.8.8.8'], ports: [{ port: 53 }] } } };
    expect(parseAction(service, NS)).toMatchObject({ ok: false, code: 403, message: expect.stringContaining('spec.externalIPs') });
    const patch = { action: 'patch', kind: 'Deployment', namespace: 'default', name: 'web', patchType: 'strategic', patch: { spec: { template: { spec: { volumes: [{ name: 'h', hostPath: { path: '/' } }] } } } } };
    expect(parseAction(patch, NS)).toMatchObject({ ok: false, code: 403, message: expect.stringContaining('spec.template.spec.volumes[0].hostPath') });
  });

  it('quotes at most ~100 characters of a rejected value back', () => {
    const r = parseAction({ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', env: [{ name: 'X'.repeat(20_000) }] }] } } }, NS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(250);
  });

  it('defaults an apply namespace to the first allowed one', () => {
    const r = parseAction({ action: 'apply', manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } }, NS);
    expect(r.ok && r.value.action === 'apply' && r.value.manifest.metadata?.namespace).toBe('default');
  });

  it.each([
    [{ action: 'exec', namespace: 'default', name: 'p' }, 403],
    [{ action: 'scale', kind: 'Deployment', namespace: 'kube-system', name: 'coredns', replicas: 0 }, 403],
    [{ action: 'scale', kind: 'StatefulSet', namespace: 'default', name: 'db', replicas: 1 }, 403],
    [{ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: -1 }, 400],
    [{ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 1.5 }, 400],
    [{ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: '3' }, 400],
    [{ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 100000 }, 400],
    [{ action: 'delete-pod', namespace: 'default', name: '../../secrets' }, 400],
    [{ action: 'delete-pod', namespace: 'Default', name: 'p' }, 400],
    [{ action: 'set-image', kind: 'Deployment', namespace: 'default', name: 'web', container: 'nginx', image: 'x;rm' }, 400],
    [{ action: 'set-image', kind: 'Deployment', namespace: 'default', name: 'web', container: 'Bad_Name', image: 'nginx' }, 400],
    [{ action: 'rollout-undo', namespace: 'default', name: 'web', toRevision: -2 }, 400],
    [{ action: 'cordon', name: 'Worker 1' }, 400],
    [{ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } } }, 403],
    [{ action: 'apply', manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }, 403],
    [{ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'w' } } }, 400],
    [{ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'kube-system' } } }, 403],
    [{ action: 'apply', manifest: [] }, 400],
    [{ action: 'patch', kind: 'Node', namespace: 'default', name: 'n', patchType: 'merge', patch: {} }, 403],
    [{ action: 'patch', kind: 'Pod', namespace: 'default', name: 'p', patchType: 'json', patch: {} }, 400],
    [{ action: 'patch', kind: 'Pod', namespace: 'default', name: 'p', patchType: 'apply', patch: {} }, 400],
    [{ action: 'patch', kind: 'Deployment', namespace: 'default', name: 'd', patchType: 'merge', patch: { spec: { template: { spec: { containers: [{ name: 'c', env: [{ name: 'PW' }] }] } } } } }, 400],
    [{ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }, { name: 'PW' }] }] } } }, 400],
    [null, 400],
    [[], 400],
  ])('refuses %j with %i and a Korean message', (body, code) => {
    const r = parseAction(body, NS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/[가-힣]/);
    }
  });
});
