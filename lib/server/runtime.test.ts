/**
 * /api/cluster/info's deadline on a stalled cluster: the runtime stops waiting for the shared probe when
 * the caller's time is up (a cold process has already spent part of the 3 s loading modules).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterRuntime } from './runtime';

let stalled: net.Server;
let rt: ClusterRuntime;
const sockets = new Set<net.Socket>();

// Loading the runtime (client-node) on a loaded 2-core machine can take longer than the 10 s default hook guard.
beforeAll(async () => {
  stalled = net.createServer((s) => sockets.add(s)); // accepts, never answers
  await new Promise<void>((r) => stalled.listen(0, '127.0.0.1', () => r()));
  const port = (stalled.address() as AddressInfo).port;
  const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'rt-')), 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: s\n  cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: c\n  context: {cluster: s, user: u}\ncurrent-context: c\n`,
  );
  vi.stubEnv('KUBECONFIG', kubeconfig);
  const { getClusterRuntime } = await import('./runtime');
  rt = getClusterRuntime();
}, 60_000);

afterAll(async () => {
  rt.hub?.close();
  vi.unstubAllEnvs();
  for (const s of sockets) s.destroy();
  await new Promise((r) => stalled.close(r));
});

describe('ClusterRuntime.info', () => {
  it('answers unreachable when the caller’s time is up, without waiting for the probe’s own 2 s deadline', async () => {
    // The probe's own 2 s deadline is an AbortSignal.timeout on real time: on a loaded machine it could fire
    // before the fake 300 ms pass and answer first. Here it never fires, so only the caller's budget (a fake
    // setTimeout) can end the wait — the probe stays stalled on the silent server, as a hung API server would.
    const never = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => new AbortController().signal);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let answered = false;
      const info = rt.info(300).then((i) => ((answered = true), i));
      await vi.advanceTimersByTimeAsync(299);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(answered).toBe(true);
      expect(await info).toMatchObject({ mode: 'live', reachable: false, reason: expect.stringMatching(/시간 초과/) });
      expect(never).toHaveBeenCalled(); // the probe did go out, and is still waiting
    } finally {
      vi.useRealTimers();
      never.mockRestore();
    }
  });
});
