import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import {
  decodeFeedbackValue,
  FEEDBACK_STRINGS,
  FEEDBACK_UP_ACTION_ID,
  feedbackNote,
} from "../../../render/blocks/feedbackBlocks.js";
import type { BotContext } from "../../botContext.js";
import { readButtonClick } from "../../payloads.js";
import { respondToClick } from "../../reply.js";

/** 👍 / 👎 under an answer: one vote per person per answer (a second click changes it), told ephemerally. */
export function feedbackVote(context: BotContext) {
  // A vote counts only for entries the knowledge has: a button value cannot put made-up ids in the report.
  const knownEntries = new Set(context.index.entries.map((entry) => entry.id));
  return async ({
    ack,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(context.logger, "feedback", body, decodeFeedbackValue);
    if (!click) return;
    const { payload, value } = click;
    const up = payload.actions[0]?.action_id === FEEDBACK_UP_ACTION_ID;
    const recorded = await context.state.recordVote({
      answerId: value.a,
      userId: payload.user.id.slice(0, 64),
      entryIds: value.e.filter((id) => knownEntries.has(id)),
      vote: up ? 1 : -1,
    });
    const strings = FEEDBACK_STRINGS[value.l ?? context.config.defaultLang];
    const note = feedbackNote(recorded ? strings.thanks(up) : strings.notRecorded);
    await respondToClick(context, respond, note, { replace: false, label: "feedback" });
  };
}
