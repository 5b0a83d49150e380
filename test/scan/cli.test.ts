import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runCliProcess } from "../core/cliProcess.js";

const scanJson = z.object({
  platform: z.string(),
  findings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      codes: z.array(z.number()),
      names: z.array(z.string()),
      lines: z.array(z.number()),
      evidence: z.string(),
      confidence: z.enum(["high", "medium", "low"]),
    }),
  ),
});

const LOGS = "test/fixtures/logs";

describe("agora-bot scan (real process)", () => {
  it("summarises a file readably and exits 0", async () => {
    const run = await runCliProcess(["scan", `${LOGS}/web4-invalid-token.log`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 Agora token error found");
    expect(run.stdout).toContain("Web SDK 4.x");
    expect(run.stdout).toContain("Invalid token");
    expect(run.stdout).toContain("line 5");
  });

  it("prints the JSON contract", async () => {
    const run = await runCliProcess(["scan", "--json", `${LOGS}/mixed-several.log`]);
    const json = scanJson.parse(JSON.parse(run.stdout));
    expect(json.platform).toBe("web-3x");
    expect(json.findings.map((f) => f.id)).toEqual([
      "invalid-token",
      "invalid-app-id",
      "token-expired",
      "token-privilege-did-expire",
    ]);
    expect(json.findings[0]?.lines).toEqual([1, 3]);
    expect(json.findings[0]?.names).toContain("ERR_NO_AUTHORIZED");
  });

  it("prints an empty findings list and exits 1 when there is nothing", async () => {
    const run = await runCliProcess(["scan", "--json", `${LOGS}/neg-innocent-numbers.log`]);
    expect(run.code).toBe(1);
    expect(scanJson.parse(JSON.parse(run.stdout)).findings).toEqual([]);
  });

  it("lists other Agora errors after the token errors and exits 0 for them", async () => {
    const run = await runCliProcess(["scan", "--json", `${LOGS}/neg-native-2.log`]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      findings: unknown[];
      otherErrors: { id: string; code: number }[];
    };
    expect(json.findings).toEqual([]);
    expect(json.otherErrors.map((item) => [item.id, item.code])).toEqual([["err-invalid-argument", 2]]);
    const text = await runCliProcess(["scan", `${LOGS}/neg-native-2.log`]);
    expect(text.stdout).toContain("Other Agora errors in this log");
  });

  it("prints one object a line for several files, in file order, with --jsonl", async () => {
    const files = [`${LOGS}/android-invalid-token.log`, `${LOGS}/neg-prose.log`, `${LOGS}/ios-xcode.log`];
    const run = await runCliProcess(["scan", "--jsonl", ...files]);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string; findings: { id: string }[] });
    expect(lines.map((line) => line.file)).toEqual(files);
    expect(lines.map((line) => line.findings.map((f) => f.id))).toEqual([
      ["invalid-token"],
      [],
      ["token-expired"],
    ]);
    expect(run.code).toBe(0);
  });

  it("reads stdin with no file or with -", async () => {
    for (const args of [["scan"], ["scan", "-"]]) {
      const run = await runCliProcess(args, { stdin: "E/agora: onError: 109\n" });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Token expired");
    }
  });

  it("answers a Chinese question in Chinese", async () => {
    const run = await runCliProcess(["scan", `${LOGS}/prose-zh.log`]);
    expect(run.stdout).toContain("Token 无效");
    expect(run.stdout).toContain("解决方法");
  });

  it("reports an unreadable or binary file clearly and exits 2", async () => {
    const missing = await runCliProcess(["scan", "no-such-file.log"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read no-such-file.log (ENOENT)");
    const binary = await runCliProcess(["scan", "-"], { stdin: "\u0000\u0001\u0002ELF" });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain("looks like a binary file");
  });
});
