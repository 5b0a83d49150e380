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

export const buttonValueSchema = z.object({ q: z.string(), l: z.enum(["en", "zh"]) });

/** A listing button: category id (empty for all), page, language. */
export const listButtonValueSchema = z.object({
  c: z.string().max(100),
  p: z.number().int().min(0).max(1000),
  l: z.enum(["en", "zh"]),
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
