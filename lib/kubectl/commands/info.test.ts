/**
 * `kubectl version`: the client matches the simulator's server, and a live server more than one minor version
 * away gets kubectl's skew warning on stderr — getVersionSkewWarning in
 * staging/src/k8s.io/kubectl/pkg/cmd/version/skew_warning.go, printed as "Warning: …" by version.go.
 */
import { describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { FakeClusterClient } from '../testing/fake-client';
import { kubectl } from '../testing/run';
import { versionSkewWarning } from './info';

describe('kubectl version', () => {
  it('shows the same client and server version on the simulator, with no warning', async () => {
    const client = new SimClient({ seed: 1, autoplay: false });
    await client.ready;
    const r = await kubectl(client, 'kubectl version');
    client.dispose();
    expect(r.stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.34.2\n');
    expect(r.stderr).toBe('');
  });

  it('warns like kubectl when a live server is two minor versions away', async () => {
    const client = new FakeClusterClient();
    client.info = () => ({ mode: 'live', version: 'v1.31.4+k3s1', writable: false });
    const r = await kubectl(client, 'kubectl version');
    expect(r.stdout).toContain('Server Version: v1.31.4+k3s1\n');
    expect(r.stderr).toBe('Warning: version difference between client (1.34) and server (1.31) exceeds the supported minor version skew of +/-1\n');
    expect((await kubectl(client, 'kubectl version --client')).stderr).toBe('');
  });

  it('accepts one minor version either way', () => {
    expect(versionSkewWarning('v1.34.2', 'v1.33.0')).toBeUndefined();
    expect(versionSkewWarning('v1.34.2', 'v1.35.1')).toBeUndefined();
    expect(versionSkewWarning('v1.34.2', 'v1.36.0')).toContain('client (1.34) and server (1.36)');
    expect(versionSkewWarning('v1.34.2', 'v2.34.0')).toContain('server (2.34)');
  });
});
