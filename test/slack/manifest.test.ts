import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SHARE_ACTION_ID } from "../../src/render/blocks/answerBlocks.js";
import { EVENTS_PATH } from "../../src/slack/createBot.js";
import { DIAGNOSE_SHORTCUT_CALLBACK_ID } from "../../src/slack/listeners/shortcuts/diagnoseShortcut.js";

const manifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
    bot_user: z.object({ display_name: z.string() }),
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), usage_hint: z.string() })),
    shortcuts: z.array(z.object({ name: z.string(), type: z.literal("message"), callback_id: z.string() })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string() }),
    socket_mode_enabled: z.literal(true),
  }),
});

const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8")),
);

describe("manifest.json", () => {
  it("declares /agora with a usage hint, pointing at the events path", () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: "/agora" })]);
    expect(manifest.features.slash_commands[0]?.url.endsWith(EVENTS_PATH)).toBe(true);
    expect(manifest.features.slash_commands[0]?.usage_hint.length).toBeGreaterThan(0);
  });

  it("declares the message shortcut the code listens for", () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: "Diagnose Agora errors", callback_id: DIAGNOSE_SHORTCUT_CALLBACK_ID }),
    ]);
    expect(SHARE_ACTION_ID).toBe("share_answer");
  });

  it("subscribes to exactly the events the bot handles", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "app_mention",
      "message.im",
    ]);
  });

  it("asks for the scopes these need and no more", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      "app_mentions:read",
      "channels:history",
      "chat:write",
      "commands",
      "files:read",
      "groups:history",
      "im:history",
      "mpim:history",
    ]);
  });
});
