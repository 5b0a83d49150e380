import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlStore, type SqlStore } from "../../src/store/sqlStore.js";
import type { GapReport, Store, UnansweredKind, Vote } from "../../src/store/types.js";
import { eventually, sqliteDatabase, type TestDatabase } from "../store/databases.js";
import { waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";
import { commandBody, eventBody, interactionBody, signedPost } from "./signedRequest.js";

/** The real SQLite store, with a switch that makes every call fail as an unreachable database would. */
class SwitchableStore implements Store {
  down = false;
  constructor(readonly inner: SqlStore) {}
  private check(): void {
    if (this.down)
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  }
  async claimEvent(id: string) {
    this.check();
    return this.inner.claimEvent(id);
  }
  async recordAnswer(answerId: string, entryIds: readonly string[]) {
    this.check();
    return this.inner.recordAnswer(answerId, entryIds);
  }
  async recordUnanswered(kind: UnansweredKind, text: string) {
    this.check();
    return this.inner.recordUnanswered(kind, text);
  }
  async recordVote(vote: Vote) {
    this.check();
    return this.inner.recordVote(vote);
  }
  async report(days: number): Promise<GapReport> {
    this.check();
    return this.inner.report(days);
  }
  async purge() {
    this.check();
    return this.inner.purge();
  }
  async ping() {
    this.check();
    return this.inner.ping();
  }
  async close() {
    return this.inner.close();
  }
}

interface Reply {
  blocks: { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] }[];
}

let database: TestDatabase;
let store: SwitchableStore;
let running: RunningBot;
beforeAll(async () => {
  database = sqliteDatabase();
  store = new SwitchableStore(await openSqlStore(database.config()));
  running = await startBot("http", {}, { openStore: async () => store, adminUserIds: ["UADMIN"] });
});
afterAll(async () => {
  await running?.close();
  database?.cleanup();
});

const events = () => `${running.url}/slack/events`;
const command = async (text: string): Promise<Reply> => {
  const response = await signedPost(
    events(),
    commandBody(text, { response_url: running.slack.responseUrl("c") }),
    {
      contentType: "application/x-www-form-urlencoded",
    },
  );
  return (await response.json()) as Reply;
};
const postEvent = (event: Record<string, unknown>, eventId?: string) =>
  signedPost(events(), eventBody(event, eventId), { contentType: "application/json" });
const feedbackButtons = (reply: Reply) =>
  reply.blocks.find((block) => block.block_id === "feedback")?.elements ?? [];
const click = async (
  button: { action_id?: string; value?: string } | undefined,
  user: string,
  responseId: string,
) => {
  const response = await signedPost(
    events(),
    interactionBody({
      type: "block_actions",
      user: { id: user },
      channel: { id: "C1" },
      team: { id: "T1" },
      api_app_id: "A1",
      response_url: running.slack.responseUrl(responseId),
      trigger_id: "1",
      actions: [{ action_id: button?.action_id, value: button?.value, type: "button", block_id: "feedback" }],
    }),
    { contentType: "application/x-www-form-urlencoded" },
  );
  expect(response.status).toBe(200);
  return waitFor(
    () => running.slack.responses.find((reply) => reply.path.endsWith(`/${responseId}`)),
    5000,
    `reply to ${responseId}`,
  );
};
const votes = () => store.inner.db.selectFrom("votes").selectAll().orderBy("user_id").execute();

