/**
 * `npm run docs:pictures`: the README's pictures of the answer, made from the bot's own Block Kit
 * output (the same functions the listeners call), shown in a page styled like Slack and
 * screenshotted in headless Chromium. Nothing is drawn by hand, so the pictures cannot drift
 * from what the bot sends: rerun this after changing an answer.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LogLevel } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { loadKnowledgeIndex } from "../src/index/loadIndex.js";
import { renderHomeView } from "../src/render/blocks/helpBlocks.js";
import type { BotContext } from "../src/slack/botContext.js";
import { BotState } from "../src/slack/botState.js";
import { diagnoseMessage } from "../src/slack/diagnose.js";
import { InflightWork } from "../src/slack/inflight.js";
import { replyFor } from "../src/slack/listeners/commands/agoraCommand.js";
import { messageLikeSchema } from "../src/slack/payloads.js";
import { type PicturePage, pageHtml } from "./pictures/slackHtml.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "docs", "pictures");

const INSTALL_HINT = `Chromium was not found. Install Debian's package:

  sudo apt-get update && sudo apt-get install -y chromium

or point CHROMIUM_PATH at a Chrome or Chromium binary. (playwright-core downloads no browser.)
For the Chinese examples and the emoji: sudo apt-get install -y fonts-wqy-microhei fonts-noto-color-emoji`;

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    try {
      const path = execFileSync("which", [name], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
      if (path) return path;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}

const silent = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (...messages: unknown[]) => console.error(...messages),
  setLevel: () => {},
  getLevel: () => "info" as LogLevel,
  setName: () => {},
};

/** The context the listeners get, without a Slack connection: the pictures need no network. */
function offlineContext(): BotContext {
  return {
    index: loadKnowledgeIndex(),
    config: {
      mode: "http",
      botToken: "xoxb-pictures",
      port: 0,
      defaultLang: "en",
      fileMaxBytes: 5 * 1024 * 1024,
    },
    inflight: new InflightWork(),
    // No database: answers are not recorded, and the pictures show the bot as it answers anyone.
    state: new BotState(undefined, silent),
    adminUserIds: [],
    logger: silent,
  };
}

/** A browser console as a developer would paste it: the join failing with an invalid token (our fixture). */
const WEB_LOG = readFileSync(join(ROOT, "test/fixtures/logs/web4-invalid-token.log"), "utf8")
  .split("\n")
  .filter((line) => line.includes("Agora-SDK"))
  .join("\n");

async function pages(): Promise<Record<string, PicturePage>> {
  const context = offlineContext();
  const command = await replyFor(context, "110");
  const mentionText = `<@UAGORABOT> our web app cannot join, console below\n\`\`\`${WEB_LOG.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}\`\`\``;
  const mention = messageLikeSchema.parse({
    type: "app_mention",
    text: mentionText,
    user: "UDEV",
    ts: "1.0",
    channel: "CDEV",
  });
  // No files and no thread parent: the client is never called.
  const reply = await diagnoseMessage(context, {} as WebClient, mention, {
    channel: "CDEV",
    allowParent: false,
  });
  const home = renderHomeView(context.index, "en");
  return {
    "agora-110": {
      title: "# web-team",
      subtitle: "/agora 110",
      messages: [
        { author: "agora-bot", bot: true, time: "10:12 AM", blocks: command.blocks, ephemeral: true },
      ],
    },
    "mention-web-log": {
      title: "Thread",
      subtitle: "# web-team",
      messages: [
        {
          author: "Dana",
          bot: false,
          time: "10:11 AM",
          blocks: [
            {
              type: "section",
              text: { type: "mrkdwn", text: mentionText.replace("<@UAGORABOT>", "<@UAGORABOT|agora-bot>") },
            },
          ],
        },
        { author: "agora-bot", bot: true, time: "10:11 AM", blocks: reply.blocks },
      ],
    },
    "app-home": {
      title: "agora-bot",
      subtitle: "Home",
      messages: [],
      surface: { tabs: ["Home", "Messages", "About"], blocks: home.blocks },
    },
  };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1.5 });
    mkdirSync(OUT_DIR, { recursive: true });
    const htmlDir = join(tmpdir(), "agora-bot-pictures");
    mkdirSync(htmlDir, { recursive: true });
    for (const [name, picture] of Object.entries(await pages())) {
      const htmlFile = join(htmlDir, `${name}.html`);
      writeFileSync(htmlFile, pageHtml(picture));
      await page.goto(pathToFileURL(htmlFile).href);
      const file = join(OUT_DIR, `${name}.png`);
      await page.locator("#picture").screenshot({ path: file });
      console.log(`wrote ${file.slice(ROOT.length)} (page: ${htmlFile})`);
    }
  } finally {
    await browser.close();
  }
}

await main();
