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

  const others = result.otherErrors;
  if (result.findings.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(`*${strings.scanNone}*\n${strings.scanNonePaste}`) });
    if (others.length === 0) return fitMessage({ text: strings.scanNone, blocks, lang }, strings.overflow);
    const text = `${strings.scanNone} ${strings.otherErrors(others.length)}: ${titlesOf(others, lang)}`;
    for (let detailed = Math.min(MAX_DETAILED_OTHERS, others.length); ; detailed--) {
      const message: SlackMessage = {
        text,
        blocks: [...blocks, ...otherErrorsBlocks(others, detailed, lang)],
        lang,
      };
      if (detailed <= 1 || !overflows(message)) return fitMessage(message, strings.overflow);
    }
  }

  blocks.push({ type: "header", text: plain(strings.scanFound(result.findings.length)) });
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${strings.platform}: ${SDK_FAMILY_LABELS[result.platform]}`)],
  });
  const text = `${strings.scanFound(result.findings.length)}: ${titlesOf(result.findings, lang)}${
    others.length > 0 ? `. ${strings.otherErrors(others.length)}: ${titlesOf(others, lang)}` : ""
  }`;
  // As many findings in full as fit (errors come first, other errors after the token errors), so
  // the "+N more" lines naming the rest are never cut: other errors give way first.
  let detailed = Math.min(MAX_DETAILED_FINDINGS, result.findings.length);
  let detailedOthers = Math.min(MAX_DETAILED_OTHERS, others.length);
  for (;;) {
    const message: SlackMessage = {
      text,
      blocks: [
        ...blocks,
        ...findingsBlocks(result.findings, detailed, lang),
        ...(others.length > 0 ? otherErrorsBlocks(others, detailedOthers, lang) : []),
      ],
      lang,
    };
    if (!overflows(message) || (detailed <= 1 && detailedOthers <= 0))
      return fitMessage(message, strings.overflow);
    if (detailedOthers > 0) detailedOthers--;
    else detailed--;
  }
}

/** Other errors shown in full; the rest are listed by title. */
export const MAX_DETAILED_OTHERS = 6;

function titlesOf(findings: readonly Finding[], lang: Lang): string {
  return [...new Set(findings.map((finding) => finding.entry.title[lang]))].join(", ");
}

function otherErrorsBlocks(others: readonly Finding[], detailed: number, lang: Lang): Block[] {
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(strings.otherErrors(others.length))}*`) },
  ];
  for (const finding of others.slice(0, detailed)) {
    const { entry } = finding;
    const label = [finding.code, finding.name === undefined ? undefined : `\`${escapeMrkdwn(finding.name)}\``]
      .filter((part) => part !== undefined)
      .join(" ");
    const kind = entry.kind === "warning" ? ` (${strings.warning})` : "";
    blocks.push({
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(entry.title[lang])}*${kind}${label ? ` · ${label}` : ""}\n${SDK_FAMILY_LABELS[finding.platform]} · ${strings.line(finding.lines, finding.count)}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\`\n${escapeMrkdwn(entry.meaning[lang])}\n*${strings.firstCheck}:* ${escapeMrkdwn(entry.check[lang])}`,
      ),
    });
    blocks.push({
      type: "context",
      elements: [mrkdwn(`<${entry.docs[lang]}|${UI_STRINGS[lang].docs}> · \`/agora ${entry.id}\``)],
    });
  }
  const rest = others.slice(detailed);
  if (rest.length > 0) {
    blocks.push({
      type: "context",
      elements: [mrkdwn(strings.moreFindings(rest.length, escapeMrkdwn(titlesOf(rest, lang))))],
    });
  }
  return blocks;
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
        `*${escapeMrkdwn(finding.entry.title[lang])}*${label ? ` · ${label}` : ""}\n${SDK_FAMILY_LABELS[finding.platform]} · ${strings.line(finding.lines, finding.count)} · ${strings.confidence} ${finding.likely === undefined ? finding.confidence : strings.likely}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\`${finding.likely === undefined ? "" : `\n_${escapeMrkdwn(strings.likelyBecause(finding.likely))}_`}`,
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
