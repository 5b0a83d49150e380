import type { Lang } from "../../text/language.js";
import { BLOCK_LIMITS } from "./limits.js";
import { type Block, mrkdwn, plain, type SlackMessage } from "./types.js";

export const FEEDBACK_UP_ACTION_ID = "feedback_up";
export const FEEDBACK_DOWN_ACTION_ID = "feedback_down";
const MAX_ENTRIES = 10;

/** What a 👍 / 👎 button carries: which answer, and the entries it named (so the vote counts for them). */
export interface FeedbackButtonValue {
  a: string;
  e: string[];
  l: Lang;
}

export const FEEDBACK_STRINGS = {
  en: {
    up: "👍 Helpful",
    down: "👎 Not helpful",
    thanks: (up: boolean) =>
      up
        ? "Thanks: your 👍 is recorded. Click 👎 to change it."
        : "Thanks: your 👎 is recorded, and the people who keep the answers will see it. Click 👍 to change it.",
    notRecorded:
      "Your vote was not recorded (the bot's database is not reachable right now). Try again in a minute.",
    reportTitle: (days: number) => `Knowledge gaps, last ${days} days`,
    reportUnanswered: "Most frequent questions and logs with no answer",
    reportDownvoted: "Entries with the most 👎",
    reportAnswers: "Answers per entry",
    reportNone: "Nothing yet.",
    reportUnavailable:
      "The knowledge-gap report is unavailable: the bot's database is not reachable right now.",
    reportKinds: { query: "question", scan: "log" },
  },
  zh: {
    up: "👍 有帮助",
    down: "👎 没帮助",
    thanks: (up: boolean) =>
      up
        ? "谢谢：已记录你的 👍。点 👎 可以更改。"
        : "谢谢：已记录你的 👎，维护答案的人会看到。点 👍 可以更改。",
    notRecorded: "你的投票没有记录成功（机器人的数据库暂时无法访问）。请稍后再试。",
    reportTitle: (days: number) => `知识缺口（最近 ${days} 天）`,
    reportUnanswered: "最常见的未能回答的问题和日志",
    reportDownvoted: "👎 最多的条目",
    reportAnswers: "各条目的回答次数",
    reportNone: "暂无数据。",
    reportUnavailable: "知识缺口报告暂不可用：机器人的数据库暂时无法访问。",
    reportKinds: { query: "问题", scan: "日志" },
  },
} as const;

export function encodeFeedbackValue(answerId: string, entryIds: readonly string[], lang: Lang): string {
  return JSON.stringify({
    a: answerId,
    e: entryIds.slice(0, MAX_ENTRIES),
    l: lang,
  } satisfies FeedbackButtonValue);
}

/** The 👍 / 👎 row under an answer. */
export function feedbackBlock(answerId: string, entryIds: readonly string[], lang: Lang): Block {
  const value = encodeFeedbackValue(answerId, entryIds, lang);
  const strings = FEEDBACK_STRINGS[lang];
  return {
    type: "actions",
    block_id: "feedback",
    elements: [
      { type: "button", text: plain(strings.up), action_id: FEEDBACK_UP_ACTION_ID, value },
      { type: "button", text: plain(strings.down), action_id: FEEDBACK_DOWN_ACTION_ID, value },
    ],
  };
}

/** The message with the feedback row last, still within Slack's block limit. */
export function withFeedback(message: SlackMessage, block: Block): SlackMessage {
  return { ...message, blocks: [...message.blocks.slice(0, BLOCK_LIMITS.blocks - 1), block] };
}

export function feedbackNote(text: string): SlackMessage {
  return { text, blocks: [{ type: "context", elements: [mrkdwn(text)] }] };
}
