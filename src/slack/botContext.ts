import type { Logger } from "@slack/bolt";
import type { SlackConfig } from "../config/slackConfig.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import type { BotState } from "./botState.js";
import type { InflightWork } from "./inflight.js";

/** What every listener needs, built once at start-up and passed to the one place listeners are registered. */
export interface BotContext {
  readonly index: KnowledgeIndex;
  readonly config: SlackConfig;
  readonly inflight: InflightWork;
  /** Event claims, answers, gaps and votes: in the database when it is reachable. */
  readonly state: BotState;
  /** Who sees the knowledge-gap report in App Home (ADMIN_USER_IDS). */
  readonly adminUserIds: readonly string[];
  readonly logger: Logger;
}

/** Hosts the bot token may be sent to when downloading files. */
export function trustedFileHosts(config: SlackConfig): string[] {
  const hosts = ["slack.com", "slack-edge.com", "slack-gov.com"];
  if (config.apiUrl) hosts.push(new URL(config.apiUrl).hostname);
  return hosts;
}
