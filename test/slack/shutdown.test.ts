import { afterEach, describe, expect, it } from "vitest";
import { commandEnvelope, diagnoseShortcutPayload, interactiveEnvelope } from "./envelopes.js";
import { waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";
import { commandBody, eventBody, signedPost } from "./signedRequest.js";

// Draining is entered directly (not through stop()) so requests can still reach the bot and show
// what it does with work that arrives while it is finishing up.
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("while shutting down", () => {
  it("HTTP: answers a command with a short 'restarting' note and takes no new event work", async () => {
    running = await startBot("http");
    const bot = running;
    void bot.bot.context.inflight.drain(5000);
    const response = await signedPost(`${bot.url}/slack/events`, commandBody("110"), {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringContaining("restarting"),
    });
    const event = await signedPost(
      `${bot.url}/slack/events`,
      eventBody({
        type: "app_mention",
        user: "U1",
        channel: "C1",
        ts: "1.1",
        text: "<@UBOT> onError: 110 E/agora",
      }),
      { contentType: "application/json" },
    );
    expect(event.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("Socket Mode: acknowledges a command envelope with the note, and a shortcut with an empty ack", async () => {
    running = await startBot("socket");
    const bot = running;
    void bot.bot.context.inflight.drain(5000);
    await bot.slack.sendEnvelope(commandEnvelope("env-draining-cmd", "110"));
    await bot.slack.sendEnvelope(
      interactiveEnvelope(
        "env-draining-shortcut",
        diagnoseShortcutPayload({ channel: "C1", ts: "1.2", text: "onError: 110 E/agora" }),
      ),
    );
    const ack = await waitFor(
      () => bot.slack.acks.find((a) => a.envelope_id === "env-draining-cmd"),
      5000,
      "ack",
    );
    expect(JSON.stringify(ack.payload)).toContain("restarting");
    await waitFor(() => bot.slack.acks.find((a) => a.envelope_id === "env-draining-shortcut"), 5000, "ack");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
