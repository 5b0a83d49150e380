import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEALTH_PATH } from "../../src/slack/httpFrontDoor.js";
import { REPO_ROOT } from "../core/cliProcess.js";

/** Docker has no daemon in CI; these are the facts about the image a change here could break. */
describe("the Dockerfile", () => {
  const dockerfile = readFileSync(join(REPO_ROOT, "Dockerfile"), "utf8");
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
    engines: { node: string };
  };

  it("builds in one stage and runs the build as a non-root user in another", () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM node:20[^\s]* AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    // `npm ci` builds dist/ only because the prepare script runs the build.
    expect(dockerfile).toMatch(/npm ci\b/);
    expect(manifest.scripts.prepare).toBe("npm run build");
  });

  it("copies what the bot reads at run time from the build stage", () => {
    for (const path of ["package.json", "node_modules", "dist", "knowledge"])
      expect(dockerfile).toMatch(new RegExp(`^COPY --from=build .*/app/${path} `, "m"));
  });

  it("checks health on the path the bot serves", () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain(`'${HEALTH_PATH}'`);
  });

  it("uses the Node version .nvmrc and engines name", () => {
    const nvmrc = readFileSync(join(REPO_ROOT, ".nvmrc"), "utf8").trim();
    expect(nvmrc.replace(/^v/, "").split(".")[0]).toBe("20");
    expect(manifest.engines.node).toBe(">=20");
  });
});
