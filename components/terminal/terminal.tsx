'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import { useTerminalSession, type OutputChunk } from './use-terminal-session';
import { useMachineShells } from './use-machine-shells';
import { MachineSelector } from './machine-selector';
import { MACHINE_SPECS } from '@/lib/machines/machines';

const STREAM_CLASS: Record<OutputChunk['stream'], string> = {
  stdout: 'text-zinc-100',
  stderr: 'text-rose-300',
  input: 'text-emerald-300',
  info: 'text-zinc-400',
  instructor: 'text-violet-300',
};

const WELCOME = "kubectl 연습 터미널이에요. 'help'로 명령 목록을, Tab으로 자동 완성을 쓸 수 있어요.\n";
const MACHINES_WELCOME =
  '아직 클러스터가 없는 머신 세 대(master, worker-1, worker-2)예요. 위에서 머신을 골라 접속한 뒤, master에서 sudo kubeadm init으로 시작하세요.\n';

/** The kubectl terminal: output log, prompt with history (↑/↓), Tab completion, Ctrl+C / Ctrl+L. */
export function Terminal() {
  const { client, bus, machines, recordMachineLine } = usePlayground();
  const shells = useMachineShells(machines);
  // the session prints the "ssh" line, but is made after connect (it takes connect), so connect reaches it by ref
  const appendRef = useRef<((text: string, stream: OutputChunk['stream']) => void) | null>(null);
  const { active: activeMachine, select: selectMachine, activeNow } = shells;
  const connect = useCallback(
    (name: string) => {
      const spec = MACHINE_SPECS.find((m) => m.name === name);
      if (!spec || name === activeNow()) return;
      appendRef.current?.(`── ssh ubuntu@${name} (${spec.ip}) ──\n`, 'info');
      selectMachine(name);
    },
    [selectMachine, activeNow],
  );
  const session = useTerminalSession(client, bus.files, machines ? MACHINES_WELCOME : WELCOME, machines ? shells.current : undefined, machines ? connect : undefined, recordMachineLine);
  const { chunks, running, queued, history, submit, interrupt, cancelQueued, clear, complete, append, prompt, endOfInput, shellPrompt, refreshShellPrompt } = session;
  useEffect(() => {
    appendRef.current = append;
  }, [append]);
  useEffect(refreshShellPrompt, [activeMachine, machines, refreshShellPrompt]);
  const [value, setValue] = useState('');
  const historyIndex = useRef<number | null>(null);
  const draft = useRef('');
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => bus.onRunCommand((cmd, machine) => submit(cmd, machines ? machine : undefined)), [bus, submit, machines]);
  // a scenario's machine line already ran: show it in that machine's session, as if typed there
  useEffect(
    () =>
      bus.onShowMachineLine(({ machine, label, output }) => {
        connect(machine);
        append(`${label}\n`, 'input');
        if (output) append(output, 'stdout');
        refreshShellPrompt();
      }),
    [bus, connect, append, refreshShellPrompt],
  );

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chunks, queued]);
  // Output that arrived while the log was hidden (the phone's 학습 tab, a folded panel) could not scroll it: a hidden
  // element has no height and forgets its scroll position. Show the latest lines when it appears again.
  useEffect(() => {
    const el = log.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let wasHidden = el.clientHeight === 0;
    const observer = new ResizeObserver(() => {
      const hidden = el.clientHeight === 0;
      if (wasHidden && !hidden) el.scrollTop = el.scrollHeight;
      wasHidden = hidden;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const escapedBeforeTab = useRef(false);

  // Where the caret goes once a new line (history, completion) is in the input. It is placed in the same commit that
  // writes the value, so a select-all or a keystroke that follows can never be undone by a late frame; a fresh object
  // each time, so recalling the line already shown still moves the caret.
  const [caret, setCaret] = useState<{ at: number } | null>(null);
  useLayoutEffect(() => {
    if (caret) input.current?.setSelectionRange(caret.at, caret.at);
  }, [caret]);

  const setLine = (line: string, at = line.length) => {
    setValue(line);
    setCaret({ at });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Tab completes, so a keyboard user leaves with Shift+Tab or Esc then Tab (no keyboard trap, WCAG 2.1.2)
    const leaving = e.key === 'Tab' && (e.shiftKey || escapedBeforeTab.current);
    escapedBeforeTab.current = e.key === 'Escape';
    if (leaving) return;
    if (e.ctrlKey && (e.key === 'c' || e.key === 'C')) {
      const selected = window.getSelection()?.toString();
      if (running || !selected) {
        e.preventDefault();
        if (running) interrupt();
        else {
          append(`$ ${value}^C\n`, 'input');
          setValue('');
        }
      }
      return;
    }
    if (e.ctrlKey && (e.key === 'd' || e.key === 'D') && prompt !== null) {
      e.preventDefault();
      endOfInput();
      return;
    }
    if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      clear();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      historyIndex.current = null;
      submit(value);
      setValue('');
      return;
    }
    if (prompt !== null && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'Tab')) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const list = history.current;
      if (list.length === 0) return;
      e.preventDefault();
      if (historyIndex.current === null) {
        if (e.key === 'ArrowDown') return;
        draft.current = value;
        historyIndex.current = list.length - 1;
      } else {
        historyIndex.current += e.key === 'ArrowUp' ? -1 : 1;
      }
      if (historyIndex.current < 0) historyIndex.current = 0;
      if (historyIndex.current >= list.length) {
        historyIndex.current = null;
        setLine(draft.current);
      } else setLine(list[historyIndex.current]);
      return;
    }
    if (e.key === 'Tab') {
      e.preventDefault();
      const cursor = e.currentTarget.selectionStart ?? value.length;
      const result = complete(value, cursor);
      if (result.candidates.length === 0) return;
      const word = value.slice(result.from, cursor);
      let insert = result.common;
      if (result.candidates.length === 1 && !/[=/]$/.test(insert)) insert += ' ';
      if (insert.length > word.length) {
        setLine(value.slice(0, result.from) + insert + value.slice(cursor), result.from + insert.length);
      } else if (result.candidates.length > 1) {
        append(`$ ${value}\n${result.candidates.join('  ')}\n`, 'info');
      }
    }
  };

  return (
    <div
      className="flex h-full min-h-0 flex-col bg-zinc-950 font-mono text-[13px] leading-5 text-zinc-100"
      onClick={() => {
        if (!window.getSelection()?.toString()) input.current?.focus();
      }}
    >
      {machines && <MachineSelector machines={MACHINE_SPECS} active={activeMachine} onSelect={connect} />}
      <div ref={log} role="log" aria-label="kubectl 출력" aria-live="polite" tabIndex={0} className="min-h-0 flex-1 overflow-auto px-3 pt-2 select-text focus-visible:outline-1 focus-visible:outline-emerald-500">
        {chunks.map((c) => (
          <pre key={c.id} className={`${c.stream === 'stdout' ? 'whitespace-pre' : 'whitespace-pre-wrap break-words'} ${STREAM_CLASS[c.stream]}`}>
            {c.text}
          </pre>
        ))}
        {queued.length > 0 && <QueuedLines lines={queued} waitingFor={client ? '앞 명령이 끝나면' : '클러스터가 준비되면'} onCancel={cancelQueued} />}
      </div>
      <div className="flex shrink-0 items-center gap-2 border-t border-zinc-800 px-3 py-1.5 focus-within:bg-zinc-900 focus-within:ring-1 focus-within:ring-emerald-500/60">
        <span aria-hidden="true" className="max-w-[45%] shrink-0 truncate whitespace-pre text-emerald-400" data-terminal-prompt>
          {prompt ?? (running ? '…' : (shellPrompt ?? '$'))}
        </span>
        <input
          ref={input}
          value={value}
          onChange={(e) => {
            historyIndex.current = null;
            setValue(e.target.value);
          }}
          onKeyDown={onKeyDown}
          aria-label={prompt !== null ? '컨테이너 셸 입력' : machines ? `${activeMachine} 셸 입력` : 'kubectl 명령 입력'}
          aria-describedby="terminal-help"
          placeholder={prompt !== null ? '컨테이너 안의 셸이에요 — exit 또는 Ctrl+D로 나가요' : running ? '실행 중… Ctrl+C로 멈출 수 있어요' : machines ? 'hostname, sudo kubeadm init …' : client ? 'kubectl get pods' : '클러스터를 준비하는 중…'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          className="min-w-0 flex-1 bg-transparent text-zinc-100 caret-emerald-400 outline-none placeholder:text-zinc-500"
        />
        {running && (
          <button type="button" onClick={interrupt} className="rounded border border-zinc-700 px-2 py-0.5 text-xs text-zinc-300 hover:bg-zinc-800">
            중지 (Ctrl+C)
          </button>
        )}
      </div>
      <p id="terminal-help" className="sr-only">
        Enter로 실행, 위아래 화살표로 이전 명령, Tab으로 자동 완성, Ctrl+C로 중지, Ctrl+L로 화면 지우기. 터미널에서 나가려면 Shift+Tab, 또는 Esc를 누른 뒤 Tab
      </p>
    </div>
  );
}

/** Lines entered while the terminal is busy, shown after the output like a shell's type-ahead. */
function QueuedLines({ lines, waitingFor, onCancel }: { lines: readonly string[]; waitingFor: string; onCancel: () => void }) {
  return (
    <div className="mt-1 border-l-2 border-amber-400/70 pl-2 text-zinc-300" data-terminal-queue>
      <div className="flex flex-wrap items-center gap-x-2 font-sans text-xs text-amber-200">
        <span>
          대기 중 {lines.length}개 · {waitingFor} 차례로 실행해요
        </span>
        <button type="button" onClick={onCancel} className="rounded border border-zinc-600 px-1.5 text-[11px] text-zinc-200 hover:bg-zinc-800">
          대기 취소
        </button>
      </div>
      <ol aria-label="대기 중인 명령">
        {lines.map((line, i) => (
          <li key={i} className="whitespace-pre-wrap break-words">
            <span aria-hidden="true" className="text-amber-200/80">
              대기 <span className="text-zinc-500">$</span>{' '}
            </span>
            {line || ' '}
          </li>
        ))}
      </ol>
    </div>
  );
}
