/**
 * The classroom on a real PostgreSQL (DATABASE_URL): a connection pool for queries and transactions, and one
 * dedicated connection that LISTENs, so a NOTIFY from any app process sharing the database reaches this one's
 * hub. Same adapter and same migrations as the embedded database (db.ts). Node-only; `pg` loads lazily.
 */
import type { Client, Pool, PoolClient } from 'pg';
import { migrate, type ClassroomDb } from './db';

/** Connections per process: the hub reads once per burst, so a few cover hundreds of students. */
const POOL_MAX = 10;
const RECONNECT_MS = 1000;

/** Channel names are our own constants, but LISTEN takes an identifier, not a parameter: allow only [a-z_]. */
function channelIdentifier(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  return channel;
}

export async function openPostgresDb(connectionString: string): Promise<ClassroomDb> {
  const pg = (await import('pg')).default;
  const pool: Pool = new pg.Pool({ connectionString, max: POOL_MAX });
  // An idle pooled connection that dies (server restart) must not crash the process; the pool replaces it.
  pool.on('error', (e) => console.error('classroom postgres pool', e.message));

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: Promise<Client> | null = null;
  let closed = false;

  /** Opens the LISTEN connection and subscribes every channel someone listens to; reconnects after a drop. */
  function connectListener(): Promise<Client> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    client.on('error', (e) => {
      console.error('classroom postgres listener', e.message);
      listener = null;
      // Notifications sent while disconnected are lost, not the events: the hub reads by cursor on the next one.
      if (!closed) setTimeout(() => void ensureListener().catch(() => undefined), RECONNECT_MS).unref();
    });
    return client.connect().then(async () => {
      for (const channel of listeners.keys()) await client.query(`LISTEN ${channelIdentifier(channel)}`);
      return client;
    });
  }

  function ensureListener(): Promise<Client> {
    listener ??= connectListener().catch((e: unknown) => {
      listener = null;
      throw e;
    });
    return listener;
  }

  const db: ClassroomDb = {
    concurrentWriters: true,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client: PoolClient = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, cb) {
      let set = listeners.get(channel);
      if (!set) {
        listeners.set(channel, (set = new Set()));
        const client = await ensureListener();
        await client.query(`LISTEN ${channelIdentifier(channel)}`);
      } else {
        await ensureListener();
      }
      set.add(cb);
      return async () => {
        set.delete(cb);
      };
    },
    async sizeBytes() {
      const rows = await db.query<{ size: string }>('SELECT pg_database_size(current_database())::text AS size');
      return Number(rows[0]?.size ?? 0);
    },
    async close() {
      closed = true;
      const client = await listener?.catch(() => null);
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
  try {
    await migrate(db);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return db;
}
