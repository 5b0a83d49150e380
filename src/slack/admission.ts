import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { SLACK_STRINGS } from "../render/blocks/slackStrings.js";
import type { BotContext } from "./botContext.js";

/**
 * Global middleware deciding whether a request becomes work: not while shutting down, and not
 * when it is a repeat of an event already taken. Slack re-sends an event it thinks was missed;
 * whichever copy arrives first (first try or retry) is the one answered.
 */
export function admitNewWork(context: BotContext): Middleware<AnyMiddlewareArgs> {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    if (context.inflight.draining) {
      await acknowledgeWhileDraining(context, args);
      return;
    }
    const { body } = args;
    const eventId = "event_id" in body && typeof body.event_id === "string" ? body.event_id : undefined;
    if (eventId !== undefined && !(await context.state.firstTime(eventId))) {
      context.logger.debug(`skipping repeated delivery of event ${eventId}`);
      return;
    }
    await args.next();
  };
}

// Commands, clicks and shortcuts still need an acknowledgement during shutdown, or Slack shows
// the person a timeout error instead of saying why; events were acknowledged by Bolt already.
async function acknowledgeWhileDraining(context: BotContext, args: AnyMiddlewareArgs): Promise<void> {
  try {
    if ("command" in args) {
      await args.ack({
        response_type: "ephemeral",
        text: SLACK_STRINGS[context.config.defaultLang].restarting,
      });
    } else if ("action" in args || "shortcut" in args) {
      await args.ack();
    }
  } catch (error) {
    context.logger.warn(`acknowledging during shutdown failed: ${String(error)}`);
  }
}
