import { type Logger, LogLevel } from "@slack/bolt";
import type { SlackConfig } from "../../src/config/slackConfig.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { type Bot, type BotOptions, createBot } from "../../src/slack/createBot.js";
import { BOT_TOKEN, FakeSlack } from "./fakeSlack.js";
import { SIGNING_SECRET } from "./signedRequest.js";

const index = loadKnowledgeIndex();

/** Collects log lines so tests can assert that failures were logged with context. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  private level = LogLevel.DEBUG;
  private name = "test";
  debug(...messages: unknown[]): void {
    this.lines.push(`debug ${messages.map(String).join(" ")}`);
  }
  info(...messages: unknown[]): void {
    this.lines.push(`info ${messages.map(String).join(" ")}`);
  }
  warn(...messages: unknown[]): void {
    this.lines.push(`warn ${messages.map(String).join(" ")}`);
  }
  error(...messages: unknown[]): void {
    this.lines.push(`error ${messages.map(String).join(" ")}`);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }
  toString(): string {
    return `${this.name}:${this.level}`;
  }
}

export interface RunningBot {
  bot: Bot;
  slack: FakeSlack;
  logger: MemoryLogger;
  /** HTTP mode: the bot's base URL. */
  url: string;
  close(): Promise<void>;
}

export async function startBot(
  mode: "http" | "socket",
  overrides: Partial<SlackConfig> = {},
  botOptions: Pick<BotOptions, "openStore" | "adminUserIds"> = {},
): Promise<RunningBot> {
  const slack = new FakeSlack();
  await slack.start();
  const config: SlackConfig = {
    mode,
    botToken: BOT_TOKEN,
    ...(mode === "socket" ? { appToken: "xapp-1-test" } : { signingSecret: SIGNING_SECRET }),
    port: 0,
    apiUrl: slack.apiUrl,
    defaultLang: "en",
    fileMaxBytes: 64 * 1024,
    ...overrides,
  };
  const logger = new MemoryLogger();
  const bot = createBot(config, index, { logger, logLevel: LogLevel.DEBUG, ...botOptions });
  const port = await bot.start();
  if (mode === "socket") await slack.waitForSocket();
  return {
    bot,
    slack,
    logger,
    url: `http://127.0.0.1:${port ?? 0}`,
    async close() {
      await bot.stop(2000);
      await slack.stop();
    },
  };
}
