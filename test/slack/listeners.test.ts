import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { diagnoseShortcutPayload } from "./envelopes.js";
import { payloads } from "./fakeReceiver.js";
import { BOT_TOKEN, waitFor } from "./fakeSlack.js";
import { type ListenerBot, startListeners } from "./harness.js";

/**
 * The listeners, fed Slack's payloads through a FakeReceiver (bolt-js's own test style): the real
 * Bolt App, middleware and listeners, and real Web API calls to the fake Slack, without HTTP or a
 * socket in front. What only the transport shows is in http.test.ts and socket.test.ts.
 */

interface Reply {
  response_type?: string;
  text: string;
  blocks: {
    type: string;
    block_id?: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text: { text: string } }[];
  }[];
}

let running: ListenerBot;
beforeAll(async () => {
  running = await startListeners();
});
afterAll(async () => {
  await running?.close();
});

const command = async (text: string): Promise<Reply> => {
  const delivery = await running.receiver.send(
    payloads.command(text, { response_url: running.slack.responseUrl("cmd") }),
  );
  expect(delivery.acked).toBe(true);
  return delivery.response as Reply;
};
const event = (body: Record<string, unknown>, eventId?: string) =>
  running.receiver.send(payloads.event(body, eventId));
const allText = (reply: Reply) => JSON.stringify(reply.blocks);
const posts = () => running.slack.callsTo("chat.postMessage");
const mention = (ts: string, text: string, channel = "C1") => ({
  type: "app_mention",
  user: "U1",
  channel,
  ts,
  text: `<@UBOT> ${text}`,
});

