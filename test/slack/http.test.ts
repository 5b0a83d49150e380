import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseShortcutPayload } from "./envelopes.js";
import { BOT_TOKEN, dropConnection, waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";
import { commandBody, eventBody, interactionBody, signedPost, slackSignature } from "./signedRequest.js";

interface CommandReply {
  response_type?: string;
  text: string;
  blocks: {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text: { text: string } }[];
  }[];
}

let running: RunningBot;
beforeAll(async () => {
  running = await startBot("http");
});
afterAll(async () => {
  await running?.close();
});

const events = () => `${running.url}/slack/events`;
const postCommand = (text: string) =>
  signedPost(events(), commandBody(text, { response_url: running.slack.responseUrl("cmd") }), {
    contentType: "application/x-www-form-urlencoded",
  });
const postEvent = (event: Record<string, unknown>, eventId?: string, headers: Record<string, string> = {}) =>
  signedPost(events(), eventBody(event, eventId), { contentType: "application/json", headers });
const allText = (reply: CommandReply) => JSON.stringify(reply.blocks);

/** Posts a signed block_actions payload, as Slack does when someone clicks one of our buttons. */
const clickButton = (
  action: { action_id?: string | undefined; value?: string | undefined; block_id: string },
  where: { user: string; channel: string; responseId: string },
) =>
  signedPost(
    events(),
    interactionBody({
      type: "block_actions",
      user: { id: where.user },
      channel: { id: where.channel },
      team: { id: "T1" },
      api_app_id: "A1",
      response_url: running.slack.responseUrl(where.responseId),
      trigger_id: "1",
      actions: [
        { action_id: action.action_id, value: action.value, type: "button", block_id: action.block_id },
      ],
    }),
    { contentType: "application/x-www-form-urlencoded" },
  );

describe("HTTP mode: health and signatures", () => {
  it("answers /healthz with 200 once the knowledge is loaded", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, entries: 7 });
  });

  it("answers Slack's URL verification challenge, as when the Request URL is first saved", async () => {
    const body = JSON.stringify({ token: "legacy", type: "url_verification", challenge: "c-123" });
    const response = await signedPost(events(), body, { contentType: "application/json" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "c-123" });
  });

  it("rejects forged and stale signatures with 401", async () => {
    const body = commandBody("110");
    const forged = await signedPost(events(), body, {
      contentType: "application/x-www-form-urlencoded",
      signature: "v0=deadbeef",
    });
    expect(forged.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 60 * 10;
    const old = await signedPost(events(), body, {
      contentType: "application/x-www-form-urlencoded",
      timestamp: stale,
      signature: slackSignature(body, stale),
    });
    expect(old.status).toBe(401);
    const wrongSecret = await signedPost(events(), body, {
      contentType: "application/x-www-form-urlencoded",
      signature: slackSignature(body, Math.floor(Date.now() / 1000), "0000"),
    });
    expect(wrongSecret.status).toBe(401);
  });
});

