import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/defaultLang.js";
import { readStoreConfig } from "../../src/config/storeConfig.js";

const scratch = mkdtempSync(join(tmpdir(), "agora-bot-config-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readStoreConfig(env, scratch);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("readStoreConfig", () => {
  it("defaults to SQLite in ./data (not yet created), 30 days, no admins", () => {
    expect(readStoreConfig({}, scratch)).toEqual({
      engine: "sqlite",
      dataDir: join(scratch, "data"),
      retentionDays: 30,
      adminUserIds: [],
    });
  });

  it("uses PostgreSQL when DATABASE_URL is set, and reads the other settings", () => {
    expect(
      readStoreConfig(
        {
          DATABASE_URL: " postgres://bot:pw@db:5432/agora ",
          RETENTION_DAYS: "7",
          ADMIN_USER_IDS: "U012AB3CD, W0ABCDEF",
        },
        scratch,
      ),
    ).toEqual({
      engine: "postgres",
      databaseUrl: "postgres://bot:pw@db:5432/agora",
      retentionDays: 7,
      adminUserIds: ["U012AB3CD", "W0ABCDEF"],
    });
  });

  it("says in one line each what is wrong, never echoing the database password", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://root:hunter2@db/agora",
      RETENTION_DAYS: "0",
      ADMIN_USER_IDS: "alice",
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("DATABASE_URL must start with postgres://");
    expect(problems[1]).toContain("RETENTION_DAYS must be");
    expect(problems[2]).toContain("ADMIN_USER_IDS must be Slack member IDs");
    expect(problemsOf({ DATABASE_URL: "not a url :// hunter2" })[0]).toContain("DATABASE_URL is not a URL");
    expect(problemsOf({ DATABASE_URL: "postgres://u:hunter2@" })[0]).toContain("DATABASE_URL");
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(problemsOf({ DATABASE_URL: "postgres://u:hunter2@/x" }).join("\n")).not.toContain("hunter2");
  });

  it("rejects a DATA_DIR that is a file or that cannot be written", () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    expect(problemsOf({ DATA_DIR: file })[0]).toContain("DATA_DIR must be a folder");
    expect(problemsOf({ DATA_DIR: join(file, "below") })[0]).toContain("DATA_DIR must be a folder");
    // Writable by nobody, not even root: the kernel's own file system.
    expect(problemsOf({ DATA_DIR: "/sys/agora-bot-data" })[0]).toContain("DATA_DIR is not writable");
  });
});
