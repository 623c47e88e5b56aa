/**
 * scripts/sim-cluster.ts as a student runs it: ready line on stdout, kubeconfig written, the API
 * answering, and a clean exit (code 0) on SIGINT and SIGTERM.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChildServer } from './testing/child-server';

describe('npm run sim-cluster', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves, writes its kubeconfig and exits 0 on %s', async (signal) => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-cli-')), 'nested', 'kubeconfig');
    const { child, url, exited } = await startChildServer(['--workers', '3'], kubeconfig);
    expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: ${url}`);
    const nodes = (await (await fetch(`${url}/api/v1/nodes`)).json()) as { items: { metadata: { name: string } }[] };
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(['worker-1', 'worker-2', 'worker-3']));
    child.kill(signal);
    expect(await exited).toBe(0);
  }, 30_000);
});
