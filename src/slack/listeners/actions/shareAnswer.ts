import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { renderAnswerBlocks } from "../../../render/blocks/answerBlocks.js";
import type { BotContext } from "../../botContext.js";
import { withAnswerFeedback } from "../../feedback.js";
import { blockActionSchema, buttonValueSchema } from "../../payloads.js";
import { postReply } from "../../reply.js";
import { safeJson } from "./buttonValue.js";
import { answerFromButton } from "./didYouMean.js";

/** "Share in channel": the same answer, posted visibly, saying who shared it. */
export function shareAnswer(context: BotContext) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = blockActionSchema.safeParse(body);
    if (!payload.success || !payload.data.channel) return;
    const value = buttonValueSchema.safeParse(safeJson(payload.data.actions[0]?.value));
    if (!value.success) return;
    const answer = answerFromButton(context, value.data);
    if (!answer) return;
    const message = withAnswerFeedback(
      context,
      answer,
      renderAnswerBlocks(answer, { sharedBy: payload.data.user.id }),
    );
    await context.inflight.track(
      postReply(
        context,
        client,
        { channel: payload.data.channel.id, user: payload.data.user.id, respond, lang: answer.lang },
        message,
      ),
    );
  };
}
