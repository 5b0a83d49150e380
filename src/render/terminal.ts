import type { Answer, AnswerItem } from "../answer/answer.js";
import { NAME_PLATFORM_ORDER } from "../knowledge/platformLabels.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import { stripInvisible } from "../text/invisible.js";
import type { Lang } from "../text/language.js";
import { redactSecrets } from "../text/redact.js";
import { platformsText, reportedAsText, severalMeaningsNote } from "./meanings.js";
import { namePlatformLabel, UI_STRINGS } from "./strings.js";
import { displayWidth, wrapText } from "./wrap.js";

export interface TerminalStyle {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly accent: (text: string) => string;
  readonly warn: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export const COLOR_STYLE: TerminalStyle = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  accent: ansi(36, 39),
  warn: ansi(33, 39),
};
export const PLAIN_STYLE: TerminalStyle = { bold: plain, dim: plain, accent: plain, warn: plain };

/**
 * Strips control characters from echoed input so a query cannot move the cursor or recolour the
 * terminal, and invisible ones so it cannot hide or reverse what is shown.
 */
export function safeForTerminal(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return stripInvisible(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");
}

/** Columns when the output is not a terminal and COLUMNS is unset. */
export const DEFAULT_WIDTH = 80;

export function renderAnswerText(answer: Answer, style: TerminalStyle, width = DEFAULT_WIDTH): string {
  const strings = UI_STRINGS[answer.lang];
  const out: string[] = [];
  for (const other of answer.notTokenErrors) {
    out.push(
      style.warn(
        `${other.code} ${other.name} (${strings.platformFamilies[other.platform]})${strings.colon}${strings.notTokenError}${answer.lang === "zh" ? "。" : "."}`,
      ),
    );
    out.push(...wrapText(other.meaning[answer.lang], width, "  "), "");
  }
  if (answer.items.length === 0) {
    if (answer.notTokenErrors.length === 0) {
      out.push(
        style.warn(
          `${strings.noMatch}${strings.colon}"${safeForTerminal(redactSecrets(answer.query.trim()))}"`,
        ),
      );
      if (answer.suggestions.length > 0) {
        out.push(`${strings.didYouMean}${strings.colon.trimEnd()}`);
        for (const suggestion of answer.suggestions) {
          out.push(
            `  - ${suggestion.entry.title[answer.lang]}  ${style.dim(`(agora-bot lookup ${suggestion.entry.id})`)}`,
          );
        }
      }
      out.push(...wrapText(strings.tryExamples, width).map(style.dim));
    }
    return `${out.join("\n")}\n`;
  }
  const several = severalMeaningsNote(answer);
  if (several) out.push(...wrapText(several, width).map(style.warn), "");
  answer.items.forEach((item, position) => {
    if (position > 0) out.push("", style.dim("─".repeat(Math.min(60, width))), "");
    out.push(
      ...(item.entry.depth === "catalogue"
        ? renderCatalogueItem(item, answer.lang, style, width)
        : renderItem(item, answer.lang, style, width)),
    );
  });
  return `${out.join("\n")}\n`;
}

function renderItem(item: AnswerItem, lang: Lang, style: TerminalStyle, width: number): string[] {
  const strings = UI_STRINGS[lang];
  const wrapBullet = (text: string, prefix: string) => wrapText(text, width, prefix);
  const { entry, headline } = item;
  const out: string[] = [];
  const label = headline.code === undefined ? headline.name : `${headline.code} ${headline.name}`;
  out.push(`${style.bold(style.accent(label))}  ${style.bold(entry.title[lang])}`);
  if (item.onlyOn.length === 1) {
    out.push(
      ...wrapBullet(item.onlyOn[0] === "web" ? strings.onlyOnWeb : strings.onlyOnNative, "").map(style.warn),
    );
  }
  for (const other of item.otherMeanings) out.push(...wrapBullet(other.meaning[lang], "").map(style.warn));
  out.push("", style.bold(strings.names), ...renderNames(entry, lang, style, width));
  out.push("", style.bold(strings.reportedBy));
  for (const report of entry.reportedBy)
    out.push(
      ...wrapBullet(
        `${strings.platformFamilies[report.platform]}${strings.colon}${report.how[lang]}`,
        "  • ",
      ),
    );
  out.push("", style.bold(strings.symptom), ...wrapBullet(entry.symptom[lang], "  "));
  out.push("", style.bold(strings.causes));
  for (const cause of entry.causes[lang]) out.push(...wrapBullet(cause, "  • "));
  out.push("", style.bold(strings.fix));
  entry.fix[lang].forEach((step, index) => {
    out.push(...wrapBullet(step, `  ${index + 1}. `));
  });
  const related: string[] = [];
  if (entry.related.callbacks.length > 0)
    related.push(`${strings.callbacks}${strings.colon}${entry.related.callbacks.join(", ")}`);
  if (entry.related.entries.length > 0)
    related.push(`${strings.seeAlso}${strings.colon}${entry.related.entries.join(", ")}`);
  if (related.length > 0)
    out.push("", style.bold(strings.related), ...related.flatMap((line) => wrapBullet(line, "  ")));
  out.push("", ...labelled(style.bold(strings.docs), strings.colon, entry.docs[lang], width));
  return out;
}

/**
 * A catalogue entry: its names per platform, what it means, how it is reported, the first thing
 * to check and the documentation. A warning says so on its first line.
 */
function renderCatalogueItem(item: AnswerItem, lang: Lang, style: TerminalStyle, width: number): string[] {
  const strings = UI_STRINGS[lang];
  const wrapBullet = (text: string, prefix: string) => wrapText(text, width, prefix);
  const { entry, headline } = item;
  const label = headline.code === undefined ? headline.name : `${headline.code} ${headline.name}`;
  const tags = [
    ...(entry.kind === "warning" ? [style.warn(strings.warning)] : []),
    `${strings.onPlatforms}${strings.colon}${platformsText(item, lang)}`,
    entry.category.title[lang],
  ];
  const out = [`${style.bold(style.accent(label))}  ${style.dim(tags.join(" · "))}`];
  out.push("", style.bold(strings.names), ...renderNames(entry, lang, style, width));
  out.push("", style.bold(strings.meaning), ...wrapBullet(entry.meaning[lang], "  "));
  out.push("", style.bold(strings.reportedAs), ...wrapBullet(reportedAsText(item, lang), "  "));
  out.push("", style.bold(strings.check), ...wrapBullet(entry.check[lang], "  "));
  out.push("", ...labelled(style.bold(strings.docs), strings.colon, entry.docs[lang], width));
  return out;
}

/** `Label: value` on one line when it fits, else the value on its own line under the label. */
function labelled(label: string, colon: string, value: string, width: number): string[] {
  const line = `${label}${colon}${value}`;
  return displayWidth(line) <= width ? [line] : [`${label}${colon.trimEnd()}`, `  ${value}`];
}

function renderNames(entry: KnowledgeEntry, lang: Lang, style: TerminalStyle, width: number): string[] {
  const byPlatform = new Map<string, string[]>();
  for (const platform of NAME_PLATFORM_ORDER) {
    const names = entry.names.filter((name) => name.platform === platform);
    if (names.length === 0) continue;
    // The seed's and the reference's spelling of one SDK (objective-c, ios-objc) share a label and a line.
    const label = namePlatformLabel(platform, lang);
    byPlatform.set(label, [
      ...(byPlatform.get(label) ?? []),
      // A no-break space keeps a name and its code on one line; it is turned back below.
      ...names.map((name) => (name.code === undefined ? name.name : `${name.name}\u00a0(${name.code})`)),
    ]);
  }
  const labelWidth = Math.max(...[...byPlatform.keys()].map(displayWidth));
  const padded = (label: string) => label + " ".repeat(labelWidth - displayWidth(label));
  // Names keep their column when there is room for it; on a narrow terminal they go under the label.
  const longestName = Math.max(...[...byPlatform.values()].flat().map((name) => name.length));
  const column = labelWidth + 4 + longestName + 1 <= width;
  const lines = [...byPlatform].flatMap(([platform, names]) => {
    if (!column) return [`  ${style.dim(platform)}`, ...wrapText(names.join(", "), width, "    ")];
    const prefix = `  ${padded(platform)}  `;
    return wrapText(names.join(", "), width, prefix).map((line, index) =>
      index === 0 ? `  ${style.dim(padded(platform))}  ${line.slice(prefix.length)}` : line,
    );
  });
  return lines.map((line) => line.replaceAll("\u00a0", " "));
}
