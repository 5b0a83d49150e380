import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import {
  FEEDBACK_STRINGS,
  FEEDBACK_UP_ACTION_ID,
  feedbackNote,
} from "../../../render/blocks/feedbackBlocks.js";
import type { BotContext } from "../../botContext.js";
import { blockActionSchema } from "../../payloads.js";
import { asSlackBlocks } from "../../reply.js";
import { safeJson } from "./buttonValue.js";

const feedbackValueSchema = z.object({
  a: z.string().min(1).max(64),
  e: z.array(z.string().max(100)).max(10),
  l: z.enum(["en", "zh"]).optional(),
});

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
    const payload = blockActionSchema.safeParse(body);
    if (!payload.success) return;
    const action = payload.data.actions[0];
    const value = feedbackValueSchema.safeParse(safeJson(action?.value));
    if (!action || !value.success) return;
    const up = action.action_id === FEEDBACK_UP_ACTION_ID;
    const recorded = await context.state.recordVote({
      answerId: value.data.a,
      userId: payload.data.user.id.slice(0, 64),
      entryIds: value.data.e.filter((id) => knownEntries.has(id)),
      vote: up ? 1 : -1,
    });
    const strings = FEEDBACK_STRINGS[value.data.l ?? context.config.defaultLang];
    const note = feedbackNote(recorded ? strings.thanks(up) : strings.notRecorded);
    await context.inflight.track(
      respond({
        response_type: "ephemeral",
        replace_original: false,
        text: note.text,
        blocks: asSlackBlocks(note),
      }).catch((error: unknown) => context.logger.error(`respond for a vote failed: ${String(error)}`)),
    );
  };
}
