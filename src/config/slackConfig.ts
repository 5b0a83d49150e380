import { ConfigError } from "../errors.js";
import type { Lang } from "../text/language.js";
import { readDefaultLang } from "./defaultLang.js";

export interface SlackConfig {
  readonly mode: "socket" | "http";
  readonly botToken: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port: number;
  /** Base URL of the Web API, ending in `/api/` (GovSlack and tests point it elsewhere). */
  readonly apiUrl?: string;
  readonly defaultLang: Lang;
  /** Largest snippet file the bot downloads in full; bigger ones are read up to this size. */
  readonly fileMaxBytes: number;
}

const WHERE = {
  SLACK_BOT_TOKEN: 'Slack app settings → "OAuth & Permissions" → "Bot User OAuth Token" (starts with xoxb-)',
  SLACK_APP_TOKEN:
    'Slack app settings → "Basic Information" → "App-Level Tokens" (starts with xapp-, scope connections:write)',
  SLACK_SIGNING_SECRET: 'Slack app settings → "Basic Information" → "App Credentials" → "Signing Secret"',
} as const;

/**
 * A setting as given, trimmed; undefined when unset or blank. Environment values are strings or
 * absent, so this is the whole of their parsing; each check below then says what is wrong. (Not
 * zod, on purpose: loading it is slow, and this runs before /healthz can answer.)
 */
function setting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

// The values .env.example ships with (xoxb-your-bot-token, your-signing-secret): copied but not filled in.
const PLACEHOLDER = /(?:^|-)your[-_]/i;

/** Reads and checks every Slack setting once, at start-up; one problem a line, each naming where to look. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const problems: string[] = [];
  const botToken = setting(env.SLACK_BOT_TOKEN);
  const appToken = setting(env.SLACK_APP_TOKEN);
  const signingSecret = setting(env.SLACK_SIGNING_SECRET);

  for (const [name, value] of [
    ["SLACK_BOT_TOKEN", botToken],
    ["SLACK_APP_TOKEN", appToken],
    ["SLACK_SIGNING_SECRET", signingSecret],
  ] as const) {
    if (value !== undefined && PLACEHOLDER.test(value))
      problems.push(
        `${name} is still the placeholder from .env.example ("${value}"): replace it with the value from ${WHERE[name]}`,
      );
  }
  const placeholder = (value: string | undefined) => value !== undefined && PLACEHOLDER.test(value);
  if (!botToken) problems.push(`SLACK_BOT_TOKEN is missing: copy it from ${WHERE.SLACK_BOT_TOKEN}`);
  else if (!botToken.startsWith("xoxb-"))
    problems.push(`SLACK_BOT_TOKEN must start with xoxb-: use the bot token from ${WHERE.SLACK_BOT_TOKEN}`);
  if (appToken && !appToken.startsWith("xapp-")) {
    problems.push(
      `SLACK_APP_TOKEN must start with xapp- (an app-level token): create one in ${WHERE.SLACK_APP_TOKEN}`,
    );
  }
  const modeSetting = setting(env.SLACK_MODE)?.toLowerCase();
  if (modeSetting !== undefined && modeSetting !== "http" && modeSetting !== "socket") {
    problems.push(`SLACK_MODE must be "http" or "socket" when set (got "${modeSetting}")`);
  }
  if (modeSetting === "socket" && !appToken) {
    problems.push(
      `SLACK_APP_TOKEN is missing, and SLACK_MODE=socket needs it: create one in ${WHERE.SLACK_APP_TOKEN}`,
    );
  }
  if (modeSetting === "http" && !signingSecret) {
    problems.push(
      `SLACK_SIGNING_SECRET is missing, and SLACK_MODE=http needs it: copy it from ${WHERE.SLACK_SIGNING_SECRET}`,
    );
  }
  if (!appToken && !signingSecret && modeSetting === undefined) {
    problems.push(
      `SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN for Socket Mode (${WHERE.SLACK_APP_TOKEN}), or SLACK_SIGNING_SECRET for HTTP mode (${WHERE.SLACK_SIGNING_SECRET})`,
    );
  }
  if (signingSecret && !placeholder(signingSecret) && !/^[0-9a-f]{16,}$/i.test(signingSecret)) {
    problems.push(
      `SLACK_SIGNING_SECRET looks malformed (expected hex digits): copy it from ${WHERE.SLACK_SIGNING_SECRET}`,
    );
  }

  const portText = setting(env.PORT) ?? "3000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    problems.push(`PORT must be a number from 0 to 65535 (got "${portText}")`);

  const apiUrl = setting(env.SLACK_API_URL);
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) {
    problems.push(`SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (got "${apiUrl}")`);
  }

  const fileMaxText = setting(env.SLACK_FILE_MAX_BYTES) ?? String(5 * 1024 * 1024);
  const fileMaxBytes = Number(fileMaxText);
  if (!/^\d+$/.test(fileMaxText) || fileMaxBytes < 1024) {
    problems.push(`SLACK_FILE_MAX_BYTES must be a number of bytes, at least 1024 (got "${fileMaxText}")`);
  }

  let defaultLang: Lang = "en";
  try {
    defaultLang = readDefaultLang(env);
  } catch (error) {
    if (error instanceof ConfigError) problems.push(...error.problems);
    else throw error;
  }

  if (problems.length > 0 || !botToken) throw new ConfigError(problems);
  return {
    mode: modeSetting === "http" || modeSetting === "socket" ? modeSetting : appToken ? "socket" : "http",
    botToken,
    ...(appToken ? { appToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    port,
    ...(apiUrl ? { apiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
    defaultLang,
    fileMaxBytes,
  };
}
