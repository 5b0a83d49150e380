import {
  type CategoryPage,
  type CategorySummary,
  categoryPage,
  type EntryLine,
  listCategories,
} from "../../answer/catalogueList.js";
import type { KnowledgeIndex } from "../../index/knowledgeIndex.js";
import type { Category } from "../../knowledge/schema.js";
import type { GapReport } from "../../store/types.js";
import type { Lang } from "../../text/language.js";
import { LIST_STRINGS } from "../strings.js";
import { encodeListValue } from "./buttonValue.js";
import { BLOCK_LIMITS, fitMessage } from "./limits.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { renderReportBlocks } from "./reportBlocks.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, type ButtonElement, type HomeView, mrkdwn, plain, type SlackMessage } from "./types.js";

/** Buttons of the listing: open a category (`list_category_<n>`), turn a page, or go back to all. */
export const LIST_ACTION_PATTERN = /^list_(?:category_\d+|next|previous|all)$/;

/** Entries a page: each line is at most ~200 characters, so a page stays far inside the text budget. */
export const ENTRIES_PER_PAGE = 25;
/** Lines a section: about 20 lines of ~130 characters fill Slack's 3,000-character section. */
const LINES_PER_SECTION = 12;

export function renderHelpBlocks(lang: Lang): SlackMessage {
  const strings = SLACK_STRINGS[lang];
  return fitMessage({ lang, text: strings.helpTitle, blocks: helpSections(lang) }, strings.overflow);
}

/** `/agora list`: every category with its count, and a button to open each; first a note when the asked category is unknown. */
export function renderListBlocks(index: KnowledgeIndex, lang: Lang, unknownCategory?: string): SlackMessage {
  const strings = LIST_STRINGS[lang];
  const categories = listCategories(index);
  const note = unknownCategory?.slice(0, 80).replace(/[`\n]/g, "'");
  const blocks: Block[] = [
    ...(note === undefined
      ? []
      : [{ type: "context" as const, elements: [mrkdwn(strings.noCategory(escapeMrkdwn(note)))] }]),
    ...categorySections(categories, lang),
    { type: "context", elements: [mrkdwn(strings.slackHint)] },
    ...categoryButtons(categories, lang),
  ];
  return fitMessage({ lang, text: strings.categoriesTitle, blocks }, SLACK_STRINGS[lang].overflow);
}

/** `/agora list CATEGORY` (or a button): one page of a category's entries, with buttons to turn pages. */
export function renderCategoryBlocks(
  index: KnowledgeIndex,
  category: Category,
  lang: Lang,
  page = 0,
): SlackMessage {
  const strings = LIST_STRINGS[lang];
  const listing = categoryPage(index, category, lang, page, ENTRIES_PER_PAGE);
  const blocks: Block[] = [
    { type: "header", text: plain(category.title[lang]) },
    {
      type: "context",
      elements: [
        mrkdwn(
          `${strings.entries(listing.total)}${listing.pages > 1 ? ` · ${strings.page(listing.page + 1, listing.pages)}` : ""} · \`${category.id}\``,
        ),
      ],
    },
  ];
  for (let start = 0; start < listing.lines.length; start += LINES_PER_SECTION) {
    const lines = listing.lines
      .slice(start, start + LINES_PER_SECTION)
      .map((line) => entryLineMrkdwn(line, lang));
    blocks.push({ type: "section", text: mrkdwn(lines.join("\n")) });
  }
  blocks.push({ type: "context", elements: [mrkdwn(strings.lookupHint)] });
  blocks.push({ type: "actions", block_id: "list_pages", elements: pageButtons(listing, lang) });
  return fitMessage(
    { lang, text: `${category.title[lang]} (${strings.entries(listing.total)})`, blocks },
    SLACK_STRINGS[lang].overflow,
  );
}

/**
 * The App Home: the help, the catalogue's categories (App Home buttons have no reply URL, so
 * names to type), then (for admins) the knowledge-gap report.
 */
export function renderHomeView(
  index: KnowledgeIndex,
  lang: Lang,
  admin?: { readonly report: GapReport | undefined; readonly days: number },
): HomeView {
  const strings = SLACK_STRINGS[lang];
  const blocks: Block[] = [
    ...helpSections(lang),
    { type: "divider" },
    ...categorySections(listCategories(index), lang),
    { type: "context", elements: [mrkdwn(LIST_STRINGS[lang].slackHint)] },
    ...(admin ? renderReportBlocks(admin.report, admin.days, lang) : []),
  ];
  return { type: "home", blocks: fitMessage({ text: "", blocks, lang }, strings.overflow).blocks };
}

function helpSections(lang: Lang): Block[] {
  const strings = SLACK_STRINGS[lang];
  return [
    { type: "header", text: plain(strings.helpTitle) },
    { type: "section", text: mrkdwn(strings.helpIntro) },
    { type: "section", text: mrkdwn(strings.helpUsage.map((line) => `• ${line}`).join("\n")) },
  ];
}

function categorySections(categories: readonly CategorySummary[], lang: Lang): Block[] {
  const strings = LIST_STRINGS[lang];
  const lines = categories.map(
    ({ category, count }) =>
      `• *${escapeMrkdwn(category.title[lang])}*: ${strings.entries(count)} · \`/agora list ${category.id}\``,
  );
  const blocks: Block[] = [{ type: "header", text: plain(strings.categoriesTitle) }];
  for (let start = 0; start < lines.length; start += LINES_PER_SECTION) {
    blocks.push({ type: "section", text: mrkdwn(lines.slice(start, start + LINES_PER_SECTION).join("\n")) });
  }
  return blocks;
}

function categoryButtons(categories: readonly CategorySummary[], lang: Lang): Block[] {
  const buttons: ButtonElement[] = categories.map(({ category }, position) => ({
    type: "button",
    text: plain(category.title[lang]),
    action_id: `list_category_${position}`,
    value: encodeListValue({ c: category.id, p: 0, l: lang }),
  }));
  const blocks: Block[] = [];
  for (let start = 0; start < buttons.length; start += BLOCK_LIMITS.actionElements) {
    blocks.push({
      type: "actions",
      block_id: `list_categories_${start / BLOCK_LIMITS.actionElements}`,
      elements: buttons.slice(start, start + BLOCK_LIMITS.actionElements),
    });
  }
  return blocks;
}

function pageButtons(listing: CategoryPage, lang: Lang): ButtonElement[] {
  const strings = LIST_STRINGS[lang];
  const id = listing.category.id;
  const buttons: ButtonElement[] = [];
  if (listing.page > 0)
    buttons.push({
      type: "button",
      text: plain(strings.previous),
      action_id: "list_previous",
      value: encodeListValue({ c: id, p: listing.page - 1, l: lang }),
    });
  if (listing.page + 1 < listing.pages)
    buttons.push({
      type: "button",
      text: plain(strings.next),
      action_id: "list_next",
      style: "primary",
      value: encodeListValue({ c: id, p: listing.page + 1, l: lang }),
    });
  buttons.push({
    type: "button",
    text: plain(strings.allCategories),
    action_id: "list_all",
    value: encodeListValue({ c: "", p: 0, l: lang }),
  });
  return buttons;
}

function entryLineMrkdwn(line: EntryLine, lang: Lang): string {
  const codes = line.codes.length > 0 ? `*${line.codes.join(" / ")}* ` : "";
  const warning = line.kind === "warning" ? `_${LIST_STRINGS[lang].warningTag}_ ` : "";
  return `• ${codes}\`${line.name.replace(/`/g, "'")}\` ${warning}${escapeMrkdwn(line.summary)}`;
}
