/**
 * The classroom on a real PostgreSQL started by this test (see test-postgres.ts): the same service checks as the
 * embedded database, migrations from two processes at once, and two app-side hubs — each with its own pool and
 * LISTEN connection, as two replicas would have — serving one class: progress stored through one reaches an
 * instructor subscribed on the other within a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassroomDb } from './db';
import { openPostgresDb } from './db-postgres';
import { ClassHub, type ClassUpdate } from './hub';
import { FollowHub } from './follow-hub';
import { FollowService } from './follow-service';
import type { FollowMessage } from './follow-protocol';
import { ClassroomService, lockClassEvents } from './service';
import { CLASS_CHANNEL } from './schema';
import { classroomServiceSuite } from './service-suite';
import { NO_POSTGRES, findPostgresBin, startTestPostgres, type TestPostgres } from './test-postgres';

const binDir = findPostgresBin();
if (!binDir) console.warn(NO_POSTGRES);

let server: TestPostgres;
beforeAll(async () => {
  if (binDir) server = await startTestPostgres(binDir);
}, 120_000);
afterAll(async () => {
  await server?.stop();
}, 20_000);

describe.skipIf(!binDir)(`classroom on PostgreSQL${binDir ? '' : ` — ${NO_POSTGRES}`}`, () => {
  classroomServiceSuite(() => openPostgresDb(server.url));
});

describe.skipIf(!binDir)('two app processes sharing one PostgreSQL', () => {
  const opened: ClassroomDb[] = [];
  let a: { service: ClassroomService; hub: ClassHub };
  let b: { service: ClassroomService; hub: ClassHub };

  beforeAll(async () => {
    // A fresh database so both processes race to apply every migration.
    const admin = await openPostgresDb(server.url);
    await admin.query('CREATE DATABASE replicas');
    await admin.close();
    const url = server.url.replace(/\/postgres$/, '/replicas');
    const [dbA, dbB] = await Promise.all([openPostgresDb(url), openPostgresDb(url)]);
    opened.push(dbA, dbB);
    a = { service: new ClassroomService(dbA), hub: new ClassHub(new ClassroomService(dbA)) };
    b = { service: new ClassroomService(dbB), hub: new ClassHub(new ClassroomService(dbB)) };
    // Generous: on a loaded machine CREATE DATABASE and two racing migrations take a while.
  }, 120_000);
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  it('applied each migration once although both started together', async () => {
    const rows = await a.service.db.query<{ id: number; n: number }>('SELECT id, count(*)::int AS n FROM classroom_migrations GROUP BY id ORDER BY id');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('an instructor on process A sees a join and progress posted to process B within a second', async () => {
    const { info } = await a.service.createClass({ name: '두 서버 반', lessons: ['pods'] });
    const onA: ClassUpdate[] = [];
    const onB: ClassUpdate[] = [];
    const stopA = await a.hub.subscribe(info.id, (u) => onA.push(u));
    const stopB = await b.hub.subscribe(info.id, (u) => onB.push(u));
    const waitFor = async (list: ClassUpdate[], found: (u: ClassUpdate) => boolean) => {
      const start = Date.now();
      while (!list.some(found) && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
      return Date.now() - start;
    };

    const student = await b.service.join(info.code, '둘리');
    const joinMs = await waitFor(onA, (u) => u.type === 'members' && u.members.some((m) => m.nickname === '둘리'));
    expect(joinMs).toBeLessThan(1000);

    await b.service.recordProgress(info.code, student.rejoin, [{ kind: 'check', lesson: 'pods', exercise: 'first-pod', ok: false, feedback: 'image' }]);
    const progressMs = await waitFor(onA, (u) => u.type === 'events' && u.events.some((e) => e.item === 'first-pod' && e.ok === false));
    expect(progressMs).toBeLessThan(1000);
    // Process B's own instructor tab gets it too.
    expect(await waitFor(onB, (u) => u.type === 'events' && u.events.some((e) => e.item === 'first-pod'))).toBeLessThan(1000);

    stopA();
    stopB();
  });

  it('delivers an event whose id commits after a later one (two processes inserting at once)', async () => {
    const { info } = await a.service.createClass({ name: '순서 반', lessons: ['pods'] });
    const first = await a.service.join(info.code, '먼저');
    const second = await b.service.join(info.code, '나중');
    const seen: string[] = [];
    const stop = await a.hub.subscribe(info.id, (u) => u.type === 'events' && u.events.forEach((e) => e.item && seen.push(e.item)));
    // Process A is mid-way through storing a batch: its event has taken an id but is not committed yet.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const slow = a.service.db.transaction(async (tx) => {
      await lockClassEvents(tx, info.id);
      await tx.query("INSERT INTO events (class_id, member_id, kind, lesson, item) VALUES ($1, $2, 'step', 'pods', 'slow-first')", [info.id, first.member.id]);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    // Process B stores a later event meanwhile and notifies; the hub reads before A commits.
    const fast = b.service.recordProgress(info.code, second.rejoin, [{ kind: 'step', lesson: 'pods', step: 'fast-second' }]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([slow, fast]);
    await b.service.db.notify(CLASS_CHANNEL, info.id);
    const start = Date.now();
    while (seen.length < 2 && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 20));
    expect(seen.sort()).toEqual(['fast-second', 'slow-first']);
    stop();
  });

  it("a student served by process B follows the instructor's broadcast posted to process A", async () => {
    const { info } = await a.service.createClass({ name: '따라오기 두 서버', lessons: ['pods'] });
    const title = () => '파드';
    const followA = new FollowService(opened[0], title);
    const hubB = new FollowHub(opened[1], new FollowService(opened[1], title));
    const got: FollowMessage[] = [];
    const stop = await hubB.subscribe(info.id, (m) => got.push(m));
    const clock = { now: 60_000, playing: true, speed: 1 };
    const entry = { op: 'failNode' as const, name: 'node-2', at: 60_500 };
    const sent = Date.now();
    await followA.broadcast(info.id, { kind: 'broadcast', session: 'two-process', seed: 1, setup: [], settleMs: 60_000, from: 0, entries: [entry], clock });
    while (!got.some((m) => m.type === 'snapshot') && Date.now() - sent < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(got.find((m) => m.type === 'snapshot')).toMatchObject({ session: 'two-process', entries: [entry] });
    stop();
  });
});
