import { existsSync } from "node:fs";
import { ConfigError } from "./config/defaultLang.js";
import { readSlackConfig } from "./config/slackConfig.js";
import { loadKnowledgeIndex } from "./index/loadIndex.js";
import { KnowledgeError } from "./knowledge/load.js";
import { createBot, SlackAuthError } from "./slack/createBot.js";

/** `npm start`: reads settings, loads the knowledge, starts the bot in Socket Mode or HTTP mode. */
// A failed request must never take the bot down: log it and keep serving.
process.on("unhandledRejection", (reason) => {
  console.error(
    `agora-bot: unhandled rejection (kept running): ${reason instanceof Error ? reason.message : String(reason)}`,
  );
});

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let bot: ReturnType<typeof createBot>;
  try {
    const config = readSlackConfig(process.env);
    const index = loadKnowledgeIndex(process.env.KNOWLEDGE_DIR || undefined);
    bot = createBot(config, index);
    const port = await bot.start();
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
    if (error instanceof KnowledgeError) {
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
