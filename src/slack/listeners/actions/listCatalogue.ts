import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { findCategory } from "../../../answer/catalogueList.js";
import { decodeListValue } from "../../../render/blocks/buttonValue.js";
import { renderCategoryBlocks, renderListBlocks } from "../../../render/blocks/helpBlocks.js";
import type { SlackMessage } from "../../../render/blocks/types.js";
import type { Lang } from "../../../text/language.js";
import type { BotContext } from "../../botContext.js";
import { readButtonClick } from "../../payloads.js";
import { respondToClick } from "../../reply.js";

/** `/agora list [CATEGORY]`: the categories, or a category's page; an unknown name gets the categories and a note. */
export function listReply(context: BotContext, query: string, lang: Lang, page = 0): SlackMessage {
  if (query === "") return renderListBlocks(context.index, lang);
  const category = findCategory(context.index, query);
  if (category) return renderCategoryBlocks(context.index, category, lang, page);
  return renderListBlocks(context.index, lang, query);
}

/** A listing button (a category, next or previous page, all categories): replaces the listing in place. */
export function listCatalogue(context: BotContext) {
  return async ({
    ack,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(context.logger, "list", body, decodeListValue);
    if (!click) return;
    const { value } = click;
    const message = listReply(context, value.c, value.l, value.p);
    await respondToClick(context, respond, message, { replace: true, label: "list" });
  };
}