describe("feedback on every answer", () => {
  it("puts 👍 / 👎 under an answer and records which entries it gave", async () => {
    const reply = await command("110");
    const buttons = feedbackButtons(reply);
    expect(buttons.map((button) => button.action_id)).toEqual(["feedback_up", "feedback_down"]);
    const value = JSON.parse(buttons[0]?.value ?? "{}") as { a: string; e: string[] };
    expect(value.e.length).toBeGreaterThan(0);
    const rows = await eventually(async () => {
      const found = await store.inner.db
        .selectFrom("answers")
        .where("answer_id", "=", value.a)
        .selectAll()
        .execute();
      return found.length > 0 ? found : undefined;
    }, "answer recorded");
    expect(rows.map((row) => row.entry_id)).toEqual(value.e);
  });

  it("puts 👍 / 👎 under a diagnosed log too, posted in the thread", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000450.000100",
      text: "<@UBOT> E/agora onError: 110",
    });
    const post = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
    const raw = post.params.blocks;
    const blocks = (typeof raw === "string" ? JSON.parse(raw) : raw) as Reply["blocks"];
    expect(feedbackButtons({ blocks }).map((button) => button.action_id)).toEqual([
      "feedback_up",
      "feedback_down",
    ]);
  });

  it("keeps one vote per person per answer; a second click changes it", async () => {
    const [up, down] = feedbackButtons(await command("109"));
    expect(JSON.stringify((await click(up, "U1", "v1")).body)).toContain("👍 is recorded");
    expect(JSON.stringify((await click(down, "U1", "v2")).body)).toContain("👎 is recorded");
    await click(down, "U2", "v3");
    const answerId = (JSON.parse(up?.value ?? "{}") as { a: string }).a;
    const rows = (await votes()).filter((row) => row.answer_id === answerId);
    expect(rows.map((row) => [row.user_id, Number(row.vote)])).toEqual([
      ["U1", -1],
      ["U2", -1],
    ]);
  });

  it("ignores a forged or broken button value without failing", async () => {
    const before = (await votes()).length;
    await signedPost(
      events(),
      interactionBody({
        type: "block_actions",
        user: { id: "U3" },
        team: { id: "T1" },
        response_url: running.slack.responseUrl("forged"),
        actions: [
          {
            action_id: "feedback_up",
            value: '{"a":{"$gt":1},"e":"x"}',
            type: "button",
            block_id: "feedback",
          },
        ],
      }),
      { contentType: "application/x-www-form-urlencoded" },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await votes()).length).toBe(before);
    // A well-formed value naming an entry the knowledge lacks: the vote counts, the made-up id does not.
    await click(
      { action_id: "feedback_down", value: '{"a":"made-up-answer","e":["no-such-entry"]}' },
      "U3",
      "made-up",
    );
    const answers = await store.inner.db
      .selectFrom("answers")
      .where("answer_id", "=", "made-up-answer")
      .selectAll()
      .execute();
    expect(answers).toEqual([]);
  });

  it("records a query that found nothing, and a log that found nothing, redacted", async () => {
    const reply = await command("where is my cat 12345");
    expect(feedbackButtons(reply)).toEqual([]);
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000500.000100",
      text: "<@UBOT> my log:\nI/agora connecting with appid 0123456789abcdef0123456789abcdef\nI/agora all fine here",
    });
    const rows = await eventually(async () => {
      const found = await store.inner.db.selectFrom("unanswered").selectAll().orderBy("kind").execute();
      return found.length >= 2 ? found : undefined;
    }, "gaps recorded");
    expect(rows.map((row) => row.kind)).toEqual(["query", "scan"]);
    expect(rows[0]?.text).toBe("where is my cat 12345");
    expect(rows[1]?.text).toContain("all fine here");
    expect(rows[1]?.text).not.toContain("0123456789abcdef0123456789abcdef");
  });

  it("shows the knowledge-gap report in App Home to admins only", async () => {
    await postEvent({ type: "app_home_opened", user: "UADMIN", channel: "D1", tab: "home" });
    await postEvent({ type: "app_home_opened", user: "U1", channel: "D2", tab: "home" });
    const publishes = await waitFor(
      () => {
        const calls = running.slack.callsTo("views.publish");
        return calls.length >= 2 ? calls : undefined;
      },
      5000,
      "two views.publish",
    );
    const forAdmin = publishes.find((call) => call.params.user_id === "UADMIN");
    const forUser = publishes.find((call) => call.params.user_id === "U1");
    expect(JSON.stringify(forAdmin?.params.view)).toContain("Knowledge gaps");
    expect(JSON.stringify(forAdmin?.params.view)).toContain("where is my cat");
    expect(JSON.stringify(forUser?.params.view)).not.toContain("Knowledge gaps");
  });
});

describe("when the database is down", () => {
  it("still answers once per event, logs the failure once, and tells voters to try again", async () => {
    const [up] = feedbackButtons(await command("110"));
    store.down = true;
    try {
      const before = running.slack.callsTo("chat.postMessage").length;
      const mention = {
        type: "app_mention",
        user: "U1",
        channel: "C1",
        ts: "1700000600.000100",
        text: "<@UBOT> E/agora onError: 110",
      };
      await postEvent(mention, "Ev-down-1");
      await postEvent(mention, "Ev-down-1");
      await waitFor(() => running.slack.callsTo("chat.postMessage").length > before, 5000, "reply");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(running.slack.callsTo("chat.postMessage").length).toBe(before + 1);
      const vote = await click(up, "U4", "down-vote");
      expect(JSON.stringify(vote.body)).toContain("not recorded");
      await command("where is my dog");
      const outage = running.logger.lines.filter((line) => line.includes("database is unreachable"));
      expect(outage).toHaveLength(1);
      expect(outage[0]).toContain("ECONNREFUSED");
    } finally {
      store.down = false;
    }
  });
});
