import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT, runCliProcess } from "./cliProcess.js";

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
    expect(json.matches[0]?.codes.slice(0, 3)).toEqual([109, 118, 2]);
    expect(JSON.parse(run.stdout).matches[0]).toMatchObject({
      depth: "deep",
      kind: "error",
      category: { id: "token" },
    });
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
    expect(text.stdout).toContain('No Agora error matches: "hello"');
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

describe("the catalogue from the CLI (real process)", () => {
  it("answers lookup 17 and lookup -2 with their catalogue entries", async () => {
    const seventeen = await runCliProcess(["lookup", "17"]);
    expect(seventeen.code).toBe(0);
    expect(seventeen.stdout).toContain("17 ERR_JOIN_CHANNEL_REJECTED");
    expect(seventeen.stdout).toContain("CONNECTION_CHANGED_ECHO_TEST");
    for (const part of [
      "Names per platform",
      "What it means",
      "How it is reported",
      "First thing to check",
    ]) {
      expect(seventeen.stdout).toContain(part);
    }
    const minusTwo = await runCliProcess(["lookup", "--json", "-2"]);
    const json = JSON.parse(minusTwo.stdout) as {
      matches: { id: string; reportedAs: string[]; check: string }[];
    };
    expect(json.matches.map((match) => match.id)).toEqual(["err-invalid-argument"]);
    expect(json.matches[0]?.reportedAs).toContain("return-value");
    expect(json.matches[0]?.check.length).toBeGreaterThan(0);
  });

  it("lists the categories, one category, and exits 1 for an unknown one", async () => {
    const all = await runCliProcess(["list"]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^ {2}token\s+7\s+Token and App ID errors/m);
    expect(all.stdout).toMatch(/^ {2}native-errors-join\s+\d+\s/m);
    const one = await runCliProcess(["list", "--lang", "zh", "native-errors-join"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("17 ERR_JOIN_CHANNEL_REJECTED");
    const json = await runCliProcess(["list", "--json"]);
    const parsed = JSON.parse(json.stdout) as { categories: { id: string; count: number }[] };
    expect(parsed.categories[0]).toEqual({
      id: "token",
      title: "Token and App ID errors (in depth)",
      count: 7,
    });
    const unknown = await runCliProcess(["list", "no-such-category"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no category "no-such-category"');
  });
});

describe("agora-bot kb-check against the reference (real process)", () => {
  const temporary: string[] = [];
  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
  const copyOfKnowledge = () => {
    const dir = mkdtempSync(join(tmpdir(), "agora-kbcheck-"));
    temporary.push(dir);
    cpSync(join(REPO_ROOT, "knowledge"), join(dir, "knowledge"), { recursive: true });
    return dir;
  };

  it("prints 100 % coverage of the reference table in both languages", async () => {
    const run = await runCliProcess([
      "kb-check",
      "--reference",
      "test/fixtures/reference/agora-error-codes.tsv",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^coverage: (\d+) of \1 reference rows resolve to their entry \(100\.0 %\)$/m);
    expect(run.stdout).toContain("languages: every entry has its text in English and Chinese");
  });

  it("lists each reference row that does not resolve, and exits 1", async () => {
    const dir = copyOfKnowledge();
    const reference = join(dir, "reference.tsv");
    writeFileSync(
      reference,
      "code\tname\tplatform\tsdk_source\tgloss_en\n17\tERR_JOIN_CHANNEL_REJECTED\tnative\tx\tx\n99999\tERR_MADE_UP_FOR_THIS_TEST\tnative\tx\tx\n",
    );
    const run = await runCliProcess(["kb-check", "--reference", reference]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("coverage: 1 of 2 reference rows resolve to their entry (50.0 %)");
    expect(run.stdout).toMatch(
      /line 3: 99999 {2}ERR_MADE_UP_FOR_THIS_TEST {2}native: no entry has this name/,
    );
  });

  it("exits 3 with the file, entry and field of an invalid catalogue file", async () => {
    const dir = copyOfKnowledge();
    const file = join(dir, "knowledge", "catalogue", "native-errors-join.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("kind: error", "kind: mistake"));
    const run = await runCliProcess(["kb-check"], { env: { KNOWLEDGE_DIR: join(dir, "knowledge") } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/catalogue\/native-errors-join\.yaml: entries\[\d+\]\.kind: /);
  });
});
