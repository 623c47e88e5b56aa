/**
 * Two real app processes serving one class (issue 17: "With PostgreSQL, two or more app processes serve one class
 * together"). postgres.integration.test.ts runs two hubs inside this test process; here each replica is its own
 * Node process (testing/replica-process.ts) with its own pool and LISTEN connection. The instructor's class lives
 * on process A; students join and post progress through process B; A's hub must deliver it within a second.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDb } from './db-postgres';
import type { ClassUpdate } from './hub';
import { NO_POSTGRES, findPostgresBin, startTestPostgres, type TestPostgres } from './test-postgres';

const binDir = findPostgresBin();
if (!binDir) console.warn(NO_POSTGRES);
const script = fileURLToPath(new URL('./testing/replica-process.ts', import.meta.url));

type Line = { type: string; at: number; [k: string]: unknown };

/** A replica child: send it commands, wait for the first stdout line matching a predicate (bounded). */
class Replica {
  readonly lines: Line[] = [];
  private waiters: Array<() => void> = [];
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (l) => {
      this.lines.push(JSON.parse(l) as Line);
      this.waiters.splice(0).forEach((w) => w());
    });
  }
  send(cmd: object) {
    this.child.stdin.write(`${JSON.stringify(cmd)}\n`);
  }
  async next(found: (l: Line) => boolean, ms = 5000): Promise<Line> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.lines.find(found);
      if (hit) return hit;
      const failed = this.lines.find((l) => l.type === 'error');
      if (failed) throw new Error(`replica ${this.child.pid}: ${String(failed.message)}`);
      if (Date.now() > deadline) throw new Error(`replica ${this.child.pid}: no matching line within ${ms} ms`);
      await new Promise<void>((r) => (this.waiters.push(r), setTimeout(r, 50)));
    }
  }
}

function startReplica(url: string): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
  child.stderr.on('data', (d: Buffer) => process.stderr.write(`[replica ${child.pid}] ${d.toString()}`));
  return new Replica(child);
}

describe.skipIf(!binDir)(`two Node processes serving one class${binDir ? '' : ` — ${NO_POSTGRES}`}`, () => {
  let server: TestPostgres;
  let url: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    server = await startTestPostgres(binDir!);
    const admin = await openPostgresDb(server.url);
    await admin.query('CREATE DATABASE two_processes');
    await admin.close();
    url = server.url.replace(/\/postgres$/, '/two_processes');
    // Both start together, so both race to migrate the fresh database (the advisory lock must serialise them).
    replicas.push(startReplica(url), startReplica(url));
    await Promise.all(replicas.map((r) => r.next((l) => l.type === 'ready', 60_000)));
  }, 120_000);
  afterAll(async () => {
    for (const r of replicas) {
      const pid = r.child.pid;
      if (pid && r.child.exitCode === null) {
        r.child.stdin.end();
        const exited = new Promise((res) => r.child.once('exit', res));
        if (!(await Promise.race([exited.then(() => true), new Promise((res) => setTimeout(() => res(false), 3000))]))) process.kill(pid, 'SIGKILL');
      }
    }
    await server?.stop();
  }, 30_000);

  it('an instructor subscribed on process A gets a join and progress posted through process B within a second', async () => {
    const [a, b] = replicas;
    expect(a.child.pid).not.toBe(b.child.pid);
    a.send({ op: 'create', name: '두 프로세스 반', lessons: ['pods'] });
    const info = (await a.next((l) => l.type === 'created')).info as { id: string; code: string };
    a.send({ op: 'subscribe', classId: info.id });
    await a.next((l) => l.type === 'subscribed');

    b.send({ op: 'join', code: info.code, nickname: '둘리' });
    const joined = await b.next((l) => l.type === 'joined');
    const sawJoin = await a.next((l) => l.type === 'update' && (l.update as ClassUpdate).type === 'members' && JSON.stringify(l.update).includes('둘리'));
    expect(sawJoin.at - joined.at).toBeLessThan(1000);

    b.send({ op: 'progress', code: info.code, rejoin: joined.rejoin, events: [{ kind: 'check', lesson: 'pods', exercise: 'first-pod', ok: false, feedback: 'image' }] });
    const posted = await b.next((l) => l.type === 'posted');
    expect(posted.stored).toBe(1);
    const isProgress = (l: Line) => {
      const u = l.update as ClassUpdate | undefined;
      return l.type === 'update' && u?.type === 'events' && u.events.some((e) => e.item === 'first-pod' && e.ok === false && e.memberId === joined.memberId);
    };
    const sawProgress = await a.next(isProgress);
    expect(sawProgress.at - (posted.postedAt as number)).toBeLessThan(1000);
    expect(a.lines.filter(isProgress)).toHaveLength(1);

    // One class row, though two processes serve it.
    const db = await openPostgresDb(url);
    try {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM classes WHERE code = $1', [info.code]);
      expect(rows[0].n).toBe(1);
      const migrations = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM classroom_migrations GROUP BY id HAVING count(*) > 1');
      expect(migrations).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
