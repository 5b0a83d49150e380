import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./fakeSlack.js";
import { type RunningBot, startBot } from "./harness.js";
import { eventBody, signedPost } from "./signedRequest.js";

let running: RunningBot;
// Another server on the same host name as the fake Slack API, on another port: it records
// whether the bot token was sent to it.
let lookalike: Server;
const lookalikeAuthorizations: (string | undefined)[] = [];
beforeAll(async () => {
  running = await startBot("http");
  lookalike = createServer((request, response) => {
    lookalikeAuthorizations.push(request.headers.authorization);
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("E/agora: onError: 110\n");
  });
  await new Promise<void>((resolve) => lookalike.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await running?.close();
  await new Promise((resolve) => lookalike?.close(resolve));
});

let nextTs = 1_700_100_000;
const postEvent = (event: Record<string, unknown>, eventId?: string) =>
  signedPost(`${running.url}/slack/events`, eventBody(event, eventId), { contentType: "application/json" });

/** Mentions the bot with `text` (and files) and returns the reply's blocks as JSON. */
async function mention(text: string, files: Record<string, unknown>[] = []): Promise<string> {
  const before = running.slack.callsTo("chat.postMessage").length;
  await postEvent({
    type: "app_mention",
    user: "U1",
    channel: "C1",
    ts: `${nextTs++}.000100`,
    text: `<@UBOT> ${text}`,
    ...(files.length > 0 ? { files } : {}),
  });
  const posted = await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
  return JSON.stringify(posted.params.blocks);
}

describe("Slack files", () => {
  it("says a file could not be read, and why, when the download is a web page", async () => {
    running.slack.files.set(
      "login.log",
      '<!DOCTYPE html>\n<html lang="en"><head><title>Slack</title></head><body>Sign in to your workspace</body></html>\n',
    );
    const blocks = await mention("see the file", [
      {
        id: "FHTML",
        name: "login.log",
        filetype: "text",
        mimetype: "text/plain",
        url_private_download: running.slack.fileUrl("login.log"),
      },
    ]);
    expect(blocks).toContain("could not read `login.log`");
    expect(blocks).toContain("web page");
    expect(blocks).toContain("files:read");
    expect(blocks).not.toContain("Sign in to your workspace");
  });

  it("reads a UTF-16 snippet with a byte-order mark, as Windows tools save logs", async () => {
    running.slack.files.set(
      "windows.log",
      Buffer.from("\uFEFFI/agora: joining\r\nE/agora: onError: 110\r\n", "utf16le"),
    );
    const blocks = await mention("", [
      {
        id: "FU16",
        name: "windows.log",
        filetype: "text",
        mimetype: "text/plain",
        url_private_download: running.slack.fileUrl("windows.log"),
      },
    ]);
    expect(blocks).toContain("Invalid token");
    expect(blocks).not.toContain("not a text file");
  });

  it("sends the bot token only to the API's exact origin: not another port or scheme on its host", async () => {
    const apiOrigin = new URL(running.slack.apiUrl);
    const otherPort = `http://${apiOrigin.hostname}:${(lookalike.address() as AddressInfo).port}/files/x.log`;
    const otherScheme = `https://${apiOrigin.host}/files/x.log`;
    for (const url of [otherPort, otherScheme]) {
      const blocks = await mention("", [
        { id: "FX", name: "x.log", filetype: "text", url_private_download: url },
      ]);
      expect(blocks).toContain("could not download `x.log`");
    }
    expect(lookalikeAuthorizations).toEqual([]);
  });
});

describe("one message, one answer", () => {
  it("answers a DM that also @mentions the bot once, though it arrives as app_mention and message.im", async () => {
    const ts = `${nextTs++}.000200`;
    const before = running.slack.callsTo("chat.postMessage").length;
    const text = "<@UBOT> E/agora: onError: 110";
    await postEvent({ type: "app_mention", user: "U1", channel: "D7", ts, text }, `EvMention${ts}`);
    await postEvent(
      { type: "message", user: "U1", channel: "D7", channel_type: "im", ts, text },
      `EvIm${ts}`,
    );
    await waitFor(() => running.slack.callsTo("chat.postMessage")[before], 5000, "reply");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.slack.callsTo("chat.postMessage").length).toBe(before + 1);
  });
});

describe("echoes cannot disguise themselves or break the reply's formatting", () => {
  it("strips zero-width and bidirectional control characters from evidence", async () => {
    const blocks = await mention("E/agora: onError: 110 file \u202Egol.exe\u200B and\u2066 more\u2069");
    expect(blocks).toContain("Invalid token");
    expect(blocks).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it("keeps a paste ending in backticks inside its code block", async () => {
    const blocks = JSON.parse(await mention("E/agora: onError: 110 ``")) as { text?: { text?: string } }[];
    const evidence = blocks.map((block) => block.text?.text ?? "").find((text) => text.includes("```"));
    expect(evidence).toBeDefined();
    // Exactly one opening and one closing fence, with no backtick of the paste next to them.
    expect(evidence?.match(/`/g)?.length).toBe(6);
    expect(evidence).toMatch(/```[^`]+```/);
  });

  it("shows a file name as inline code: *bold* and backticks in it do not format the note", async () => {
    const blocks = await mention("", [
      {
        id: "FIMG",
        name: "*bold* `x` _it_.png",
        filetype: "png",
        mimetype: "image/png",
        url_private: "https://files.slack.com/x.png",
      },
    ]);
    expect(blocks).toContain("`*bold* ˋxˋ _it_.png` is not a text file");
  });
});
