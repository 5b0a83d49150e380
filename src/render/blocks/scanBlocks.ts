import type { Finding, ScanResult } from "../../scan/types.js";
import type { Lang } from "../../text/language.js";
import { SDK_FAMILY_LABELS } from "../scanText.js";
import { UI_STRINGS } from "../strings.js";
import { numberedSteps } from "./answerBlocks.js";
import { fitMessage } from "./limits.js";
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
  if (result.truncated) allNotes.push(strings.truncatedInput(result.truncated.skippedBytes));
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
  const detailed = result.findings.slice(0, MAX_DETAILED_FINDINGS);
  detailed.forEach((finding, position) => {
    if (position > 0) blocks.push({ type: "divider" });
    blocks.push(...findingBlocks(finding, lang));
  });
  const rest = result.findings.slice(MAX_DETAILED_FINDINGS);
  if (rest.length > 0) {
    blocks.push({
      type: "context",
      elements: [mrkdwn(strings.moreFindings(rest.map((finding) => finding.entry.title[lang]).join(", ")))],
    });
  }
  const text = `${strings.scanFound(result.findings.length)}: ${result.findings.map((finding) => finding.entry.title[lang]).join(", ")}`;
  return fitMessage({ text, blocks, lang }, strings.overflow);
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
