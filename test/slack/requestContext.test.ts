import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../core/cliProcess.js";

const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const MODULE = pathToFileURL(join(REPO_ROOT, "src/slack/requestContext.ts")).href;

describe("process-wide handlers", () => {
  it("log an error nothing caught with the request it came from, and the process keeps running", () => {
    // A thrown callback and a rejected promise, each during a different request.
    const script = `
      import { keepRunningOnUnexpectedErrors, withinRequest } from ${JSON.stringify(MODULE)};
      keepRunningOnUnexpectedErrors();
      withinRequest("GET /a", () => setTimeout(() => { throw new Error("thrown late"); }, 5));
      withinRequest("POST /slack/events", () => { void (async () => { await null; throw new Error("rejected"); })(); });
      setTimeout(() => { console.log("still running"); }, 50);
    `;
    const run = spawnSync(process.execPath, ["--import", TSX_LOADER, "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("still running");
    expect(run.stderr).toMatch(
      /unexpected error while handling GET \/a \(kept running\): Error: thrown late/,
    );
    expect(run.stderr).toMatch(
      /unhandled rejection while handling POST \/slack\/events \(kept running\): Error: rejected/,
    );
  });
});