describe("/agora", () => {
  it("answers a code in the acknowledgement, ephemerally, with every part of the card", async () => {
    const response = await postCommand("110");
    expect(response.status).toBe(200);
    const reply = (await response.json()) as CommandReply;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "110 ERR_INVALID_TOKEN: Invalid token" },
    });
    const text = allText(reply);
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
      expect(text).toContain(part);
    }
  });

  it("shows usage for /agora and /agora help, and every entry for /agora list", async () => {
    for (const text of ["", "help"]) {
      const reply = (await (await postCommand(text)).json()) as CommandReply;
      expect(allText(reply)).toContain("/agora 110");
    }
    const list = (await (await postCommand("list")).json()) as CommandReply;
    for (const code of ["101", "109 / 118 / 2", "110", "119", "120"]) expect(allText(list)).toContain(code);
  });

  it("answers Chinese in Chinese, and obeys a zh / en word", async () => {
    expect(allText((await (await postCommand("Token 过期了")).json()) as CommandReply)).toContain(
      "Token 已过期",
    );
    expect(allText((await (await postCommand("zh 110")).json()) as CommandReply)).toContain("Token 无效");
    expect(allText((await (await postCommand("Token 过期了 en")).json()) as CommandReply)).toContain(
      "Token expired",
    );
  });

  it("says no match, echoes the query safely, and offers did-you-mean buttons that answer", async () => {
    const reply = (await (await postCommand("<!channel> token <@U999>")).json()) as CommandReply;
    const text = allText(reply);
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U999>");
    const actions = reply.blocks.find((block) => block.type === "actions");
    expect(actions?.elements?.length).toBeGreaterThan(0);
    expect(actions?.elements?.length).toBeLessThanOrEqual(3);
    const button = actions?.elements?.[0];
    const click = await clickButton(
      { action_id: button?.action_id, value: button?.value, block_id: "did_you_mean" },
      { user: "U1", channel: "C1", responseId: "dym" },
    );
    expect(click.status).toBe(200);
    const answer = await waitFor(
      () => running.slack.responses.find((r) => r.path === "/response/dym"),
      5000,
      "did-you-mean answer",
    );
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body.blocks)).toContain("How to fix it");
  });

  it("shares the answer visibly with who shared it", async () => {
    const reply = (await (await postCommand("118")).json()) as CommandReply;
    const share = reply.blocks.find((block) => block.type === "actions")?.elements?.[0];
    expect(share?.action_id).toBe("share_answer");
    const before = running.slack.callsTo("chat.postMessage").length;
    await clickButton(
      { action_id: "share_answer", value: share?.value, block_id: "answer_actions" },
      { user: "U42", channel: "C7", responseId: "share" },
    );
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "shared post",
    );
    expect(posted.params.channel).toBe("C7");
    expect(posted.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("118 ERR_DYNAMIC_KEY_EXPIRED");
    expect(blocks).toContain("Shared by <@U42>");
    expect(blocks).not.toContain("share_answer");
  });

  it("falls back to an ephemeral answer when sharing is refused (not_in_channel), and logs it", async () => {
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
    const reply = (await (await postCommand("110")).json()) as CommandReply;
    const share = reply.blocks.find((block) => block.type === "actions")?.elements?.[0];
    await clickButton(
      { action_id: "share_answer", value: share?.value, block_id: "answer_actions" },
      { user: "U1", channel: "CPRIVATE", responseId: "share-refused" },
    );
    const fallback = await waitFor(
      () => running.slack.responses.find((r) => r.path === "/response/share-refused"),
      5000,
      "fallback",
    );
    expect(JSON.stringify(fallback.body.blocks)).toContain("/invite @agora-bot");
    expect(
      running.logger.lines.some((line) => line.includes("not_in_channel") && line.includes("CPRIVATE")),
    ).toBe(true);
  });

  it("diagnoses a log pasted into the command", async () => {
    const reply = (await (
      await postCommand("11-24 10:11:09.110 1234 5678 E agora: onError: 110\nmore")
    ).json()) as CommandReply;
    expect(allText(reply)).toContain("1 Agora token error found");
  });
});

