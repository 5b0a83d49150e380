import { type Answer, answerForEntry, answerQuery } from "../../../answer/answer.js";
import { type AnswerButtonValue, decodeButtonValue } from "../../../render/blocks/buttonValue.js";
import type { BotContext } from "../../botContext.js";
import { readButtonClick } from "../../payloads.js";

/** The click and the answer its button stands for: a query, or `entry:<id>` for a suggested entry. */
export function answerFromButton(
  context: BotContext,
  listener: string,
  body: unknown,
): { click: { user: string; channel?: string }; answer: Answer } | undefined {
  const click = readButtonClick(context.logger, listener, body, decodeButtonValue);
  if (!click) return undefined;
  const { payload, value } = click;
  const answer = answerFor(context, value);
  if (!answer) {
    context.logger.warn(`${listener}: the button names no entry the knowledge has, ignored`);
    return undefined;
  }
  return {
    click: { user: payload.user.id, ...(payload.channel ? { channel: payload.channel.id } : {}) },
    answer,
  };
}

function answerFor(context: BotContext, value: AnswerButtonValue): Answer | undefined {
  return value.q.startsWith("entry:")
    ? answerForEntry(context.index, value.q.slice("entry:".length), value.l)
    : answerQuery(context.index, value.q, { lang: value.l, defaultLang: context.config.defaultLang });
}
