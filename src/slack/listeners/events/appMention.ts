import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseMessage } from "../../diagnose.js";
import { messageLikeSchema } from "../../payloads.js";
import { postReply } from "../../reply.js";
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
    await context.inflight.track(
      (async () => {
        const reply = await diagnoseMessage(context, client, message, { channel, allowParent: true });
        await postReply(
          context,
          client,
          {
            channel,
            threadTs: message.thread_ts ?? message.ts,
            ...(message.user ? { user: message.user } : {}),
            lang: context.config.defaultLang,
          },
          reply,
        );
      })(),
    );
  };
}
