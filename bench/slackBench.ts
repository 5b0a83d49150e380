/**
 * The Slack figures: the compiled bot (`node dist/main.js`, its own process) in HTTP mode, with a
 * fake Slack Web API, response_url and file host on 127.0.0.1 that this process runs. Every
 * request is HMAC-signed like Slack's and goes to the bot's real receiver on loopback.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { BOT_TOKEN, FakeSlack } from "../test/slack/fakeSlack.js";
import { commandBody, eventBody, SIGNING_SECRET, slackSignature } from "../test/slack/signedRequest.js";
import { log, median, percentile } from "./stats.js";

const MB = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;
const ACKS = 1000;
const WARM_ACKS = 100;
const COLD_STARTS = 3;
/** Acks timed again with PostgreSQL as the store (the main figures use the embedded SQLite). */
const POSTGRES_ACKS = 500;
/** How long any one phase may run before the bench gives up on it. */
const PHASE_LIMIT_MS = 90_000;

export interface SlackFigures {
  cold_start_healthz_ms: number;
  cold_start_first_ack_ms: number;
  ack_p50_ms: number;
  ack_p99_ms: number;
  ack_max_ms: number;
  ack_p50_ms_during_scan: number;
  ack_p99_ms_during_scan: number;
  ack_max_ms_during_scan: number;
  /** Share of the acks timed during scans that started and ended while a 10 MB scan was in flight. */
  acks_overlapping_scan: number;
  scans_during_ack_test: number;
  scan_reply_ms_median: number;
  failed_requests: number;
  /** The same as ack_p99_ms: the bot runs on its default store, SQLite in DATA_DIR. */
  ack_p99_ms_sqlite: number;
  ack_p50_ms_postgres: number | null;
  ack_p99_ms_postgres: number | null;
  bot_rss_mb: number | null;
  bot_peak_rss_mb: number | null;
  healthz_samples_ms: number[];
  first_ack_samples_ms: number[];
}

export interface SlackOptions {
  root: string;
  outDir: string;
  snippet: Buffer;
  queries: readonly string[];
  profile: boolean;
  /** A PostgreSQL server to time the acks against as well; without one those figures are null. */
  databaseUrl?: string | undefined;
}

