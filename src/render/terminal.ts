import type { Answer, AnswerItem } from "../answer/answer.js";
import { NAME_PLATFORM_LABELS, NAME_PLATFORM_ORDER } from "../knowledge/platformLabels.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import { stripInvisible } from "../text/invisible.js";
import type { Lang } from "../text/language.js";
import { redactSecrets } from "../text/redact.js";
import { PLATFORM_FAMILY_SHORT, UI_STRINGS } from "./strings.js";

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

export function renderAnswerText(answer: Answer, style: TerminalStyle): string {
  const strings = UI_STRINGS[answer.lang];
  const out: string[] = [];
  for (const other of answer.notTokenErrors) {
    out.push(
      style.warn(
        `${other.code} ${other.name} (${PLATFORM_FAMILY_SHORT[answer.lang][other.platform]}): ${strings.notTokenError}.`,
      ),
    );
    out.push(`  ${other.meaning[answer.lang]}`, "");
  }
  if (answer.items.length === 0) {
    if (answer.notTokenErrors.length === 0) {
      out.push(style.warn(`${strings.noMatch}: "${safeForTerminal(redactSecrets(answer.query.trim()))}"`));
      if (answer.suggestions.length > 0) {
        out.push(`${strings.didYouMean}:`);
        for (const suggestion of answer.suggestions) {
          out.push(
            `  - ${suggestion.entry.title[answer.lang]}  ${style.dim(`(agora-bot lookup ${suggestion.entry.id})`)}`,
          );
        }
      }
      out.push(style.dim(strings.tryExamples));
    }
    return `${out.join("\n")}\n`;
  }
  answer.items.forEach((item, position) => {
    if (position > 0) out.push("", style.dim("─".repeat(60)), "");
    out.push(...renderItem(item, answer.lang, style));
  });
  return `${out.join("\n")}\n`;
}

function renderItem(item: AnswerItem, lang: Lang, style: TerminalStyle): string[] {
  const strings = UI_STRINGS[lang];
  const { entry, headline } = item;
  const out: string[] = [];
  const label = headline.code === undefined ? headline.name : `${headline.code} ${headline.name}`;
  out.push(`${style.bold(style.accent(label))}  ${style.bold(entry.title[lang])}`);
  if (item.onlyOn.length === 1) {
    out.push(style.warn(item.onlyOn[0] === "web" ? strings.onlyOnWeb : strings.onlyOnNative));
  }
  for (const other of item.otherMeanings) out.push(style.warn(other.meaning[lang]));
  out.push("", style.bold(strings.names), ...renderNames(entry, style));
  out.push("", style.bold(strings.reportedBy));
  for (const report of entry.reportedBy)
    out.push(...wrapBullet(`${PLATFORM_FAMILY_SHORT[lang][report.platform]}: ${report.how[lang]}`, "  • "));
  out.push("", style.bold(strings.symptom), ...wrapBullet(entry.symptom[lang], "  "));
  out.push("", style.bold(strings.causes));
  for (const cause of entry.causes[lang]) out.push(...wrapBullet(cause, "  • "));
  out.push("", style.bold(strings.fix));
  entry.fix[lang].forEach((step, index) => {
    out.push(...wrapBullet(step, `  ${index + 1}. `));
  });
  const related: string[] = [];
  if (entry.related.callbacks.length > 0)
    related.push(`${strings.callbacks}: ${entry.related.callbacks.join(", ")}`);
  if (entry.related.entries.length > 0)
    related.push(`${strings.seeAlso}: ${entry.related.entries.join(", ")}`);
  if (related.length > 0) out.push("", style.bold(strings.related), ...related.map((line) => `  ${line}`));
  out.push("", `${style.bold(strings.docs)}: ${entry.docs[lang]}`);
  return out;
}

function renderNames(entry: KnowledgeEntry, style: TerminalStyle): string[] {
  const byPlatform = new Map<string, string[]>();
  for (const platform of NAME_PLATFORM_ORDER) {
    const names = entry.names.filter((name) => name.platform === platform);
    if (names.length === 0) continue;
    byPlatform.set(
      NAME_PLATFORM_LABELS[platform],
      names.map((name) => (name.code === undefined ? name.name : `${name.name} (${name.code})`)),
    );
  }
  const width = Math.max(...[...byPlatform.keys()].map((key) => key.length));
  return [...byPlatform].map(
    ([platform, names]) => `  ${style.dim(platform.padEnd(width))}  ${names.join(", ")}`,
  );
}

const WRAP_WIDTH = 100;

/** Wraps on spaces (Chinese text, which has none, stays on one line and the terminal wraps it). */
function wrapBullet(text: string, prefix: string): string[] {
  const indent = " ".repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > WRAP_WIDTH && line.trim().length > 0 && line !== prefix) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line === prefix || line === indent ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}