describe("/agora", () => {
  it("answers a code in the acknowledgement, ephemerally, with every part of the card", async () => {
    const reply = await command("110");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "110 ERR_INVALID_TOKEN: Invalid token" },
    });
    for (const part of [
      "Names per platform",
      "AgoraErrorCodeInvalidToken",
      "ERR_NO_AUTHORIZED",
      "Why it happens",
      "How to fix it",
      "1. ",
      "onConnectionStateChanged",
      "docs.agora.io",
      "Share in channel",
    ]) {
      expect(allText(reply)).toContain(part);
    }
  });

  it("shows usage for /agora and /agora help, and the token entries for /agora list token", async () => {
    for (const text of ["", "help"]) expect(allText(await command(text))).toContain("/agora 110");
    const list = await command("list token");
    for (const code of ["101", "109 / 118 / 2", "110", "119", "120"]) expect(allText(list)).toContain(code);
  });

  it("answers a catalogue code or name with its entry, every meaning of the number, warnings marked", async () => {
    for (const query of ["17", "ERR_JOIN_CHANNEL_REJECTED", "-17"]) {
      const reply = await command(query);
      expect(reply.blocks.find((block) => block.type === "header")?.text?.text, query).toBe(
        "17 ERR_JOIN_CHANNEL_REJECTED",
      );
      const text = allText(reply);
      for (const part of [
        "Names per platform",
        "AgoraErrorCodeJoinChannelRejected",
        "What it means",
        "How it is reported",
        "First thing to check",
        "docs.agora.io",
      ]) {
        expect(text, query).toContain(part);
      }
    }
    const seventeen = allText(await command("17"));
    expect(seventeen).toContain("CONNECTION_CHANGED_ECHO_TEST");
    expect(seventeen).toContain("17 has 2 meanings");
    const warning = await command("WARN_SET_CLIENT_ROLE_TIMEOUT");
    expect(JSON.stringify(warning.blocks[1])).toContain("Warning");
    const web = allText(await command("web 2"));
    const native = allText(await command("android 2"));
    expect(web.indexOf("K_TIMESTAMP_EXPIRED")).toBeLessThan(web.indexOf("ERR_INVALID_ARGUMENT"));
    expect(native.indexOf("ERR_INVALID_ARGUMENT")).toBeLessThan(native.indexOf("K_TIMESTAMP_EXPIRED"));
  });

  it("lists the catalogue by category: buttons open a category, pages turn, nothing is cut silently", async () => {
    const list = await command("list");
    const text = allText(list);
    const knowledge = loadKnowledge();
    for (const category of knowledge.categories) expect(text).toContain(`/agora list ${category.id}`);
    const buttons = list.blocks
      .filter((block) => block.type === "actions")
      .flatMap((block) => block.elements ?? []);
    expect(buttons).toHaveLength(knowledge.categories.length);
    expect(list.blocks.length).toBeLessThanOrEqual(50);

    // The largest category takes several pages; walk them all through the buttons.
    const counts = new Map<string, number>();
    for (const entry of knowledge.entries)
      counts.set(entry.category.id, (counts.get(entry.category.id) ?? 0) + 1);
    const [largest, size] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    let click: { action_id?: string; value?: string } | undefined = buttons.find(
      (button) => JSON.parse(button.value ?? "{}").c === largest,
    );
    const seen = new Set<string>();
    for (let page = 0; click && page < 20; page++) {
      const delivery = await running.receiver.send(
        payloads.click(
          { action_id: click.action_id, value: click.value, block_id: "list" },
          { user: "U1", channel: "C1", responseUrl: running.slack.responseUrl(`list-${page}`) },
        ),
      );
      expect(delivery.acked).toBe(true);
      const response = await waitFor(
        () => running.slack.responses.find((r) => r.path === `/response/list-${page}`),
        5000,
        "listing page",
      );
      expect(response.body.replace_original).toBe(true);
      const blocks = response.body.blocks as Reply["blocks"];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks.filter((b) => b.type === "section")) {
        for (const line of (block.text?.text ?? "").split("\n")) seen.add(line);
      }
      click = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === "list_next");
    }
    expect(seen.size).toBe(size);
  });

  it("says so when /agora list names no category, and shows the categories", async () => {
    const reply = await command("list nothing-like-this");
    expect(allText(reply)).toContain("No category matches");
    expect(allText(reply)).toContain("/agora list token");
  });

  it("answers Chinese in Chinese, and obeys a zh / en word", async () => {
    expect(allText(await command("Token 过期了"))).toContain("Token 已过期");
    expect(allText(await command("zh 110"))).toContain("Token 无效");
    expect(allText(await command("Token 过期了 en"))).toContain("Token expired");
  });

  it("says no match, echoes the query safely, and offers did-you-mean buttons that answer", async () => {
    const reply = await command("<!channel> token <@U999>");
    const text = allText(reply);
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U999>");
    const actions = reply.blocks.find((block) => block.type === "actions");
    expect(actions?.elements?.length).toBeGreaterThan(0);
    expect(actions?.elements?.length).toBeLessThanOrEqual(3);
    const button = actions?.elements?.[0];
    expect(button?.action_id).toMatch(/^did_you_mean_\d+$/);
    const click = await running.receiver.send(
      payloads.click(
        { action_id: button?.action_id, value: button?.value, block_id: "did_you_mean" },
        { user: "U1", channel: "C1", responseUrl: running.slack.responseUrl("dym") },
      ),
    );
    expect(click.acked).toBe(true);
    const answer = await waitFor(
      () => running.slack.responses.find((r) => r.path === "/response/dym"),
      5000,
      "did-you-mean answer",
    );
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body.blocks)).toContain("How to fix it");
  });

  it("shares the answer visibly with who shared it", async () => {
    const reply = await command("118");
    const share = reply.blocks.find((block) => block.type === "actions")?.elements?.[0];
    expect(share?.action_id).toBe("share_answer");
    const before = posts().length;
    await running.receiver.send(
      payloads.click(
        { action_id: "share_answer", value: share?.value, block_id: "answer_actions" },
        { user: "U42", channel: "C7", responseUrl: running.slack.responseUrl("share") },
      ),
    );
    const posted = await waitFor(() => posts()[before], 5000, "shared post");
    expect(posted.params.channel).toBe("C7");
    expect(posted.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("118 ERR_DYNAMIC_KEY_EXPIRED");
    expect(blocks).toContain("Shared by <@U42>");
    expect(blocks).not.toContain("share_answer");
  });

  it("falls back to an ephemeral answer when sharing is refused (not_in_channel), and logs it", async () => {
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
    const share = (await command("110")).blocks.find((block) => block.type === "actions")?.elements?.[0];
    await running.receiver.send(
      payloads.click(
        { action_id: "share_answer", value: share?.value, block_id: "answer_actions" },
        { user: "U1", channel: "CPRIVATE", responseUrl: running.slack.responseUrl("share-refused") },
      ),
    );
    const fallback = await waitFor(
      () => running.slack.responses.find((r) => r.path === "/response/share-refused"),
      5000,
      "fallback",
    );
    const blocks = fallback.body.blocks as unknown[];
    expect(JSON.stringify(blocks)).toContain("/invite @agora-bot");
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(
      running.logger.lines.some((line) => line.includes("not_in_channel") && line.includes("CPRIVATE")),
    ).toBe(true);
  });

  it("diagnoses a log pasted into the command", async () => {
    const reply = await command("11-24 10:11:09.110 1234 5678 E agora: onError: 110\nmore");
    expect(allText(reply)).toContain("1 Agora token error found");
  });
});

