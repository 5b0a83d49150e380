import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseAndReply } from "../../diagnose.js";
import { messageShortcutSchema } from "../../payloads.js";

export const DIAGNOSE_SHORTCUT_CALLBACK_ID = "diagnose_agora_errors";

/** "Diagnose Agora errors" on any message: the diagnosis goes into that message's thread. */
export function diagnoseShortcut(context: BotContext) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = messageShortcutSchema.safeParse(body);
    if (!parsed.success) {
      context.logger.warn(
        `message shortcut payload not understood: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      );
      return;
    }
    const { message, channel, user } = parsed.data;
    await diagnoseAndReply(context, client, message, {
      channel: channel.id,
      threadTs: message.thread_ts ?? message.ts,
      user: user.id,
      respond,
      lang: context.config.defaultLang,
    });
  };
}
