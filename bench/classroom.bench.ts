/**
 * Classroom under load: 300 simulated students each send a small progress batch every 2–4 s for a minute
 * (CLASSROOM_BENCH_STUDENTS / CLASSROOM_BENCH_SECONDS to change), through the storage adapter, NOTIFY and the
 * hub, to one instructor subscriber. Prints the instructor update latency (stored → delivered) p50/p95, peak
 * RSS and database size. Embedded database (PGlite) in a temp dir; the HTTP layer is not in the loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDb } from '../lib/classroom/db';
import { ClassHub } from '../lib/classroom/hub';
import { ClassroomService } from '../lib/classroom/service';

const STUDENTS = Number(process.env.CLASSROOM_BENCH_STUDENTS ?? 300);
const SECONDS = Number(process.env.CLASSROOM_BENCH_SECONDS ?? 60);

const dir = await mkdtemp(join(tmpdir(), 'classroom-bench-'));
const openStart = performance.now();
const db = await openEmbeddedDb(dir);
const openMs = performance.now() - openStart;
const service = new ClassroomService(db);
const hub = new ClassHub(service);
const { info } = await service.createClass({ name: '벤치 반', lessons: ['pods', 'replicasets'] });
const students = [];
for (let i = 0; i < STUDENTS; i++) students.push(await service.join(info.code, `학생${i}`));

const sentAt = new Map<string, number>();
const latencies: number[] = [];
await hub.subscribe(info.id, (u) => {
  if (u.type !== 'events') return;
  const now = performance.now();
  for (const e of u.events) {
    const t = e.item ? sentAt.get(e.item) : undefined;
    if (t !== undefined) latencies.push(now - t);
  }
});

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
let seq = 0;
let errors = 0;
const endAt = performance.now() + SECONDS * 1000;
// Each student: wait 2–4 s, send 1–3 events (steps, a check that sometimes fails), repeat until the end.
await Promise.all(
  students.map(async (s, i) => {
    await new Promise((r) => setTimeout(r, (i * 3000) / STUDENTS));
    while (performance.now() < endAt) {
      const events = Array.from({ length: 1 + (seq % 3) }, () => {
        const item = `s${seq++}`;
        sentAt.set(item, performance.now());
        return seq % 4 === 0 ? ({ kind: 'check', lesson: 'pods', exercise: item, ok: seq % 8 === 0 } as const) : ({ kind: 'step', lesson: 'pods', step: item } as const);
      });
      await service.recordProgress(info.code, s.rejoin, events).catch(() => errors++);
      await new Promise((r) => setTimeout(r, 2000 + Math.random() * 2000));
    }
  }),
);
await new Promise((r) => setTimeout(r, 500));
clearInterval(rssTimer);

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const sizeMb = (await db.sizeBytes()) / 1e6;
const result = {
  backend: 'embedded',
  students: STUDENTS,
  seconds: SECONDS,
  events: seq,
  delivered: latencies.length,
  errors,
  p50_ms: Math.round(pct(50)),
  p95_ms: Math.round(pct(95)),
  rss_mb: Math.round(peakRss / 1e6),
  db_mb: Number(sizeMb.toFixed(1)),
  open_ms: Math.round(openMs),
};
console.log(`학생 ${STUDENTS}명 × ${SECONDS}초: 이벤트 ${seq}개, 전달 ${latencies.length}개, 오류 ${errors}개`);
console.log(`강사 화면까지 지연 p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms · 최대 RSS ${result.rss_mb} MB · DB ${result.db_mb} MB`);
await db.close();
await rm(dir, { recursive: true, force: true });
console.log(`BENCH ${JSON.stringify(result)}`);
