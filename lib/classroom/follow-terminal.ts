/**
 * The instructor's terminal while broadcasting (issue 17: followers see the instructor's cluster "in their own
 * graph and terminal output"). Each kubectl line the instructor runs travels with the broadcast as its command
 * line and the output the instructor saw, capped, numbered per broadcast so a resent post or a reconnect adds
 * nothing twice. The server keeps only the last few; a follower prints them as `강사$ …`, apart from their own.
 */
import { z } from '../validation/zod';

export const MAX_ECHO_LINE = 500;
export const MAX_ECHO_OUTPUT = 4_000;
/** Per post, and what the server keeps for a student who starts following later. */
export const MAX_ECHOES_PER_POST = 20;
export const KEPT_ECHOES = 30;

const ERROR = { error: '강사 터미널 기록 형식이 올바르지 않습니다.' };
export const terminalEchoSchema = z.object({
  seq: z.number(ERROR).int(ERROR).min(0, ERROR).max(1e9, ERROR),
  line: z.string(ERROR).max(MAX_ECHO_LINE, { error: '강사 터미널 명령이 너무 깁니다.' }),
  output: z.string(ERROR).max(MAX_ECHO_OUTPUT + 100, { error: '강사 터미널 출력이 너무 깁니다.' }),
});
export type TerminalEcho = z.infer<typeof terminalEchoSchema>;
export const terminalEchoesSchema = z.array(terminalEchoSchema).max(MAX_ECHOES_PER_POST, { error: `강사 터미널 기록은 한 번에 ${MAX_ECHOES_PER_POST}줄까지입니다.` });

const CUT_NOTE = '\n… (출력이 길어 앞부분만 보여요)\n';

/** One command as the instructor saw it, cut to fit a broadcast (the start of the output is what explains it). */
export function echoOf(seq: number, line: string, output: string): TerminalEcho {
  return {
    seq,
    line: line.length > MAX_ECHO_LINE ? line.slice(0, MAX_ECHO_LINE) : line,
    output: output.length > MAX_ECHO_OUTPUT ? output.slice(0, MAX_ECHO_OUTPUT) + CUT_NOTE : output,
  };
}

/** The server's kept tail after a post: only numbers past what it has (a resend adds nothing), the last KEPT_ECHOES. */
export function mergeEchoes(kept: readonly TerminalEcho[], incoming: readonly TerminalEcho[]): TerminalEcho[] {
  let last = kept.length ? kept[kept.length - 1].seq : -1;
  const next = [...kept];
  for (const e of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (e.seq <= last) continue;
    next.push(e);
    last = e.seq;
  }
  return next.slice(-KEPT_ECHOES);
}

/** Echoes numbered after `afterSeq`, in order: what a hub or a follower has not shown yet. */
export function echoesAfter(echoes: readonly TerminalEcho[] | undefined, afterSeq: number): TerminalEcho[] {
  return (echoes ?? []).filter((e) => e.seq > afterSeq);
}

/** What a following student's terminal prints: the instructor's prompt and line, then its output. */
export function echoLines(e: TerminalEcho): { prompt: string; output: string } {
  return { prompt: `강사$ ${e.line}\n`, output: e.output === '' || e.output.endsWith('\n') ? e.output : `${e.output}\n` };
}

/**
 * A follower's place in the instructor's terminal: which lines it has printed. A new session (the instructor
 * reset or reloaded, numbering may start again) starts over; a reconnect's snapshot repeats nothing.
 */
export class EchoCursor {
  private session: string | null = null;
  private seq = -1;

  take(session: string, echoes: readonly TerminalEcho[] | undefined): TerminalEcho[] {
    if (session !== this.session) {
      this.session = session;
      this.seq = -1;
    }
    const fresh = echoesAfter(echoes, this.seq);
    if (fresh.length) this.seq = fresh[fresh.length - 1].seq;
    return fresh;
  }
}

function channel<T>() {
  const listeners = new Set<(v: T) => void>();
  return {
    publish: (v: T) => listeners.forEach((l) => l(v)),
    listen: (l: (v: T) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}

/** The Playground terminal announces each line it ran and what it printed; only a live broadcaster listens. */
export const commandsRun = channel<{ line: string; output: string }>();
/** A following student's bar hands the terminal the instructor's lines to print. */
export const followedCommands = channel<TerminalEcho>();
