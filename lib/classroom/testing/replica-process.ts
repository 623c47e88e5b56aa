/**
 * One app replica for replicas.integration.test.ts, run as its own Node process (`node --import tsx`): its own
 * pool, LISTEN connection, ClassroomService and ClassHub on DATABASE_URL, as a second server would have. It reads
 * one JSON command a line on stdin and answers with JSON lines on stdout; `at` is this process's Date.now(), so
 * the test can compare when B stored progress with when A's hub delivered it (same host, same clock).
 */
import { createInterface } from 'node:readline';
import { openPostgresDb } from '../db-postgres';
import { ClassHub } from '../hub';
import { ClassroomService } from '../service';
import type { ProgressEvent } from '../validation';

type Command =
  | { op: 'create'; name: string; lessons: string[] }
  | { op: 'subscribe'; classId: string }
  | { op: 'join'; code: string; nickname: string }
  | { op: 'progress'; code: string; rejoin: string; events: ProgressEvent[] };

const print = (line: object) => process.stdout.write(`${JSON.stringify({ ...line, at: Date.now() })}\n`);

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL가 없습니다.');
  const db = await openPostgresDb(url);
  const service = new ClassroomService(db);
  const hub = new ClassHub(service);
  const stops: Array<() => void> = [];
  print({ type: 'ready', pid: process.pid });

  const run = async (cmd: Command) => {
    if (cmd.op === 'create') print({ type: 'created', info: (await service.createClass(cmd)).info });
    else if (cmd.op === 'subscribe') {
      stops.push(await hub.subscribe(cmd.classId, (update) => print({ type: 'update', update })));
      print({ type: 'subscribed' });
    }
    else if (cmd.op === 'join') {
      const { member, rejoin } = await service.join(cmd.code, cmd.nickname);
      print({ type: 'joined', memberId: member.id, rejoin });
    } else {
      // Stamped before storing: the delay the test measures includes the insert, the NOTIFY and A's read.
      const postedAt = Date.now();
      const stored = await service.recordProgress(cmd.code, cmd.rejoin, cmd.events);
      print({ type: 'posted', postedAt, stored });
    }
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    run(JSON.parse(line) as Command).catch((e: unknown) => print({ type: 'error', message: String(e) }));
  });
  lines.on('close', async () => {
    stops.forEach((stop) => stop());
    await db.close();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
