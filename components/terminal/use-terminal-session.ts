'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { completeKubectl, executeKubectl } from '@/lib/kubectl';

export interface OutputChunk {
  id: number;
  text: string;
  stream: 'stdout' | 'stderr' | 'input' | 'info';
}

const MAX_CHUNKS = 3000;

/** The terminal's state: output, history, the running command (abortable) and queued lesson commands. */
export function useTerminalSession(client: ClusterClient | null, files: ReadonlyMap<string, string>, welcome: string) {
  const [chunks, setChunks] = useState<OutputChunk[]>(() => [{ id: -1, text: welcome, stream: 'info' }]);
  const [running, setRunning] = useState(false);
  const history = useRef<string[]>([]);
  const controller = useRef<AbortController | null>(null);
  const queue = useRef<string[]>([]);
  const nextId = useRef(0);

  const append = useCallback((text: string, stream: OutputChunk['stream']) => {
    setChunks((prev) => {
      const next = [...prev, { id: nextId.current++, text, stream }];
      return next.length > MAX_CHUNKS ? next.slice(next.length - MAX_CHUNKS) : next;
    });
  }, []);

  const clear = useCallback(() => setChunks([]), []);

  const runLine = useCallback(
    async (line: string) => {
      const trimmed = line.trim();
      append(`$ ${line}\n`, 'input');
      if (trimmed !== '' && history.current[history.current.length - 1] !== trimmed) history.current.push(trimmed);
      if (trimmed === 'clear') return clear();
      if (trimmed === '') return;
      if (!client) {
        append('클러스터를 준비하는 중이에요. 잠시 뒤 다시 실행해 주세요.\n', 'stderr');
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      try {
        await executeKubectl(line, {
          client,
          files,
          write: (text, stream) => append(text, stream),
          signal: abort.signal,
          now: () => client.time?.now() ?? Date.now(),
        });
      } finally {
        controller.current = null;
        setRunning(false);
      }
    },
    [append, clear, client, files],
  );

  /** Run now, or after the current command finishes (lesson "실행" buttons may arrive while -w runs). */
  const submit = useCallback(
    (line: string) => {
      // queued while a command runs, or while the cluster is still starting (lesson buttons can fire early)
      if (controller.current || (!client && line.trim() !== '' && line.trim() !== 'clear')) {
        queue.current.push(line);
        if (!client) append(`(클러스터가 준비되면 실행할게요) ${line}\n`, 'info');
      } else void runLine(line);
    },
    [append, client, runLine],
  );

  useEffect(() => {
    if (client && !running && queue.current.length > 0) void runLine(queue.current.shift()!);
  }, [client, running, runLine]);

  const interrupt = useCallback(() => {
    if (controller.current) {
      append('^C\n', 'info');
      controller.current.abort();
    }
  }, [append]);

  useEffect(() => () => controller.current?.abort(), []);

  const complete = useCallback(
    (line: string, cursor: number) =>
      completeKubectl(line, { objectKeys: client ? client.cached().keys() : [], files: files.keys() }, cursor),
    [client, files],
  );

  return { chunks, running, history, submit, interrupt, clear, complete, append };
}
