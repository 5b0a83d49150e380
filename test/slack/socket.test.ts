import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandEnvelope, diagnoseShortcutPayload, eventEnvelope, interactiveEnvelope } from "./envelopes.js";
import { waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";

let running: RunningBot;
beforeAll(async () => {
  running = await startBot("socket");
});
afterAll(async () => {
  await running?.close();
});

describe("Socket Mode", () => {
  it("opens the connection through apps.connections.open with the app token", () => {
    const open = running.slack.callsTo("apps.connections.open")[0];
    expect(open?.authorization).toBe("Bearer xapp-1-test");
  });

  it("acknowledges a slash command envelope with the answer as its payload", async () => {
    await running.slack.sendEnvelope(
      commandEnvelope("env-cmd-1", "ERR_NO_AUTHORIZED", running.slack.responseUrl("socket-cmd")),
    );
    const ack = await waitFor(
      () => running.slack.acks.find((a) => a.envelope_id === "env-cmd-1"),
      5000,
      "command ack",
    );
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(JSON.stringify(ack.payload?.blocks)).toContain("Invalid token");
  });

  it("acknowledges every event envelope and answers each event once across retries", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    const event = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000100.000100",
      text: "<@UBOT> E/agora onError: 110",
    };
    await running.slack.sendEnvelope(eventEnvelope("env-1", "EvS1", event));
    await running.slack.sendEnvelope(eventEnvelope("env-2", "EvS1", event, 1));
    await running.slack.sendEnvelope(
      eventEnvelope("env-3", "EvS2", { ...event, ts: "1700000101.000100" }, 2),
    );
    await waitFor(
      () => ["env-1", "env-2", "env-3"].every((id) => running.slack.acks.some((a) => a.envelope_id === id)),
      5000,
      "acks",
    );
    await waitFor(() => running.slack.callsTo("chat.postMessage").length >= before + 2, 5000, "replies");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const threads = running.slack
      .callsTo("chat.postMessage")
      .slice(before)
      .map((call) => call.params.thread_ts);
    expect(threads.sort()).toEqual(["1700000100.000100", "1700000101.000100"]);
  });

  it("runs the message shortcut over the socket too", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await running.slack.sendEnvelope(
      interactiveEnvelope(
        "env-shortcut",
        diagnoseShortcutPayload({
          channel: "C9",
          ts: "1700000200.000100",
          text: "Get server node failed [INVALID_VENDOR_KEY]",
          responseUrl: running.slack.responseUrl("socket-shortcut"),
        }),
      ),
    );
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "shortcut reply",
    );
    expect(posted.params.channel).toBe("C9");
    expect(posted.params.thread_ts).toBe("1700000200.000100");
    expect(JSON.stringify(posted.params.blocks)).toContain("Invalid App ID");
  });

  it("acknowledges but ignores its own messages, other bots, and edits; answers a person's DM", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    const dm = { type: "message", channel: "D1", channel_type: "im", text: "E/agora onError: 110" };
    const ignored = [
      { ...dm, user: "UBOT", ts: "1700000300.000001" },
      { ...dm, user: "UOTHER", bot_id: "BOTHER", ts: "1700000300.000002" },
      { ...dm, subtype: "message_changed", ts: "1700000300.000003", message: { text: "x", user: "U1" } },
      { ...dm, subtype: "message_deleted", ts: "1700000300.000004", deleted_ts: "1700000300.000001" },
    ];
    for (const [n, event] of ignored.entries()) {
      await running.slack.sendEnvelope(eventEnvelope(`env-ignored-${n}`, `EvIgnored${n}`, event));
    }
    await running.slack.sendEnvelope(
      eventEnvelope("env-dm", "EvDM", { ...dm, user: "U1", ts: "1700000300.000005" }),
    );
    const reply = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "DM reply");
    expect(reply.params.channel).toBe("D1");
    await waitFor(
      () => ignored.every((_, n) => running.slack.acks.some((a) => a.envelope_id === `env-ignored-${n}`)),
      5000,
      "acks of ignored events",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.slack.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("shares an answer from a button click over the socket", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await running.slack.sendEnvelope(
      interactiveEnvelope("env-share", {
        type: "block_actions",
        user: { id: "U3" },
        channel: { id: "C3" },
        team: { id: "T1" },
        api_app_id: "A1",
        trigger_id: "1",
        response_url: running.slack.responseUrl("socket-share"),
        actions: [
          {
            type: "button",
            action_id: "share_answer",
            block_id: "answer_actions",
            value: JSON.stringify({ q: "120", l: "zh" }),
          },
        ],
      }),
    );
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "share");
    expect(posted.params.channel).toBe("C3");
    expect(JSON.stringify(posted.params.blocks)).toContain("由 <@U3> 分享");
    expect(running.slack.acks.some((a) => a.envelope_id === "env-share")).toBe(true);
  });

  it("publishes the App Home over the socket", async () => {
    const before = running.slack.callsTo("views.publish").length;
    await running.slack.sendEnvelope(
      eventEnvelope("env-home", "EvHome", {
        type: "app_home_opened",
        user: "U4",
        channel: "D4",
        tab: "home",
      }),
    );
    const publish = await waitFor(() => running.slack.callsTo("views.publish")[before], 5000, "home");
    expect(publish.params.user_id).toBe("U4");
  });
});
