import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";
import { eventBody, signedPost } from "./signedRequest.js";

let running: RunningBot;
beforeAll(async () => {
  running = await startBot("http");
});
afterAll(async () => {
  await running?.close();
});

describe("the bot's identity lookup", () => {
  it("retries auth.test on the next request after Slack failed it, instead of failing forever", async () => {
    const failure = () => ({ status: 500, body: { ok: false, error: "internal_error" } });
    running.slack.failNext("auth.test", failure, failure, failure, failure);
    const mention = (ts: string) =>
      signedPost(
        `${running.url}/slack/events`,
        eventBody({
          type: "app_mention",
          user: "U1",
          channel: "C1",
          ts,
          text: "<@UBOT> E/agora onError: 110",
        }),
        {
          contentType: "application/json",
        },
      );
    await mention("1700000300.000100");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = running.slack.callsTo("chat.postMessage").length;
    await mention("1700000301.000100");
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      8000,
      "reply after recovery",
    );
    expect(posted.params.thread_ts).toBe("1700000301.000100");
  });
});
