import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "../test/random.js";

const MB = 1024 * 1024;
const HOSTILE_BYTES = 10 * MB;

/** 10 MB inputs shaped to be slow: a misspelt name storm, ever-different slips, identifiers, random bytes. */
const SHAPES: Record<string, (bytes: number) => Buffer> = {
  misspelt_name_repeated: (bytes) => Buffer.from("K_TIMESTAMP_EXPIREDXX ".repeat(bytes / 22)),
  misspelt_name_every_line: (bytes) => Buffer.from("E/agora: K_TIMESTAMP_EXPIREDXX\n".repeat(bytes / 31)),
  different_slips: (bytes) => {
    const next = seededRandom(5);
    const name = "ERR_INVALID_TOKEN";
    const words: string[] = [];
    for (let length = 0; length < bytes; length += name.length + 1) {
      const at = Math.floor(next() * name.length);
      words.push(
        `${name.slice(0, at)}${String.fromCharCode(65 + Math.floor(next() * 26))}${name.slice(at + 1)}`,
      );
    }
    return Buffer.from(words.join(" "));
  },
  identifier_storm: (bytes) => Buffer.from("ERR_INVLID_TOKN_ AgoraErrorCodeInvaldToken ".repeat(bytes / 43)),
  random_bytes: (bytes) => {
    const buffer = randomBytes(bytes);
    // No NUL byte, or scan would refuse the file as binary before reading it.
    for (let at = 0; at < bytes; at++) if (buffer[at] === 0) buffer[at] = 1;
    return buffer;
  },
};

/**
 * Whole-process wall time of `agora-bot scan --json FILE` on each shape, and of
 * `agora-bot lookup --jsonl` reading 10 MB of random bytes: issue 11 wants each within 2 s.
 */
export function measureHostile(bin: string, outDir: string, timeoutMs: number): Record<string, number> {
  const times: Record<string, number> = {};
  for (const [name, make] of Object.entries(SHAPES)) {
    const file = join(outDir, `hostile-${name}.log`);
    writeFileSync(file, make(HOSTILE_BYTES));
    times[`scan_${name}`] = timed([bin, "scan", "--json", file], undefined, timeoutMs);
    if (name === "random_bytes")
      times.lookup_jsonl_random_bytes = timed([bin, "lookup", "--jsonl"], readFileSync(file), timeoutMs);
    rmSync(file, { force: true });
  }
  return times;
}

function timed(args: readonly string[], input: Buffer | undefined, timeoutMs: number): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [...args], {
    ...(input ? { input } : {}),
    stdio: [input ? "pipe" : "ignore", "ignore", "pipe"],
    timeout: timeoutMs,
  });
  const ms = performance.now() - start;
  if (run.error || (run.status !== 0 && run.status !== 1)) throw run.error ?? new Error(String(run.stderr));
  return Math.round(ms);
}
