// The CLI's `scan --json FILE` as a whole process (the same runCli bin/agora-bot.js runs), with
// the process's peak resident memory read at the end: what the 1 GB stream figures come from.
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { runCli } from "../../dist/cli/main.js";

const stdout = new PassThrough();
let output = "";
stdout.on("data", (chunk) => {
  output += chunk;
});
const code = await runCli(["scan", "--json", process.argv[2]], {
  stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
const peak = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
process.stdout.write(
  JSON.stringify({ code, result: JSON.parse(output), peakRssMb: peak ? Number(peak[1]) / 1024 : null }),
);
