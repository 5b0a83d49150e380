import { describe, expect, it } from "vitest";
import { runBotProcessToExit } from "../slack/botProcess.js";
import { SIGNING_SECRET } from "../slack/signedRequest.js";

const SLACK = { SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: "0" };

describe("npm start (real process): the store's settings", () => {
  it("stops with one clear line for a bad DATABASE_URL, without echoing its password", async () => {
    const run = await runBotProcessToExit({ ...SLACK, DATABASE_URL: "mysql://root:hunter2@db/agora" });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("DATABASE_URL must start with postgres://");
    expect(run.stderr).not.toContain("hunter2");
  });

  it("stops with one clear line for an unwritable DATA_DIR, alongside the Slack problems", async () => {
    const run = await runBotProcessToExit({
      PORT: "0",
      DATA_DIR: "/sys/agora-bot-data",
      RETENTION_DAYS: "x",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SLACK_BOT_TOKEN is missing");
    expect(run.stderr).toContain(
      'DATA_DIR is not writable: the bot keeps its SQLite file there; choose a writable folder or fix its permissions (got "/sys/agora-bot-data")',
    );
    expect(run.stderr).toContain("RETENTION_DAYS must be");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
