/** Test helper: run command lines against a client and capture stdout/stderr separately. */
import type { ClusterClient } from '../../cluster/types';
import { executeKubectl } from '../index';

export interface Captured {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export async function kubectl(client: ClusterClient, line: string, opts: { files?: Map<string, string>; now?: () => number; signal?: AbortSignal } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const { exitCode } = await executeKubectl(line, {
    client,
    files: opts.files ?? new Map(),
    write: (text, stream) => {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
    },
    signal: opts.signal,
    now: opts.now ?? (() => client.time?.now() ?? Date.now()),
  });
  return { stdout, stderr, exitCode };
}