/** Null with a reason when the Slack app is not built (no dist/main.js). */
export async function measureSlack(
  options: SlackOptions,
): Promise<{ figures: SlackFigures } | { figures: null; note: string }> {
  const main = join(options.root, "dist", "main.js");
  if (!existsSync(main)) {
    return { figures: null, note: "dist/main.js does not exist (no Slack app yet): Slack figures are null" };
  }
  const slack = new FakeSlack();
  await slack.start();
  slack.files.set("big.log", options.snippet);
  let bot: Bot | undefined;
  try {
    const healthz: number[] = [];
    const firstAck: number[] = [];
    for (let run = 0; run < COLD_STARTS; run++) {
      await bot?.stop();
      bot = await startBot(options, main, slack, run === COLD_STARTS - 1 && options.profile);
      healthz.push(bot.healthzMs);
      firstAck.push(bot.firstAckMs);
    }
    if (!bot) throw new Error("bot did not start");
    const running = bot;
    let failed = 0;
    let sent = 0;
    const ackOnce = async (): Promise<{ start: number; end: number }> => {
      const query = options.queries[sent % options.queries.length] as string;
      sent++;
      const body = commandBody(query, { response_url: slack.responseUrl(`c${sent}`) });
      const start = performance.now();
      const response = await signedPost(
        `${running.base}/slack/events`,
        body,
        "application/x-www-form-urlencoded",
      );
      const text = await response.text();
      const end = performance.now();
      if (response.status !== 200 || !text.includes('"blocks"')) failed++;
      return { start, end };
    };

    log(`slack: ${ACKS} signed /agora commands, one at a time…`);
    const phaseEnd = Date.now() + PHASE_LIMIT_MS;
    for (let warm = 0; warm < WARM_ACKS && Date.now() < phaseEnd; warm++) await ackOnce();
    const acks: number[] = [];
    for (let run = 0; run < ACKS && Date.now() < phaseEnd; run++) {
      const { start, end } = await ackOnce();
      acks.push(end - start);
    }

    log(`slack: the same while 10 MB snippets are scanned back to back…`);
    const windows: { start: number; end: number }[] = [];
    let keepScanning = true;
    const scanLoop = (async () => {
      for (let scan = 1; keepScanning && scan <= 500; scan++) {
        const expected = slack.callsTo("chat.postMessage").length + 1;
        const start = performance.now();
        const response = await signedPost(
          `${running.base}/slack/events`,
          eventBody({
            type: "app_mention",
            user: "U1",
            channel: "C1",
            ts: `${Date.now() / 1000}`,
            text: "<@UBOT> log attached",
            files: [
              {
                id: `F${scan}`,
                name: "big.log",
                filetype: "text",
                mimetype: "text/plain",
                size: options.snippet.length,
                url_private_download: slack.fileUrl("big.log"),
              },
            ],
          }),
          "application/json",
        );
        await response.arrayBuffer();
        if (response.status !== 200) failed++;
        const deadline = Date.now() + 30_000;
        while (slack.callsTo("chat.postMessage").length < expected && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        if (slack.callsTo("chat.postMessage").length < expected) {
          failed++;
          break;
        }
        windows.push({ start, end: performance.now() });
      }
    })();
    // Let the first download start before timing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during: { start: number; end: number }[] = [];
    const duringEnd = Date.now() + PHASE_LIMIT_MS;
    for (let run = 0; run < ACKS && Date.now() < duringEnd; run++) during.push(await ackOnce());
    keepScanning = false;
    await scanLoop;
    const overlapping = during.filter(({ start, end }) =>
      windows.some((window) => window.start <= start && end <= window.end),
    ).length;
    const memory = readMemory(running.child.pid);
    const duringMs = during.map(({ start, end }) => end - start);

    let postgresAcks: number[] | undefined;
    if (options.databaseUrl) {
      log(`slack: ${POSTGRES_ACKS} signed /agora commands with PostgreSQL as the store…`);
      await bot.stop();
      bot = await startBot(options, main, slack, false, { DATABASE_URL: options.databaseUrl });
      const onPostgres = bot;
      const timed = async () => {
        const query = options.queries[sent % options.queries.length] as string;
        sent++;
        const start = performance.now();
        const response = await signedPost(
          `${onPostgres.base}/slack/events`,
          commandBody(query, { response_url: slack.responseUrl(`p${sent}`) }),
          "application/x-www-form-urlencoded",
        );
        const text = await response.text();
        if (response.status !== 200 || !text.includes('"blocks"')) failed++;
        return performance.now() - start;
      };
      const end = Date.now() + PHASE_LIMIT_MS;
      for (let warm = 0; warm < WARM_ACKS && Date.now() < end; warm++) await timed();
      postgresAcks = [];
      for (let run = 0; run < POSTGRES_ACKS && Date.now() < end; run++) postgresAcks.push(await timed());
    }
    return {
      figures: {
        cold_start_healthz_ms: median(healthz),
        cold_start_first_ack_ms: median(firstAck),
        ack_p50_ms: percentile(acks, 0.5),
        ack_p99_ms: percentile(acks, 0.99),
        ack_max_ms: percentile(acks, 1),
        ack_p99_ms_sqlite: percentile(acks, 0.99),
        ack_p50_ms_postgres: postgresAcks ? percentile(postgresAcks, 0.5) : null,
        ack_p99_ms_postgres: postgresAcks ? percentile(postgresAcks, 0.99) : null,
        ack_p50_ms_during_scan: percentile(duringMs, 0.5),
        ack_p99_ms_during_scan: percentile(duringMs, 0.99),
        ack_max_ms_during_scan: percentile(duringMs, 1),
        acks_overlapping_scan: during.length === 0 ? 0 : overlapping / during.length,
        scans_during_ack_test: windows.length,
        scan_reply_ms_median: median(windows.map((window) => window.end - window.start)),
        failed_requests: failed + (acks.length < ACKS ? ACKS - acks.length : 0),
        bot_rss_mb: memory.rssMb,
        bot_peak_rss_mb: memory.peakMb,
        healthz_samples_ms: healthz,
        first_ack_samples_ms: firstAck,
      },
    };
  } finally {
    await bot?.stop();
    await slack.stop();
  }
}

interface Bot {
  child: ChildProcess;
  base: string;
  healthzMs: number;
  firstAckMs: number;
  stop(): Promise<void>;
}

/** Spawns the bot and times it to /healthz 200, then to its first acknowledged command. */
async function startBot(
  options: SlackOptions,
  main: string,
  slack: FakeSlack,
  profile: boolean,
  storeEnv: Record<string, string> = {},
): Promise<Bot> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(profile ? ["--cpu-prof", `--cpu-prof-dir=${join(options.outDir, "profiles")}`] : []), main],
    {
      // Not the repository: a developer's .env there must not change what is measured.
      cwd: options.outDir,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_MODE: "http",
        PORT: String(port),
        SLACK_API_URL: slack.apiUrl,
        // The default (5 MB) would cut the 10 MB snippet in half.
        SLACK_FILE_MAX_BYTES: String(16 * MB),
        // The embedded store, in the bench's own folder; DATABASE_URL (PostgreSQL) when given.
        DATA_DIR: join(options.outDir, "data"),
        ...storeEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exit;
    clearTimeout(timer);
  };
  try {
    let healthzMs = Number.NaN;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !exited; ) {
      const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        healthzMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (Number.isNaN(healthzMs)) throw new Error("the bot never answered /healthz");
    let firstAckMs = Number.NaN;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !exited; ) {
      const response = await signedPost(
        `${base}/slack/events`,
        commandBody("110", { response_url: slack.responseUrl("first") }),
        "application/x-www-form-urlencoded",
      ).catch(() => undefined);
      const text = await response?.text();
      if (response?.status === 200 && text?.includes('"blocks"')) {
        firstAckMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (Number.isNaN(firstAckMs)) throw new Error("the bot never acknowledged a command");
    return { child, base, healthzMs, firstAckMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signedPost(url: string, body: string, contentType: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(body, timestamp),
    },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

/** A port nothing listens on right now (the bot is told to listen there). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readMemory(pid: number | undefined): { rssMb: number | null; peakMb: number | null } {
  if (pid === undefined) return { rssMb: null, peakMb: null };
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => {
      const match = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
      return match ? Number(match[1]) / 1024 : null;
    };
    return { rssMb: field("VmRSS"), peakMb: field("VmHWM") };
  } catch {
    return { rssMb: null, peakMb: null };
  }
}
