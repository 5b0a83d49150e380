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
    if (otherErrors.length > 0)
      out.push(
        ...wrapText(strings.otherErrorsFound(otherErrors.length), width).map(style.warn),
        "",
        style.bold(strings.others(otherErrors.length)),
      );
    else out.push(...wrapText(strings.nonePaste, width).map(style.dim));
  } else {
    out.push(
      `${style.bold(strings.found(result.findings.length))}  ${style.dim(`${strings.platform}${strings.colon}${strings.sdkFamilies[result.platform]}`)}`,
    );
    for (const finding of result.findings) out.push("", ...renderFinding(finding, lang, style, width));
    if (otherErrors.length > 0) out.push("", style.bold(strings.others(otherErrors.length)));
  }
  for (const finding of otherErrors) out.push("", ...renderOtherError(finding, lang, style, width));
  return `${out.join("\n")}\n`;
}

/** Title, code and name, then where and how sure: on one line when it fits, else on as few as fit. */
function headline(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  const strings = UI_STRINGS[lang];
  const title = finding.entry.title[lang];
  const name = findingName(finding);
  // A catalogue entry's title is often its name: said once.
  const label = [finding.code, name === undefined || title.includes(name) ? undefined : name]
    .filter((part) => part !== undefined)
    .join(" ");
  const warning = finding.entry.kind === "warning" ? ` (${strings.warning})` : "";
  const meta =
    finding.likely === undefined
      ? findingMeta(lang, finding.platform, finding.confidence)
      : `${strings.sdkFamilies[finding.platform]} · ${strings.likely}`;
  const plainTitle = `${title}${warning}${label ? `  ${label}` : ""}`;
  const styledTitle = `${style.bold(style.accent(title))}${warning}${label ? `  ${safeForTerminal(label)}` : ""}`;
  if (displayWidth(`${plainTitle}  ${meta}`) <= width) return [`${styledTitle}  ${style.dim(meta)}`];
  if (displayWidth(plainTitle) <= width) return [styledTitle, `  ${style.dim(meta)}`];
  return [
    `${style.bold(style.accent(title))}${warning}`,
    ...(label ? [`  ${safeForTerminal(label)}`] : []),
    `  ${style.dim(meta)}`,
  ];
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
    ...(finding.likely === undefined
      ? []
      : wrapText(
          `${strings.likely}${strings.colon}${strings.because} “${safeForTerminal(finding.likely)}”`,
          width,
          "  ",
        ).map(style.warn)),
    `  ${style.bold(strings.fix)}`,
  ];
  finding.entry.fix[lang].forEach((step, index) => {
    out.push(...wrapText(step, width, `    ${index + 1}. `));
  });
  out.push(style.dim(`  ${finding.entry.docs[lang]}`));
  return out;
}

/** A catalogue error: what it is, where, what it means and the first thing to check. */
function renderOtherError(finding: Finding, lang: Lang, style: TerminalStyle, width: number): string[] {
  const strings = UI_STRINGS[lang];
  const { entry } = finding;
  return [
    ...headline(finding, lang, style, width),
    ...evidenceLines(finding, lang, style, width),
    ...wrapText(entry.meaning[lang], width, "  "),
    ...labelledLines(strings.check, strings.colon, entry.check[lang], width, style),
    style.dim(`  ${entry.docs[lang]}`),
  ];
}

/** `  Label: value`, the value wrapped under the label's end. */
function labelledLines(
  label: string,
  colon: string,
  value: string,
  width: number,
  style: TerminalStyle,
): string[] {
  const prefix = `  ${label}${colon}`;
  return wrapText(value, width, prefix).map((line, index) =>
    index === 0 ? `  ${style.bold(label)}${colon}${line.slice(prefix.length)}` : line,
  );
}
