/**
 * scripts/sim-cluster.ts as a student runs it: ready line on stdout, kubeconfig written, the API
 * answering, and a clean exit (code 0) on SIGINT and SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

function startCli(kubeconfig: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim-cluster.ts', '--port', '0', '--kubeconfig', kubeconfig, '--workers', '3'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited before ready (${code})`)));
    createInterface(child.stdout!).on('line', (line) => {
      const m = /^kubesim ready (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

describe('npm run sim-cluster', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves, writes its kubeconfig and exits 0 on %s', async (signal) => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-cli-')), 'nested', 'kubeconfig');
    const { child, ready, exited } = startCli(kubeconfig);
    const url = await ready;
    expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: ${url}`);
    const nodes = (await (await fetch(`${url}/api/v1/nodes`)).json()) as { items: { metadata: { name: string } }[] };
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(['worker-1', 'worker-2', 'worker-3']));
    child.kill(signal);
    expect(await exited).toBe(0);
  }, 30_000);
});
