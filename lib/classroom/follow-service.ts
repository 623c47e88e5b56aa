/**
 * Follow me on the storage adapter: the instructor's broadcast (its recipe, ordered writes and clock) and
 * the lesson the class was sent to. Every change ends with a NOTIFY on FOLLOW_CHANNEL so each app process's
 * follow hub (follow-hub.ts) pushes it to the students it serves.
 */
import type { LabEntry } from '@/lib/store/lab-session';
import type { ClassroomDb } from './db';
import { FOLLOW_CHANNEL } from './schema';
import { ClassroomError } from './service';
import { mergeEchoes, type TerminalEcho } from './follow-terminal';
import { MAX_FOLLOW_CHARS, type FollowClock, type FollowNav, type FollowPost, type FollowSnapshot } from './follow-protocol';

type Broadcast = Extract<FollowPost, { kind: 'broadcast' }>;

/** The broadcast without its entries: what the hub reads on every clock tick. */
export interface FollowHead {
  session: string;
  seed: number;
  setup: string[];
  settleMs: number;
  count: number;
  clock: FollowClock;
  terminal: TerminalEcho[];
}

/** The instructor's view is behind: resend from `have`. */
export class FollowGapError extends ClassroomError {
  constructor(readonly have: number) {
    super(409, `방송 기록이 어긋났습니다. ${have}번째부터 다시 보내야 합니다.`);
  }
}

type HeadRow = { session: string; seed: number; setup: string[]; settle_ms: number; entry_count: number; entry_chars: number; clock: FollowClock; terminal: TerminalEcho[] };
const toHead = (r: HeadRow): FollowHead => ({ session: r.session, seed: r.seed, setup: r.setup, settleMs: r.settle_ms, count: r.entry_count, clock: r.clock, terminal: r.terminal ?? [] });

export class FollowService {
  constructor(
    private readonly db: ClassroomDb,
    private readonly lessonTitle: (slug: string) => string | null,
  ) {}

  /**
   * Appends one post's entries at `from`. `from` 0 with a new session id starts (or replaces) the broadcast;
   * any other mismatch is a FollowGapError naming where this class's record ends.
   */
  async broadcast(classId: string, post: Broadcast): Promise<number> {
    const chars = JSON.stringify(post.entries).length;
    const count = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<HeadRow>('SELECT * FROM follow_sessions WHERE class_id = $1 FOR UPDATE', [classId]);
      const same = row?.session === post.session;
      const have = same ? row.entry_count : 0;
      if (post.from !== have) throw new FollowGapError(have);
      const total = (same ? row.entry_chars : 0) + chars;
      if (total > MAX_FOLLOW_CHARS) throw new ClassroomError(409, '방송 기록이 너무 깁니다. 실습을 초기화한 뒤 다시 방송해 주세요.');
      if (!same) {
        await tx.query('DELETE FROM follow_sessions WHERE class_id = $1', [classId]);
        await tx.query('INSERT INTO follow_sessions (class_id, session, seed, setup, settle_ms, clock) VALUES ($1, $2, $3, $4, $5, $6)', [
          classId,
          post.session,
          post.seed,
          JSON.stringify(post.setup),
          post.settleMs,
          JSON.stringify(post.clock),
        ]);
      }
      if (post.entries.length > 0) {
        const values: unknown[] = [classId];
        const tuples = post.entries.map((e, i) => {
          values.push(have + i, JSON.stringify(e));
          return `($1, $${2 * i + 2}, $${2 * i + 3})`;
        });
        await tx.query(`INSERT INTO follow_entries (class_id, seq, entry) VALUES ${tuples.join(', ')}`, values);
      }
      const next = have + post.entries.length;
      const terminal = mergeEchoes(same ? (row.terminal ?? []) : [], post.terminal ?? []);
      await tx.query('UPDATE follow_sessions SET entry_count = $2, entry_chars = $3, clock = $4, terminal = $5, updated_at = now() WHERE class_id = $1', [
        classId,
        next,
        total,
        JSON.stringify(post.clock),
        JSON.stringify(terminal),
      ]);
      return next;
    });
    await this.db.notify(FOLLOW_CHANNEL, classId);
    return count;
  }

  async stop(classId: string): Promise<void> {
    await this.db.query('DELETE FROM follow_sessions WHERE class_id = $1', [classId]);
    await this.db.notify(FOLLOW_CHANNEL, classId);
  }

  /** Sends the class to a lesson the class has (and a heading on it); the title comes from the content. */
  async navigate(classId: string, lessons: string[], lesson: string, anchor: string | undefined): Promise<FollowNav> {
    const title = this.lessonTitle(lesson);
    if (!title || !lessons.includes(lesson)) throw new ClassroomError(400, '이 수업에 없는 레슨입니다.');
    const [row] = await this.db.query<{ version: number }>(
      `INSERT INTO class_nav (class_id, lesson, anchor, version) VALUES ($1, $2, $3, 1)
       ON CONFLICT (class_id) DO UPDATE SET lesson = $2, anchor = $3, version = class_nav.version + 1, sent_at = now() RETURNING version`,
      [classId, lesson, anchor ?? null],
    );
    await this.db.notify(FOLLOW_CHANNEL, classId);
    return { lesson, anchor: anchor ?? null, title, version: row.version };
  }

  async head(classId: string): Promise<FollowHead | null> {
    const [row] = await this.db.query<HeadRow>('SELECT * FROM follow_sessions WHERE class_id = $1', [classId]);
    return row ? toHead(row) : null;
  }

  /** Entries `from` (inclusive) up to `to` (exclusive), in order. */
  async entries(classId: string, from: number, to: number): Promise<LabEntry[]> {
    const rows = await this.db.query<{ entry: LabEntry }>('SELECT entry FROM follow_entries WHERE class_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq', [classId, from, to]);
    return rows.map((r) => r.entry);
  }

  async snapshot(classId: string): Promise<FollowSnapshot | null> {
    const head = await this.head(classId);
    if (!head) return null;
    return { session: head.session, seed: head.seed, setup: head.setup, settleMs: head.settleMs, clock: head.clock, terminal: head.terminal, entries: await this.entries(classId, 0, head.count) };
  }

  async nav(classId: string): Promise<FollowNav | null> {
    const [row] = await this.db.query<{ lesson: string; anchor: string | null; version: number }>('SELECT lesson, anchor, version FROM class_nav WHERE class_id = $1', [classId]);
    if (!row) return null;
    return { lesson: row.lesson, anchor: row.anchor, version: row.version, title: this.lessonTitle(row.lesson) ?? row.lesson };
  }
}
