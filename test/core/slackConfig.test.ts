import { describe, expect, it } from "vitest";
import { readSlackConfig } from "../../src/config/slackConfig.js";
import { ConfigError } from "../../src/errors.js";

const SECRET = "0123456789abcdef0123456789abcdef";

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("readSlackConfig", () => {
  it("reads a complete HTTP setup, trimming values and filling defaults", () => {
    expect(
      readSlackConfig({
        SLACK_BOT_TOKEN: " xoxb-1 ",
        SLACK_SIGNING_SECRET: `${SECRET}\n`,
        SLACK_API_URL: "http://127.0.0.1:9/api",
      }),
    ).toEqual({
      mode: "http",
      botToken: "xoxb-1",
      signingSecret: SECRET,
      port: 3000,
      apiUrl: "http://127.0.0.1:9/api/",
      defaultLang: "en",
      fileMaxBytes: 5 * 1024 * 1024,
    });
  });

  it("prefers Socket Mode when an app token is set, unless SLACK_MODE says otherwise", () => {
    const env = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: SECRET };
    expect(readSlackConfig(env).mode).toBe("socket");
    expect(readSlackConfig({ ...env, SLACK_MODE: "HTTP" }).mode).toBe("http");
  });

  it("takes a blank value as missing, and names every problem with where to fix it", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "   ", SLACK_SIGNING_SECRET: "" })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing: .*OAuth & Permissions/),
      expect.stringMatching(/^SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing/),
    ]);
    expect(
      problemsOf({
        SLACK_BOT_TOKEN: "xoxp-1",
        SLACK_APP_TOKEN: "xoxb-2",
        SLACK_SIGNING_SECRET: "not hex",
        SLACK_MODE: "websocket",
        PORT: "80a",
        SLACK_API_URL: "slack.com/api",
        SLACK_FILE_MAX_BYTES: "12",
        DEFAULT_LANG: "fr",
      }),
    ).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb-/),
      expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp-/),
      expect.stringMatching(/^SLACK_MODE must be "http" or "socket"/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET looks malformed/),
      expect.stringMatching(/^PORT must be a number/),
      expect.stringMatching(/^SLACK_API_URL must be an http\(s\) URL/),
      expect.stringMatching(/^SLACK_FILE_MAX_BYTES must be a number of bytes/),
      expect.stringMatching(/^DEFAULT_LANG must be "en" or "zh"/),
    ]);
  });

  it("says which token a forced mode needs", () => {
    expect(
      problemsOf({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_MODE: "socket", SLACK_SIGNING_SECRET: SECRET }),
    ).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN is missing, and SLACK_MODE=socket needs it/)]);
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_MODE: "http", SLACK_APP_TOKEN: "xapp-1" })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing, and SLACK_MODE=http needs it/),
    ]);
  });
});
