/**
 * Reading a process's output at a moment: the lines written up to `until`, including a repeating loop's lines
 * (computed from its formula, newest `max` only, so O(max) however long it has run).
 */
import type { OutputLine, ShellResult } from './types';

export interface TimedText {
  /** epoch ms the line was written */
  at: number;
  text: string;
  stream?: 'stderr';
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox `date` output for an epoch ms. */
export function dateLine(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function timed(l: OutputLine, startedAt: number, offset: number): TimedText {
  const at = startedAt + offset + l.at;
  return { at, text: l.date ? dateLine(at) : l.text, ...(l.stream ? { stream: l.stream } : {}) };
}

/**
 * Lines of `run` (started at `startedAt`) written at or before `until`, oldest first, at most the newest `max`.
 * `until` is the reading time, or when the process stopped if it was stopped earlier.
 */
export function linesUntil(run: ShellResult, startedAt: number, until: number, max = Infinity): TimedText[] {
  const end = Math.min(until, startedAt + run.exitAtMs);
  const out: TimedText[] = [];
  for (const l of run.lines) if (startedAt + l.at <= end) out.push(timed(l, startedAt, 0));
  const loop = run.loop;
  if (loop && loop.lines.length && startedAt + loop.from <= end) {
    const elapsed = end - startedAt - loop.from;
    const iterations = Math.floor(elapsed / loop.period) + 1;
    // only the iterations that can contribute to the newest `max` lines
    const need = max === Infinity ? iterations : Math.min(iterations, Math.ceil(max / loop.lines.length) + 1);
    for (let i = iterations - need; i < iterations; i++)
      for (const l of loop.lines) {
        const offset = loop.from + i * loop.period;
        if (startedAt + offset + l.at <= end) out.push(timed(l, startedAt, offset));
      }
  }
  return out.length > max ? out.slice(out.length - max) : out;
}
