/**
 * The one small storage adapter the classroom talks to: parameterised SQL, transactions, and notifications.
 * The embedded backend (PGlite) is opened lazily on first use so plain `npm start` and other pages pay nothing.
 * Node-only.
 */
import { MIGRATIONS } from './schema';

export interface ClassroomDb {
  /** Several connections write at once (PostgreSQL), so commit order can differ from id order. */
  readonly concurrentWriters: boolean;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<R>(fn: (tx: Pick<ClassroomDb, 'query'>) => Promise<R>): Promise<R>;
  /** NOTIFY channel, payload — delivered to every process (PostgreSQL) or every listener here (embedded). */
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>>;
  /** Bytes on disk (or in the database), for the bench and the operator. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Opens the embedded database in `dataDir` (created on first use) and brings its schema up to date. */
export async function openEmbeddedDb(dataDir: string): Promise<ClassroomDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const fs = await import('node:fs/promises');
  await fs.mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir });
  const db: ClassroomDb = {
    concurrentWriters: false,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    transaction: (fn) => pg.transaction((tx) => fn({ query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows })),
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, cb) {
      const unlisten = await pg.listen(channel, cb);
      return async () => unlisten();
    },
    async sizeBytes() {
      const rows = await pg.query<{ size: string }>('SELECT pg_database_size(current_database())::text AS size');
      return Number(rows.rows[0]?.size ?? 0);
    },
    close: () => pg.close(),
  };
  await migrate(db);
  return db;
}

/** Applies every migration not yet recorded, each in its own transaction. Safe to run from two processes. */
export async function migrate(db: ClassroomDb): Promise<void> {
  // Under the same lock as the migrations: two starters creating the table at once collide in the catalogue
  // (duplicate key in pg_type) even with IF NOT EXISTS.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4217)');
    await tx.query('CREATE TABLE IF NOT EXISTS classroom_migrations (id integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  for (const m of MIGRATIONS) {
    await db.transaction(async (tx) => {
      // An advisory lock serialises concurrent starters on a shared PostgreSQL.
      await tx.query('SELECT pg_advisory_xact_lock(4217)');
      const done = await tx.query('SELECT 1 FROM classroom_migrations WHERE id = $1', [m.id]);
      if (done.length) return;
      for (const stmt of m.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(stmt);
      await tx.query('INSERT INTO classroom_migrations (id) VALUES ($1)', [m.id]);
    });
  }
}
