import type { App } from "@slack/bolt";
import { SHARE_ACTION_ID } from "../../render/blocks/answerBlocks.js";
import { LIST_ACTION_PATTERN } from "../../render/blocks/helpBlocks.js";
import type { BotContext } from "../botContext.js";
import { didYouMean } from "./actions/didYouMean.js";
import { feedbackVote } from "./actions/feedbackVote.js";
import { listCatalogue } from "./actions/listCatalogue.js";
import { shareAnswer } from "./actions/shareAnswer.js";
import { agoraCommand } from "./commands/agoraCommand.js";
import { appHomeOpened } from "./events/appHomeOpened.js";
import { appMention } from "./events/appMention.js";
import { directMessage } from "./events/directMessage.js";
import { DIAGNOSE_SHORTCUT_CALLBACK_ID, diagnoseShortcut } from "./shortcuts/diagnoseShortcut.js";

/** Every listener, registered in one place. */
export function registerListeners(app: App, context: BotContext): void {
  app.command("/agora", agoraCommand(context));
  app.event("app_mention", appMention(context));
  app.event("app_home_opened", appHomeOpened(context));
  app.message(directMessage(context));
  app.action(SHARE_ACTION_ID, shareAnswer(context));
  app.action(/^did_you_mean_\d+$/, didYouMean(context));
  app.action(LIST_ACTION_PATTERN, listCatalogue(context));
  app.action(/^feedback_(?:up|down)$/, feedbackVote(context));
  app.shortcut(DIAGNOSE_SHORTCUT_CALLBACK_ID, diagnoseShortcut(context));
}
