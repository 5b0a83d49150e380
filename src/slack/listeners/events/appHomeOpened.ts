import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { View } from "@slack/types";
import { describeError } from "../../../errors.js";
import { renderHomeView } from "../../../render/blocks/helpBlocks.js";
import type { BotContext } from "../../botContext.js";
import { homeOpenedSchema, parsePayload } from "../../payloads.js";

/** The window App Home summarises; `agora-bot report --days N` gives any other. */
const REPORT_DAYS = 7;

/** App Home: what the bot does, examples, and every entry it knows; admins also see the knowledge-gap report. */
export function appHomeOpened(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    const opened = parsePayload(context.logger, "app_home_opened", homeOpenedSchema, event);
    if (!opened || (opened.tab !== undefined && opened.tab !== "home")) return;
    const lang = context.config.defaultLang;
    const report = context.adminUserIds.includes(opened.user)
      ? { report: await context.state.report(REPORT_DAYS), days: REPORT_DAYS }
      : undefined;
    const view = renderHomeView(context.index, lang, report) as View;
    try {
      await context.inflight.track(client.views.publish({ user_id: opened.user, view }));
    } catch (error) {
      context.logger.error(
        `app_home_opened: views.publish for ${opened.user} failed: ${describeError(error)}`,
      );
    }
  };
}
