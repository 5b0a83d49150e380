import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { BotContext } from "../../botContext.js";
import { diagnoseAndReply } from "../../diagnose.js";
import { messageShortcutSchema, parsePayload } from "../../payloads.js";

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
    const parsed = parsePayload(context.logger, "diagnose shortcut", messageShortcutSchema, body);
    if (!parsed) return;
    const { message, channel, user } = parsed;
    await diagnoseAndReply(context, client, message, {
      channel: channel.id,
      threadTs: message.thread_ts ?? message.ts,
      user: user.id,
      respond,
      lang: context.config.defaultLang,
    });
  };
}
