import type { Logger } from "@slack/bolt";
import { z } from "zod";

/** The parts of Slack payloads the bot reads, checked at the edge; everything else is ignored. */

export const slackFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  filetype: z.string().optional(),
  size: z.number().optional(),
  mode: z.string().optional(),
  file_access: z.string().optional(),
  url_private_download: z.string().optional(),
  url_private: z.string().optional(),
});
export type SlackFile = z.infer<typeof slackFileSchema>;

export const messageLikeSchema = z.looseObject({
  type: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().optional().default(""),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  files: z.array(slackFileSchema).optional().default([]),
});
export type MessageLike = z.infer<typeof messageLikeSchema>;

export const commandSchema = z.looseObject({
  text: z.string().default(""),
  user_id: z.string(),
  channel_id: z.string(),
  response_url: z.string().optional(),
});

export const blockActionSchema = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).optional(),
  response_url: z.string().optional(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
});

export const messageShortcutSchema = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }),
  message: messageLikeSchema,
  response_url: z.string().optional(),
});

export const homeOpenedSchema = z.looseObject({ user: z.string(), tab: z.string().optional() });

/**
 * The one policy for a payload the bot does not understand, in every listener: nothing is
 * answered, and one warning names the listener and the first problem (never the payload, which
 * may hold someone's message).
 */
export function parsePayload<T>(
  logger: Logger,
  listener: string,
  schema: z.ZodType<T>,
  value: unknown,
): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  logger.warn(
    `${listener}: payload not understood, ignored (${issue ? `${issue.path.join(".") || "payload"}: ${issue.message}` : "invalid"})`,
  );
  return undefined;
}

export type BlockActionPayload = z.infer<typeof blockActionSchema>;

/**
 * A button click and the value its button carries, decoded; undefined (logged once, with the
 * listener) when either is not one we understand. Every button listener reads its click this way.
 */
export function readButtonClick<T>(
  logger: Logger,
  listener: string,
  body: unknown,
  decode: (value: string | undefined) => T | undefined,
): { payload: BlockActionPayload; value: T } | undefined {
  const payload = parsePayload(logger, listener, blockActionSchema, body);
  if (!payload) return undefined;
  const value = decode(payload.actions[0]?.value);
  if (value === undefined) {
    logger.warn(`${listener}: button value not understood, ignored`);
    return undefined;
  }
  return { payload, value };
}
