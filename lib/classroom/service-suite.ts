/**
 * The classroom service checks every storage backend must pass, run by service.integration.test.ts (embedded)
 * and postgres.integration.test.ts (a real PostgreSQL): one schema, one behaviour.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClassroomDb } from './db';
import { ClassroomError, ClassroomService } from './service';
import { CLASS_CHANNEL } from './schema';
import { RoomModel } from './room-model';

/** `open` opens (or reopens) the same database each time it is called. */
export function classroomServiceSuite(open: () => Promise<ClassroomDb>): void {
  let db: ClassroomDb;
  let clock = Date.parse('2026-11-30T09:00:00Z');
  let service: ClassroomService;

  beforeAll(async () => {
    db = await open();
    service = new ClassroomService(db, { retentionMs: 3600_000, now: () => clock });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

    it('opens a class whose key is stored only as a hash and lets students join by code', async () => {
      const { info, key } = await service.createClass({ name: '월요일 반', lessons: ['01-cluster', '02-pods'] });
      expect(info.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      const stored = await db.query<{ key_hash: string }>('SELECT key_hash FROM classes WHERE id = $1', [info.id]);
      expect(stored[0].key_hash).not.toContain(key);
      expect(stored[0].key_hash).toHaveLength(64);

      const a = await service.join(info.code, '하늘');
      await expect(service.join(info.code, '하늘')).rejects.toThrow('이미 쓰고 있는 닉네임');
      await expect(service.join('ZZZZZZZZ', '바다')).rejects.toBeInstanceOf(ClassroomError);
      // Rejoin on another device with the rejoin code gives back the same member.
      expect((await service.member(info.code, a.rejoin)).member.id).toBe(a.member.id);
      await expect(service.member(info.code, 'AAAAAAAAAAAA')).rejects.toThrow('재참여 코드');
    });

    it('stores a progress batch, notifies listeners, and folds into the room view', async () => {
      const { info } = await service.createClass({ name: '화요일 반', lessons: ['03-replicaset'] });
      const s = await service.join(info.code, '민수');
      const heard: string[] = [];
      const stop = await db.listen(CLASS_CHANNEL, (p) => heard.push(p));
      const fail = { kind: 'check', lesson: '03-replicaset', exercise: 'scale-to-3', ok: false, feedback: 'replicas-mismatch' } as const;
      await service.recordProgress(info.code, s.rejoin, [{ kind: 'step', lesson: '03-replicaset', step: 'intro' }, fail, fail, fail]);
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toContain(info.id);
      await stop();

      const room = new RoomModel();
      room.addMembers(await service.members(info.id));
      room.apply(await service.eventsSince(info.id, 0));
      expect(room.members.get(s.member.id)?.lessons.get('03-replicaset')?.steps.has('intro')).toBe(true);
      expect(room.stuck(s.member.id, clock)).toEqual({ kind: 'failing', lesson: '03-replicaset', exercise: 'scale-to-3', times: 3 });
      expect(room.topMistakes()).toEqual([{ key: 'check|03-replicaset/scale-to-3|replicas-mismatch', count: 3 }]);
    });

    it('stores a keyed event once however often the batch is resent (a reload reports everything again)', async () => {
    const { info } = await service.createClass({ name: '중복 반', lessons: ['pods'] });
    const s = await service.join(info.code, '재전송');
    const other = await service.join(info.code, '옆자리');
    const batch = [
      { kind: 'step', lesson: 'pods', step: 'kubectl get pods', key: 'step.pods.abc.16' },
      { kind: 'kubectl-error', errorClass: 'NotFound', hint: 'hint.NotFound', key: 'once.x1' },
      { kind: 'kubectl-error', errorClass: 'NotFound', hint: 'hint.NotFound', key: 'once.x2' },
    ] as const;
    expect(await service.recordProgress(info.code, s.rejoin, [...batch])).toBe(3);
    expect(await service.recordProgress(info.code, s.rejoin, [...batch])).toBe(0);
    // Keys are per student: another student's same step is their own event.
    expect(await service.recordProgress(info.code, other.rejoin, [batch[0]])).toBe(1);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE class_id = $1', [info.id]);
    expect(rows[0].n).toBe(4);
  });

  it('refuses the class to a wrong key, deletes it with everything in it, and expires old classes', async () => {
      const { info, key } = await service.createClass({ name: '삭제할 반', lessons: ['01-cluster'] });
      const s = await service.join(info.code, '지우');
      await service.recordProgress(info.code, s.rejoin, [{ kind: 'quiz', lesson: '01-cluster', score: 2, total: 3 }]);
      await expect(service.asInstructor(info.code, 'not-the-key')).rejects.toThrow('수업을 찾을 수 없습니다');
      await service.deleteClass(info.code, key);
      expect(await db.query('SELECT 1 FROM events WHERE class_id = $1', [info.id])).toHaveLength(0);
      expect(await db.query('SELECT 1 FROM members WHERE class_id = $1', [info.id])).toHaveLength(0);

      const old = await service.createClass({ name: '지난 반', lessons: ['01-cluster'] });
      clock += 2 * 3600_000;
      await expect(service.byCode(old.info.code)).rejects.toThrow('수업을 찾을 수 없습니다');
      expect(await service.purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(await db.query('SELECT 1 FROM classes WHERE id = $1', [old.info.id])).toHaveLength(0);
    });

    it('reopens an existing data directory without re-running migrations', async () => {
      await db.close();
      db = await open();
      service = new ClassroomService(db, { retentionMs: 3600_000, now: () => clock });
      const applied = await db.query<{ id: number }>('SELECT id FROM classroom_migrations');
      expect(applied.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    }, 60_000);
}
