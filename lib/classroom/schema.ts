/**
 * The classroom schema as ordered migrations. The same SQL runs on the embedded database (PGlite: Postgres
 * compiled to WASM) and on a real PostgreSQL, so both backends share one schema and one migration history.
 * A migration is never edited once shipped: add a new entry instead.
 */
export const MIGRATIONS: readonly { id: number; sql: string }[] = [
  {
    id: 1,
    sql: `
      CREATE TABLE classes (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        lessons jsonb NOT NULL,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE members (
        id text PRIMARY KEY,
        class_id text NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        nickname text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        joined_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX members_by_class ON members(class_id);
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        class_id text NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        lesson text,
        item text,
        ok boolean,
        detail text,
        score integer,
        total integer
      );
      CREATE INDEX events_by_class ON events(class_id, id);
    `,
  },
  {
    // Idempotency: a browser names each event; a batch resent after a reload or a lost answer adds nothing.
    // Follow me: the instructor's broadcast (seed, setup, clock) and its ordered writes; where the class is sent.
    id: 2,
    sql: `
      ALTER TABLE events ADD COLUMN event_key text;
      CREATE UNIQUE INDEX events_once ON events(member_id, event_key);
      CREATE TABLE follow_sessions (
        class_id text PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
        session text NOT NULL,
        seed integer NOT NULL,
        setup jsonb NOT NULL,
        settle_ms integer NOT NULL,
        entry_count integer NOT NULL DEFAULT 0,
        entry_chars integer NOT NULL DEFAULT 0,
        clock jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE follow_entries (
        class_id text NOT NULL REFERENCES follow_sessions(class_id) ON DELETE CASCADE,
        seq integer NOT NULL,
        entry jsonb NOT NULL,
        PRIMARY KEY (class_id, seq)
      );
      CREATE TABLE class_nav (
        class_id text PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
        lesson text NOT NULL,
        anchor text,
        version integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // Follow me: the instructor's last terminal commands (follow-terminal.ts), shown in followers' terminals.
    id: 3,
    sql: `ALTER TABLE follow_sessions ADD COLUMN terminal jsonb NOT NULL DEFAULT '[]';`,
  },
];

/** Name of the notification channel every app process listens on; the payload is a class id. */
export const CLASS_CHANNEL = 'classroom_changes';
/** Follow-me broadcasts and "go to this lesson" on their own channel, so the progress hub never reads them. */
export const FOLLOW_CHANNEL = 'classroom_follow';