describe("mentions and messages", () => {
  it("replies once in the mention's thread with the finding, the redacted evidence and the fix", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000000.000100",
      text: "<@UBOT> help: 10:11:09:650 Agora-SDK [ERROR]: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed appid 0123456789abcdef0123456789abcdef",
    });
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "mention reply",
    );
    expect(posted.params.thread_ts).toBe("1700000000.000100");
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("Invalid token");
    expect(blocks).toContain("Web SDK 4.x");
    expect(blocks).not.toContain("0123456789abcdef0123456789abcdef");
    expect(blocks).toContain("0123••••");
  });

  it("answers each event once, however often Slack retries it, and answers a retry that is the only delivery", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    const event = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000001.000100",
      text: "<@UBOT> onError: 109 E/agora",
    };
    await postEvent(event, "EvDUP1");
    await postEvent(event, "EvDUP1", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await postEvent(event, "EvDUP1", { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    await postEvent({ ...event, ts: "1700000002.000100" }, "EvONLYRETRY", {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    await waitFor(() => running.slack.callsTo("chat.postMessage").length >= before + 2, 5000, "two replies");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = running.slack.callsTo("chat.postMessage").slice(before);
    expect(replies.map((call) => call.params.thread_ts).sort()).toEqual([
      "1700000001.000100",
      "1700000002.000100",
    ]);
  });

  it("ignores its own messages, other bots, and edits and deletions", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    const base = { type: "message", channel: "D1", channel_type: "im", text: "onError: 110 E/agora" };
    await postEvent({ ...base, user: "UBOT", ts: "1.1" });
    await postEvent({ ...base, bot_id: "BOTHER", user: "UOTHERBOT", ts: "1.2" });
    await postEvent({ ...base, subtype: "bot_message", bot_id: "B2", ts: "1.3" });
    await postEvent({
      ...base,
      subtype: "message_changed",
      ts: "1.4",
      message: { text: "x", user: "U1", ts: "1.0" },
    });
    await postEvent({ ...base, subtype: "message_deleted", ts: "1.5", deleted_ts: "1.0" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(running.slack.callsTo("chat.postMessage").length).toBe(before);
  });

  it("answers a direct message like a mention, in Chinese for Chinese", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "message",
      channel: "D1",
      channel_type: "im",
      user: "U1",
      ts: "1700000003.000100",
      text: "加入频道报错 110，怎么办",
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "DM reply");
    expect(posted.params.channel).toBe("D1");
    expect(JSON.stringify(posted.params.blocks)).toContain("Token 无效");
  });

  it("words the failure note in the reply's language", async () => {
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "not_in_channel" } }));
    const before = running.slack.callsTo("chat.postEphemeral").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "CZH",
      ts: "1700000014.000100",
      text: "<@UBOT> 加入频道报错 110",
    });
    const ephemeral = await waitFor(
      () => running.slack.callsTo("chat.postEphemeral")[before],
      5000,
      "ephemeral",
    );
    expect(JSON.stringify(ephemeral.params.blocks)).toContain("我无法在此频道发消息");
  });

  it("never lets a pasted broadcast or mention notify anyone", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000004.000100",
      text: "<@UBOT> E/agora: onError: 110 &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;",
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
    const everything = `${String(posted.params.text)}${JSON.stringify(posted.params.blocks)}`;
    for (const ping of ["<!channel>", "<!here>", "<@U123>"]) expect(everything).not.toContain(ping);
    expect(everything).toContain("&lt;!channel&gt;");
  });

  it("diagnoses a 39,000-character paste within Block Kit limits", async () => {
    const lines: string[] = [];
    for (let n = 0; lines.join("\n").length < 39_000; n++) {
      lines.push(n % 50 === 7 ? "E/agora: onError: 110" : `I/agora: frame ${n} rendered, fps 15 <@U1> &amp;`);
    }
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000005.000100",
      text: `<@UBOT> ${lines.join("\n")}`,
    });
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "paste reply",
    );
    const blocks = posted.params.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
    expect(String(posted.params.text).length).toBeLessThan(4000);
    expect(JSON.stringify(blocks)).toContain("Invalid token");
  });

  it("downloads a snippet file with the bot token and diagnoses it", async () => {
    running.slack.files.set("snippet.log", "11-24 10:11:09.110 1234 5678 E agora: onError: 101\n");
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000006.000100",
      text: "<@UBOT> see the log",
      files: [
        {
          id: "F1",
          name: "snippet.log",
          mode: "snippet",
          filetype: "text",
          mimetype: "text/plain",
          size: 60,
          url_private_download: running.slack.fileUrl("snippet.log"),
        },
      ],
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "file reply");
    expect(JSON.stringify(posted.params.blocks)).toContain("Invalid App ID");
    expect(running.slack.fileDownloads.at(-1)).toEqual({ path: "/files/snippet.log", authorized: true });
    // The fake, like Slack, serves private files only to the bot token: the bot must have sent it.
    expect((await fetch(running.slack.fileUrl("snippet.log"))).status).toBe(403);
  });

  it("completes a file stub through files.info before downloading it (Slack Connect channels)", async () => {
    running.slack.files.set("connect.log", "E/agora: onError: 110\n");
    running.slack.fileInfos.set("FSTUB", {
      id: "FSTUB",
      name: "connect.log",
      filetype: "text",
      mimetype: "text/plain",
      url_private_download: running.slack.fileUrl("connect.log"),
    });
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000017.000100",
      text: "<@UBOT>",
      files: [{ id: "FSTUB", file_access: "check_file_info" }],
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "stub reply");
    expect(running.slack.callsTo("files.info").at(-1)?.params.file).toBe("FSTUB");
    expect(JSON.stringify(posted.params.blocks)).toContain("Invalid token");
    expect(running.slack.fileDownloads.at(-1)).toEqual({ path: "/files/connect.log", authorized: true });
  });

  it("reads only the first part of a file over the size cap, and says so", async () => {
    running.slack.files.set("big.log", `E/agora: onError: 110\n${"I/agora: ok\n".repeat(20_000)}`);
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000007.000100",
      text: "<@UBOT>",
      files: [
        {
          id: "F2",
          name: "big.log",
          filetype: "text",
          mimetype: "text/plain",
          url_private_download: running.slack.fileUrl("big.log"),
        },
      ],
    });
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "big file reply",
    );
    const blocks = JSON.stringify(posted.params.blocks);
    expect(blocks).toContain("big.log is larger than 64 KB");
    expect(blocks).toContain("Invalid token");
  });

  it("does not send the bot token to a file host that is not Slack's", async () => {
    const downloads = running.slack.fileDownloads.length;
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000008.000100",
      text: "<@UBOT>",
      files: [
        { id: "F3", name: "evil.log", filetype: "text", url_private_download: "http://127.0.0.2:9/steal" },
      ],
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
    expect(JSON.stringify(posted.params.blocks)).toContain("could not download evil.log");
    expect(running.slack.fileDownloads.length).toBe(downloads);
  });

  it("diagnoses the thread's parent when a mention in a thread has no log of its own", async () => {
    running.slack.threads.set("1700000009.000100", {
      type: "message",
      user: "U2",
      ts: "1700000009.000100",
      text: "User join failed [ERR_STATIC_USE_DYANMIC_KE]",
    });
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000010.000100",
      thread_ts: "1700000009.000100",
      text: "<@UBOT> what is this?",
    });
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "thread reply",
    );
    expect(posted.params.thread_ts).toBe("1700000009.000100");
    expect(JSON.stringify(posted.params.blocks)).toContain(
      "Token sent to a project without an App Certificate",
    );
    expect(running.slack.callsTo("conversations.replies").at(-1)?.params.ts).toBe("1700000009.000100");
  });

  it("says what to paste when there is nothing to find", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000011.000100",
      text: "<@UBOT> hello there",
    });
    const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
    expect(JSON.stringify(posted.params.blocks)).toContain("No Agora token error found");
  });

  it("survives rate limiting and API errors without crashing", async () => {
    running.slack.failNext("chat.postMessage", () => ({
      status: 429,
      headers: { "retry-after": "0" },
      body: { ok: false, error: "ratelimited" },
    }));
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000012.000100",
      text: "<@UBOT> E/agora onError: 110",
    });
    await waitFor(() => running.slack.callsTo("chat.postMessage").length >= before + 2, 8000, "retried post");
    running.slack.failNext("chat.postMessage", () => ({ body: { ok: false, error: "channel_not_found" } }));
    const ephemeralBefore = running.slack.callsTo("chat.postEphemeral").length;
    await postEvent({
      type: "app_mention",
      user: "U1",
      channel: "CGONE",
      ts: "1700000013.000100",
      text: "<@UBOT> E/agora onError: 110",
    });
    await waitFor(
      () => running.slack.callsTo("chat.postEphemeral")[ephemeralBefore],
      5000,
      "ephemeral fallback",
    );
    expect(
      running.logger.lines.some((line) => line.includes("channel_not_found") && line.includes("CGONE")),
    ).toBe(true);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe("network failures", () => {
  it("retries a post whose connection was cut, then still answers the person, without crashing", async () => {
    // Three cuts: the first try and both retries of the bounded retry policy.
    running.slack.failNext("chat.postMessage", dropConnection, dropConnection, dropConnection);
    const postsBefore = running.slack.callsTo("chat.postMessage").length;
    const ephemeralBefore = running.slack.callsTo("chat.postEphemeral").length;
    await postEvent({
      type: "app_mention",
      user: "U5",
      channel: "CNET",
      ts: "1700000015.000100",
      text: "<@UBOT> E/agora onError: 110",
    });
    const ephemeral = await waitFor(
      () => running.slack.callsTo("chat.postEphemeral")[ephemeralBefore],
      10_000,
      "ephemeral answer after network failures",
    );
    expect(running.slack.callsTo("chat.postMessage").length - postsBefore).toBe(3);
    expect(ephemeral.params.user).toBe("U5");
    expect(JSON.stringify(ephemeral.params.blocks)).toContain("Invalid token");
    expect(running.logger.lines.some((line) => line.startsWith("error") && line.includes("CNET"))).toBe(true);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it("answers the next request normally once Slack is reachable again", async () => {
    running.slack.failNext("chat.postMessage", dropConnection);
    const before = running.slack.callsTo("chat.postMessage").length;
    await postEvent({
      type: "app_mention",
      user: "U5",
      channel: "CNET",
      ts: "1700000016.000100",
      text: "<@UBOT> E/agora onError: 110",
    });
    const retried = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before + 1]?.answeredAt !== undefined,
      10_000,
      "retried post",
    );
    expect(retried).toBe(true);
    expect(running.slack.callsTo("chat.postMessage")[before + 1]?.params.thread_ts).toBe("1700000016.000100");
  });
});

