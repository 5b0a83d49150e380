import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../core/cliProcess.js";
import { FakeSlack, waitFor } from "./fakeSlack.js";
import { commandBody, SIGNING_SECRET, signedPost } from "./signedRequest.js";

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts the real `npm start` entry (from source) as its own process, with only the given Slack settings. */
function startMain(env: Record<string, string>): Started {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: clean,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  setTimeout(() => child.kill("SIGKILL"), 25_000).unref();
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

describe("npm start (real process)", () => {
  it("exits 1 with one line per missing setting, naming where to find it, and no stack trace", async () => {
    const run = startMain({});
    expect(await run.exit).toBe(1);
    const lines = run.stderr().trim().split("\n");
    expect(lines[0]).toContain("cannot start");
    expect(run.stderr()).toContain(
      'SLACK_BOT_TOKEN is missing: copy it from Slack app settings → "OAuth & Permissions"',
    );
    expect(run.stderr()).toContain("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing");
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("reports malformed settings one a line", async () => {
    const run = startMain({
      SLACK_BOT_TOKEN: "xoxp-user",
      SLACK_APP_TOKEN: "abc",
      PORT: "http",
      DEFAULT_LANG: "fr",
      SLACK_API_URL: "ftp://x",
    });
    expect(await run.exit).toBe(1);
    for (const variable of [
      "SLACK_BOT_TOKEN must start with xoxb-",
      "SLACK_APP_TOKEN must start with xapp-",
      "PORT must be",
      "DEFAULT_LANG must be",
      "SLACK_API_URL must be",
    ]) {
      expect(run.stderr()).toContain(variable);
    }
  });

  it("serves HTTP, answers a signed command, and on SIGTERM finishes and exits 0", async () => {
    const slack = new FakeSlack();
    await slack.start();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const run = startMain({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await waitFor(() => run.stdout().includes("listening on port"), 15_000, "start-up");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const response = await signedPost(`http://127.0.0.1:${port}/slack/events`, commandBody("110"), {
        contentType: "application/x-www-form-urlencoded",
      });
      expect(JSON.stringify(await response.json())).toContain("Invalid token");
      run.child.kill("SIGTERM");
      expect(await run.exit).toBe(0);
      expect(run.stdout()).toContain("SIGTERM received");
    } finally {
      run.child.kill("SIGKILL");
      await slack.stop();
    }
  });
});
