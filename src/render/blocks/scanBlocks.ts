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

  if (result.findings.length === 0) {
    const otherErrors = result.otherErrors ?? [];
    if (otherErrors.length > 0) {
      const text = ui.otherErrorsFound(otherErrors.length);
      blocks.push({ type: "section", text: mrkdwn(`*${ui.none}*\n${text}`) });
      return fitMessage(
        {
          text,
          blocks: [...blocks, ...findingsBlocks(otherErrors, MAX_DETAILED_FINDINGS, lang, false)],
          lang,
        },
        strings.overflow,
      );
    }
    blocks.push({ type: "section", text: mrkdwn(`*${ui.none}*\n${strings.scanNonePaste}`) });
    return fitMessage({ text: ui.none, blocks, lang }, strings.overflow);
  }

  blocks.push({ type: "header", text: plain(ui.found(result.findings.length)) });
  blocks.push({
    type: "context",
    elements: [mrkdwn(`${ui.platform}${ui.colon}${ui.sdkFamilies[result.platform]}`)],
  });
  const text = `${ui.found(result.findings.length)}${ui.colon}${result.findings.map((finding) => finding.entry.title[lang]).join(", ")}`;
  // As many findings in full as fit (errors come first), so the "+N more" line naming the rest is never cut.
  for (let detailed = Math.min(MAX_DETAILED_FINDINGS, result.findings.length); ; detailed--) {
    const message: SlackMessage = {
      text,
      blocks: [...blocks, ...findingsBlocks(result.findings, detailed, lang, true)],
      lang,
    };
    if (detailed <= 1 || !overflows(message)) return fitMessage(message, strings.overflow);
  }
}

function findingsBlocks(
  findings: readonly Finding[],
  detailed: number,
  lang: Lang,
  withFix: boolean,
): Block[] {
  const blocks: Block[] = [];
  findings.slice(0, detailed).forEach((finding, position) => {
    if (position > 0) blocks.push({ type: "divider" });
    blocks.push(...findingBlocks(finding, lang, withFix));
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

/** A token error shows its fix; another error shows what it means (its full answer is one /agora away). */
function findingBlocks(finding: Finding, lang: Lang, withFix: boolean): Block[] {
  const ui = UI_STRINGS[lang];
  const name = findingName(finding);
  const label = [finding.code, name === undefined ? undefined : `\`${escapeMrkdwn(name)}\``]
    .filter((part) => part !== undefined)
    .join(" ");
  return [
    {
      type: "section",
      text: mrkdwn(
        `*${escapeMrkdwn(finding.entry.title[lang])}*${label ? ` · ${label}` : ""}\n${ui.line(finding.lines, finding.count)} · ${findingMeta(lang, finding.platform, finding.confidence)}\n\`\`\`${escapeForCodeBlock(finding.evidence)}\`\`\``,
      ),
    },
    withFix
      ? { type: "section", text: mrkdwn(`*${ui.fix}*\n${numberedSteps(finding.entry, lang)}`) }
      : { type: "section", text: mrkdwn(`*${ui.symptom}*\n${escapeMrkdwn(finding.entry.symptom[lang])}`) },
    {
      type: "context",
      elements: [mrkdwn(`<${finding.entry.docs[lang]}|${ui.docs}> · \`/agora ${finding.entry.id}\``)],
    },
  ];
}
