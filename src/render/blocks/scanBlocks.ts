import type { Finding, ScanResult } from "../../scan/types.js";
import type { Lang } from "../../text/language.js";
import { SDK_FAMILY_LABELS } from "../scanText.js";
import { UI_STRINGS } from "../strings.js";
import { numberedSteps } from "./answerBlocks.js";
import { fitMessage, overflows } from "./limits.js";
import { escapeForCodeBlock, escapeMrkdwn } from "./mrkdwn.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, mrkdwn, plain, type SlackMessage } from "./types.js";

/** Findings shown in full; the rest are listed by title. Errors come first, so the most important show. */
export const MAX_DETAILED_FINDINGS = 5;

export function renderScanBlocks(
  result: ScanResult,
  lang: Lang,
  notes: readonly string[] = [],
): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [];
  const allNotes = [...notes];
  if (result.cut)
    allNotes.push(strings.longLines(result.cut.lines, result.cut.firstLine, result.cut.lineLimitBytes));
  if (allNotes.length > 0)
    blocks.push({
      type: "context",
      elements: allNotes.slice(0, 10).map((note) => mrkdwn(escapeMrkdwn(note))),
    });

  if (result.findings.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(`*${strings.scanNone}*\n${strings.scanNonePaste}`) });
    return fitMessage({ text: strings.scanNone, blocks, lang }, strings.overflow);
  }

  blocks.push({ type: "header", text: plain(strings.scanFound(result.findings.length)) });
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${strings.platform}: ${SDK_FAMILY_LABELS[result.platform]}`)],
  });
  const text = `${strings.scanFound(result.findings.length)}: ${result.findings.map((finding) => finding.entry.title[lang]).join(", ")}`;
  // As many findings in full as fit (errors come first), so the "+N more" line naming the rest is never cut.
  for (let detailed = Math.min(MAX_DETAILED_FINDINGS, result.findings.length); ; detailed--) {
    const message: SlackMessage = {
      text,
      blocks: [...blocks, ...findingsBlocks(result.findings, detailed, lang)],
      lang,
    };
    if (detailed <= 1 || !overflows(message)) return fitMessage(message, strings.overflow);
  }
}

function findingsBlocks(findings: readonly Finding[], detailed: number, lang: Lang): Block[] {
  const blocks: Block[] = [];
  findings.slice(0, detailed).forEach((finding, position) => {
    if (position > 0) blocks.push({ type: "divider" });
    blocks.push(...findingBlocks(finding, lang));
  });
  const rest = findings.slice(detailed);
  if (rest.length > 0) {
    const titles = rest.map((finding) => escapeMrkdwn(finding.entry.title[lang]));
    blocks.push({
      type: "context",
      elements: [mrkdwn(SLACK_STRINGS[lang].moreFindings(rest.length, [...new Set(titles)].join(", ")))],
    });
  }
  return blocks;
}

function findingBlocks(finding: Finding, lang: Lang): Block[] {
  const strings = SLACK_STRINGS[lang];
  const label = [finding.code, finding.name === undefined ? undefined : `\`${escapeMrkdwn(finding.name)}\``]
    .filter((part) => part !== undefined)
    .join(" ");
  return [
    {
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(finding.entry.title[lang])}*${label ? ` · ${label}` : ""}\n${SDK_FAMILY_LABELS[finding.platform]} · ${strings.line(finding.lines, finding.count)} · ${strings.confidence} ${finding.confidence}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\``,
      ),
    },
    { type: "section", text: mrkdwn(`*${UI_STRINGS[lang].fix}*\n${numberedSteps(finding.entry, lang)}`) },
    {
      type: "context",
      elements: [
        mrkdwn(`<${finding.entry.docs[lang]}|${UI_STRINGS[lang].docs}> · \`/agora ${finding.entry.id}\``),
      ],
    },
  ];
}
