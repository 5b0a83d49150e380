import type { Finding, ScanResult } from "../scan/types.js";
import type { Lang } from "../text/language.js";
import { findingName } from "./findingName.js";
import { findingMeta, UI_STRINGS } from "./strings.js";
import { DEFAULT_WIDTH, safeForTerminal, type TerminalStyle } from "./terminal.js";
import { displayWidth, wrapText } from "./wrap.js";

export function renderScanText(
  result: ScanResult,
  lang: Lang,
  style: TerminalStyle,
  file?: string,
  width = DEFAULT_WIDTH,
): string {
  const strings = UI_STRINGS[lang];
  const out: string[] = [];
  if (file !== undefined) out.push(style.bold(safeForTerminal(file)));
  const { cut } = result;
  if (cut)
    out.push(
      ...wrapText(
        strings.longLines(cut.lines, cut.firstLine, cut.lineLimitBytes, cut.skippedBytes),
        width,
      ).map(style.warn),
    );
  const otherErrors = result.otherErrors ?? [];
  if (result.findings.length === 0) {
    out.push(strings.none);
    if (otherErrors.length > 0) {
      out.push(style.warn(strings.otherErrorsFound(otherErrors.length)));
      for (const finding of otherErrors) out.push("", ...renderOtherError(finding, lang, style, width));
    } else out.push(...wrapText(strings.nonePaste, width).map(style.dim));
    return `${out.join("\n")}\n`;
  }
  out.push(
    `${style.bold(strings.found(result.findings.length))}  ${style.dim(`${strings.platform}${strings.colon}${strings.sdkFamilies[result.platform]}`)}`,
  );
  for (const finding of result.findings) out.push("", ...renderFinding(finding, lang, style, width));
  return `${out.join("\n")}\n`;
}

/** Title, code and name, then where and how sure: on one line when it fits, else on two. */
function headline(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  const name = findingName(finding);
  const label = [finding.code, name].filter((part) => part !== undefined).join(" ");
  const title = `${style.bold(style.accent(finding.entry.title[lang]))}${label ? `  ${safeForTerminal(label)}` : ""}`;
  const meta = findingMeta(lang, finding.platform, finding.confidence);
  return displayWidth(`${title}  ${meta}`) <= width
    ? [`${title}  ${style.dim(meta)}`]
    : [title, `  ${style.dim(meta)}`];
}

function evidenceLines(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  const where = `${UI_STRINGS[lang].line(finding.lines, finding.count)}${UI_STRINGS[lang].colon}`;
  // A hanging indent wider than a third of the line leaves too little room: the evidence goes under it.
  if (displayWidth(where) + 2 > width / 3)
    return [`  ${style.dim(where.trimEnd())}`, ...wrapText(safeForTerminal(finding.evidence), width, "    ")];
  return wrapText(safeForTerminal(finding.evidence), width, `  ${where}`).map((line, index) =>
    index === 0 ? `  ${style.dim(where)}${line.slice(2 + where.length)}` : line,
  );
}

function renderFinding(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  const strings = UI_STRINGS[lang];
  const out = [
    ...headline(finding, lang, style, width),
    ...evidenceLines(finding, lang, style, width),
    `  ${style.bold(strings.fix)}`,
  ];
  finding.entry.fix[lang].forEach((step, index) => {
    out.push(...wrapText(step, width, `    ${index + 1}. `));
  });
  out.push(style.dim(`  ${finding.entry.docs[lang]}`));
  return out;
}

function renderOtherError(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  return [
    ...headline(finding, lang, style, width),
    ...evidenceLines(finding, lang, style, width),
    ...wrapText(finding.entry.symptom[lang], width, "  "),
  ];
}
