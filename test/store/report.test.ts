import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openSqlStore } from "../../src/store/sqlStore.js";
import { runCliProcess } from "../core/cliProcess.js";
import { FakeSlack } from "../slack/fakeSlack.js";
import { PG_URL, postgresDatabase, sqliteDatabase } from "./databases.js";

/** `agora-bot report --json`: the contract. */
const reportJson = z.strictObject({
  days: z.number(),
  since: z.string(),
  unanswered: z.array(
    z.strictObject({ text: z.string(), kind: z.enum(["query", "scan"]), count: z.number() }),
  ),
  downvoted: z.array(z.strictObject({ entry: z.string(), down: z.number(), up: z.number() })),
  answersPerEntry: z.array(z.strictObject({ entry: z.string(), answers: z.number() })),
});

const database = sqliteDatabase();
const env = { DATA_DIR: database.dataDir, DATABASE_URL: undefined };
beforeAll(async () => {
  const store = await openSqlStore(database.config());
  await store.recordUnanswered("query", "Error 4096 when joining");
  await store.recordUnanswered("query", "error 17 WHEN joining");
  await store.recordUnanswered("query", "how do I mute");
  await store.recordAnswer("a1", ["token-expired"]);
  await store.recordAnswer("a2", ["token-expired", "invalid-token"]);
  await store.recordVote({
    answerId: "a2",
    userId: "U1",
    entryIds: ["token-expired", "invalid-token"],
    vote: -1,
  });
  await store.close();
});
afterAll(() => database.cleanup());

describe("agora-bot report (real process)", () => {
  it("prints the JSON report: gaps grouped ignoring numbers and case, 👎 per entry, answers per entry", async () => {
    const run = await runCliProcess(["report", "--days", "7", "--json"], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = reportJson.parse(JSON.parse(run.stdout));
    expect(report.days).toBe(7);
    expect(report.unanswered).toEqual([
      { text: expect.stringMatching(/when joining/i), kind: "query", count: 2 },
      { text: "how do I mute", kind: "query", count: 1 },
    ]);
    expect(report.downvoted).toEqual([
      { entry: "invalid-token", down: 1, up: 0 },
      { entry: "token-expired", down: 1, up: 0 },
    ]);
    expect(report.answersPerEntry).toEqual([
      { entry: "token-expired", answers: 2 },
      { entry: "invalid-token", answers: 1 },
    ]);
  });

  it("prints a readable report by default", async () => {
    const run = await runCliProcess(["report"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Knowledge gaps over the last 30 days");
    expect(run.stdout).toMatch(/2 {2}query {2}.*when joining/i);
    expect(run.stdout).toContain("token-expired");
  });

  it("rejects a bad --days, and says plainly when the database cannot be reached", async () => {
    const bad = await runCliProcess(["report", "--days", "many"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--days must be a whole number");
    const slack = new FakeSlack();
    await slack.start();
    const port = slack.port;
    await slack.stop();
    const down = await runCliProcess(["report"], {
      env: { DATABASE_URL: `postgres://u:secret-pw@127.0.0.1:${port}/x` },
    });
    expect(down.code).toBe(4);
    expect(down.stderr).toContain("cannot open the database at postgres://u:••••@127.0.0.1");
    expect(down.stderr).not.toContain("secret-pw");
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe.skipIf(!PG_URL)("agora-bot report on PostgreSQL (real process)", () => {
  it("reads the same report from the shared database", async () => {
    const pg = await postgresDatabase();
    const config = pg.config();
    const store = await openSqlStore(config);
    await store.recordUnanswered("scan", "I/agora nothing to see");
    await store.close();
    const run = await runCliProcess(["report", "--json"], {
      env: { DATABASE_URL: config.engine === "postgres" ? config.databaseUrl : "" },
    });
    expect(run.code).toBe(0);
    expect(reportJson.parse(JSON.parse(run.stdout)).unanswered).toEqual([
      { text: "I/agora nothing to see", kind: "scan", count: 1 },
    ]);
  });
});
