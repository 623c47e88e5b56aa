/**
 * Classes, members and progress events over the storage adapter. Every write that the instructor's page must
 * see ends with a NOTIFY on CLASS_CHANNEL so any app process serving that class can push it out (see hub.ts).
 */
import type { ClassroomDb } from './db';
import { hashSecret, newId, newInstructorKey, newJoinCode, newRejoinCode, secretMatches } from './codes';
import { CLASS_CHANNEL } from './schema';
import type { EventRow, MemberRow } from './room-model';
import type { ProgressEvent } from './validation';

export interface ClassInfo {
  id: string;
  code: string;
  name: string;
  lessons: string[];
  createdAt: number;
  expiresAt: number;
}

/** An error the API turns into a Korean 4xx answer. */
export class ClassroomError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ClassroomError';
  }
}

const NOT_FOUND = '수업을 찾을 수 없습니다. 참여 코드를 확인하거나 강사에게 새 코드를 받으세요.';
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
/** Cap per class so a runaway browser cannot fill the disk. */
export const MAX_MEMBERS = 400;

type ClassDbRow = { id: string; code: string; name: string; lessons: string[]; key_hash: string; created_at: Date; expires_at: Date };
type EventDbRow = { id: string | number; member_id: string; at: Date; kind: EventRow['kind']; lesson: string | null; item: string | null; ok: boolean | null; detail: string | null; score: number | null; total: number | null };

const toInfo = (r: ClassDbRow): ClassInfo => ({ id: r.id, code: r.code, name: r.name, lessons: r.lessons, createdAt: +r.created_at, expiresAt: +r.expires_at });

