import { existsSync, readFileSync } from "node:fs";
import { parseArgs, parseEnv } from "node:util";
import { ConfigError } from "../config/defaultLang.js";
import { maskDatabaseUrl, readStoreConfig } from "../config/storeConfig.js";
import { renderReportText } from "../render/reportText.js";
import { type CliIo, EXIT_OK, UsageError } from "./io.js";
import { REPORT_USAGE } from "./usage.js";

/** The database named by DATABASE_URL (or the SQLite file in DATA_DIR) could not be opened. */
export const EXIT_DATABASE = 4;

/** The store's settings from the environment, else from ./.env as `npm start` reads them. */
function storeEnv(io: CliIo): NodeJS.ProcessEnv {
  if (io.env.DATABASE_URL || io.env.DATA_DIR || !existsSync(".env")) return io.env;
  const file = parseEnv(readFileSync(".env", "utf8"));
  return { ...file, ...io.env };
}

/** `agora-bot report`: the knowledge-gap report, from the same database the bot writes. */
export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  let values: { days?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { days: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), REPORT_USAGE);
  }
  const daysText = values.days ?? "30";
  const days = Number(daysText);
  if (!/^\d+$/.test(daysText) || days < 1 || days > 3650) {
    throw new UsageError(`--days must be a whole number from 1 to 3650 (got "${daysText}")`, REPORT_USAGE);
  }
  const env = storeEnv(io);
  let config: ReturnType<typeof readStoreConfig>;
  try {
    config = readStoreConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`agora-bot: ${error.problems.join("\nagora-bot: ")}\n`);
      return EXIT_DATABASE;
    }
    throw error;
  }
  const { openSqlStore } = await import("../store/sqlStore.js");
  let store: Awaited<ReturnType<typeof openSqlStore>>;
  try {
    store = await openSqlStore(config);
  } catch (error) {
    const where = config.engine === "postgres" ? maskDatabaseUrl(config.databaseUrl) : config.dataDir;
    io.stderr.write(
      `agora-bot: cannot open the database at ${where}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_DATABASE;
  }
  try {
    const report = await store.report(days);
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
