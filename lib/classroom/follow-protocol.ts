/**
 * Follow me (따라오기): what the instructor's Playground sends and what a following student receives. The
 * simulator is deterministic (same seed + same setup + the same writes at the same simulated times = the same
 * cluster, see lib/store/lab-journal.ts), so a broadcast carries the lab's recipe and its clock, never objects:
 * a student rebuilds the instructor's cluster in a simulator of their own and keeps it in step.
 */
import { z } from '../validation/zod';
import { isLabEntry, MAX_LAB_CHARS, type LabEntry } from '@/lib/store/lab-session';
import { terminalEchoesSchema, type TerminalEcho } from './follow-terminal';

/** The instructor's clock: simulated ms now, whether it runs, how fast. */
const CLOCK_ERROR = { error: '방송 시계 값이 올바르지 않습니다.' };
/** The simulator's clock is an epoch time in ms (it starts at a fixed date), so the bound is generous. */
export const followClockSchema = z.object({
  now: z.number(CLOCK_ERROR).finite(CLOCK_ERROR).min(0, CLOCK_ERROR).max(1e15, CLOCK_ERROR),
  playing: z.boolean(CLOCK_ERROR),
  speed: z.number(CLOCK_ERROR).min(0.5, CLOCK_ERROR).max(60, CLOCK_ERROR),
});
export type FollowClock = z.infer<typeof followClockSchema>;

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, { error: '방송 식별자 형식이 아닙니다.' });
const labEntry = z.custom<LabEntry>(isLabEntry, { error: '방송 기록에 알 수 없는 항목이 있습니다.' });

/** Setup lines are the lesson's own kubectl commands; bounded so a broadcast stays small. */
const setupLine = z.string().max(500, { error: '시작 명령이 너무 깁니다.' });

/**
 * One instructor post. `broadcast` appends `entries` at index `from` of session `session` (from 0 starts or
 * replaces the session); `stop` ends it; `nav` sends the class to a lesson (and a heading on it).
 */
export const followPostSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('broadcast'),
      session: sessionId,
      seed: z.number().int().min(0).max(2 ** 31 - 1),
      setup: z.array(setupLine).max(60, { error: '시작 명령은 60줄까지입니다.' }),
      settleMs: z.number().int().min(0).max(3_600_000),
      from: z.number().int().min(0).max(100_000),
      entries: z.array(labEntry).max(500, { error: '한 번에 500개까지 보낼 수 있습니다.' }),
      clock: followClockSchema,
      /** The instructor's kubectl lines since the last post (follow-terminal.ts). */
      terminal: terminalEchoesSchema.optional(),
    }),
    z.object({ kind: z.literal('stop') }),
    z.object({
      kind: z.literal('nav'),
      lesson: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: '레슨 식별자 형식이 아닙니다.' }),
      anchor: z
        .string()
        .regex(/^[\p{L}\p{N}_-]{1,80}$/u, { error: '레슨 위치 형식이 아닙니다.' })
        .optional(),
    }),
  ],
  { error: '알 수 없는 따라오기 요청입니다.' },
);
export type FollowPost = z.infer<typeof followPostSchema>;

/** A broadcast's whole recipe is capped like a saved lab: past it the instructor is told to reset first. */
export const MAX_FOLLOW_CHARS = MAX_LAB_CHARS;

/** The start of a broadcast: everything a student needs to rebuild the cluster from nothing. */
export interface FollowSnapshot {
  session: string;
  seed: number;
  setup: string[];
  settleMs: number;
  entries: LabEntry[];
  clock: FollowClock;
  /** The instructor's last terminal commands (absent when none). */
  terminal?: TerminalEcho[];
}

export interface FollowNav {
  lesson: string;
  anchor: string | null;
  title: string;
  version: number;
}

/** What a following student's stream carries (SSE event name = `type`). */
export type FollowMessage =
  | ({ type: 'snapshot' } & FollowSnapshot)
  | { type: 'append'; session: string; from: number; entries: LabEntry[]; clock: FollowClock; terminal?: TerminalEcho[] }
  | { type: 'clock'; session: string; clock: FollowClock; terminal?: TerminalEcho[] }
  | { type: 'stopped' }
  | ({ type: 'nav' } & FollowNav)
  | { type: 'gone' };
