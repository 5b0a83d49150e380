import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { type Answer, answerForEntry, answerQuery } from "../../../answer/answer.js";
import { renderAnswerBlocks } from "../../../render/blocks/answerBlocks.js";
import type { Lang } from "../../../text/language.js";
import type { BotContext } from "../../botContext.js";
import { withAnswerFeedback } from "../../feedback.js";
import { blockActionSchema, buttonValueSchema } from "../../payloads.js";
import { asSlackBlocks } from "../../reply.js";
import { safeJson } from "./buttonValue.js";

/** Rebuilds the answer a button stands for: a query, or `entry:<id>` for a suggested entry. */
export function answerFromButton(context: BotContext, value: { q: string; l: Lang }): Answer | undefined {
  return value.q.startsWith("entry:")
    ? answerForEntry(context.index, value.q.slice("entry:".length), value.l)
    : answerQuery(context.index, value.q, { lang: value.l, defaultLang: context.config.defaultLang });
}

/** A "did you mean" button: answers with the suggested entry, ephemerally, like /agora would. */
export function didYouMean(context: BotContext) {
  return async ({
    ack,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = blockActionSchema.safeParse(body);
    if (!payload.success) return;
    const value = buttonValueSchema.safeParse(safeJson(payload.data.actions[0]?.value));
    if (!value.success) return;
    const answer = answerFromButton(context, value.data);
    if (!answer) return;
    const message = withAnswerFeedback(context, answer, renderAnswerBlocks(answer, { shareable: true }));
    await context.inflight.track(
      respond({
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: asSlackBlocks(message),
      }).catch((error: unknown) => context.logger.error(`respond for did-you-mean failed: ${String(error)}`)),
    );
  };
}
