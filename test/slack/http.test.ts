import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { leakedPart, SECRET_SHAPES } from "../scan/secretShapes.js";
import { diagnoseShortcutPayload } from "./envelopes.js";
import { dropConnection, waitFor } from "./fakeSlack.js";
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

describe("HTTP mode: health and signatures", () => {
  it("answers /healthz with 200 once the knowledge is loaded", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, entries: loadKnowledge().entries.length });
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
    const ahead = Math.floor(Date.now() / 1000) + 60 * 10;
    const future = await signedPost(events(), body, {
      contentType: "application/x-www-form-urlencoded",
      timestamp: ahead,
      signature: slackSignature(body, ahead),
    });
    expect(future.status).toBe(401);
    const wrongSecret = await signedPost(events(), body, {
      contentType: "application/x-www-form-urlencoded",
      signature: slackSignature(body, Math.floor(Date.now() / 1000), "0000"),
    });
    expect(wrongSecret.status).toBe(401);
  });

  it("answers Slack's unsigned ssl_check, and refuses every other unsigned request", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const sslCheck = await fetch(events(), { method: "POST", headers: form, body: "ssl_check=1&token=x" });
    expect(sslCheck.status).toBe(200);
    const unsigned = await fetch(events(), { method: "POST", headers: form, body: commandBody("110") });
    expect(unsigned.status).toBe(401);
    expect(running.logger.lines.join("\n")).toContain("refused POST /slack/events with 401");
  });

  it("answers a signed body that is not a JSON object with 400", async () => {
    for (const [body, contentType] of [
      ["null", "application/json"],
      ["payload=null", "application/x-www-form-urlencoded"],
      ['payload="text"', "application/x-www-form-urlencoded"],
      ["42", "application/json"],
    ] as const) {
      expect((await signedPost(events(), body, { contentType })).status, body).toBe(400);
    }
  });
});

describe("commands over HTTP", () => {
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

  it("never echoes a pasted secret: every secret shape, through /agora", async () => {
    for (const shape of SECRET_SHAPES) {
      const response = await postCommand(shape.text);
      expect(response.status).toBe(200);
      const reply = JSON.stringify(await response.json());
      expect(leakedPart(reply, shape.secret), `${shape.name}: ${reply}`).toBeUndefined();
    }
  });
});

describe("events over HTTP: retries and files", () => {
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
    expect(blocks).toContain("`big.log` is larger than 64 KB");
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
    expect(JSON.stringify(posted.params.blocks)).toContain("could not download `evil.log`");
    expect(running.slack.fileDownloads.length).toBe(downloads);
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

describe("interactivity over HTTP (form-encoded payloads)", () => {
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
});
