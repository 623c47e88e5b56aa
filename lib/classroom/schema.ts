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
];

/** Name of the notification channel every app process listens on; the payload is a class id. */
export const CLASS_CHANNEL = 'classroom_changes';
