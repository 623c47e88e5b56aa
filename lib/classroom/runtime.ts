/**
 * The per-process classroom: storage opened lazily on the first classroom request (PGlite takes ~1 s on an
 * existing data dir and several seconds for a fresh one), so pages without a class never pay for it.
 * DATABASE_URL selects PostgreSQL instead (db-postgres.ts). Kept on globalThis so Next.js dev reloads reuse one database handle.
 */
import { resolve } from 'node:path';
import { openEmbeddedDb } from './db';
import { allLessons } from '@/lib/lessons/content';
import { ClassHub } from './hub';
import { FollowHub } from './follow-hub';
import { FollowService } from './follow-service';
import { RateLimiter } from './rate-limit';
import { ClassroomService, DEFAULT_RETENTION_MS } from './service';

/** Open streams, for an SSE budget. */
export interface StreamCounter {
  total: number;
  byClass: Map<string, number>;
}

export interface ClassroomRuntime {
  service: ClassroomService;
  hub: ClassHub;
  follow: FollowService;
  followHub: FollowHub;
  limiter: RateLimiter;
  /** Open instructor streams. */
  streams: StreamCounter;
  /** Open follow-me streams (students). */
  followStreams: StreamCounter;
}

/** Lesson titles for "go to this lesson": read from the content, never from the instructor's browser. */
function lessonTitle(slug: string): string | null {
  return allLessons().find((l) => l.slug === slug)?.title ?? null;
}

const KEY = Symbol.for('k8s-ko.classroom');
type Holder = { [KEY]?: Promise<ClassroomRuntime> };

function retentionMs(): number {
  const days = Number(process.env.CLASSROOM_RETENTION_DAYS);
  return Number.isFinite(days) && days > 0 ? days * 24 * 3600_000 : DEFAULT_RETENTION_MS;
}

async function open(): Promise<ClassroomRuntime> {
  // With DATABASE_URL every replica shares one PostgreSQL and hears the others through LISTEN/NOTIFY.
  const url = process.env.DATABASE_URL?.trim();
  const db = url ? await (await import('./db-postgres')).openPostgresDb(url) : await openEmbeddedDb(resolve(process.env.CLASSROOM_DATA_DIR ?? '.data/classroom'));
  const service = new ClassroomService(db, { retentionMs: retentionMs() });
  await service.purgeExpired();
  // Expired classes go hourly; unref so the timer never keeps a process alive.
  setInterval(() => void service.purgeExpired().catch(() => undefined), 3600_000).unref();
  const follow = new FollowService(db, lessonTitle);
  return {
    service,
    hub: new ClassHub(service),
    follow,
    followHub: new FollowHub(db, follow),
    limiter: new RateLimiter(),
    streams: { total: 0, byClass: new Map() },
    followStreams: { total: 0, byClass: new Map() },
  };
}

export function getClassroom(): Promise<ClassroomRuntime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open().catch((e: unknown) => {
    delete holder[KEY];
    throw e;
  });
  return holder[KEY];
}
