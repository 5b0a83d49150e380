import { existsSync } from "node:fs";
import { ConfigError } from "./config/defaultLang.js";
import { readSlackConfig, type SlackConfig } from "./config/slackConfig.js";
import { readStoreConfig, type StoreConfig } from "./config/storeConfig.js";
import { loadKnowledgeIndexFast } from "./index/loadIndexFast.js";
import type { Bot } from "./slack/createBot.js";
import { SlackAuthError } from "./slack/errors.js";
import { type HttpFrontDoor, openHttpFrontDoor } from "./slack/httpFrontDoor.js";

/** `npm start`: reads settings, loads the knowledge, starts the bot in Socket Mode or HTTP mode. */
// A failed request must never take the bot down: log it and keep serving.
process.on("unhandledRejection", (reason) => {
  console.error(
    `agora-bot: unhandled rejection (kept running): ${reason instanceof Error ? reason.message : String(reason)}`,
  );
});

/** Every setting checked at once, so one start-up names every problem, one a line. */
function readSettings(env: NodeJS.ProcessEnv): { config: SlackConfig; storeConfig: StoreConfig } {
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const config = attempt(() => readSlackConfig(env));
  const storeConfig = attempt(() => readStoreConfig(env));
  if (!config || !storeConfig) throw new ConfigError(problems);
  return { config, storeConfig };
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let bot: Bot;
  try {
    const { config, storeConfig } = readSettings(process.env);
    const index = await loadKnowledgeIndexFast(process.env.KNOWLEDGE_DIR || undefined);
    // In HTTP mode the port opens (and /healthz answers) now; Bolt, the slow import, loads behind it.
    const door: HttpFrontDoor | undefined =
      config.mode === "http" ? await openHttpFrontDoor(config.port, index.entries.length) : undefined;
    const { createBot } = await import("./slack/createBot.js");
    bot = createBot(config, index, {
      // The database driver loads here, after the port opened, and connects in the background.
      openStore: () => import("./store/sqlStore.js").then(({ openSqlStore }) => openSqlStore(storeConfig)),
      adminUserIds: storeConfig.adminUserIds,
    });
    const port = await bot.start(door);
    console.log(
      config.mode === "socket"
        ? `agora-bot is connected over Socket Mode (${index.entries.length} knowledge entries)`
        : `agora-bot is listening on port ${port} (POST /slack/events, GET /healthz; ${index.entries.length} knowledge entries)`,
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `agora-bot cannot start; fix these settings (in the environment or .env, see .env.example):`,
      );
      for (const problem of error.problems) console.error(`  - ${problem}`);
      process.exit(1);
    }
    if (error instanceof SlackAuthError) {
      console.error(`agora-bot cannot start: ${error.message}`);
      process.exit(1);
    }
    console.error(`agora-bot cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`agora-bot: ${signal} received, finishing ${bot.context.inflight.size} replies in flight`);
    bot.stop(10_000).then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void main();
