import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseAndReply } from "../../diagnose.js";
import { messageLikeSchema, parsePayload } from "../../payloads.js";
import { isFromABot } from "./messageFilters.js";

/** `@agora-bot` with a question or a log: one reply, in the mention's thread. */
export function appMention(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const message = parsePayload(context.logger, "app_mention", messageLikeSchema, event);
    if (!message || isFromABot(message)) return;
    const { channel } = message;
    if (!channel) {
      context.logger.warn("app_mention: the event names no channel, ignored");
      return;
    }
    await diagnoseAndReply(context, client, message, {
      channel,
      threadTs: message.thread_ts ?? message.ts,
      ...(message.user ? { user: message.user } : {}),
      lang: context.config.defaultLang,
    });
  };
}
