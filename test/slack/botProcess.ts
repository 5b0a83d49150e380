import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../core/cliProcess.js";
import { type FakeSlack, waitFor } from "./fakeSlack.js";
import { SIGNING_SECRET } from "./signedRequest.js";

const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const MAIN = join(REPO_ROOT, "src/main.ts");

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The real `npm start` entry (from source) in HTTP mode on an ephemeral port, against the fake Slack. */
export async function startBotProcess(slack: FakeSlack, env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A hung child must not hang the suite.
  setTimeout(() => child.kill("SIGKILL"), 60_000).unref();
  const line = await waitFor(
    () => /listening on port (\d+)/.exec(output) ?? undefined,
    20_000,
    `start-up (output: ${output})`,
  );
  return {
    child,
    url: `http://127.0.0.1:${line[1]}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts `npm start` (from source) with exactly these settings and waits for it to exit (it should: bad settings). */
export function runBotProcessToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}
