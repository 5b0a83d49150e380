import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlStore, retryWhileBusy, SqlStore } from "../../src/store/sqlStore.js";
import { REPO_ROOT } from "../core/cliProcess.js";
import { PG_URL, postgresDatabase, sqliteDatabase, type TestDatabase } from "./databases.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;

/** Separate processes opening the same database at once, as instances starting together do. */
function openInProcesses(env: Record<string, string>, count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(
        process.execPath,
        ["--import", TSX_LOADER, join(REPO_ROOT, "test/store/openStoreProcess.ts")],
        {
          env: { PATH: process.env.PATH, ...env },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
      });
      return new Promise<string>((resolve) => child.on("exit", () => resolve(output.trim())));
    }),
  );
}

const engines: { name: string; skip: boolean; make: () => Promise<TestDatabase> }[] = [
  { name: "SQLite", skip: false, make: async () => sqliteDatabase() },
  { name: "PostgreSQL", skip: !PG_URL, make: postgresDatabase },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`store on ${engine.name}`, () => {
    let database: TestDatabase;
    let store: SqlStore;
    beforeAll(async () => {
      database = await engine.make();
      store = await openSqlStore(database.config());
    });
    afterAll(async () => {
      await store?.close();
      database?.cleanup();
    });

    it("applies each migration once, however many processes open the database at once", async () => {
      const config = database.config();
      const env: Record<string, string> =
        config.engine === "sqlite" ? { DATA_DIR: config.dataDir } : { DATABASE_URL: config.databaseUrl };
      const outputs = await openInProcesses({ ...env, EVENT_ID: "Ev-start" }, 3);
      expect(outputs.sort()).toEqual(["claimed", "taken", "taken"]);
      const versions = await store.db.selectFrom("schema_migrations").select("version").execute();
      expect(versions.map((row) => Number(row.version))).toEqual([1]);
    });

    it("claims an event id for exactly one instance", async () => {
      const other = await openSqlStore(database.config());
      try {
        const claims = await Promise.all([
          store.claimEvent("Ev-claim"),
          other.claimEvent("Ev-claim"),
          store.claimEvent("Ev-claim"),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await other.claimEvent("Ev-other")).toBe(true);
      } finally {
        await other.close();
      }
    });

    it("keeps one vote per person per answer, and a second click changes it", async () => {
      await store.recordAnswer("ans-1", ["invalid-token"]);
      await store.recordVote({ answerId: "ans-1", userId: "U1", entryIds: ["invalid-token"], vote: 1 });
      await store.recordVote({ answerId: "ans-1", userId: "U1", entryIds: ["invalid-token"], vote: -1 });
      await store.recordVote({ answerId: "ans-1", userId: "U2", entryIds: ["invalid-token"], vote: -1 });
      // A vote on an answer whose recording was lost still counts for the entries it names.
      await store.recordVote({ answerId: "ans-2", userId: "U1", entryIds: ["token-expired"], vote: 1 });
      const votes = await store.db
        .selectFrom("votes")
        .selectAll()
        .orderBy("answer_id")
        .orderBy("user_id")
        .execute();
      expect(votes.map((row) => [row.answer_id, row.user_id, Number(row.vote)])).toEqual([
        ["ans-1", "U1", -1],
        ["ans-1", "U2", -1],
        ["ans-2", "U1", 1],
      ]);
      const report = await store.report(30);
      expect(report.downvoted).toEqual([{ entry: "invalid-token", down: 2, up: 0 }]);
      expect(report.answersPerEntry).toEqual(
        expect.arrayContaining([
          { entry: "invalid-token", answers: 1 },
          { entry: "token-expired", answers: 1 },
        ]),
      );
    });

    it("stores unanswered text redacted and capped, and groups it ignoring numbers and case", async () => {
      const secret = `join failed appid 0123456789abcdef0123456789abcdef token 006${"A".repeat(60)} bot xoxb-1234-5678-abcdef`;
      await store.recordUnanswered("scan", `${secret} ${"x".repeat(5000)}`);
      await store.recordUnanswered("query", "Error 4096 on join");
      await store.recordUnanswered("query", "error 17 ON JOIN");
      const rows = await store.db.selectFrom("unanswered").selectAll().execute();
      const stored = rows.map((row) => row.text).join("\n");
      expect(stored).not.toContain("0123456789abcdef0123456789abcdef");
      expect(stored).not.toContain("A".repeat(30));
      expect(stored).not.toContain("xoxb-1234");
      for (const row of rows) expect(row.text.length).toBeLessThanOrEqual(300);
      const report = await store.report(7);
      expect(report.unanswered[0]).toMatchObject({ count: 2, kind: "query" });
      expect(report.unanswered[0]?.text.toLowerCase()).toContain("on join");
      expect(report.unanswered[1]).toMatchObject({ count: 1, kind: "scan" });
    });

    it("purges event ids after an hour and everything else after the retention", async () => {
      const now = Date.now();
      await store.db
        .insertInto("processed_events")
        .values([
          { event_id: "Ev-old", claimed_at: now - 2 * HOUR },
          { event_id: "Ev-new", claimed_at: now - HOUR / 2 },
        ])
        .execute();
      await store.db
        .insertInto("unanswered")
        .values({ id: "old", kind: "query", text: "old", group_key: "old", asked_at: now - 31 * DAY })
        .execute();
      await store.db
        .insertInto("answers")
        .values({ answer_id: "old", entry_id: "app-id-invalid", answered_at: now - 31 * DAY })
        .execute();
      await store.db
        .insertInto("votes")
        .values({ answer_id: "old", user_id: "U9", vote: -1, voted_at: now - 31 * DAY })
        .execute();
      await store.purge();
      const events = await store.db.selectFrom("processed_events").select("event_id").execute();
      expect(events.map((row) => row.event_id)).not.toContain("Ev-old");
      expect(events.map((row) => row.event_id)).toContain("Ev-new");
      expect(await store.db.selectFrom("unanswered").where("id", "=", "old").selectAll().execute()).toEqual(
        [],
      );
      expect(
        await store.db.selectFrom("answers").where("answer_id", "=", "old").selectAll().execute(),
      ).toEqual([]);
      expect(await store.db.selectFrom("votes").where("answer_id", "=", "old").selectAll().execute()).toEqual(
        [],
      );
      // Past the row cap the oldest unanswered rows go, whatever their age.
      const capped = new SqlStore(store.db, store.engine, 30, 3);
      for (let n = 0; n < 5; n++) {
        await store.db
          .insertInto("unanswered")
          .values({
            id: `cap-${n}`,
            kind: "query",
            text: `q${n}`,
            group_key: `q${n}`,
            asked_at: now + 10_000 + n,
          })
          .execute();
      }
      await capped.purge();
      const kept = await store.db
        .selectFrom("unanswered")
        .select("id")
        .where("id", "like", "cap-%")
        .execute();
      expect(kept.map((row) => row.id).sort()).toEqual(["cap-2", "cap-3", "cap-4"]);
      // The purged event id can be claimed again; a recent one cannot.
      expect(await store.claimEvent("Ev-old")).toBe(true);
      expect(await store.claimEvent("Ev-new")).toBe(false);
    });
  });
}

