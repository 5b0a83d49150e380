import type { Answer, AnswerItem } from "../../answer/answer.js";
import { NAME_PLATFORM_ORDER } from "../../knowledge/platformLabels.js";
import type { KnowledgeEntry } from "../../knowledge/schema.js";
import type { Lang } from "../../text/language.js";
import { redactSecrets } from "../../text/redact.js";
import { platformsText, reportedAsText, severalMeaningsNote } from "../meanings.js";
import { namePlatformLabel, UI_STRINGS } from "../strings.js";
import { encodeButtonValue } from "./buttonValue.js";
import { fitMessage } from "./limits.js";
import { escapeMrkdwn, safeEcho } from "./mrkdwn.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, type ButtonElement, mrkdwn, plain, type SlackMessage } from "./types.js";

export const SHARE_ACTION_ID = "share_answer";
const DID_YOU_MEAN_ACTION_PREFIX = "did_you_mean_";
/** Every "did you mean" button's action id: the prefix and the suggestion's position. */
export const DID_YOU_MEAN_ACTION_PATTERN = new RegExp(`^${DID_YOU_MEAN_ACTION_PREFIX}\\d+$`);

interface AnswerBlockOptions {
  /** The user who shared the answer into the channel. */
  readonly sharedBy?: string;
  /** Offer the Share button (ephemeral answers only). */
  readonly shareable?: boolean;
}

export function renderAnswerBlocks(answer: Answer, options: AnswerBlockOptions = {}): SlackMessage {
  const { lang } = answer;
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [];
  for (const other of answer.notTokenErrors) {
    blocks.push({
      type: "section",
      text: mrkdwn(
        `:information_source: *${other.code} \`${other.name}\`* (${UI_STRINGS[lang].platformFamilies[other.platform]})${UI_STRINGS[lang].colon}${UI_STRINGS[lang].notTokenError}${lang === "zh" ? "。" : "."} ${escapeMrkdwn(other.meaning[lang])}`,
      ),
    });
  }
  if (answer.items.length === 0) {
    if (answer.notTokenErrors.length === 0) blocks.push(...noMatchBlocks(answer));
    return fitMessage({ text: noMatchText(answer.query, 200, lang), blocks, lang }, strings.overflow);
  }
  const several = severalMeaningsNote(answer);
  if (several)
    blocks.push({ type: "context", elements: [mrkdwn(`:information_source: ${escapeMrkdwn(several)}`)] });
  answer.items.forEach((item, position) => {
    if (position > 0) blocks.push({ type: "divider" });
    blocks.push(
      ...(item.entry.depth === "catalogue" ? catalogueItemBlocks(item, lang) : itemBlocks(item, lang)),
    );
  });
  if (options.sharedBy)
    blocks.push({ type: "context", elements: [mrkdwn(strings.sharedBy(options.sharedBy))] });
  if (options.shareable) {
    blocks.push({
      type: "actions",
      block_id: "answer_actions",
      elements: [
        {
          type: "button",
          text: plain(strings.share),
          action_id: SHARE_ACTION_ID,
          // The query as shown: a pasted secret is not handed back to Slack in the button either.
          value: encodeButtonValue({ q: redactSecrets(answer.query), l: lang }),
        },
      ],
    });
  }
  const text = answer.items.map((item) => headlineText(item, lang)).join(" · ");
  return fitMessage({ text, blocks, lang }, strings.overflow);
}

function headlineText(item: AnswerItem, lang: Lang): string {
  const { code, name } = item.headline;
  const label = `${code === undefined ? "" : `${code} `}${name}`;
  return item.entry.depth === "catalogue" ? label : `${label}: ${item.entry.title[lang]}`;
}

/** A catalogue entry: its label, where it is reported, its names, meaning, how it is reported and first check. */
function catalogueItemBlocks(item: AnswerItem, lang: Lang): Block[] {
  const ui = UI_STRINGS[lang];
  const { entry } = item;
  const tags = [
    ...(entry.kind === "warning" ? [`:warning: *${ui.warning}*`] : []),
    `${ui.onPlatforms}${ui.colon}${platformsText(item, lang)}`,
    escapeMrkdwn(entry.category.title[lang]),
  ];
  return [
    { type: "header", text: plain(headlineText(item, lang)) },
    { type: "context", elements: [mrkdwn(tags.join(" · "))] },
    { type: "section", text: mrkdwn(`*${ui.names}*\n${namesByPlatform(entry, lang)}`) },
    {
      type: "section",
      text: mrkdwn(
        `*${ui.meaning}*\n${escapeMrkdwn(entry.meaning[lang])}\n\n*${ui.reportedAs}*\n${escapeMrkdwn(reportedAsText(item, lang))}\n\n*${ui.check}*\n${escapeMrkdwn(entry.check[lang])}`,
      ),
    },
    { type: "context", elements: [mrkdwn(`<${entry.docs[lang]}|${ui.docs}>`)] },
  ];
}