export class ClassroomService {
  constructor(
    readonly db: ClassroomDb,
    private readonly opts: { retentionMs?: number; now?: () => number } = {},
  ) {}

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  /** Opens a class; the instructor key is returned once and only its hash is kept. */
  async createClass(input: { name: string; lessons: string[] }): Promise<{ info: ClassInfo; key: string }> {
    const key = newInstructorKey();
    const expires = new Date(this.now() + (this.opts.retentionMs ?? DEFAULT_RETENTION_MS));
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = await this.db.query<ClassDbRow>(
        `INSERT INTO classes (id, code, name, lessons, key_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO NOTHING RETURNING *`,
        [newId(), newJoinCode(), input.name, JSON.stringify(input.lessons), hashSecret(key), new Date(this.now()), expires],
      );
      if (rows[0]) return { info: toInfo(rows[0]), key };
    }
    throw new Error('참여 코드를 만들지 못했습니다.');
  }

  /** The live (unexpired) class behind a join code, or a 404 ClassroomError. */
  async byCode(code: string): Promise<ClassInfo> {
    const rows = await this.db.query<ClassDbRow>('SELECT * FROM classes WHERE code = $1 AND expires_at > $2', [code, new Date(this.now())]);
    if (!rows[0]) throw new ClassroomError(404, NOT_FOUND);
    return toInfo(rows[0]);
  }

  /** The class if `key` is its instructor key; otherwise the same 404 as an unknown code (reveals nothing). */
  async asInstructor(code: string, key: string): Promise<ClassInfo> {
    const rows = await this.db.query<ClassDbRow>('SELECT * FROM classes WHERE code = $1 AND expires_at > $2', [code, new Date(this.now())]);
    if (!rows[0] || !secretMatches(key, rows[0].key_hash)) throw new ClassroomError(404, NOT_FOUND);
    return toInfo(rows[0]);
  }

  async join(code: string, nickname: string): Promise<{ info: ClassInfo; member: MemberRow; rejoin: string }> {
    const info = await this.byCode(code);
    const rejoin = newRejoinCode();
    const member = await this.db.transaction(async (tx) => {
      // Serialise joins per class so the member cap holds under concurrency.
      await tx.query('SELECT id FROM classes WHERE id = $1 FOR UPDATE', [info.id]);
      const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM members WHERE class_id = $1', [info.id]);
      if (n >= MAX_MEMBERS) throw new ClassroomError(409, `이 수업은 정원(${MAX_MEMBERS}명)이 찼습니다.`);
      const taken = await tx.query('SELECT 1 FROM members WHERE class_id = $1 AND nickname = $2', [info.id, nickname]);
      if (taken.length) throw new ClassroomError(409, '이미 쓰고 있는 닉네임입니다. 다른 닉네임을 골라 주세요.');
      const [row] = await tx.query<{ id: string; nickname: string; joined_at: Date }>(
        'INSERT INTO members (id, class_id, nickname, token_hash, joined_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, nickname, joined_at',
        [newId(), info.id, nickname, hashSecret(rejoin), new Date(this.now())],
      );
      return { id: row.id, nickname: row.nickname, joinedAt: +row.joined_at };
    });
    await this.db.notify(CLASS_CHANNEL, info.id);
    return { info, member, rejoin };
  }

  /** A student coming back (another device, a reload) with their rejoin code. */
  async member(code: string, rejoin: string): Promise<{ info: ClassInfo; member: MemberRow }> {
    const info = await this.byCode(code);
    const rows = await this.db.query<{ id: string; nickname: string; joined_at: Date }>('SELECT id, nickname, joined_at FROM members WHERE class_id = $1 AND token_hash = $2', [info.id, hashSecret(rejoin)]);
    if (!rows[0]) throw new ClassroomError(404, '재참여 코드가 맞지 않습니다. 코드를 다시 확인해 주세요.');
    return { info, member: { id: rows[0].id, nickname: rows[0].nickname, joinedAt: +rows[0].joined_at } };
  }

  /**
   * Stores one batch from a student's browser in one statement, then tells every process. Events whose key
   * this member already sent are skipped; returns how many were new.
   */
  async recordProgress(code: string, rejoin: string, events: ProgressEvent[]): Promise<number> {
    const { info, member } = await this.member(code, rejoin);
    const cols = events.map(flatten);
    const at = new Date(this.now());
    const values: unknown[] = [];
    const tuples = cols.map((c, i) => {
      values.push(info.id, member.id, at, c.kind, c.lesson, c.item, c.ok, c.detail, c.score, c.total, c.key);
      const b = i * 11;
      return `(${Array.from({ length: 11 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    const insert = (tx: Pick<ClassroomDb, 'query'>) =>
      tx.query(
        `INSERT INTO events (class_id, member_id, at, kind, lesson, item, ok, detail, score, total, event_key) VALUES ${tuples.join(', ')}
         ON CONFLICT (member_id, event_key) DO NOTHING RETURNING id`,
        values,
      );
    // One connection (embedded) commits in id order by itself; several need the per-class lock.
    const stored = this.db.concurrentWriters ? await this.db.transaction(async (tx) => (await lockClassEvents(tx, info.id), insert(tx))) : await insert(this.db);
    if (stored.length > 0) await this.db.notify(CLASS_CHANNEL, info.id);
    return stored.length;
  }

  async members(classId: string): Promise<MemberRow[]> {
    const rows = await this.db.query<{ id: string; nickname: string; joined_at: Date }>('SELECT id, nickname, joined_at FROM members WHERE class_id = $1 ORDER BY joined_at, id', [classId]);
    return rows.map((r) => ({ id: r.id, nickname: r.nickname, joinedAt: +r.joined_at }));
  }

  /** Events after `afterId`, oldest first, at most `limit` (the caller pages on). */
  async eventsSince(classId: string, afterId: number, limit = 2000): Promise<EventRow[]> {
    const rows = await this.db.query<EventDbRow>('SELECT id, member_id, at, kind, lesson, item, ok, detail, score, total FROM events WHERE class_id = $1 AND id > $2 ORDER BY id LIMIT $3', [classId, afterId, limit]);
    return rows.map((r) => ({ id: Number(r.id), memberId: r.member_id, at: +r.at, kind: r.kind, lesson: r.lesson, item: r.item, ok: r.ok, detail: r.detail, score: r.score, total: r.total }));
  }

  /** Deletes a class with its members and events (ON DELETE CASCADE). */
  async deleteClass(code: string, key: string): Promise<void> {
    const info = await this.asInstructor(code, key);
    await this.db.query('DELETE FROM classes WHERE id = $1', [info.id]);
    await this.db.notify(CLASS_CHANNEL, info.id);
  }

  /** Removes every expired class with everything in it; returns how many classes went. */
  async purgeExpired(): Promise<number> {
    const rows = await this.db.query('DELETE FROM classes WHERE expires_at <= $1 RETURNING id', [new Date(this.now())]);
    return rows.length;
  }
}

/**
 * Serialises a class's event inserts until the transaction ends. The hub reads events after the last id it
 * saw; on PostgreSQL two concurrent inserts could take ids N and N+1 but commit N+1 first, and a read between
 * the commits would skip N forever. With the lock, ids of one class commit in order. (Embedded: one
 * connection, already in order, so no lock.)
 */
export async function lockClassEvents(tx: Pick<ClassroomDb, 'query'>, classId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`events:${classId}`]);
}

function flatten(e: ProgressEvent) {
  const base = { kind: e.kind, key: e.key ?? null, lesson: e.lesson ?? null, item: null as string | null, ok: null as boolean | null, detail: null as string | null, score: null as number | null, total: null as number | null };
  switch (e.kind) {
    case 'step':
      return { ...base, item: e.step };
    case 'check':
      return { ...base, item: e.exercise, ok: e.ok, detail: e.feedback ?? null };
    case 'quiz':
      return { ...base, score: e.score, total: e.total };
    case 'kubectl-error':
      return { ...base, item: e.hint ?? null, detail: e.errorClass };
  }
}