describe("message shortcut and App Home", () => {
  it("posts the diagnosis of someone else's message into its thread", async () => {
    const before = running.slack.callsTo("chat.postMessage").length;
    await signedPost(
      events(),
      interactionBody(
        diagnoseShortcutPayload({
          channel: "C1",
          ts: "1700000020.000100",
          text: "Uncaught (in promise) ERR_DYNAMIC_KEY_TIMEOUT",
          responseUrl: running.slack.responseUrl("shortcut"),
        }),
      ),
      { contentType: "application/x-www-form-urlencoded" },
    );
    const posted = await waitFor(
      () => running.slack.callsTo("chat.postMessage")[before],
      5000,
      "shortcut reply",
    );
    expect(posted.params.thread_ts).toBe("1700000020.000100");
    expect(JSON.stringify(posted.params.blocks)).toContain("Token expired");
  });

  it("publishes the App Home with examples and every entry", async () => {
    await postEvent({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" });
    const publish = await waitFor(() => running.slack.callsTo("views.publish")[0], 5000, "views.publish");
    expect(publish.params.user_id).toBe("U1");
    const view = JSON.stringify(publish.params.view);
    expect(view).toContain("/agora 110");
    expect(view).toContain("Invalid App ID");
    expect(view).toContain("Token has expired");
  });
});
