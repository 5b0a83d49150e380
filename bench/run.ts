/**
 * `npm run bench`: every figure of issue 5, taken in one run on this machine. Prints one JSON
 * object to stdout and a readable table to stderr. Ratios compare things measured in the same run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import { loadKnowledgeIndex } from "../src/index/loadIndex.js";
import { matchQuery } from "../src/match/matchQuery.js";
import { scanLog } from "../src/scan/scanLog.js";
import { BOT_TOKEN, FakeSlack } from "../test/slack/fakeSlack.js";
import { commandBody, eventBody, SIGNING_SECRET, signedPost } from "../test/slack/signedRequest.js";
import { generateLog } from "./generateLog.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench", ".out");
const LOG_BYTES = 40 * 1024 * 1024;
const MB = 1024 * 1024;

const TARGETS = {
  scan_mb_per_s: { min: 150 },
  scan_vs_grep: { max: 4 },
  naive_vs_ours: { min: 100 },
  lookup_p99_us: { max: 200 },
  cold_start_ms: { min: undefined, max: 300 },
  cold_start_healthz_ms: { max: 300 },
  ack_p99_ms: { max: 20 },
  ack_p99_ms_during_scan: { max: 100 },
  rss_mb: { max: 150 },
} as const;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const index = loadKnowledgeIndex();
  log("generating the 40 MB log…");
  const text = generateLog(LOG_BYTES);
  const logFile = join(OUT, "bench.log");
  writeFileSync(logFile, text);
  const megabytes = text.length / MB;

  // Scanner, best of three (the first run also warms the JIT).
  const scanTimes: number[] = [];
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    findings = scanLog(index, text).findings.length;
    scanTimes.push(performance.now() - start);
  }
  const scanMs = Math.min(...scanTimes);

  // grep -F over every name and message the knowledge base has.
  const patterns = [
    ...new Set(
      index.entries.flatMap((entry) => [
        ...entry.names.map((name) => name.name),
        ...entry.messages.map((m) => m.text),
      ]),
    ),
  ];
  const patternFile = join(OUT, "patterns.txt");
  writeFileSync(patternFile, `${patterns.join("\n")}\n`);
  const grepTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const grep = spawnSync("grep", ["-c", "-i", "-F", "-f", patternFile, logFile], { encoding: "utf8" });
    grepTimes.push(performance.now() - start);
    if (grep.error) throw grep.error;
  }
  const grepMs = Math.min(...grepTimes);

  // The obvious matcher: fuse.js over the knowledge for every line, on a slice, per megabyte.
  const fuse = new Fuse(
    index.entries.flatMap((entry) => [
      ...entry.names.map((name) => name.name),
      ...entry.messages.map((m) => m.text),
      ...entry.keywords.en,
    ]),
    { includeScore: true, threshold: 0.3, ignoreLocation: true },
  );
  const slice = text.slice(0, 256 * 1024);
  const sliceLines = slice.split("\n");
  const naiveStart = performance.now();
  for (const line of sliceLines) fuse.search(line.slice(0, 32));
  const naiveMsPerMb = (performance.now() - naiveStart) / (slice.length / MB);
  const oursMsPerMb = scanMs / megabytes;

  // Lookups over a realistic mix.
  const queries = [
    "118",
    "-110",
    "#109",
    "error 110",
    "ERR_NO_AUTHORIZED",
    "AgoraErrorCodeInvalidToken",
    "ErrorCodeType.errTokenExpired",
    "ERR_INVLID_TOKEN",
    "AgoraErrorCodeInvalidTokn",
    "token is expired",
    "wrong appid",
    "certificate enabled but no token",
    "Token 过期了",
    "项目开了证书但没传 token",
    "hello",
    "ERR_SOMETHING_ELSE",
    "123456",
    "the weather is nice today and I am happy",
    "onTokenPrivilegeWillExpire",
    "109 110",
  ];
  for (let warm = 0; warm < 2000; warm++) matchQuery(index, queries[warm % queries.length] as string);
  const lookupUs: number[] = [];
  for (let run = 0; run < 20_000; run++) {
    const start = process.hrtime.bigint();
    matchQuery(index, queries[run % queries.length] as string);
    lookupUs.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  lookupUs.sort((a, b) => a - b);

  // Cold start of the compiled code, as a fresh process each time.
  const coldStarts: number[] = [];
  for (let run = 0; run < 5; run++) {
    const probe = spawnSync(process.execPath, [join(ROOT, "bench", "coldStartProbe.mjs")], {
      encoding: "utf8",
    });
    coldStarts.push((JSON.parse(probe.stdout) as { ms: number }).ms);
  }

  // RSS after scanning the 40 MB log, in its own process.
  const rssProbe = spawnSync(
    process.execPath,
    ["--expose-gc", join(ROOT, "bench", "rssProbe.mjs"), logFile],
    { encoding: "utf8" },
  );
  const rssMb = (JSON.parse(rssProbe.stdout) as { rssMb: number }).rssMb;

  const slack = await measureSlack(text.slice(0, 10 * MB));

  const figures = {
    scan_mb_per_s: round(megabytes / (scanMs / 1000)),
    scan_vs_grep: round(scanMs / grepMs, 2),
    naive_vs_ours: round(naiveMsPerMb / oursMsPerMb),
    lookup_p50_us: round(percentile(lookupUs, 0.5)),
    lookup_p99_us: round(percentile(lookupUs, 0.99)),
    cold_start_ms: round(median(coldStarts)),
    cold_start_healthz_ms: round(slack.healthzMs),
    ack_p50_ms: round(slack.ackP50, 2),
    ack_p99_ms: round(slack.ackP99, 2),
    ack_p99_ms_during_scan: round(slack.ackP99DuringScan, 2),
    rss_mb: round(rssMb),
  };
  const checks = Object.fromEntries(
    Object.entries(TARGETS).map(([name, target]) => {
      const value = figures[name as keyof typeof figures];
      const ok =
        ("min" in target && target.min !== undefined ? value >= target.min : true) &&
        ("max" in target && target.max !== undefined ? value <= target.max : true);
      return [name, { value, target, ok }];
    }),
  );
  const report = {
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    log_mb: round(megabytes),
    findings_in_log: findings,
    scan_ms: round(scanMs),
    grep_ms: round(grepMs),
    naive_ms_per_mb: round(naiveMsPerMb),
    scans_during_ack_test: slack.scansDone,
    ...figures,
    targets_met: Object.values(checks).every((check) => check.ok),
    checks,
  };
  log("");
  log("figure                      value      target");
  for (const [name, check] of Object.entries(checks)) {
    const target =
      "min" in check.target && check.target.min !== undefined
        ? `>= ${check.target.min}`
        : `<= ${"max" in check.target ? check.target.max : ""}`;
    log(
      `${name.padEnd(26)}  ${String(check.value).padStart(9)}  ${target.padEnd(8)} ${check.ok ? "ok" : "MISS"}`,
    );
  }
  log(`lookup_p50_us               ${String(figures.lookup_p50_us).padStart(9)}`);
  log(`ack_p50_ms                  ${String(figures.ack_p50_ms).padStart(9)}`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

interface SlackFigures {
  healthzMs: number;
  ackP50: number;
  ackP99: number;
  ackP99DuringScan: number;
  scansDone: number;
}

/** The real bot (compiled, its own process) in HTTP mode against a local fake Slack. */
async function measureSlack(snippet: string): Promise<SlackFigures> {
  const slack = new FakeSlack();
  await slack.start();
  slack.files.set("big.log", Buffer.from(snippet));
  const port = 21_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=1 writes the bot's CPU profile to bench/.out/profiles (node --cpu-prof).
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${join(OUT, "profiles")}`] : []),
      join(ROOT, "dist", "main.js"),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_MODE: "http",
        PORT: String(port),
        SLACK_API_URL: slack.apiUrl,
        SLACK_FILE_MAX_BYTES: String(16 * MB),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    let healthzMs = Number.NaN;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      const ok = await fetch(`${base}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        healthzMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const ackOnce = async () => {
      const start = performance.now();
      const response = await signedPost(`${base}/slack/events`, commandBody("110"), {
        contentType: "application/x-www-form-urlencoded",
      });
      await response.arrayBuffer();
      return performance.now() - start;
    };
    for (let warm = 0; warm < 100; warm++) await ackOnce();
    const acks: number[] = [];
    for (let run = 0; run < 1000; run++) acks.push(await ackOnce());
    acks.sort((a, b) => a - b);

    // Keep 10 MB scans running (one after another) while the commands are measured again.
    const postsBefore = slack.callsTo("chat.postMessage").length;
    let scansRequested = 0;
    let keepScanning = true;
    const scanLoop = (async () => {
      while (keepScanning) {
        const expected = postsBefore + scansRequested + 1;
        scansRequested++;
        await signedPost(
          `${base}/slack/events`,
          eventBody({
            type: "app_mention",
            user: "U1",
            channel: "C1",
            ts: `${Date.now() / 1000}`,
            text: "<@UBOT> log attached",
            files: [
              {
                id: `F${scansRequested}`,
                name: "big.log",
                filetype: "text",
                mimetype: "text/plain",
                url_private_download: slack.fileUrl("big.log"),
              },
            ],
          }),
          { contentType: "application/json" },
        );
        for (
          const deadline = Date.now() + 30_000;
          keepScanning && slack.callsTo("chat.postMessage").length < expected && Date.now() < deadline;
        ) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during: number[] = [];
    for (let run = 0; run < 1000; run++) during.push(await ackOnce());
    keepScanning = false;
    await scanLoop;
    during.sort((a, b) => a - b);
    return {
      healthzMs,
      ackP50: percentile(acks, 0.5),
      ackP99: percentile(acks, 0.99),
      ackP99DuringScan: percentile(during, 0.99),
      scansDone: slack.callsTo("chat.postMessage").length - postsBefore,
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await slack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
