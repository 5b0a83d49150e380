import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runCliProcess } from "./cliProcess.js";

const lookupJson = z.object({
  query: z.string(),
  matches: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      codes: z.array(z.number()),
      names: z.array(z.string()),
      score: z.number(),
    }),
  ),
});

describe("agora-bot lookup (real process)", () => {
  it("answers 118 in readable text and exits 0", async () => {
    const run = await runCliProcess(["lookup", "118"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("118 ERR_DYNAMIC_KEY_EXPIRED");
    expect(run.stdout).toContain("Token expired");
    expect(run.stdout).toContain("Web SDK only");
    expect(run.stdout).toContain("How to fix it");
    expect(run.stdout).toMatch(/^ {2}1\. /m);
    expect(run.stdout).toContain("https://docs.agora.io/en/faq/token_error");
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("colours only when asked (FORCE_COLOR) or on a TTY", async () => {
    const run = await runCliProcess(["lookup", "110"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(run.stdout).toContain("\u001b[");
  });

  it("prints the JSON contract, best first", async () => {
    const run = await runCliProcess(["lookup", "--json", "109", "110"]);
    expect(run.code).toBe(0);
    const json = lookupJson.parse(JSON.parse(run.stdout));
    expect(json.query).toBe("109 110");
    expect(json.matches.map((match) => match.id)).toEqual(["token-expired", "invalid-token"]);
    expect(json.matches[0]?.codes).toEqual([109, 118, 2]);
    expect(json.matches[1]?.names).toContain("ERR_NO_AUTHORIZED");
    expect(json.matches[1]?.names).toContain("ErrorCodeType.errInvalidToken");
  });

  it("includes callback and event names in names", async () => {
    const run = await runCliProcess(["lookup", "--json", "onTokenPrivilegeWillExpire"]);
    const json = lookupJson.parse(JSON.parse(run.stdout));
    expect(json.matches[0]?.names).toEqual(
      expect.arrayContaining(["onTokenPrivilegeWillExpire", "token-privilege-will-expire"]),
    );
    expect(json.matches[0]?.codes).toEqual([]);
  });

  it("answers in Chinese for a Chinese query and when forced", async () => {
    const chinese = await runCliProcess(["lookup", "Token", "过期了"]);
    expect(chinese.stdout).toContain("Token 已过期");
    expect(chinese.stdout).toContain("解决方法");
    const forced = await runCliProcess(["lookup", "--lang", "zh", "110"]);
    expect(forced.stdout).toContain("Token 无效");
    const byDefault = await runCliProcess(["lookup", "110"], { env: { DEFAULT_LANG: "zh" } });
    expect(byDefault.stdout).toContain("Token 无效");
  });

  it("exits 1 with an empty matches list when nothing fits", async () => {
    const text = await runCliProcess(["lookup", "hello"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('No Agora token error matches: "hello"');
    const json = await runCliProcess(["lookup", "--json", "ERR_SOMETHING_ELSE"]);
    expect(json.code).toBe(1);
    expect(lookupJson.parse(JSON.parse(json.stdout)).matches).toEqual([]);
  });

  it("reads one query a line with --jsonl and prints one object a line, in order", async () => {
    const run = await runCliProcess(["lookup", "--jsonl"], { stdin: "110\nhello\nToken 过期了\n" });
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => lookupJson.parse(JSON.parse(line)));
    expect(lines.map((line) => line.query)).toEqual(["110", "hello", "Token 过期了"]);
    expect(lines.map((line) => line.matches[0]?.id ?? null)).toEqual([
      "invalid-token",
      null,
      "token-expired",
    ]);
    expect(run.code).toBe(0);
    const none = await runCliProcess(["lookup", "--jsonl"], { stdin: "hello\nworld\n" });
    expect(none.code).toBe(1);
  });

  it.each([
    [["lookup"], /lookup needs a query/],
    [["lookup", "--lang", "fr", "110"], /--lang must be "en" or "zh"/],
    [["lookup", "--json", "--jsonl"], /cannot be combined/],
    [["lookup", "--bogus", "110"], /unknown option/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /missing command/],
  ])("exits 2 with a hint on a usage error: %j", async (args, message) => {
    const run = await runCliProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/usage|help/);
    expect(run.stdout).toBe("");
  });

  it("rejects a bad DEFAULT_LANG clearly", async () => {
    const run = await runCliProcess(["lookup", "110"], { env: { DEFAULT_LANG: "de" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DEFAULT_LANG must be "en" or "zh"');
  });

  it("reports a broken knowledge base with its file and exits 3", async () => {
    const run = await runCliProcess(["lookup", "110"], {
      env: { KNOWLEDGE_DIR: "test/fixtures/no-such-dir" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("cannot read directory");
  });

  it("neutralises terminal control characters echoed from the query", async () => {
    const run = await runCliProcess(["lookup", "\u001b[2Jhello"]);
    expect(run.stdout).not.toContain("\u001b");
  });
});

describe("agora-bot kb-check (real process)", () => {
  it("prints the coverage table of the seed's codes and names and exits 0", async () => {
    const run = await runCliProcess(["kb-check"]);
    expect(run.code).toBe(0);
    for (const name of [
      "ERR_INVALID_APP_ID",
      "AgoraErrorCodeTokenExpired",
      "ERR_NO_AUTHORIZED",
      "K_TIMESTAMP_EXPIRED",
      "ERR_DYNAMIC_USE_STATIC_KEY",
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^ok\\s+${name}\\s`, "m"));
    }
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(run.stdout).toMatch(/all \d+ codes and names resolve to their entry/);
  });
});
