import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../core/cliProcess.js";
import { commandEnvelope } from "./envelopes.js";
import { FakeSlack, waitFor } from "./fakeSlack.js";
import { rawRequest, slowClient } from "./rawHttp.js";
import { commandBody, eventBody, SIGNING_SECRET, signedPost, slackSignature } from "./signedRequest.js";

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  exitedAt: () => number | undefined;
}

// Absolute, so the bot can be started from another working directory (to test its .env reading).
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const MAIN = join(REPO_ROOT, "src/main.ts");

/**
 * Starts the real `npm start` entry (from source) as its own process, with only the given settings.
 * Each start gets its own data directory unless the test shares one, so an event id stored by an
 * earlier run in this checkout can never make the bot treat a new delivery as a retry.
 */
function startMain(env: Record<string, string>, cwd = REPO_ROOT): Started {
  const clean: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: mkdtempSync(join(tmpdir(), "agora-bot-data-")),
    ...env,
  };
  const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN], {
    cwd,
    env: clean,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exitedAt: number | undefined;
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exitedAt = Date.now();
      resolve(code);
    }),
  );
  // A hung child must not hang the suite.
  setTimeout(() => child.kill("SIGKILL"), 25_000).unref();
  return { child, stdout: () => stdout, stderr: () => stderr, exit, exitedAt: () => exitedAt };
}

/** Waits for the HTTP-mode start-up line and returns the port the bot chose (PORT=0: an ephemeral one). */
async function listeningPort(run: Started): Promise<number> {
  const line = await waitFor(
    () => /listening on port (\d+)/.exec(run.stdout()) ?? undefined,
    15_000,
    `start-up (stderr: ${run.stderr()})`,
  );
  return Number(line[1]);
}

/** True if a TCP connection to the port opens: whether the bot still takes new requests. */
function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

let slack: FakeSlack;
const running: Started[] = [];
beforeEach(async () => {
  slack = new FakeSlack();
  await slack.start();
});
afterEach(async () => {
  for (const run of running.splice(0)) run.child.kill("SIGKILL");
  await slack.stop();
});

function start(env: Record<string, string>, cwd?: string): Started {
  const run = startMain(env, cwd);
  running.push(run);
  return run;
}

/** The bot in HTTP mode on an ephemeral port, talking to the fake Slack. */
function startHttp(botToken: string): Started {
  return start({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: slack.apiUrl,
  });
}

