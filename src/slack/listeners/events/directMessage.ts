import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseAndReply } from "../../diagnose.js";
import { messageLikeSchema, parsePayload } from "../../payloads.js";
import { isPersonMessage } from "./messageFilters.js";

/** A direct message to the bot: diagnosed like a mention, without the @. */
export function directMessage(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    const message = parsePayload(context.logger, "message", messageLikeSchema, event);
    if (!message) return;
    if (message.channel_type !== "im" || !message.channel || !isPersonMessage(message)) return;
    const channel = message.channel;
    await diagnoseAndReply(context, client, message, {
      channel,
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      lang: context.config.defaultLang,
    });
  };
}