describe("mentions and messages", () => {
  it("replies once in the mention's thread with the finding, the redacted evidence and the fix", async () => {
    const before = posts().length;
    await event(
      mention(
        "1700000000.000100",
        "help: 10:11:09:650 Agora-SDK [ERROR]: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed appid 0123456789abcdef0123456789abcdef",
      ),
    );
    const posted = await waitFor(() => posts()[before], 5000, "mention reply");
    expect(posted.params.thread_ts).toBe("1700000000.000100");
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("Invalid token");
    expect(blocks).toContain("Web SDK 4.x");
    expect(blocks).not.toContain("0123456789abcdef0123456789abcdef");
    expect(blocks).toContain("0123…[app-id]");
    expect(posts().length).toBe(before + 1);
  });

  it("reads a log pasted between code fences without the fence in the evidence", async () => {
    const before = posts().length;
    await event(mention("1700000000.000200", "console:\n```E/agora: onError: 110```"));
    const posted = await waitFor(() => posts()[before], 5000, "fenced reply");
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("Invalid token");
    expect(blocks).not.toContain("ʼʼʼ");
  });

  it("answers an event once when Slack delivers it again", async () => {
    const before = posts().length;
    const body = mention("1700000001.000100", "onError: 109 E/agora");
    await event(body, "EvSAME");
    await event(body, "EvSAME");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts().length).toBe(before + 1);
  });

  it("ignores its own messages, other bots, and edits and deletions", async () => {
    const before = posts().length;
    const base = { type: "message", channel: "D1", channel_type: "im", text: "onError: 110 E/agora" };
    await event({ ...base, user: "UBOT", ts: "1.1" });
    await event({ ...base, bot_id: "BOTHER", user: "UOTHERBOT", ts: "1.2" });
    await event({ ...base, subtype: "bot_message", bot_id: "B2", ts: "1.3" });
    await event({
      ...base,
      subtype: "message_changed",
      ts: "1.4",
      message: { text: "x", user: "U1", ts: "1.0" },
    });
    await event({ ...base, subtype: "message_deleted", ts: "1.5", deleted_ts: "1.0" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts().length).toBe(before);
  });

  it("answers a direct message like a mention, in Chinese for Chinese", async () => {
    const before = posts().length;
    await event({
      type: "message",
      channel: "D1",
      channel_type: "im",
      user: "U1",
      ts: "1700000003.000100",
      text: "加入频道报错 110，怎么办",
    });
    const posted = await waitFor(() => posts()[before], 5000, "DM reply");
    expect(posted.params.channel).toBe("D1");
    expect(JSON.stringify(posted.params.blocks)).toContain("Token 无效");
  });

  it("words the failure note in the reply's language", async () => {
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
    const before = running.slack.callsTo("chat.postEphemeral").length;
    await event(mention("1700000014.000100", "加入频道报错 110", "CZH"));
    const ephemeral = await waitFor(
      () => running.slack.callsTo("chat.postEphemeral")[before],
      5000,
      "ephemeral",
    );
    expect(JSON.stringify(ephemeral.params.blocks)).toContain("我无法在此频道发消息");
  });

  it("never lets a pasted broadcast or mention notify anyone", async () => {
    const before = posts().length;
    await event(
      mention("1700000004.000100", "E/agora: onError: 110 &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;"),
    );
    const posted = await waitFor(() => posts()[before], 5000, "reply");
    const everything = `${String(posted.params.text)}${JSON.stringify(posted.params.blocks)}`;
    for (const ping of ["<!channel>", "<!here>", "<@U123>"]) expect(everything).not.toContain(ping);
    expect(everything).toContain("&lt;!channel&gt;");
  });

  it("diagnoses a 39,000-character paste within Block Kit limits", async () => {
    const lines: string[] = [];
    for (let n = 0; lines.join("\n").length < 39_000; n++) {
      lines.push(n % 50 === 7 ? "E/agora: onError: 110" : `I/agora: frame ${n} rendered, fps 15 <@U1> &amp;`);
    }
    const before = posts().length;
    await event(mention("1700000005.000100", lines.join("\n")));
    const posted = await waitFor(() => posts()[before], 5000, "paste reply");
    const blocks = posted.params.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
    expect(String(posted.params.text).length).toBeLessThan(4000);
    expect(JSON.stringify(blocks)).toContain("Invalid token");
  });

  it("diagnoses the thread's parent when a mention in a thread has no log of its own, saying so first", async () => {
    const many = Array.from(
      { length: 60 },
      (_, n) => `E/agora: onError: 110 #${n}\nE/agora: onError: 101 #${n}`,
    );
    running.slack.threads.set("1700000009.000100", {
      type: "message",
      user: "U2",
      ts: "1700000009.000100",
      text: `User join failed [ERR_STATIC_USE_DYANMIC_KE]\n${many.join("\n")}`,
    });
    const before = posts().length;
    await event({ ...mention("1700000010.000100", "what is this?"), thread_ts: "1700000009.000100" });
    const posted = await waitFor(() => posts()[before], 5000, "thread reply");
    expect(posted.params.thread_ts).toBe("1700000009.000100");
    const blocks = posted.params.blocks as { type: string }[];
    expect(JSON.stringify(blocks)).toContain("Token sent to a project without an App Certificate");
    expect(JSON.stringify(blocks[0])).toContain("Diagnosing the message this thread started with");
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(running.slack.callsTo("conversations.replies").at(-1)?.params.ts).toBe("1700000009.000100");
  });

  it("says what to paste when there is nothing to find", async () => {
    const before = posts().length;
    await event(mention("1700000011.000100", "hello there"));
    const posted = await waitFor(() => posts()[before], 5000, "reply");
    expect(JSON.stringify(posted.params.blocks)).toContain("No Agora token error found");
  });

  it("survives rate limiting and API errors without crashing", async () => {
    running.slack.failNext("chat.postMessage", () => ({
      status: 429,
      headers: { "retry-after": "0" },
      body: { ok: false, error: "ratelimited" },
    }));
    const before = posts().length;
    await event(mention("1700000012.000100", "E/agora onError: 110"));
    await waitFor(() => posts().length >= before + 2, 8000, "retried post");
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "channel_not_found" } }));
    const ephemeralBefore = running.slack.callsTo("chat.postEphemeral").length;
    await event(mention("1700000013.000100", "E/agora onError: 110", "CGONE"));
    await waitFor(
      () => running.slack.callsTo("chat.postEphemeral")[ephemeralBefore],
      5000,
      "ephemeral fallback",
    );
    expect(
      running.logger.lines.some((line) => line.includes("channel_not_found") && line.includes("CGONE")),
    ).toBe(true);
  });
});

