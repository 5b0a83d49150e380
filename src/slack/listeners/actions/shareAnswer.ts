import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { renderAnswerBlocks } from "../../../render/blocks/answerBlocks.js";
import type { BotContext } from "../../botContext.js";
import { withAnswerFeedback } from "../../feedback.js";
import { postReply } from "../../reply.js";
import { answerFromButton } from "./answerButton.js";

/** "Share in channel": the same answer, posted visibly, saying who shared it. */
export function shareAnswer(context: BotContext) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const clicked = answerFromButton(context, "share", body);
    if (!clicked) return;
    const { click, answer } = clicked;
    if (!click.channel) {
      context.logger.warn("share: the click names no channel, ignored");
      return;
    }
    const message = withAnswerFeedback(context, answer, renderAnswerBlocks(answer, { sharedBy: click.user }));
    await context.inflight.track(
      postReply(
        context,
        client,
        { channel: click.channel, user: click.user, respond, lang: answer.lang },
        message,
      ),
    );
  };
}
