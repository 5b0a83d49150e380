import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseAndReply } from "../../diagnose.js";
import { messageLikeSchema } from "../../payloads.js";
import { isFromABot } from "./messageFilters.js";

/** `@agora-bot` with a question or a log: one reply, in the mention's thread. */
export function appMention(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const parsed = messageLikeSchema.safeParse(event);
    if (!parsed.success || isFromABot(parsed.data) || !parsed.data.channel) return;
    const message = parsed.data;
    const channel = message.channel as string;
    await diagnoseAndReply(context, client, message, {
      channel,
      threadTs: message.thread_ts ?? message.ts,
      ...(message.user ? { user: message.user } : {}),
      lang: context.config.defaultLang,
    });
  };
}
