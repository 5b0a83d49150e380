import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { renderAnswerBlocks } from "../../../render/blocks/answerBlocks.js";
import type { BotContext } from "../../botContext.js";
import { withAnswerFeedback } from "../../feedback.js";
import { respondToClick } from "../../reply.js";
import { answerFromButton } from "./answerButton.js";

/** A "did you mean" button: answers with the suggested entry, ephemerally, like /agora would. */
export function didYouMean(context: BotContext) {
  return async ({
    ack,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const clicked = answerFromButton(context, "did-you-mean", body);
    if (!clicked) return;
    const { answer } = clicked;
    const message = withAnswerFeedback(context, answer, renderAnswerBlocks(answer, { shareable: true }));
    await respondToClick(context, respond, message, { replace: false, label: "did-you-mean" });
  };
}
