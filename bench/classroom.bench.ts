/**
 * Classroom under load: 300 simulated students each send a small progress batch every 2–4 s for a minute
 * (CLASSROOM_BENCH_STUDENTS / CLASSROOM_BENCH_SECONDS to change), through the storage adapter, NOTIFY and the
 * hub, to one instructor subscriber. Prints the instructor update latency (stored → delivered) p50/p95, peak
 * RSS and database size. The HTTP layer is not in the loop.
 *
 *   npm run bench:classroom                embedded database (PGlite) in a temp dir
 *   npm run bench:classroom -- --postgres  PostgreSQL (DATABASE_URL, or one started in a temp dir): students
 *                                          write through one pool, the instructor listens through another, as
 *                                          on two replicas, so every update crosses LISTEN/NOTIFY
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedDb, type ClassroomDb } from '../lib/classroom/db';
import { openPostgresDb } from '../lib/classroom/db-postgres';
import { ClassHub } from '../lib/classroom/hub';
import { ClassroomService } from '../lib/classroom/service';
import { NO_POSTGRES, findPostgresBin, startTestPostgres, type TestPostgres } from '../lib/classroom/test-postgres';
import { treeRssMb } from './process-rss';

const STUDENTS = Number(process.env.CLASSROOM_BENCH_STUDENTS ?? 300);
const SECONDS = Number(process.env.CLASSROOM_BENCH_SECONDS ?? 60);
const POSTGRES = process.argv.includes('--postgres');

let dir: string | null = null;
let server: TestPostgres | null = null;
let instructorDb: ClassroomDb;
const openStart = performance.now();
if (POSTGRES) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) throw new Error(NO_POSTGRES);
    server = await startTestPostgres(bin);
    url = server.url;
  }
  instructorDb = await openPostgresDb(url);
} else {
  dir = await mkdtemp(join(tmpdir(), 'classroom-bench-'));
  instructorDb = await openEmbeddedDb(dir);
}
const openMs = performance.now() - openStart;
const db = POSTGRES ? await openPostgresDb(process.env.DATABASE_URL ?? server!.url) : instructorDb;
const service = new ClassroomService(db);
const hub = new ClassHub(new ClassroomService(instructorDb));
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
// Let the last updates arrive (a slow tail would otherwise count as lost).
await new Promise((r) => setTimeout(r, 2000));
clearInterval(rssTimer);

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const sizeMb = (await db.sizeBytes()) / 1e6;
// The PostgreSQL server's own processes (summed, so shared buffers count once per process: an upper bound).
const serverRssMb = server ? treeRssMb(server.pid) : 0;
const result = {
  backend: POSTGRES ? 'postgres' : 'embedded',
  students: STUDENTS,
  seconds: SECONDS,
  events: seq,
  delivered: latencies.length,
  errors,
  p50_ms: Math.round(pct(50)),
  p95_ms: Math.round(pct(95)),
  max_ms: Math.round(latencies[latencies.length - 1] ?? NaN),
  rss_mb: Math.round(peakRss / 1e6),
  ...(server ? { postgres_server_rss_mb: serverRssMb } : {}),
  db_mb: Number(sizeMb.toFixed(1)),
  open_ms: Math.round(openMs),
};
console.log(`학생 ${STUDENTS}명 × ${SECONDS}초: 이벤트 ${seq}개, 전달 ${latencies.length}개, 오류 ${errors}개`);
console.log(`[${result.backend}] 강사 화면까지 지연 p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms · 앱 최대 RSS ${result.rss_mb} MB${server ? ` · PostgreSQL 서버 RSS ${serverRssMb} MB` : ''} · DB ${result.db_mb} MB`);
await db.close();
if (db !== instructorDb) await instructorDb.close();
if (dir) await rm(dir, { recursive: true, force: true });
await server?.stop();
console.log(`BENCH ${JSON.stringify(result)}`);
