import { headlineFor } from "../../answer/answer.js";
import type { KnowledgeIndex } from "../../index/knowledgeIndex.js";
import type { GapReport } from "../../store/types.js";
import type { Lang } from "../../text/language.js";
import { fitMessage } from "./limits.js";
import { renderReportBlocks } from "./reportBlocks.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, type HomeView, mrkdwn, plain, type SlackMessage } from "./types.js";

export function renderHelpBlocks(lang: Lang): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  return fitMessage({ lang, text: strings.helpTitle, blocks: helpSections(lang) }, strings.overflow);
}

export function renderListBlocks(index: KnowledgeIndex, lang: Lang): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  return fitMessage({ lang, text: strings.listTitle, blocks: listSections(index, lang) }, strings.overflow);
}

/** The App Home: the help, then the list of entries, then (for admins) the knowledge-gap report. */
export function renderHomeView(
  index: KnowledgeIndex,
  lang: Lang,
  admin?: { readonly report: GapReport | undefined; readonly days: number },
): HomeView {
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [
    ...helpSections(lang),
    { type: "divider" },
    ...listSections(index, lang),
    ...(admin ? renderReportBlocks(admin.report, admin.days, lang) : []),
  ];
  return { type: "home", blocks: fitMessage({ text: "", blocks, lang }, strings.overflow).blocks };
}

/** One line an entry: codes, the seed table's name and the title. */
function entryListLines(index: KnowledgeIndex, lang: Lang): string[] {
  return index.entries.map((entry) => {
    const headline = headlineFor(entry);
    const codes = entry.codes.map((code) => code.code).join(" / ");
    return `• ${codes ? `*${codes}* ` : ""}\`${headline.name}\`: ${entry.title[lang]}`;
  });
}

function helpSections(lang: Lang): Block[] {
  const strings = SLACK_STRINGS[lang];
  return [
    { type: "header", text: plain(strings.helpTitle) },
    { type: "section", text: mrkdwn(strings.helpIntro) },
    { type: "section", text: mrkdwn(strings.helpUsage.map((line) => `• ${line}`).join("\n")) },
  ];
}

function listSections(index: KnowledgeIndex, lang: Lang): Block[] {
  return [
    { type: "header", text: plain(SLACK_STRINGS[lang].listTitle) },
    { type: "section", text: mrkdwn(entryListLines(index, lang).join("\n")) },
  ];
}
