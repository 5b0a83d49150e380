import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { StoreConfig } from "../../src/config/storeConfig.js";

/**
 * A real PostgreSQL server's URL, given by `scripts/with-postgres.sh` (which `.ci/run` uses);
 * without it the PostgreSQL tests are skipped, so `npm test` on a machine without a server passes.
 */
export const PG_URL = process.env.AGORA_TEST_DATABASE_URL?.trim() || undefined;
export const PG_SKIP_REASON =
  "PostgreSQL tests skipped: no server URL in AGORA_TEST_DATABASE_URL (run `bash scripts/with-postgres.sh npm test`, as .ci/run does)";

if (!PG_URL) console.warn(PG_SKIP_REASON);

/** A new, empty database on the test server, so test files never see each other's rows. */
export async function freshPostgresUrl(): Promise<string> {
  if (!PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `agora_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabase {
  readonly engine: "sqlite" | "postgres";
  config(retentionDays?: number): StoreConfig;
  cleanup(): void;
}

export function sqliteDatabase(): TestDatabase & { readonly dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), "agora-bot-store-"));
  return {
    engine: "sqlite",
    dataDir,
    config: (retentionDays = 30) => ({ engine: "sqlite", dataDir, retentionDays, adminUserIds: [] }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const databaseUrl = await freshPostgresUrl();
  return {
    engine: "postgres",
    config: (retentionDays = 30) => ({ engine: "postgres", databaseUrl, retentionDays, adminUserIds: [] }),
    cleanup: () => undefined,
  };
}

/** Polls an async check until it gives a value (a database row appears), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
