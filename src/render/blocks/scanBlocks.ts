import type { Finding, ScanResult } from "../../scan/types.js";
import type { Lang } from "../../text/language.js";
import { findingName } from "../findingName.js";
import { findingMeta, UI_STRINGS } from "../strings.js";
import { numberedSteps } from "./answerBlocks.js";
import { fitMessage, overflows } from "./limits.js";
import { escapeForCodeBlock, escapeMrkdwn } from "./mrkdwn.js";
import { notesBlock, type ReplyNote } from "./replyNotes.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, mrkdwn, plain, type SlackMessage } from "./types.js";

/** Findings shown in full; the rest are listed by title. Errors come first, so the most important show. */
export const MAX_DETAILED_FINDINGS = 5;

export function renderScanBlocks(
  result: ScanResult,
  lang: Lang,
  notes: readonly ReplyNote[] = [],
): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  const ui = UI_STRINGS[lang];
  const allNotes = [...notes];
  if (result.cut) allNotes.push({ kind: "long-lines", ...result.cut });
  const blocks: Block[] = notesBlock(allNotes, lang);

  const others = result.otherErrors;
  if (result.findings.length === 0) {
    if (others.length === 0) {
      blocks.push({ type: "section", text: mrkdwn(`*${ui.none}*\n${strings.scanNonePaste}`) });
      return fitMessage({ text: ui.none, blocks, lang }, strings.overflow);
    }
    const found = ui.otherErrorsFound(others.length);
    blocks.push({ type: "section", text: mrkdwn(`*${ui.none}*\n${escapeMrkdwn(found)}`) });
    const text = `${found} ${titlesOf(others, lang)}`;
    for (let detailed = Math.min(MAX_DETAILED_OTHERS, others.length); ; detailed--) {
      const message: SlackMessage = {
        text,
        blocks: [...blocks, ...otherErrorsBlocks(others, detailed, lang)],
        lang,
      };
      if (detailed <= 1 || !overflows(message)) return fitMessage(message, strings.overflow);
    }
  }

  blocks.push({ type: "header", text: plain(ui.found(result.findings.length)) });
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${ui.platform}${ui.colon}${ui.sdkFamilies[result.platform]}`)],
  });
  const text = `${ui.found(result.findings.length)}${ui.colon}${titlesOf(result.findings, lang)}${
    others.length > 0 ? `. ${ui.others(others.length)}${ui.colon}${titlesOf(others, lang)}` : ""
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

function findingLabel(finding: Finding): string {
  const name = findingName(finding);
  return [finding.code, name === undefined ? undefined : `\`${escapeMrkdwn(name)}\``]
    .filter((part) => part !== undefined)
    .join(" ");
}

/** A catalogue error: where, what it means and the first thing to check (its full answer is one /agora away). */
function otherErrorsBlocks(others: readonly Finding[], detailed: number, lang: Lang): Block[] {
  const strings = SLACK_STRINGS[lang];
  const ui = UI_STRINGS[lang];
  const blocks: Block[] = [
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(ui.others(others.length))}*`) },
  ];
  for (const finding of others.slice(0, detailed)) {
    const { entry } = finding;
    const label = findingLabel(finding);
    const kind = entry.kind === "warning" ? ` (${ui.warning})` : "";
    blocks.push({
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(entry.title[lang])}*${kind}${label ? ` · ${label}` : ""}\n${ui.sdkFamilies[finding.platform]} · ${ui.line(finding.lines, finding.count)}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\`\n${escapeMrkdwn(entry.meaning[lang])}\n*${ui.check}*${ui.colon}${escapeMrkdwn(entry.check[lang])}`,
      ),
    });
    blocks.push({
      type: "context",
      elements: [mrkdwn(`<${entry.docs[lang]}|${ui.docs}> · \`/agora ${entry.id}\``)],
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

/** A token error: where, how sure, and its fix. */
function findingBlocks(finding: Finding, lang: Lang): Block[] {
  const ui = UI_STRINGS[lang];
  const label = findingLabel(finding);
  const meta =
    finding.likely === undefined
      ? findingMeta(lang, finding.platform, finding.confidence)
      : `${ui.sdkFamilies[finding.platform]} · ${ui.likely}`;
  return [
    {
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(finding.entry.title[lang])}*${label ? ` · ${label}` : ""}\n${ui.line(finding.lines, finding.count)} · ${meta}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\`${finding.likely === undefined ? "" : `\n_${escapeMrkdwn(SLACK_STRINGS[lang].likelyBecause(finding.likely))}_`}`,
      ),
    },
    { type: "section", text: mrkdwn(`*${ui.fix}*\n${numberedSteps(finding.entry, lang)}`) },
    {
      type: "context",
      elements: [mrkdwn(`<${finding.entry.docs[lang]}|${ui.docs}> · \`/agora ${finding.entry.id}\``)],
    },
  ];
}
