/**
 * GET /api/cluster/info on a cold process: while the cluster runtime (and @kubernetes/client-node) is still
 * loading, the route answers from the environment within its deadline instead of waiting for the load.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coldInfo } from './cluster-env';

// A runtime module that takes forever to load, like client-node on a cold, busy machine.
vi.mock('@/lib/server/runtime', () => new Promise(() => {}));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('GET /api/cluster/info', () => {
  it('answers from the environment within 2.5 s while the cluster client is still loading', async () => {
    vi.useFakeTimers();
    vi.stubEnv('KUBECONFIG', '/etc/kubeconfig-that-is-never-read');
    vi.stubEnv('CLUSTER_NAMESPACES', 'default,demo');
    vi.stubEnv('CLUSTER_WRITE_TOKEN', 's3cret');
    const { GET } = await import('../../app/api/cluster/info/route');
    let body: unknown = null;
    void GET(new Request('http://app/api/cluster/info')).then(async (res) => (body = await res.json()));
    await vi.advanceTimersByTimeAsync(2_400);
    expect(body).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(body).toMatchObject({ mode: 'live', reachable: false, writable: true, namespaces: ['default', 'demo'], reason: expect.stringMatching(/준비하는 중/) });
  });

  it('says "simulator" from the environment alone when no cluster is configured', () => {
    expect(coldInfo({}, () => false)).toMatchObject({ mode: 'sim', reachable: false, writable: false });
    expect(coldInfo({ KUBECONFIG: '/k' }, () => false)).toMatchObject({ mode: 'live', writable: false, namespaces: ['default'] });
  });
});
