import { type ChildProcess, execSync, spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlStore } from "../../src/store/sqlStore.js";
import { REPO_ROOT } from "../core/cliProcess.js";
import { type BotProcess, startBotProcess } from "../slack/botProcess.js";
import { FakeSlack, waitFor } from "../slack/fakeSlack.js";
import { commandBody, eventBody, interactionBody, signedPost } from "../slack/signedRequest.js";
import { eventually, PG_SKIP_REASON, PG_URL, sqliteDatabase } from "./databases.js";

let slack: FakeSlack;
const bots: BotProcess[] = [];
beforeEach(async () => {
  slack = new FakeSlack();
  await slack.start();
});
afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.stop()));
  await slack.stop();
});

async function startTwo(env: Record<string, string>): Promise<[BotProcess, BotProcess]> {
  const started = await Promise.all([startBotProcess(slack, env), startBotProcess(slack, env)]);
  bots.push(...started);
  return started;
}

function mention(id: string, text = "<@UBOT> E/agora onError: 110") {
  return { type: "app_mention", user: "U1", channel: "C1", ts: `1700000${id}.000100`, text };
}

/** One event, delivered to both instances at once and then retried to both, as Slack may. */
async function deliverEverywhere(
  bots: readonly BotProcess[],
  event: Record<string, unknown>,
  eventId: string,
) {
  const body = eventBody(event, eventId);
  const send = (bot: BotProcess, retry?: number) =>
    signedPost(`${bot.url}/slack/events`, body, {
      contentType: "application/json",
      headers: retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {},
    });
  const responses = await Promise.all(bots.map((bot) => send(bot)));
  responses.push(...(await Promise.all(bots.map((bot) => send(bot, 1)))));
  for (const response of responses) expect(response.status).toBe(200);
}

async function repliesSettle(expected: number): Promise<number> {
  await waitFor(() => slack.callsTo("chat.postMessage").length >= expected, 15_000, `${expected} replies`);
  // Long enough for a duplicate reply to show up if one were on its way.
  await new Promise((resolve) => setTimeout(resolve, 700));
  return slack.callsTo("chat.postMessage").length;
}

describe("several processes on one DATA_DIR (SQLite, WAL)", () => {
  it("answer each event once, whichever process gets which delivery", async () => {
    const database = sqliteDatabase();
    try {
      const both = await startTwo({ DATA_DIR: database.dataDir });
      await deliverEverywhere(both, mention("101"), "Ev-sqlite-shared-1");
      await deliverEverywhere(both, mention("102"), "Ev-sqlite-shared-2");
      expect(await repliesSettle(2)).toBe(2);
    } finally {
      database.cleanup();
    }
  }, 60_000);
});

/** A private PostgreSQL server for this file alone, so stopping it cannot disturb other test files. */
async function privatePostgres(): Promise<{
  url: string;
  stopDb: string;
  startDb: string;
  close(): Promise<void>;
}> {
  const child: ChildProcess = spawn(
    "bash",
    [
      join(REPO_ROOT, "scripts/with-postgres.sh"),
      "node",
      "-e",
      "console.log(JSON.stringify({url:process.env.AGORA_TEST_DATABASE_URL,stopDb:process.env.AGORA_TEST_PG_STOP,startDb:process.env.AGORA_TEST_PG_START}));process.stdin.resume();process.stdin.on('end',()=>process.exit(0))",
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await waitFor(
    () => (output.includes("\n") ? output : undefined),
    30_000,
    "a private PostgreSQL",
  );
  const info = JSON.parse(line) as { url: string; stopDb: string; startDb: string };
  return {
    ...info,
    async close() {
      child.stdin?.end();
      await exited;
    },
  };
}

const vote = (bot: BotProcess, value: string, user: string, responseId: string) =>
  signedPost(
    `${bot.url}/slack/events`,
    interactionBody({
      type: "block_actions",
      user: { id: user },
      channel: { id: "C1" },
      team: { id: "T1" },
      api_app_id: "A1",
      response_url: slack.responseUrl(responseId),
      trigger_id: "1",
      actions: [{ action_id: "feedback_down", value, type: "button", block_id: "feedback" }],
    }),
    { contentType: "application/x-www-form-urlencoded" },
  );
const voteReply = (responseId: string) =>
  waitFor(() => slack.responses.find((reply) => reply.path.endsWith(`/${responseId}`)), 10_000, responseId);

describe.skipIf(!PG_URL)("several instances on one PostgreSQL database", () => {
  it("answer each event once, put votes in one table, and lose no reply while the database is stopped", async () => {
    const pg = await privatePostgres();
    try {
      const [first, second] = await startTwo({ DATABASE_URL: pg.url });

      await deliverEverywhere([first, second], mention("201"), "Ev-pg-shared-1");
      await deliverEverywhere([second, first], mention("202"), "Ev-pg-shared-2");
      expect(await repliesSettle(2)).toBe(2);

      const response = await signedPost(
        `${first.url}/slack/events`,
        commandBody("110", { response_url: slack.responseUrl("cmd") }),
        { contentType: "application/x-www-form-urlencoded" },
      );
      const reply = (await response.json()) as {
        blocks: { block_id?: string; elements?: { value?: string }[] }[];
      };
      const value = reply.blocks.find((block) => block.block_id === "feedback")?.elements?.[0]?.value ?? "";
      await vote(first, value, "U1", "vote-1");
      await vote(second, value, "U2", "vote-2");
      expect(JSON.stringify((await voteReply("vote-1")).body)).toContain("recorded");
      expect(JSON.stringify((await voteReply("vote-2")).body)).toContain("recorded");
      const answerId = (JSON.parse(value) as { a: string }).a;
      const reader = await openSqlStore({
        engine: "postgres",
        databaseUrl: pg.url,
        retentionDays: 30,
        adminUserIds: [],
      });
      try {
        const rows = await reader.db
          .selectFrom("votes")
          .where("answer_id", "=", answerId)
          .selectAll()
          .execute();
        expect(rows.map((row) => row.user_id).sort()).toEqual(["U1", "U2"]);
      } finally {
        await reader.close();
      }

      execSync(pg.stopDb, { stdio: "ignore", shell: "/bin/bash" });
      await deliverEverywhere([first, second], mention("203"), "Ev-pg-outage-1");
      await deliverEverywhere([first, second], mention("204"), "Ev-pg-outage-2");
      // Each instance answers from its own memory now: every event is answered, at most once per instance.
      const during = await repliesSettle(4);
      expect(during).toBeGreaterThanOrEqual(4);
      expect(during).toBeLessThanOrEqual(6);
      await vote(first, value, "U3", "vote-3");
      expect(JSON.stringify((await voteReply("vote-3")).body)).toContain("not recorded");
      for (const bot of [first, second]) {
        expect(bot.output().match(/database is unreachable/g)?.length).toBe(1);
      }

      execSync(pg.startDb, { stdio: "ignore", shell: "/bin/bash" });
      await eventually(
        async () =>
          first.output().includes("reachable again") && second.output().includes("reachable again")
            ? true
            : undefined,
        "both instances reconnect",
        20_000,
      );
      const before = slack.callsTo("chat.postMessage").length;
      await deliverEverywhere([first, second], mention("205"), "Ev-pg-after");
      expect(await repliesSettle(before + 1)).toBe(before + 1);
    } finally {
      await Promise.all(bots.splice(0).map((bot) => bot.stop()));
      await pg.close();
    }
  }, 120_000);
});

if (!PG_URL)
  describe("several instances on one PostgreSQL database", () => it.skip(PG_SKIP_REASON, () => {}));
