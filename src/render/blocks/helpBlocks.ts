import { headlineFor } from "../../answer/answer.js";
import type { KnowledgeIndex } from "../../index/knowledgeIndex.js";
import type { Lang } from "../../text/language.js";
import { fitMessage } from "./limits.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, type HomeView, mrkdwn, plain, type SlackMessage } from "./types.js";

export function renderHelpBlocks(lang: Lang): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  return fitMessage(
    {
      lang,
      text: strings.helpTitle,
      blocks: [
        { type: "header", text: plain(strings.helpTitle) },
        { type: "section", text: mrkdwn(strings.helpIntro) },
        { type: "section", text: mrkdwn(strings.helpUsage.map((line) => `• ${line}`).join("\n")) },
      ],
    },
    strings.overflow,
  );
}

/** One line an entry: codes, the seed table's name and the title. */
export function entryListLines(index: KnowledgeIndex, lang: Lang): string[] {
  return index.entries.map((entry) => {
    const headline = headlineFor(entry);
    const codes = entry.codes.map((code) => code.code).join(" / ");
    return `• ${codes ? `*${codes}* ` : ""}\`${headline.name}\`: ${entry.title[lang]}`;
  });
}

export function renderListBlocks(index: KnowledgeIndex, lang: Lang): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  return fitMessage(
    {
      lang,
      text: strings.listTitle,
      blocks: [
        { type: "header", text: plain(strings.listTitle) },
        { type: "section", text: mrkdwn(entryListLines(index, lang).join("\n")) },
      ],
    },
    strings.overflow,
  );
}

export function renderHomeView(index: KnowledgeIndex, lang: Lang): HomeView {
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [
    { type: "header", text: plain(strings.helpTitle) },
    { type: "section", text: mrkdwn(strings.helpIntro) },
    { type: "section", text: mrkdwn(strings.helpUsage.map((line) => `• ${line}`).join("\n")) },
    { type: "divider" },
    { type: "header", text: plain(strings.listTitle) },
    { type: "section", text: mrkdwn(entryListLines(index, lang).join("\n")) },
  ];
  return { type: "home", blocks: fitMessage({ text: "", blocks, lang }, strings.overflow).blocks };
}
