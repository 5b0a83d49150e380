import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { View } from "@slack/types";
import { renderHomeView } from "../../../render/blocks/helpBlocks.js";
import { renderReportBlocks } from "../../../render/blocks/reportBlocks.js";
import type { BotContext } from "../../botContext.js";
import { describeError } from "../../describeError.js";
import { homeOpenedSchema } from "../../payloads.js";

/** App Home: what the bot does, examples, and every entry it knows; admins also see the knowledge-gap report. */
/** The window App Home summarises; `agora-bot report --days N` gives any other. */
const REPORT_DAYS = 7;

export function appHomeOpened(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== "home")) return;
    const lang = context.config.defaultLang;
    const home = renderHomeView(context.index, lang);
    if (context.adminUserIds.includes(parsed.data.user)) {
      const report = await context.state.report(REPORT_DAYS);
      home.blocks.push(...renderReportBlocks(report, REPORT_DAYS, lang));
    }
    const view = home as View;
    try {
      await context.inflight.track(client.views.publish({ user_id: parsed.data.user, view }));
    } catch (error) {
      context.logger.error(`views.publish for ${parsed.data.user} failed: ${describeError(error)}`);
    }
  };
}
