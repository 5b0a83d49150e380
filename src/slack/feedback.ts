import { randomBytes } from "node:crypto";
import type { Answer } from "../answer/answer.js";
import { feedbackBlock, withFeedback } from "../render/blocks/feedbackBlocks.js";
import type { SlackMessage } from "../render/blocks/types.js";
import type { ScanResult } from "../scan/types.js";
import type { Lang } from "../text/language.js";
import type { BotContext } from "./botContext.js";

function newAnswerId(): string {
  return randomBytes(9).toString("base64url");
}

/** Records an answer's entries and puts 👍 / 👎 under it; a query that found nothing is recorded as a gap. */
export function withAnswerFeedback(context: BotContext, answer: Answer, message: SlackMessage): SlackMessage {
  if (answer.items.length === 0) {
    if (answer.notTokenErrors.length === 0) context.state.recordUnanswered("query", answer.query);
    return message;
  }
  return recorded(
    context,
    answer.items.map((item) => item.entry.id),
    answer.lang,
    message,
  );
}

/** The same for a scan: its findings' entries, or the (redacted, capped) text of a log that found nothing. */
export function withScanFeedback(
  context: BotContext,
  result: ScanResult,
  scannedText: string,
  lang: Lang,
  message: SlackMessage,
): SlackMessage {
  if (result.findings.length === 0) {
    if (scannedText.trim() !== "") context.state.recordUnanswered("scan", scannedText);
    return message;
  }
  return recorded(context, [...new Set(result.findings.map((finding) => finding.entry.id))], lang, message);
}

function recorded(context: BotContext, entryIds: string[], lang: Lang, message: SlackMessage): SlackMessage {
  const answerId = newAnswerId();
  context.state.recordAnswer(answerId, entryIds);
  return withFeedback(message, feedbackBlock(answerId, entryIds, lang));
}
