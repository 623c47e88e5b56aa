'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { completeKubectl, executeKubectl } from '@/lib/kubectl';
import { announceKubectlError } from '@/lib/classroom/signals';
import { commandsRun, echoLines, followedCommands } from '@/lib/classroom/follow-terminal';
import { runMachineLine } from '@/lib/machines/run-line';
import type { MachineShell } from '@/lib/machines';

export interface OutputChunk {
  id: number;
  text: string;
  /** `instructor`: a line the instructor ran, shown while following their broadcast. */
  stream: 'stdout' | 'stderr' | 'input' | 'info' | 'instructor';
}

const MAX_CHUNKS = 3000;

/**
 * The terminal's state: output, history, the running command (abortable) and the commands waiting for it.
 * Like a shell's type-ahead, a line entered while a command runs (or while the cluster starts) waits in a
 * visible queue and runs in order once the terminal is free; Ctrl+C stops only the running command.
 */
/** A line waiting to run, and the machine to log into first (a lesson's "실행" button for that machine). */
interface QueuedLine {
  line: string;
  machine?: string;
}

export function useTerminalSession(
  client: ClusterClient | null,
  files: ReadonlyMap<string, string>,
  welcome: string,
  machineShell?: () => MachineShell | null,
  selectMachine?: (name: string) => void,
  /** Journals each line run on a machine (the machines lab's save). */
  recordMachineLine?: ((machine: string, line: string) => void) | null,
) {
  const [chunks, setChunks] = useState<OutputChunk[]>(() => [{ id: -1, text: welcome, stream: 'info' }]);
  const [running, setRunning] = useState(false);
  const [queued, setQueued] = useState<readonly string[]>([]);
  const history = useRef<string[]>([]);
  const controller = useRef<AbortController | null>(null);
  const queue = useRef<QueuedLine[]>([]);
  const pumping = useRef(false);
  const clientRef = useRef(client);
  const machineRef = useRef(machineShell);
  const selectRef = useRef(selectMachine);
  const recordRef = useRef(recordMachineLine);
  useEffect(() => {
    machineRef.current = machineShell;
    selectRef.current = selectMachine;
    recordRef.current = recordMachineLine;
  }, [machineShell, selectMachine, recordMachineLine]);
  /** the logged-in machine's prompt (`ubuntu@master:~$ `), or null on the plain kubectl terminal */
  const [shellPrompt, setShellPrompt] = useState<string | null>(null);
  const nextId = useRef(0);
  /** An interactive command (`kubectl exec -it … -- sh`) waiting for the next typed line, and lines typed ahead for it. */
  const reader = useRef<{ prompt: string; resolve: (line: string | null) => void } | null>(null);
  const shellTypeAhead = useRef<string[] | null>(null);
  const [prompt, setPrompt] = useState<string | null>(null);

  const append = useCallback((text: string, stream: OutputChunk['stream']) => {
    setChunks((prev) => {
      const next = [...prev, { id: nextId.current++, text, stream }];
      return next.length > MAX_CHUNKS ? next.slice(next.length - MAX_CHUNKS) : next;
    });
  }, []);

  const clear = useCallback(() => setChunks([]), []);

  // Following the instructor: their commands and output appear here, styled apart from this student's own.
  useEffect(
    () =>
      followedCommands.listen((e) => {
        const { prompt, output } = echoLines(e);
        append(prompt, 'instructor');
        if (output) append(output, 'instructor');
      }),
    [append],
  );

  /** What a running command reads from the user (the container shell's prompt and line). */
  const readLine = useCallback(
    (text: string) =>
      new Promise<string | null>((resolve) => {
        shellTypeAhead.current ??= [];
        const ahead = shellTypeAhead.current.shift();
        if (ahead !== undefined) {
          append(`${text}${ahead}\n`, 'input');
          return resolve(ahead);
        }
        reader.current = { prompt: text, resolve };
        setPrompt(text);
      }),
    [append],
  );

  /** Hands a typed line (or null: Ctrl+D / Ctrl+C) to the waiting interactive command. */
  const answerReader = useCallback(
    (line: string | null) => {
      const r = reader.current;
      if (!r) return false;
      reader.current = null;
      setPrompt(null);
      append(line === null ? `${r.prompt}\n` : `${r.prompt}${line}\n`, 'input');
      r.resolve(line);
      return true;
    },
    [append],
  );

  const runLine = useCallback(
    async (line: string, cluster: ClusterClient) => {
      const trimmed = line.trim();
      const shell = machineRef.current?.() ?? null;
      append(`${shell ? shell.prompt() : '$ '}${line}\n`, 'input');
      if (trimmed === 'clear') return clear();
      if (trimmed === '') return;
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      try {
        let stderr = '';
        let printed = '';
        const ctx = {
          client: cluster,
          write: (text: string, stream: 'stdout' | 'stderr') => {
            if (stream === 'stderr') stderr += text;
            // Only the start is ever broadcast (follow-terminal.ts caps it); do not grow without bound.
            if (printed.length < 8_000) printed += text;
            append(text, stream);
          },
          signal: abort.signal,
          now: () => cluster.time?.now() ?? Date.now(),
          readLine,
        };
        // on a machine the line is bash (kubectl inside it reaches the cluster once a kubeconfig is in place)
        if (shell) recordRef.current?.(shell.name, line);
        const exitCode = shell ? await runMachineLine(shell, line, ctx) : (await executeKubectl(line, { ...ctx, files })).exitCode;
        // A joined student's class hears the kind of mistake (the text never leaves the page).
        if (exitCode !== 0 && !abort.signal.aborted) announceKubectlError(stderr);
        // A broadcasting instructor's class sees this line and what it printed (nobody listens otherwise).
        commandsRun.publish({ line: trimmed, output: printed });
      } finally {
        if (shell) setShellPrompt(shell.prompt());
        controller.current = null;
        reader.current?.resolve(null);
        reader.current = null;
        shellTypeAhead.current = null;
        setPrompt(null);
        setRunning(false);
      }
    },
    [append, clear, files, readLine],
  );

  /** Run queued lines one after another until the queue is empty; one pump at a time. */
  const pump = useCallback(async () => {
    if (pumping.current) return;
    pumping.current = true;
    try {
      while (queue.current.length > 0 && clientRef.current) {
        const { line, machine } = queue.current.shift()!;
        setQueued(queue.current.map((q) => q.line));
        if (machine) selectRef.current?.(machine);
        await runLine(line, clientRef.current);
        // Let the page paint between queued commands (and keep each command its own task, which is how
        // the saved lab counts commands).
        if (queue.current.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      pumping.current = false;
    }
  }, [runLine]);

  useEffect(() => {
    clientRef.current = client;
    if (client) void pump();
  }, [client, pump]);

  /**
   * Run now, or after what is running or queued (typed lines and lesson "실행" buttons alike). With `machine`, the
   * terminal logs into that machine just before the line runs, so queued lines for different machines stay apart.
   */
  const submit = useCallback(
    (line: string, machine?: string) => {
      // an interactive shell is running: the line is its input, not a kubectl command
      if (answerReader(line)) return;
      if (shellTypeAhead.current) {
        shellTypeAhead.current.push(line);
        return;
      }
      const trimmed = line.trim();
      if (trimmed !== '' && history.current[history.current.length - 1] !== trimmed) history.current.push(trimmed);
      queue.current.push({ line, machine });
      setQueued(queue.current.map((q) => q.line));
      void pump();
    },
    [pump, answerReader],
  );

  /** Ctrl+D: end of input for an interactive shell (it exits, like `exit`). */
  const endOfInput = useCallback(() => answerReader(null), [answerReader]);

  /** Ctrl+C: stop the running command, printing ^C like a shell; queued lines then run. */
  const interrupt = useCallback(() => {
    if (controller.current) {
      append('^C\n', 'info');
      controller.current.abort();
      reader.current?.resolve(null);
      reader.current = null;
      setPrompt(null);
    }
  }, [append]);

  /** Drop every queued line (the running command keeps running). */
  const cancelQueued = useCallback(() => {
    if (queue.current.length === 0) return;
    append(`(대기 중이던 명령 ${queue.current.length}개를 취소했어요)\n`, 'info');
    queue.current = [];
    setQueued([]);
  }, [append]);

  useEffect(
    () => () => {
      queue.current = [];
      controller.current?.abort();
    },
    [],
  );

  const complete = useCallback(
    (line: string, cursor: number) => {
      const sources = { objectKeys: client ? client.cached().keys() : [], files: files.keys() };
      const shell = machineRef.current?.();
      if (!shell) return completeKubectl(line, sources, cursor);
      // bash completes kubectl (and an alias like k) only after `source <(kubectl completion bash)` / `complete -F`
      const target = shell.kubectlCompletionFor(line);
      if (!target) return { from: cursor, candidates: [], common: '' };
      const delta = target.kubectlLine.length - line.length;
      const r = completeKubectl(target.kubectlLine, sources, cursor + delta);
      return { ...r, from: Math.max(0, r.from - delta) };
    },
    [client, files],
  );

  /** Shows the prompt of the machine the terminal now types into. */
  const refreshShellPrompt = useCallback(() => setShellPrompt(machineRef.current?.()?.prompt() ?? null), []);

  return { chunks, running, queued, history, submit, interrupt, cancelQueued, clear, complete, append, prompt, endOfInput, shellPrompt, refreshShellPrompt };
}
