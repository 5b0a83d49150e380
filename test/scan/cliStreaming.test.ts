import { spawn, spawnSync } from "node:child_process";
import {
  constants,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/main.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { toScanJson } from "../../src/render/scanJson.js";
import { scanLog } from "../../src/scan/scanLog.js";
import { REPO_ROOT, runCliProcess } from "../core/cliProcess.js";

const dir = mkdtempSync(join(tmpdir(), "agora-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from source with stdin taken from a file descriptor (a device, a file). */
function runWithStdinFd(args: readonly string[], fd: number): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: [fd, "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** An io whose stderr says it is a terminal, with stdin from `chunks` (delays in ms between them). */
function terminalIo(stdin: Readable): { io: CliIo; stderr: () => string; stdout: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[], isTTY: boolean) => {
    const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
    stream.isTTY = isTTY;
    stream.on("data", (chunk: Buffer) => into.push(chunk.toString()));
    return stream;
  };
  return {
    io: { stdout: sink(out, false), stderr: sink(err, true), stdin, env: {} },
    stderr: () => err.join(""),
    stdout: () => out.join(""),
  };
}

/** A log arriving slowly, for about `ms`: a scan of it runs that long. */
function slowLog(ms: number): Readable {
  return Readable.from(
    (async function* () {
      const started = Date.now();
      yield Buffer.from("E/agora: onError: 110\n");
      while (Date.now() - started < ms) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        yield Buffer.from("I/agora: frame ok\n".repeat(2000));
      }
    })(),
  );
}

describe("bad input stays cheap (real process)", () => {
  it("refuses /dev/zero as a file and as stdin at once, instead of reading it forever", async () => {
    const file = await runCliProcess(["scan", "/dev/zero"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("/dev/zero looks like a binary file");
    const stdin = await runWithStdinFd(["scan"], openSync("/dev/zero", "r"));
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain("stdin looks like a binary file");
  });

  it("keeps reading a never-ending pipe, and exits 130 on Ctrl-C", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "scan", "--json"], {
      cwd: REPO_ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const line = Buffer.from("I/agora: frame ok, token renewed fine\n".repeat(4096));
    let written = 0;
    let stopped = false;
    const write = () => {
      while (!stopped && child.stdin.write(line)) written += line.length;
    };
    child.stdin.on("drain", write);
    child.stdin.on("error", () => undefined);
    write();
    // Keep feeding until it has taken 16 MB.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (written > 16 * 1024 * 1024) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    stopped = true;
    expect(await exited).toBe(130);
  }, 30_000);

  // A named pipe whose writer is quiet, or not there yet: an open or a read left waiting on a
  // thread of libuv's pool kept the process from ending, however long one waited after Ctrl-C.
  it.each([
    ["given by path, with no writer yet", "path"],
    ["as stdin, with a writer that stays quiet", "stdin"],
  ] as const)(
    "exits 130 at once on Ctrl-C on a named pipe %s",
    async (_how, how) => {
      const fifo = join(dir, `quiet-${how}.fifo`);
      spawnSync("mkfifo", [fifo]);
      // Read and write at once: opening it so never waits, and keeps a writer on it.
      const stdin = how === "stdin" ? openSync(fifo, constants.O_RDWR) : "ignore";
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "scan", ...(how === "path" ? [fifo] : ["-"])],
        { cwd: REPO_ROOT, stdio: [stdin, "pipe", "pipe"] },
      );
      const exited = new Promise<[number | null, number]>((resolve) =>
        child.on("exit", (code) => resolve([code, Date.now()])),
      );
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      // Started and waiting on the pipe: tsx takes a moment to load the CLI.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const interrupted = Date.now();
      child.kill("SIGINT");
      const [code, at] = await exited;
      clearTimeout(killer);
      expect(code).toBe(130);
      expect(at - interrupted).toBeLessThan(2000);
    },
    30_000,
  );

  it("reads a named pipe given by path until its writer is done", async () => {
    const fifo = join(dir, "log.fifo");
    spawnSync("mkfifo", [fifo]);
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "scan", "--json", fifo], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const writer = await open(fifo, "w");
    await writer.write("I/agora: joining\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writer.write("11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError: 110\n");
    await writer.close();
    expect(await exited).toBe(EXIT_OK);
    expect(JSON.parse(stdout).findings.map((finding: { id: string }) => finding.id)).toEqual([
      "invalid-token",
    ]);
  }, 30_000);

  it("reads the first megabyte of a 3 MB line and says what it cut", async () => {
    const file = join(dir, "one-line.log");
    writeFileSync(file, `E/agora: onError: 110 ${"data ".repeat(600_000)} onError: 101\nI/agora: ok\n`);
    const text = await runCliProcess(["scan", file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Line 1 longer than 1 MB: scanned the first 1 MB of it");
    const json = await runCliProcess(["scan", "--json", file]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      findings: [{ id: "invalid-token", lines: [1] }],
      cut: { lines: 1, firstLine: 1, lineLimitBytes: 1024 * 1024 },
    });
  });

  it("streams a 25 MB file to the same result as one scan of the whole text", async () => {
    const file = join(dir, "big.log");
    const filler = "10:11:09:651 Agora-SDK [INFO]: [client-4e1c0] publish success, uid 42\n".repeat(60_000);
    const text = [
      "W/agora: onTokenPrivilegeWillExpire\n",
      filler,
      "E/agora: onError: 110\n",
      filler,
      "10:11:09:651 Agora-SDK [ERROR]: [28411] Get server node failed [INVALID_VENDOR_KEY]\n",
      filler,
      "E/agora: onError: 110\n",
      filler,
      "[AgoraRtcKit] api name: renewToken, result: 0\n",
      filler,
      filler,
    ].join("");
    writeFileSync(file, text);
    const run = await runCliProcess(["scan", "--json", file]);
    const expected = toScanJson(scanLog(loadKnowledgeIndex(), text), "en");
    expect(JSON.parse(run.stdout)).toEqual(expected);
  }, 30_000);
});

describe("the progress line", () => {
  it("shows on a terminal for a scan longer than a second, and is wiped at the end", async () => {
    const { io, stderr, stdout } = terminalIo(slowLog(1600));
    expect(await runCli(["scan"], io)).toBe(EXIT_OK);
    expect(stderr()).toMatch(/\rstdin: \d+ (KB|MB), \d+ MB\/s/);
    expect(stderr().endsWith("\r\u001b[K")).toBe(true);
    expect(stdout()).toContain("Invalid token");
  });

  it("never shows with --json, --jsonl, --quiet or NO_COLOR, or off a terminal", async () => {
    for (const flag of ["--json", "--jsonl", "--quiet", "-q"]) {
      const { io, stderr } = terminalIo(slowLog(1300));
      expect(await runCli(["scan", flag], io)).toBe(EXIT_OK);
      expect(stderr()).toBe("");
    }
    const colourless = terminalIo(slowLog(1300));
    expect(await runCli(["scan"], { ...colourless.io, env: { NO_COLOR: "1" } })).toBe(EXIT_OK);
    expect(colourless.stderr()).toBe("");
    const { io, stderr } = terminalIo(slowLog(1300));
    const piped = { ...io, stderr: Object.assign(new PassThrough(), { isTTY: false }) };
    piped.stderr.on("data", () => undefined);
    expect(await runCli(["scan"], piped)).toBe(EXIT_OK);
    expect(stderr()).toBe("");
  });

  it("stays off for a quick scan", async () => {
    const { io, stderr } = terminalIo(Readable.from([Buffer.from("I/agora: ok\n")]));
    expect(await runCli(["scan"], io)).toBe(EXIT_NO_MATCH);
    expect(stderr()).toBe("");
  });
});

describe("the cold path", () => {
  const built = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
  const bundle = join(REPO_ROOT, "dist", "cli", "main.bundle.js");
  const unwanted = /\/dist\/(scan|slack|store)\/|node_modules\/(yaml|zod|@slack)\//;

  /** The modules a bundle holds, from esbuild's "// dist/<path>" comments. */
  const modulesInside = (file: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => /^\/\/ dist\/\S+\.js$/.test(line))
      .map((line) => `/${line.slice(3)}`);

  /** The modules the built bin loads for a command, as test/fixtures/traceImports.mjs lists them. */
  const importsOf = (args: readonly string[], stdin = "") =>
    new Promise<string[]>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "./test/fixtures/traceImports.mjs", "bin/agora-bot.js", ...args],
        { cwd: REPO_ROOT, stdio: ["pipe", "ignore", "pipe"] },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", () => resolve(stderr.split("\n").filter((line) => line.startsWith("import "))));
      child.stdin.end(stdin);
    });

  it.skipIf(!built)("lookup loads no scanner, no Slack, no YAML and no zod (the built CLI)", async () => {
    const modules = await importsOf(["lookup", "118"]);
    // The bin runs the one-file build of the CLI; the modules it holds are listed by esbuild's
    // "// dist/<path>" comments, and what it leaves out is loaded (and traced) from dist/.
    expect(modules.some((line) => line.endsWith("/dist/cli/main.bundle.js"))).toBe(true);
    const inside = modulesInside(bundle);
    expect(inside).toEqual(expect.arrayContaining(["/dist/match/matchQuery.js", "/dist/cli/lookup.js"]));
    // If this fails after a change to knowledge/, run `npm run build`: the snapshot is made at build time.
    expect([...modules, ...inside].filter((line) => unwanted.test(line))).toEqual([]);
  });

  it.skipIf(!built)("scan loads the scanner as one file, and nothing of Slack, YAML or zod", async () => {
    const modules = await importsOf(["scan", "--json", "-"], "E/agora: onError: 110\n");
    expect(modules.some((line) => line.endsWith("/dist/cli/scan.bundle.js"))).toBe(true);
    expect(modules.filter((line) => /\/dist\/scan\//.test(line))).toEqual([]);
    const inside = modulesInside(join(REPO_ROOT, "dist", "cli", "scan.bundle.js"));
    expect(inside).toEqual(expect.arrayContaining(["/dist/scan/scanLog.js", "/dist/cli/scan.js"]));
    const notForScan = /\/dist\/(slack|store)\/|node_modules\/(yaml|zod|@slack)\//;
    expect([...modules, ...inside].filter((line) => notForScan.test(line))).toEqual([]);
  });

  it.skipIf(!built)(
    "the built CLI's YAML fallback still reports an invalid knowledge base (exit 3)",
    async () => {
      // The fallback's modules are loaded from dist/, outside the bundle: its errors must still be
      // told apart by the bundle's runCli (one copy of errors.js for both).
      const dir = mkdtempSync(join(tmpdir(), "agora-cold-"));
      try {
        cpSync(join(REPO_ROOT, "knowledge"), dir, { recursive: true });
        writeFileSync(join(dir, "broken.yaml"), "id: broken\n");
        const result = spawnSync(process.execPath, ["bin/agora-bot.js", "lookup", "118"], {
          cwd: REPO_ROOT,
          encoding: "utf8",
          env: { ...process.env, KNOWLEDGE_DIR: dir },
        });
        expect(result.stderr).toContain("knowledge base is invalid");
        expect(result.status).toBe(3);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
