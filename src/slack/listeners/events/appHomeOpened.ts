import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { View } from "@slack/types";
import { renderHomeView } from "../../../render/blocks/helpBlocks.js";
import type { BotContext } from "../../botContext.js";
import { describeError } from "../../describeError.js";
import { homeOpenedSchema } from "../../payloads.js";

/** App Home: what the bot does, examples, and every entry it knows. */
export function appHomeOpened(context: BotContext) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    const parsed = homeOpenedSchema.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== "home")) return;
    const view = renderHomeView(context.index, context.config.defaultLang) as View;
    try {
      await context.inflight.track(client.views.publish({ user_id: parsed.data.user, view }));
    } catch (error) {
      context.logger.error(`views.publish for ${parsed.data.user} failed: ${describeError(error)}`);
    }
  };
}
