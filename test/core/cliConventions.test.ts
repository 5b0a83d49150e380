import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/main.js";
import { displayWidth } from "../../src/render/wrap.js";
import { runCliProcess } from "./cliProcess.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process, with its streams captured: the same code path as the binary, minus the spawn. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}, columns?: number): Promise<Run> {
  const stdout = Object.assign(new PassThrough(), columns === undefined ? {} : { columns, isTTY: true });
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end("");
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const io: CliIo = { stdout, stderr, stdin, env: { NO_COLOR: "1", ...env } };
  const code = await runCli(args, io);
  return { code, stdout: out, stderr: err };
}

describe("CLI conventions", () => {
  it.each([["-110"], ["-2"], ["-101"]])(
    "takes a negative number as a query, never a flag: lookup %s",
    async (query) => {
      const run = await cli(["lookup", query]);
      expect(run.stderr).toBe("");
      expect(run.stdout).not.toMatch(/unknown option/i);
      expect(run.stdout.length).toBeGreaterThan(0);
    },
  );

  it("keeps the order of a query mixing numbers and negative numbers", async () => {
    const run = await cli(["lookup", "--json", "109", "-110"]);
    const json = JSON.parse(run.stdout) as { query: string; matches: { id: string }[] };
    expect(json.query).toBe("109 -110");
    expect(json.matches.map((match) => match.id)).toEqual(["token-expired", "invalid-token"]);
  });

  it("reports an unknown option with a hint whose quoting is whole", async () => {
    const run = await cli(["lookup", "--bogus", "110"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option "--bogus"');
    expect(run.stderr).toContain(`-- '--bogus'`);
    // Every quote the hint opens, it closes.
    const firstLine = run.stderr.split("\n")[0] ?? "";
    expect((firstLine.match(/"/g) ?? []).length % 2).toBe(0);
    expect((firstLine.match(/'/g) ?? []).length % 2).toBe(0);
  });

  it.each([[["--version"]], [["-V"]]])("prints the version and exits 0: %j", async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^agora-bot \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [["help", "lookup"], "agora-bot lookup"],
    [["lookup", "--help"], "agora-bot lookup"],
    [["lookup", "-h"], "agora-bot lookup"],
    [["help", "scan"], "agora-bot scan"],
    [["scan", "--help"], "agora-bot scan"],
    [["help", "kb-check"], "agora-bot kb-check"],
    [["kb-check", "--help"], "agora-bot kb-check"],
  ])("prints a command's usage and exits 0: %j", async (args, usage) => {
    const run = await cli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: ${usage}`);
    expect(run.stderr).toBe("");
  });

  it("refuses help for a command that does not exist", async () => {
    const run = await cli(["help", "frobnicate"]);
    expect(run.code).toBe(2);
  });

  it.each([
    [{ COLUMNS: "60" }, undefined, 60],
    [{}, 70, 70],
    [{ COLUMNS: "120" }, 70, 120],
    [{}, undefined, 80],
  ])("wraps answers to the width (env %j, terminal %s)", async (env, columns, width) => {
    for (const lang of ["en", "zh"]) {
      const run = await cli(["lookup", "--lang", lang, "110"], env, columns);
      const lines = run.stdout.split("\n");
      // Only a word longer than the line (a URL) may stick out.
      const over = lines.filter((line) => displayWidth(line) > width && /\s\S+\s/.test(line.trim()));
      expect(over).toEqual([]);
      if (width >= 100) expect(lines.some((line) => displayWidth(line) > 80)).toBe(true);
    }
  });

  it("wraps scan output too", async () => {
    const run = await cli(["scan", "test/fixtures/logs/web4-invalid-token.log"], { COLUMNS: "50" });
    const over = run.stdout
      .split("\n")
      .filter((line) => displayWidth(line) > 50 && line.trim().includes(" ") && !/https?:/.test(line));
    expect(over).toEqual([]);
  });

  it("writes Chinese output in Chinese throughout", async () => {
    const scan = await cli(["scan", "--lang", "zh", "test/fixtures/logs/web4-invalid-token.log"]);
    expect(scan.stdout).toContain("发现 1 个 Agora Token 错误");
    expect(scan.stdout).not.toMatch(/可信度 ?(high|medium|low)/);
    expect(scan.stdout).toMatch(/可信度[高中低]/);
    expect(scan.stdout).not.toMatch(/confidence|line \d/);
    const none = await cli(["scan", "--lang", "zh", "test/fixtures/logs/neg-native-2.log"]);
    expect(none.stdout).not.toMatch(/unknown|Platform/);
    const lookup = await cli(["lookup", "--lang", "zh", "110"]);
    expect(lookup.stdout).toContain("Agora 文档：");
    expect(lookup.stdout).not.toMatch(/Native: |Web: /);
    expect(lookup.stdout).not.toContain("legacy");
  });

  it("carries the answer's text in lookup --json, in the chosen language", async () => {
    for (const lang of ["en", "zh"] as const) {
      const run = await cli(["lookup", "--json", "--lang", lang, "110"]);
      const match = (JSON.parse(run.stdout) as { matches: Record<string, unknown>[] }).matches[0];
      expect(match).toMatchObject({
        id: "invalid-token",
        headline: { code: 110, name: "ERR_INVALID_TOKEN" },
      });
      expect(typeof match?.symptom).toBe("string");
      expect(match?.causes).toEqual(expect.arrayContaining([expect.any(String)]));
      expect((match?.fix as string[] | undefined)?.length).toBeGreaterThan(1);
      expect(match?.docs).toMatch(/^https:\/\/docs\.agora\.io\//);
      expect(match?.related).toMatchObject({ callbacks: expect.any(Array), entries: expect.any(Array) });
      const text = JSON.stringify([match?.symptom, match?.fix]);
      expect(/[\u4e00-\u9fff]/.test(text)).toBe(lang === "zh");
    }
  });

  it("carries the text and the line's identifier in scan --json", async () => {
    const run = await cli(["scan", "--json", "test/fixtures/logs/web4-invalid-token.log"]);
    const json = JSON.parse(run.stdout) as {
      findings: { name: string | null; evidence: string; fix: string[]; symptom: string }[];
    };
    for (const finding of json.findings) {
      expect(finding.fix.length).toBeGreaterThan(0);
      expect(finding.symptom.length).toBeGreaterThan(0);
      // The line names an identifier, so the finding does too, and it is on the line.
      expect(finding.name).not.toBeNull();
      expect(finding.evidence).toContain(finding.name);
    }
  });

  it("prints Block Kit JSON with --blocks", async () => {
    const lookup = await cli(["lookup", "--blocks", "110"]);
    const blocks = (JSON.parse(lookup.stdout) as { blocks: { type: string }[] }).blocks;
    expect(blocks[0]?.type).toBe("header");
    const scan = await cli(["scan", "--blocks", "test/fixtures/logs/web4-invalid-token.log"]);
    expect((JSON.parse(scan.stdout) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(2);
    const both = await cli(["lookup", "--blocks", "--json", "110"]);
    expect(both.code).toBe(2);
  });

  it("takes -110 as a query in the real binary too", async () => {
    const run = await runCliProcess(["lookup", "-110"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("110 ERR_INVALID_TOKEN");
  });
});
