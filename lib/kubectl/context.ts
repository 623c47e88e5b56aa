/** What a kubectl command runs against, and the small output helpers every command uses. */
import type { ClusterClient } from '../cluster/types';

export interface KubectlContext {
  client: ClusterClient;
  /** The editor's named files, read by `-f NAME`. */
  files: ReadonlyMap<string, string>;
  write(text: string, stream: 'stdout' | 'stderr'): void;
  /** Aborted by Ctrl+C; stops `get -w`, `rollout status` and `logs -f`. */
  signal?: AbortSignal;
  /** Cluster time, epoch ms (ages are computed from it). */
  now(): number;
  /**
   * Reads one line the user types at `prompt` (an interactive `kubectl exec -it … -- sh`); null on Ctrl+D/Ctrl+C.
   * Absent where nobody can type (lesson checks, tests without a terminal).
   */
  readLine?(prompt: string): Promise<string | null>;
}

/** A kubectl failure: printed as `message`, then one Korean hint line. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

export function out(ctx: KubectlContext, text: string): void {
  ctx.write(text.endsWith('\n') ? text : `${text}\n`, 'stdout');
}

export function err(ctx: KubectlContext, text: string): void {
  ctx.write(text.endsWith('\n') ? text : `${text}\n`, 'stderr');
}

/** Namespace a command works in: `-n`, else `default`. */
export function namespaceOf(flags: Record<string, unknown>): string {
  const ns = flags.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

export function str(flags: Record<string, unknown>, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function num(flags: Record<string, unknown>, name: string): number | undefined {
  const v = flags[name];
  return typeof v === 'number' ? v : undefined;
}