describe("npm start (real process): settings", () => {
  it("exits 1 with one line per missing setting, naming where to find it, and no stack trace", async () => {
    const run = start({});
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split("\n");
    expect(lines[0]).toContain("cannot start");
    expect(lines).toHaveLength(3);
    expect(run.stderr()).toContain(
      'SLACK_BOT_TOKEN is missing: copy it from Slack app settings → "OAuth & Permissions"',
    );
    expect(run.stderr()).toContain("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing");
    expect(run.stderr()).toContain('"Basic Information"');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("reports malformed settings one a line", async () => {
    const run = start({
      SLACK_BOT_TOKEN: "xoxp-user",
      SLACK_APP_TOKEN: "abc",
      PORT: "http",
      DEFAULT_LANG: "fr",
      SLACK_API_URL: "ftp://x",
    });
    expect(await run.exit).toBe(1);
    const problems = [
      "SLACK_BOT_TOKEN must start with xoxb-",
      "SLACK_APP_TOKEN must start with xapp-",
      "PORT must be",
      "DEFAULT_LANG must be",
      "SLACK_API_URL must be",
    ];
    for (const problem of problems) expect(run.stderr()).toContain(problem);
    expect(run.stderr().trim().split("\n")).toHaveLength(problems.length + 1);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("exits 1 with a clear line when Slack rejects the bot token", async () => {
    slack.failNext("auth.test", () => ({ body: { ok: false, error: "invalid_auth" } }));
    const run = startHttp("xoxb-revoked");
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain("SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)");
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("names each setting still holding the placeholder of .env.example, before contacting Slack", async () => {
    const example = readFileSync(join(REPO_ROOT, ".env.example"), "utf8");
    const value = (name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(example)?.[1] ?? "";
    const run = start({
      SLACK_BOT_TOKEN: value("SLACK_BOT_TOKEN"),
      SLACK_APP_TOKEN: value("SLACK_APP_TOKEN"),
      SLACK_API_URL: slack.apiUrl,
    });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/SLACK_BOT_TOKEN is still the placeholder from \.env\.example/);
    expect(run.stderr()).toMatch(/SLACK_APP_TOKEN is still the placeholder from \.env\.example/);
    expect(slack.calls.length).toBe(0);
  });

  it("prints its own line first, and one line (not Bolt's three) when Slack is unreachable", async () => {
    const run = start({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
      // A closed port on this machine: every request fails as "fetch failed".
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    await listeningPort(run);
    expect(run.stdout().split("\n")[0]).toMatch(/^agora-bot is starting in HTTP mode/);
    expect(run.stderr()).toContain("could not reach Slack to check the bot token");
    expect(run.stderr().match(/fetch failed/g)).toHaveLength(1);
    expect(run.stderr()).not.toContain("http request failed");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
  });

  it("Socket Mode with Slack unreachable: exits 1 after one line saying so", async () => {
    const run = start({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-1-test",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toMatch(/^agora-bot is starting in Socket Mode/);
    expect(run.stderr().trim().split("\n")).toEqual([
      expect.stringMatching(/^agora-bot cannot start: could not reach Slack \(fetch failed\)/),
    ]);
  });

  it("reads .env from the working directory (the environment still wins)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agora-bot-env-"));
    try {
      writeFileSync(
        join(dir, ".env"),
        [
          "SLACK_BOT_TOKEN=xoxb-test-token",
          `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`,
          `SLACK_API_URL=${slack.apiUrl}`,
          "DEFAULT_LANG=zh",
          "PORT=1",
        ].join("\n"),
      );
      const run = start({ PORT: "0" }, dir);
      const port = await listeningPort(run);
      expect(port).not.toBe(1);
      const response = await signedPost(`http://127.0.0.1:${port}/slack/events`, commandBody("110"), {
        contentType: "application/x-www-form-urlencoded",
      });
      expect(JSON.stringify(await response.json())).toContain("Token 无效");
      run.child.kill("SIGTERM");
      expect(await run.exit).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start (real process): HTTP mode", () => {
  it("serves on an ephemeral port, answers a signed command, and on SIGTERM exits 0", async () => {
    const run = startHttp("xoxb-test-token");
    const port = await listeningPort(run);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const response = await signedPost(`http://127.0.0.1:${port}/slack/events`, commandBody("110"), {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(JSON.stringify(await response.json())).toContain("Invalid token");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain("SIGTERM received");
  });

  it("on SIGTERM stops taking requests, finishes the reply in flight, then exits 0", async () => {
    slack.failNext("chat.postMessage", () => ({ body: { ok: true, ts: "1.1" }, delayMs: 1500 }));
    const run = startHttp("xoxb-test-token");
    const port = await listeningPort(run);
    await signedPost(
      `http://127.0.0.1:${port}/slack/events`,
      eventBody({
        type: "app_mention",
        user: "U1",
        channel: "C1",
        ts: "1700000400.000100",
        text: "<@UBOT> E/agora onError: 110",
      }),
      { contentType: "application/json" },
    );
    const post = await waitFor(() => slack.callsTo("chat.postMessage")[0], 10_000, "reply under way");
    expect(post.answeredAt).toBeUndefined();
    run.child.kill("SIGTERM");
    await waitFor(() => run.stdout().includes("SIGTERM received"), 5000, "shutdown begins");
    expect(run.stdout()).toContain("finishing 1 replies in flight");
    expect(await acceptsConnections(port)).toBe(false);
    expect(await run.exit).toBe(0);
    expect(post.answeredAt).toBeDefined();
    expect(run.exitedAt()).toBeGreaterThanOrEqual(post.answeredAt ?? Number.POSITIVE_INFINITY);
  });
});

describe("npm start (real process): hostile requests", () => {
  it("answers stray, malformed, oversized, future-dated and slow requests and keeps serving", async () => {
    const run = startHttp("xoxb-test-token");
    const port = await listeningPort(run);
    const slow = [
      ...Array.from({ length: 10 }, () => slowClient(port, "headers")),
      ...Array.from({ length: 10 }, () => slowClient(port, "body")),
    ];
    const openedAt = Date.now();

    const stray: [method: string, path: string, status: number, allow?: string][] = [
      ["GET", "/", 404],
      ["GET", "/favicon.ico", 404],
      ["POST", "/", 404],
      ["POST", "/slack/event", 404],
      ["GET", "/healthz/", 404],
      ["GET", "/slack/events", 405, "POST"],
      ["PUT", "/slack/events", 405, "POST"],
      ["HEAD", "/slack/events", 405, "POST"],
      ["OPTIONS", "/slack/events", 405, "POST"],
      ["DELETE", "/slack/events", 405, "POST"],
      ["POST", "/healthz", 405, "GET, HEAD"],
      ["HEAD", "/healthz", 200],
      ["GET", "/healthz?probe=1", 200],
    ];
    for (const [method, path, status, allow] of stray) {
      const answer = await rawRequest(port, `${method} ${path} HTTP/1.1`);
      expect(answer.status, `${method} ${path}`).toBe(status);
      if (allow) expect(answer.headers.allow, `${method} ${path}`).toBe(allow);
    }

    const now = Math.floor(Date.now() / 1000);
    const signedHead = (body: string, contentType: string, timestamp = now) =>
      [
        "POST /slack/events HTTP/1.1",
        `content-type: ${contentType}`,
        `content-length: ${Buffer.byteLength(body)}`,
        `x-slack-request-timestamp: ${timestamp}`,
        `x-slack-signature: ${slackSignature(body, timestamp)}`,
      ].join("\r\n");
    const signed = async (body: string, contentType: string, timestamp?: number) =>
      (await rawRequest(port, signedHead(body, contentType, timestamp), body)).status;
    const json = "application/json";
    const form = "application/x-www-form-urlencoded";
    expect(await signed("null", json)).toBe(400);
    expect(await signed("payload=null", form)).toBe(400);
    expect(await signed("[1]", json)).toBe(400);
    expect(await signed("{not json", json)).toBe(400);
    expect(await signed(commandBody("110"), form, now + 10 * 60)).toBe(401);
    expect(await signed(commandBody("110"), form, now - 10 * 60)).toBe(401);
    const unsigned = `POST /slack/events HTTP/1.1\r\ncontent-type: ${json}\r\ncontent-length: 4000000`;
    expect((await rawRequest(port, unsigned, Buffer.alloc(4_000_000, 97))).status).toBe(413);
    const huge = `{"text":"${"a".repeat(2_000_000)}"}`;
    expect(await signed(huge, json)).toBe(413);
    // No content-length: the cap holds while the body streams in.
    const chunked = [
      "POST /slack/events HTTP/1.1",
      `content-type: ${json}`,
      "transfer-encoding: chunked",
      `x-slack-request-timestamp: ${now}`,
      `x-slack-signature: ${slackSignature(huge, now)}`,
    ].join("\r\n");
    const chunks = `${Buffer.byteLength(huge).toString(16)}\r\n${huge}\r\n0\r\n\r\n`;
    expect((await rawRequest(port, chunked, chunks)).status).toBe(413);
    expect((await rawRequest(port, "GET /%E0%A4%A HTTP/1.1")).status).toBe(404);

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const response = await signedPost(`http://127.0.0.1:${port}/slack/events`, commandBody("110"), {
      contentType: "application/x-www-form-urlencoded",
    });
    expect(JSON.stringify(await response.json())).toContain("Invalid token");

    // The slow clients are cut off by the server, not held until they give up.
    const closedAt = await Promise.all(slow.map((client) => client.closed));
    expect(Math.max(...closedAt) - openedAt).toBeLessThan(12_000);
    expect(run.exitedAt()).toBeUndefined();
    expect(run.stderr()).not.toContain("unhandled");
    expect(run.stderr()).not.toContain("unexpected error");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
  }, 30_000);
});

describe("npm start (real process): Socket Mode", () => {
  it("connects with the app token, answers over the socket, and on SIGTERM exits 0", async () => {
    const run = start({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-1-test",
      SLACK_API_URL: slack.apiUrl,
    });
    await waitFor(
      () => run.stdout().includes("connected over Socket Mode"),
      15_000,
      `socket start-up (stderr: ${run.stderr()})`,
    );
    expect(slack.callsTo("apps.connections.open")[0]?.authorization).toBe("Bearer xapp-1-test");
    await slack.sendEnvelope(commandEnvelope("env-process-cmd", "119", slack.responseUrl("process-cmd")));
    const ack = await waitFor(
      () => slack.acks.find((a) => a.envelope_id === "env-process-cmd"),
      10_000,
      "command ack",
    );
    expect(JSON.stringify(ack.payload?.blocks)).toContain("119");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
  });
});