function itemBlocks(item: AnswerItem, lang: Lang): Block[] {
  const ui = UI_STRINGS[lang];
  const { entry } = item;
  const blocks: Block[] = [{ type: "header", text: plain(headlineText(item, lang)) }];
  const notes: string[] = [];
  if (item.onlyOn.length === 1) notes.push(item.onlyOn[0] === "web" ? ui.onlyOnWeb : ui.onlyOnNative);
  for (const other of item.otherMeanings) notes.push(other.meaning[lang]);
  if (notes.length > 0)
    blocks.push({
      type: "context",
      elements: notes.map((note) => mrkdwn(`:warning: ${escapeMrkdwn(note)}`)),
    });
  blocks.push({ type: "section", text: mrkdwn(`*${ui.names}*\n${namesByPlatform(entry, lang)}`) });
  blocks.push({
    type: "section",
    text: mrkdwn(
      `*${ui.symptom}*\n${escapeMrkdwn(entry.symptom[lang])}\n\n*${ui.reportedBy}*\n${entry.reportedBy
        .map(
          (report) =>
            `• *${ui.platformFamilies[report.platform]}*${ui.colon}${escapeMrkdwn(report.how[lang])}`,
        )
        .join("\n")}`,
    ),
  });
  blocks.push({
    type: "section",
    text: mrkdwn(
      `*${ui.causes}*\n${entry.causes[lang].map((cause) => `• ${escapeMrkdwn(cause)}`).join("\n")}`,
    ),
  });
  blocks.push({ type: "section", text: mrkdwn(`*${ui.fix}*\n${numberedSteps(entry, lang)}`) });
  const related: string[] = [];
  if (entry.related.callbacks.length > 0)
    related.push(
      `${ui.callbacks}${ui.colon}${entry.related.callbacks.map((name) => `\`${name}\``).join(", ")}`,
    );
  if (entry.related.entries.length > 0)
    related.push(`${ui.seeAlso}${ui.colon}${entry.related.entries.map((id) => `\`${id}\``).join(", ")}`);
  related.push(`<${entry.docs[lang]}|${ui.docs}>`);
  blocks.push({ type: "context", elements: related.map((line) => mrkdwn(line)) });
  return blocks;
}

export function numberedSteps(entry: KnowledgeEntry, lang: Lang): string {
  return entry.fix[lang].map((step, index) => `${index + 1}. ${escapeMrkdwn(step)}`).join("\n");
}

function namesByPlatform(entry: KnowledgeEntry, lang: Lang): string {
  // The seed's and the reference's spelling of one SDK (objective-c, ios-objc) share a label and a line.
  const byLabel = new Map<string, string[]>();
  for (const platform of NAME_PLATFORM_ORDER) {
    const names = entry.names.filter((name) => name.platform === platform);
    if (names.length === 0) continue;
    const label = namePlatformLabel(platform, lang);
    byLabel.set(label, [
      ...(byLabel.get(label) ?? []),
      ...names.map(
        (name) => `\`${name.name.replace(/`/g, "'")}\`${name.code === undefined ? "" : ` (${name.code})`}`,
      ),
    ]);
  }
  return [...byLabel]
    .map(([label, names]) => `${label}${UI_STRINGS[lang].colon}${names.join(", ")}`)
    .join("\n");
}

/** The query echoed masked, cut and unable to leave its inline code. */
function noMatchText(query: string, maxChars: number, lang: Lang): string {
  return `${UI_STRINGS[lang].noMatch}${UI_STRINGS[lang].colon}\`${safeEcho(query, maxChars)}\``;
}

function noMatchBlocks(answer: Answer): Block[] {
  const strings = SLACK_STRINGS[answer.lang];
  const blocks: Block[] = [{ type: "section", text: mrkdwn(noMatchText(answer.query, 500, answer.lang)) }];
  if (answer.suggestions.length > 0) {
    const buttons: ButtonElement[] = answer.suggestions.slice(0, 3).map((suggestion, index) => ({
      type: "button",
      text: plain(suggestion.entry.title[answer.lang]),
      action_id: `${DID_YOU_MEAN_ACTION_PREFIX}${index}`,
      value: encodeButtonValue({ q: `entry:${suggestion.entry.id}`, l: answer.lang }),
    }));
    blocks.push(
      {
        type: "section",
        text: mrkdwn(`${UI_STRINGS[answer.lang].didYouMean}${UI_STRINGS[answer.lang].colon.trimEnd()}`),
      },
      { type: "actions", block_id: "did_you_mean", elements: buttons },
    );
  }
  blocks.push({ type: "context", elements: [mrkdwn(strings.tryExamples)] });
  return blocks;
}
