import {
  App,
  type AuthorizeResult,
  HTTPReceiver,
  type Logger,
  LogLevel,
  SocketModeReceiver,
} from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { SlackConfig } from "../config/slackConfig.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import type { Store } from "../store/types.js";
import { admitNewWork } from "./admission.js";
import type { BotContext } from "./botContext.js";
import { BotState } from "./botState.js";
import { describeError } from "./describeError.js";
import { SlackAuthError } from "./errors.js";
import { EVENTS_PATH, type HttpFrontDoor, openHttpFrontDoor } from "./httpFrontDoor.js";
import { InflightWork } from "./inflight.js";
import { registerListeners } from "./listeners/index.js";

export { EVENTS_PATH, HEALTH_PATH } from "./httpFrontDoor.js";

export interface Bot {
  readonly app: App;
  readonly context: BotContext;
  /** Starts listening (HTTP mode: on `frontDoor` if given, already open); resolves with the HTTP port in HTTP mode. */
  start(frontDoor?: HttpFrontDoor): Promise<number | undefined>;
  /** Stops taking new work, finishes replies in flight (at most `timeoutMs`), then disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface BotOptions {
  readonly logger?: Logger;
  readonly logLevel?: LogLevel;
  /** Opens the database (dedup, votes, gaps); without it, events are deduplicated in memory and votes are not kept. */
  readonly openStore?: () => Promise<Store>;
  readonly adminUserIds?: readonly string[];
}

/** A timeout and a bounded retry policy: a failing Slack call never hangs a reply or retries forever. */
export function webClientOptions(config: SlackConfig): WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 100, maxTimeout: 2_000 },
    rejectRateLimitedCalls: false,
  };
}

/** A rejected token stops start-up with a clear message; an unreachable Slack only warns (the bot retries per request). */
async function checkBotToken(app: App, context: BotContext): Promise<void> {
  try {
    await app.client.auth.test({ token: context.config.botToken });
  } catch (error) {
    const reason = describeError(error);
    if (/invalid_auth|not_authed|account_inactive|token_revoked|token_expired/.test(reason)) {
      throw new SlackAuthError(
        `SLACK_BOT_TOKEN was rejected by Slack (${reason}): copy the current token from Slack app settings → "OAuth & Permissions"`,
      );
    }
    context.logger.warn(`could not reach Slack to check the bot token (${reason}); starting anyway`);
  }
}

export function createBot(config: SlackConfig, index: KnowledgeIndex, options: BotOptions = {}): Bot {
  const logLevel = options.logLevel ?? LogLevel.INFO;
  const clientOptions = webClientOptions(config);
  const receiver =
    config.mode === "socket" && config.appToken
      ? new SocketModeReceiver({
          appToken: config.appToken,
          installerOptions: { clientOptions },
          logLevel,
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? "",
          endpoints: EVENTS_PATH,
          logLevel,
          ...(options.logger ? { logger: options.logger } : {}),
        });
  // Who the bot is (for ignoring its own messages), asked once and kept; a failed lookup is retried
  // on the next request instead of being cached as a failure, as Bolt's built-in one would be.
  type Identity = { botId?: string; botUserId?: string };
  let identity: Promise<Identity> | undefined;
  const lookUpIdentity = (): Promise<Identity> => {
    identity ??= app.client.auth.test({ token: config.botToken }).then(
      (result): Identity => ({
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
      }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return identity;
  };
  const app: App = new App({
    receiver,
    clientOptions,
    authorize: async (): Promise<AuthorizeResult> => ({
      botToken: config.botToken,
      ...(await lookUpIdentity()),
    }),
    logLevel,
    // Every reply is worked out from the message alone; Bolt's default in-memory conversation
    // store would only add a lookup to every request and entries to memory.
    convoStore: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const context: BotContext = {
    index,
    config,
    inflight: new InflightWork(),
    state: new BotState(options.openStore, app.logger),
    adminUserIds: options.adminUserIds ?? [],
    logger: app.logger,
  };

  app.use(admitNewWork(context));
  registerListeners(app, context);
  app.error(async (error) => {
    context.logger.error(`unhandled error in a listener: ${error.code ?? ""} ${error.message}`);
  });

  let door: HttpFrontDoor | undefined;
  return {
    app,
    context,
    async start(frontDoor?: HttpFrontDoor) {
      await checkBotToken(app, context);
      if (receiver instanceof HTTPReceiver) {
        door = frontDoor ?? (await openHttpFrontDoor(config.port, index.entries.length));
        door.setHandler(receiver.requestListener);
      } else await app.start();
      // The database driver loads once requests are already being served: it is ~300 modules,
      // and nothing before the first event needs it (a claim waits for it, an ack never does).
      context.state.start();
      return door?.port;
    },
    async stop(timeoutMs = 10_000) {
      const drained = context.inflight.drain(timeoutMs);
      if (door) await door.close();
      else
        await app
          .stop()
          .catch((error: unknown) => context.logger.warn(`stopping the receiver: ${String(error)}`));
      await drained;
      await context.state.close();
    },
  };
}
