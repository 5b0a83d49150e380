import type { RespondFn } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { describeError } from "../errors.js";
import { withNote } from "../render/blocks/replyNotes.js";
import type { SlackMessage } from "../render/blocks/types.js";
import type { Lang } from "../text/language.js";
import type { BotContext } from "./botContext.js";

/** Our blocks are plain Block Kit JSON; this is the one place they meet Slack's wider type. */
export function asSlackBlocks(message: SlackMessage): KnownBlock[] {
  return message.blocks as KnownBlock[];
}

/**
 * A button's answer to the person who clicked: ephemeral, in place of the message that held the
 * button or below it. A failure is logged under `label`, never thrown; shutdown waits for it.
 */
export async function respondToClick(
  context: BotContext,
  respond: RespondFn,
  message: SlackMessage,
  options: { readonly replace: boolean; readonly label: string },
): Promise<void> {
  await context.inflight.track(
    respond({
      response_type: "ephemeral",
      replace_original: options.replace,
      text: message.text,
      blocks: asSlackBlocks(message),
    }).catch((error: unknown) =>
      context.logger.error(`${options.label}: respond failed: ${describeError(error)}`),
    ),
  );
}

export interface ReplyTarget {
  readonly channel: string;
  readonly threadTs?: string;
  /** Who asked: gets the answer ephemerally if the public post fails. */
  readonly user?: string;
  readonly respond?: RespondFn;
  readonly lang: Lang;
}

/**
 * Posts a reply where it belongs; if Slack refuses (not in the channel, archived, rate limited,
 * network down), logs why and still gets the answer to the person who asked when it can.
 */
export async function postReply(
  context: BotContext,
  client: WebClient,
  target: ReplyTarget,
  message: SlackMessage,
): Promise<boolean> {
  try {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      blocks: asSlackBlocks(message),
      unfurl_links: false,
      unfurl_media: false,
    });
    return true;
  } catch (error) {
    const reason = describeError(error);
    context.logger.error(
      `chat.postMessage to ${target.channel}${target.threadTs ? ` (thread ${target.threadTs})` : ""} failed: ${reason}`,
    );
    const notInChannel = reason === "not_in_channel" || reason === "channel_not_found";
    const fallback = withNote(
      message,
      { kind: notInChannel ? "not-in-channel" : "post-failed" },
      target.lang,
    );
    await sendEphemeral(context, client, target, fallback);
    return false;
  }
}

async function sendEphemeral(
  context: BotContext,
  client: WebClient,
  target: ReplyTarget,
  message: SlackMessage,
): Promise<void> {
  try {
    if (target.respond) {
      await target.respond({
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: asSlackBlocks(message),
      });
      return;
    }
    if (target.user) {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        text: message.text,
        blocks: asSlackBlocks(message),
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
    }
  } catch (error) {
    context.logger.error(
      `ephemeral fallback to ${target.user ?? "response_url"} in ${target.channel} failed: ${describeError(error)}`,
    );
  }
}