describe("opening an SQLite file another connection holds for a moment", () => {
  it("tries again while SQLite answers busy at once, and opens when the lock is gone", async () => {
    const { default: Database } = await import("better-sqlite3");
    const database = sqliteDatabase();
    try {
      const file = join(database.dataDir, "held.sqlite");
      const holder = new Database(file);
      holder.exec("CREATE TABLE t (x INTEGER)");
      holder.exec("BEGIN EXCLUSIVE");
      setTimeout(() => holder.exec("COMMIT"), 250);
      let attempts = 0;
      // No busy timeout: each attempt meets the lock as SQLITE_BUSY at once, as a lock upgrade does.
      const opened = await retryWhileBusy(
        async () => {
          attempts++;
          const connection = new Database(file, { timeout: 0 });
          try {
            connection.exec("BEGIN IMMEDIATE");
            connection.exec("COMMIT");
            return "opened";
          } finally {
            connection.close();
          }
        },
        40,
        25,
      );
      holder.close();
      expect(opened).toBe("opened");
      expect(attempts).toBeGreaterThan(1);
    } finally {
      database.cleanup();
    }
  });

  it("gives up at once on any other error", async () => {
    let attempts = 0;
    const failing = retryWhileBusy(async () => {
      attempts++;
      throw Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" });
    });
    await expect(failing).rejects.toThrow("unable to open database file");
    expect(attempts).toBe(1);
  });
});
