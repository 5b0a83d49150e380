import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../core/cliProcess.js";

const run = promisify(execFile);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the npm package", () => {
  const work = mkdtempSync(join(tmpdir(), "agora-bot-pack-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("packs (building first), installs into a fresh prefix and answers `agora-bot lookup 110` from there", async () => {
    // npm pack runs `prepare`, which builds dist/ and the knowledge snapshot.
    const packed = await run(NPM, ["pack", "--json", "--pack-destination", work], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[$/m))) as {
      filename: string;
      files: { path: string }[];
    }[];
    if (!manifest) throw new Error("npm pack printed no manifest");
    const files = manifest.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/agora-bot.js",
        "dist/cli/main.js",
        "dist/main.js",
        "dist/knowledge.snapshot.json",
        "knowledge/invalid-token.yaml",
        "LICENSE",
        "README.md",
      ]),
    );
    expect(files.filter((file) => /^(src|test|bench)\//.test(file) || file.endsWith(".map"))).toEqual([]);

    // The dependencies come from npm's cache when they are there (CI has just installed them).
    const prefix = join(work, "prefix");
    await run(
      NPM,
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        join(work, manifest.filename),
      ],
      { cwd: work, maxBuffer: 16 * 1024 * 1024 },
    );
    const bin =
      process.platform === "win32" ? join(prefix, "agora-bot.cmd") : join(prefix, "bin", "agora-bot");
    // Run from elsewhere, with no KNOWLEDGE_DIR: the package finds its own knowledge.
    const answer = await run(bin, ["lookup", "110"], {
      cwd: work,
      env: { ...process.env, NO_COLOR: "1", KNOWLEDGE_DIR: "", DEFAULT_LANG: "" },
    });
    expect(answer.stdout).toContain("110 ERR_INVALID_TOKEN");
    expect(answer.stdout).toContain("How to fix it");
    const version = await run(bin, ["--version"], { cwd: work });
    expect(version.stdout).toMatch(/^agora-bot \d+\.\d+\.\d+/);
  }, 240_000);
});
