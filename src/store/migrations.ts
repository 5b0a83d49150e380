import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

export type Engine = "sqlite" | "postgres";

/** Versioned schema changes, applied in order, each once; append new ones, never edit old ones. */
export const MIGRATIONS: readonly { version: number; up: (db: Kysely<Database>) => Promise<void> }[] = [
  {
    version: 1,
    async up(db) {
      await db.schema
        .createTable("processed_events")
        .ifNotExists()
        .addColumn("event_id", "text", (column) => column.primaryKey())
        .addColumn("claimed_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("processed_events_claimed_at")
        .ifNotExists()
        .on("processed_events")
        .column("claimed_at")
        .execute();
      await db.schema
        .createTable("answers")
        .ifNotExists()
        .addColumn("answer_id", "text", (column) => column.notNull())
        .addColumn("entry_id", "text", (column) => column.notNull())
        .addColumn("answered_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("answers_pk", ["answer_id", "entry_id"])
        .execute();
      await db.schema
        .createIndex("answers_answered_at")
        .ifNotExists()
        .on("answers")
        .column("answered_at")
        .execute();
      await db.schema
        .createTable("votes")
        .ifNotExists()
        .addColumn("answer_id", "text", (column) => column.notNull())
        .addColumn("user_id", "text", (column) => column.notNull())
        .addColumn("vote", "smallint", (column) => column.notNull())
        .addColumn("voted_at", "bigint", (column) => column.notNull())
        .addPrimaryKeyConstraint("votes_pk", ["answer_id", "user_id"])
        .execute();
      await db.schema.createIndex("votes_voted_at").ifNotExists().on("votes").column("voted_at").execute();
      await db.schema
        .createTable("unanswered")
        .ifNotExists()
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("text", "text", (column) => column.notNull())
        .addColumn("group_key", "text", (column) => column.notNull())
        .addColumn("asked_at", "bigint", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("unanswered_asked_at")
        .ifNotExists()
        .on("unanswered")
        .column("asked_at")
        .execute();
    },
  },
];

/** Any number, so that two instances' migrations never run at once on one PostgreSQL database. */
const MIGRATION_LOCK_KEY = 7_212_012;

/**
 * Applies the migrations not yet applied, in one transaction that first takes a lock every
 * instance contends for (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE, the file's write
 * lock), so two instances starting at once apply each migration exactly once.
 */
export async function migrate(db: Kysely<Database>, engine: Engine): Promise<number[]> {
  return db.connection().execute(async (connection) => {
    await sql.raw(engine === "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN").execute(connection);
    try {
      if (engine === "postgres")
        await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
      await connection.schema
        .createTable("schema_migrations")
        .ifNotExists()
        .addColumn("version", "integer", (column) => column.primaryKey())
        .addColumn("applied_at", "bigint", (column) => column.notNull())
        .execute();
      const done = new Set(
        (await connection.selectFrom("schema_migrations").select("version").execute()).map((row) =>
          Number(row.version),
        ),
      );
      const applied: number[] = [];
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        await migration.up(connection);
        await connection
          .insertInto("schema_migrations")
          .values({ version: migration.version, applied_at: Date.now() })
          .execute();
        applied.push(migration.version);
      }
      await sql.raw("COMMIT").execute(connection);
      return applied;
    } catch (error) {
      await sql
        .raw("ROLLBACK")
        .execute(connection)
        .catch(() => undefined);
      throw error;
    }
  });
}
