/**
 * Test harness for driving real kubectl binaries against a sim cluster server: finds every
 * installed version, runs commands with an isolated kubeconfig and discovery cache, and polls
 * until output satisfies a condition. Node only; used by the integration tests.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GCLOUD_BIN = '/usr/lib/google-cloud-sdk/bin';
/**
 * Debian's kubernetes-client (kubectl 1.20, the last to drain by deleting when it sees no policy group) unpacked by
 * .ci/run without installing it: installing would replace /usr/bin/kubectl, the dispatcher to 1.27–1.33.
 */
const UNPACKED_OLD_KUBECTL = join(process.cwd(), 'node_modules/.cache/kubectl-1.20/usr/bin/kubectl');

export interface KubectlBinary {
  path: string;
  /** e.g. v1.32.4 */
  version: string;
  minor: number;
}

/**
 * Every distinct kubectl version among /usr/lib/google-cloud-sdk/bin/kubectl.1.*, an unpacked Debian kubectl 1.20 and
 * `kubectl` on PATH, oldest first.
 */
export async function findKubectls(): Promise<KubectlBinary[]> {
  const candidates: string[] = [];
  if (existsSync(GCLOUD_BIN)) {
    for (const f of readdirSync(GCLOUD_BIN)) if (/^kubectl\.1\.\d+$/.test(f)) candidates.push(join(GCLOUD_BIN, f));
  }
  if (existsSync(UNPACKED_OLD_KUBECTL)) candidates.push(UNPACKED_OLD_KUBECTL);
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = join(dir, 'kubectl');
    if (dir && existsSync(p)) {
      candidates.push(p);
      break;
    }
  }
  const found = new Map<string, KubectlBinary>();
  for (const path of candidates) {
    try {
      const { stdout } = await run(path, ['version', '--client', '-o', 'json'], { timeout: 20_000 });
      const v = (JSON.parse(stdout) as { clientVersion: { gitVersion: string; minor: string } }).clientVersion;
      const version = v.gitVersion.replace(/-.*$/, '');
      if (!found.has(version)) found.set(version, { path, version, minor: parseInt(v.minor, 10) });
    } catch {
      // not runnable here (e.g. a dispatcher without its payload): skip
    }
  }
  return [...found.values()].sort((a, b) => a.minor - b.minor || a.version.localeCompare(b.version));
}

/**
 * Says on the test output why a real-kubectl suite is skipped (vitest alone would only count it as skipped);
 * true when `found` is empty and the suite must skip.
 */
export function skipWithoutKubectl(suite: string, found: unknown): boolean {
  if (found) return false;
  console.warn(`${suite} skipped: no kubectl found in ${GCLOUD_BIN}/kubectl.1.* or on PATH`);
  return true;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** kubectl bound to one binary, kubeconfig and private --cache-dir. */
export class Kubectl {
  readonly cacheDir = mkdtempSync(join(tmpdir(), 'kubesim-kubectl-cache-'));
  constructor(
    readonly binary: KubectlBinary,
    readonly kubeconfig: string,
  ) {}

  private args(args: string[]): string[] {
    return ['--kubeconfig', this.kubeconfig, '--cache-dir', this.cacheDir, ...args];
  }

  /** Run to completion; never throws for a non-zero exit (tests assert on code and output). */
  async run(...args: string[]): Promise<KubectlResult> {
    try {
      const { stdout, stderr } = await run(this.binary.path, this.args(args), { timeout: 90_000, env: cleanEnv() });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
    }
  }

  /** Run and require exit code 0; returns stdout. */
  async ok(...args: string[]): Promise<string> {
    const r = await this.run(...args);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** Start a long-running kubectl (e.g. `get pods -w`), collecting its stdout. */
  spawn(...args: string[]): { child: ChildProcess; output: () => string } {
    const child = spawn(this.binary.path, this.args(args), { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    return { child, output: () => out };
  }

  /** Poll `kubectl args` until check(stdout) holds; returns that stdout. */
  async until(check: (stdout: string) => boolean, args: string[], timeoutMs = 45_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: KubectlResult | undefined;
    while (Date.now() < deadline) {
      last = await this.run(...args);
      if (last.code === 0 && check(last.stdout)) return last.stdout;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting on kubectl ${args.join(' ')}; last output:\n${last?.stdout}${last?.stderr}`);
  }
}

/** The environment without a KUBECONFIG that could point kubectl elsewhere. */
function cleanEnv(): NodeJS.ProcessEnv {
  const { KUBECONFIG: _k, ...env } = process.env;
  return { ...env, KUBECTL_EXTERNAL_DIFF: '' };
}
