import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerQuery, chooseLanguage } from "../../../answer/answer.js";
import { extractLanguageDirective } from "../../../answer/languageDirective.js";
import { renderAnswerBlocks } from "../../../render/blocks/answerBlocks.js";
import { renderHelpBlocks } from "../../../render/blocks/helpBlocks.js";
import { renderScanBlocks } from "../../../render/blocks/scanBlocks.js";
import type { SlackMessage } from "../../../render/blocks/types.js";
import { scanLogAsync } from "../../../scan/scanLog.js";
import type { BotContext } from "../../botContext.js";
import { withAnswerFeedback, withScanFeedback } from "../../feedback.js";
import { commandSchema } from "../../payloads.js";
import { asSlackBlocks } from "../../reply.js";
import { listReply } from "../actions/listCatalogue.js";

/** Longer than a question, or on several lines: a pasted log, diagnosed like a mention. */
const LOG_MIN_CHARS = 300;

/** `/agora <query>`: answered in the acknowledgement, ephemerally, well within Slack's 3 seconds. */
export function agoraCommand(context: BotContext) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = commandSchema.safeParse(command);
    const raw = parsed.success ? parsed.data.text : "";
    const message = await context.inflight.track(replyFor(context, raw));
    await ack({ response_type: "ephemeral", text: message.text, blocks: asSlackBlocks(message) });
  };
}

export async function replyFor(context: BotContext, raw: string): Promise<SlackMessage> {
  const directive = extractLanguageDirective(raw);
  const text = directive.text.trim();
  const lang = chooseLanguage(text, { lang: directive.lang, defaultLang: context.config.defaultLang });
  const keyword = text.toLowerCase();
  if (keyword === "" || keyword === "help" || keyword === "帮助") return renderHelpBlocks(lang);
  const list = /^(?:list|列表)(?:\s+(.+))?$/s.exec(keyword);
  if (list) return listReply(context, list[1]?.trim() ?? "", lang);
  if (text.length > LOG_MIN_CHARS || text.includes("\n")) {
    const result = await scanLogAsync(context.index, text);
    return withScanFeedback(context, result, text, lang, renderScanBlocks(result, lang));
  }
  const answer = answerQuery(context.index, text, {
    lang: directive.lang,
    defaultLang: context.config.defaultLang,
  });
  return withAnswerFeedback(context, answer, renderAnswerBlocks(answer, { shareable: true }));
}