describe("message shortcut and App Home", () => {
  it("posts the diagnosis of someone else's message into its thread", async () => {
    const before = posts().length;
    const delivery = await running.receiver.send(
      diagnoseShortcutPayload({
        channel: "C1",
        ts: "1700000020.000100",
        text: "Uncaught (in promise) ERR_DYNAMIC_KEY_TIMEOUT",
        responseUrl: running.slack.responseUrl("shortcut"),
      }),
    );
    expect(delivery.acked).toBe(true);
    const posted = await waitFor(() => posts()[before], 5000, "shortcut reply");
    expect(posted.params.thread_ts).toBe("1700000020.000100");
    expect(JSON.stringify(posted.params.blocks)).toContain("Token expired");
  });

  it("publishes the App Home with examples and every category", async () => {
    await event({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" });
    const publish = await waitFor(() => running.slack.callsTo("views.publish")[0], 5000, "views.publish");
    expect(publish.params.user_id).toBe("U1");
    const view = JSON.stringify(publish.params.view);
    expect(view).toContain("/agora 110");
    for (const category of loadKnowledge().categories) {
      expect(view).toContain(JSON.stringify(category.title.en).slice(1, -1));
      expect(view).toContain(`/agora list ${category.id}`);
    }
  });
});

describe("payloads a listener does not understand", () => {
  it("are answered by no listener, each logged once as a warning naming the listener, and never crash", async () => {
    const before = { posts: posts().length, lines: running.logger.lines.length };
    const cases: [string, Record<string, unknown>][] = [
      ["app_mention", payloads.event({ type: "app_mention", user: "U1", channel: "C1", text: "110" })],
      ["app_home_opened", payloads.event({ type: "app_home_opened", channel: "D1" })],
      [
        "did-you-mean",
        payloads.click(
          { action_id: "did_you_mean_0", value: "{not json", block_id: "did_you_mean" },
          { user: "U1", channel: "C1", responseUrl: running.slack.responseUrl("bad") },
        ),
      ],
      [
        "share",
        payloads.click(
          {
            action_id: "share_answer",
            value: JSON.stringify({ q: "110", l: "fr" }),
            block_id: "answer_actions",
          },
          { user: "U1", channel: "C1", responseUrl: running.slack.responseUrl("bad") },
        ),
      ],
      [
        "feedback",
        payloads.click(
          { action_id: "feedback_up", value: JSON.stringify({ a: "", e: ["x"] }), block_id: "feedback" },
          { user: "U1", channel: "C1", responseUrl: running.slack.responseUrl("bad") },
        ),
      ],
      [
        "diagnose shortcut",
        {
          type: "message_action",
          callback_id: "diagnose_agora_errors",
          user: { id: "U1" },
          team: { id: "T1" },
        },
      ],
    ];
    for (const [listener, body] of cases) {
      const delivery = await running.receiver.send(body);
      const warnings = running.logger.lines.filter(
        (line) => line.startsWith("warn") && line.includes(`${listener}:`),
      );
      expect(warnings, listener).toHaveLength(1);
      if (listener !== "app_mention" && listener !== "app_home_opened")
        expect(delivery.acked, listener).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts().length).toBe(before.posts);
    expect(running.slack.responses.filter((r) => r.path === "/response/bad")).toEqual([]);
  });
});
