import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "./defaultLang.js";

export type StoreConfig =
  | {
      readonly engine: "sqlite";
      /** Absolute path of the folder holding the SQLite file (created on first start). */
      readonly dataDir: string;
      readonly retentionDays: number;
      readonly adminUserIds: readonly string[];
    }
  | {
      readonly engine: "postgres";
      readonly databaseUrl: string;
      readonly retentionDays: number;
      readonly adminUserIds: readonly string[];
    };

function setting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/** The URL with its password masked, for messages. */
export function maskDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1••••@");
}

function databaseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `DATABASE_URL is not a URL: expected postgres://user:password@host:5432/database (got "${maskDatabaseUrl(url)}")`;
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    return `DATABASE_URL must start with postgres:// or postgresql:// (got "${parsed.protocol}//…"); leave it unset to use the embedded SQLite file in DATA_DIR`;
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    return `DATABASE_URL names no host: expected postgres://user:password@host:5432/database (got "${maskDatabaseUrl(url)}")`;
  }
  return undefined;
}

/**
 * The folder, or the nearest folder above it that exists (the folder is created on first start),
 * must take a new file: a probe file is written and removed, which also catches read-only mounts
 * and the cases where permission bits say nothing (root).
 */
function dataDirProblem(dir: string): string | undefined {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    return `DATA_DIR must be a folder, but ${existing} is a file (got "${dir}")`;
  }
  const probe = join(existing, `.agora-bot-write-test-${process.pid}`);
  try {
    writeFileSync(probe, "", { flag: "wx" });
    rmSync(probe, { force: true });
    return undefined;
  } catch {
    return `DATA_DIR is not writable: the bot keeps its SQLite file there; choose a writable folder or fix its permissions (got "${dir}")`;
  }
}

/**
 * Reads and checks the store's settings once, at start-up, one problem a line like the Slack
 * settings: DATABASE_URL (PostgreSQL, shared by several instances) or DATA_DIR (embedded SQLite).
 */
export function readStoreConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): StoreConfig {
  const problems: string[] = [];
  const databaseUrl = setting(env.DATABASE_URL);
  const dataDir = resolve(cwd, setting(env.DATA_DIR) ?? "data");
  if (databaseUrl) {
    const problem = databaseUrlProblem(databaseUrl);
    if (problem) problems.push(problem);
  } else {
    const problem = dataDirProblem(dataDir);
    if (problem) problems.push(problem);
  }
  const retentionText = setting(env.RETENTION_DAYS) ?? "30";
  const retentionDays = Number(retentionText);
  if (!/^\d+$/.test(retentionText) || retentionDays < 1 || retentionDays > 3650) {
    problems.push(`RETENTION_DAYS must be a whole number of days from 1 to 3650 (got "${retentionText}")`);
  }
  const adminUserIds = (setting(env.ADMIN_USER_IDS) ?? "").split(/[\s,]+/).filter((id) => id !== "");
  const badAdmin = adminUserIds.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (badAdmin !== undefined) {
    problems.push(
      `ADMIN_USER_IDS must be Slack member IDs separated by commas, such as U012AB3CD (got "${badAdmin}")`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return databaseUrl
    ? { engine: "postgres", databaseUrl, retentionDays, adminUserIds }
    : { engine: "sqlite", dataDir, retentionDays, adminUserIds };
}
