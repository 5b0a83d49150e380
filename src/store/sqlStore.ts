import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, sql } from "kysely";
import type { StoreConfig } from "../config/storeConfig.js";
import { groupKey, storableText } from "./gapText.js";
import { type Engine, migrate } from "./migrations.js";
import type { Database } from "./schema.js";
import type { GapReport, Store, UnansweredKind, Vote } from "./types.js";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Slack retries for about an hour at most; an event id older than that will not come back. */
export const EVENT_ID_TTL_MS = HOUR_MS;
const REPORT_ROWS = 20;
/** Unanswered rows kept at most, whatever the retention: a flood of made-up questions cannot fill the disk. */
export const MAX_UNANSWERED_ROWS = 100_000;
/** How long a PostgreSQL call may take before the bot treats the database as down. */
const PG_TIMEOUT_MS = 3000;

export const SQLITE_FILE = "agora-bot.sqlite";

/** The database behind the store: one connection to an SQLite file, or a small PostgreSQL pool. */
async function openKysely(config: StoreConfig): Promise<{ db: Kysely<Database>; engine: Engine }> {
  if (config.engine === "sqlite") {
    // Loaded here, not at the top: the native module costs start-up time the CLI's lookups never need.
    const { default: SqliteDatabase } = await import("better-sqlite3");
    const { SqliteDialect } = await import("kysely");
    mkdirSync(config.dataDir, { recursive: true });
    // A busy timeout: another process on the same file may hold the write lock for a moment.
    const database = new SqliteDatabase(join(config.dataDir, SQLITE_FILE), { timeout: 5000 });
    // WAL lets several processes share the file; NORMAL sync is durable across a process crash.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), engine: "sqlite" };
  }
  const { default: pg } = await import("pg");
  const { PostgresDialect } = await import("kysely");
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 4,
    connectionTimeoutMillis: PG_TIMEOUT_MS,
    query_timeout: PG_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (a restart) must not take the process down; the next
  // query fails too, and that failure is the one reported.
  pool.on("error", () => undefined);
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: "postgres" };
}

/** Opens the database and applies pending migrations; throws when it cannot be reached. */
export async function openSqlStore(config: StoreConfig): Promise<SqlStore> {
  return retryWhileBusy(async () => {
    const { db, engine } = await openKysely(config);
    try {
      await migrate(db, engine);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
    return new SqlStore(db, engine, config.retentionDays);
  });
}

const BUSY_RETRIES = 10;
const BUSY_PAUSE_MS = 100;

/**
 * Runs `open` again while SQLite answers "busy" or "locked" at once. Two processes opening a new
 * file together can meet in a lock upgrade that SQLite refuses without waiting out its busy
 * timeout (one switching the file to WAL while the other migrates); a moment later it opens.
 */
export async function retryWhileBusy<T>(
  open: () => Promise<T>,
  retries = BUSY_RETRIES,
  pauseMs = BUSY_PAUSE_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= retries || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

/** The one query layer: every statement is written once, with Kysely, and runs on both engines. */
export class SqlStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly retentionDays: number,
    private readonly maxUnansweredRows = MAX_UNANSWERED_ROWS,
  ) {}

  async claimEvent(eventId: string): Promise<boolean> {
    const result = await this.db
      .insertInto("processed_events")
      .values({ event_id: eventId.slice(0, 200), claimed_at: Date.now() })
      .onConflict((conflict) => conflict.column("event_id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async recordAnswer(answerId: string, entryIds: readonly string[]): Promise<void> {
    if (entryIds.length === 0) return;
    const now = Date.now();
    await this.db
      .insertInto("answers")
      .values(
        [...new Set(entryIds)].map((entry) => ({ answer_id: answerId, entry_id: entry, answered_at: now })),
      )
      .onConflict((conflict) => conflict.columns(["answer_id", "entry_id"]).doNothing())
      .execute();
  }

  async recordUnanswered(kind: UnansweredKind, text: string): Promise<void> {
    const stored = storableText(text);
    if (stored === "") return;
    await this.db
      .insertInto("unanswered")
      .values({ id: randomUUID(), kind, text: stored, group_key: groupKey(stored), asked_at: Date.now() })
      .execute();
  }

  async recordVote(vote: Vote): Promise<void> {
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      // The answer's entries come with the vote, so a vote counts even if recording the answer failed.
      await new SqlStore(trx, this.engine, this.retentionDays).recordAnswer(vote.answerId, vote.entryIds);
      await trx
        .insertInto("votes")
        .values({ answer_id: vote.answerId, user_id: vote.userId, vote: vote.vote, voted_at: now })
        .onConflict((conflict) =>
          conflict.columns(["answer_id", "user_id"]).doUpdateSet({ vote: vote.vote, voted_at: now }),
        )
        .execute();
    });
  }

  async report(days: number): Promise<GapReport> {
    const since = Date.now() - days * DAY_MS;
    const unanswered = await this.db
      .selectFrom("unanswered")
      .select((eb) => [
        "group_key",
        eb.fn.min("text").as("text"),
        eb.fn.min("kind").as("kind"),
        eb.fn.countAll().as("count"),
      ])
      .where("asked_at", ">=", since)
      .groupBy("group_key")
      .orderBy("count", "desc")
      .orderBy("group_key")
      .limit(REPORT_ROWS)
      .execute();
    const votes = await this.db
      .selectFrom("votes")
      .innerJoin("answers", "answers.answer_id", "votes.answer_id")
      .select((eb) => [
        "answers.entry_id as entry",
        eb.fn.sum<number>(sql<number>`case when votes.vote < 0 then 1 else 0 end`).as("down"),
        eb.fn.sum<number>(sql<number>`case when votes.vote > 0 then 1 else 0 end`).as("up"),
      ])
      .where("votes.voted_at", ">=", since)
      .groupBy("answers.entry_id")
      .orderBy("down", "desc")
      .orderBy("answers.entry_id")
      .limit(REPORT_ROWS)
      .execute();
    const answers = await this.db
      .selectFrom("answers")
      .select((eb) => ["entry_id as entry", eb.fn.count("answer_id").distinct().as("answers")])
      .where("answered_at", ">=", since)
      .groupBy("entry_id")
      .orderBy("answers", "desc")
      .orderBy("entry_id")
      .execute();
    return {
      days,
      since: new Date(since).toISOString(),
      unanswered: unanswered.map((row) => ({
        text: String(row.text),
        kind: row.kind === "scan" ? "scan" : "query",
        count: Number(row.count),
      })),
      downvoted: votes
        .map((row) => ({ entry: row.entry, down: Number(row.down), up: Number(row.up) }))
        .filter((row) => row.down > 0),
      answersPerEntry: answers.map((row) => ({ entry: row.entry, answers: Number(row.answers) })),
    };
  }

  async purge(): Promise<void> {
    const now = Date.now();
    const old = now - this.retentionDays * DAY_MS;
    await this.db
      .deleteFrom("processed_events")
      .where("claimed_at", "<", now - EVENT_ID_TTL_MS)
      .execute();
    await this.db.deleteFrom("answers").where("answered_at", "<", old).execute();
    await this.db.deleteFrom("votes").where("voted_at", "<", old).execute();
    await this.db.deleteFrom("unanswered").where("asked_at", "<", old).execute();
    const newestKept = await this.db
      .selectFrom("unanswered")
      .select("asked_at")
      .orderBy("asked_at", "desc")
      .limit(1)
      .offset(this.maxUnansweredRows)
      .executeTakeFirst();
    if (newestKept)
      await this.db.deleteFrom("unanswered").where("asked_at", "<=", newestKept.asked_at).execute();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
