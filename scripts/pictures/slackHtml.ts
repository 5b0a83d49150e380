import type { Block, ButtonElement, TextObject } from "../../src/render/blocks/types.js";

/**
 * Block Kit as Slack's desktop client shows it, in HTML: enough of Slack's look (message layout,
 * mrkdwn, headers, context, dividers, buttons) for a faithful picture of what the bot sends.
 * Every piece of text is escaped for HTML; only the markup made here is trusted.
 */

const EMOJI: Readonly<Record<string, string>> = {
  warning: "⚠️",
  information_source: "ℹ️",
  white_check_mark: "✅",
  x: "❌",
  mag: "🔍",
  bulb: "💡",
  "+1": "👍",
  "-1": "👎",
  thumbsup: "👍",
  thumbsdown: "👎",
};

/** Text as HTML: mrkdwn text arrives with &, < and > already escaped (Slack's own rule), plain text does not. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inlineMrkdwn(text: string): string {
  // Slack escapes only &, < and >; an unescaped < starts a link or a mention.
  let html = text.replace(/"/g, "&quot;");
  html = html.replace(
    /<(https?:[^|>]+)\|([^>]+)>/g,
    (_, url: string, label: string) => `<a href="${url}">${label}</a>`,
  );
  html = html.replace(
    /<@([^|>]+)(?:\|([^>]*))?>/g,
    (_, user: string, label: string | undefined) => `<span class="mention">@${label ?? user}</span>`,
  );
  html = html.replace(/<(https?:[^>]+)>/g, (_, url: string) => `<a href="${url}">${url}</a>`);
  html = html.replace(/`([^`\n]+)`/g, (_, code: string) => `<code>${code}</code>`);
  html = html.replace(
    /(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,:;!?<])/g,
    (_, before: string, bold: string) => `${before}<b>${bold}</b>`,
  );
  html = html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
  return html.replace(/\n/g, "<br>");
}

export function mrkdwnToHtml(text: string): string {
  const parts = text.split("```");
  return parts
    .map((part, index) =>
      index % 2 === 1 ? `<pre>${part.replace(/"/g, "&quot;")}</pre>` : inlineMrkdwn(part),
    )
    .join("");
}

function textHtml(text: TextObject): string {
  if (text.type === "plain_text") return escapeHtml(text.text).replace(/\n/g, "<br>");
  return mrkdwnToHtml(text.text);
}

function buttonHtml(button: ButtonElement): string {
  return `<span class="button${button.style ? ` ${button.style}` : ""}">${escapeHtml(button.text.text)}</span>`;
}

export function blockHtml(block: Block): string {
  switch (block.type) {
    case "header":
      return `<div class="header">${textHtml(block.text)}</div>`;
    case "section":
      return `<div class="section"><div class="section-text">${textHtml(block.text)}</div>${block.accessory ? buttonHtml(block.accessory) : ""}</div>`;
    case "context":
      return `<div class="context">${block.elements.map((element) => `<span>${textHtml(element)}</span>`).join("")}</div>`;
    case "divider":
      return `<hr class="divider">`;
    case "actions":
      return `<div class="actions">${block.elements.map(buttonHtml).join("")}</div>`;
  }
}

export interface PictureMessage {
  readonly author: string;
  readonly bot: boolean;
  readonly time: string;
  readonly blocks: readonly Block[];
  /** Shown as Slack shows an ephemeral reply. */
  readonly ephemeral?: boolean;
}

function messageHtml(message: PictureMessage): string {
  const initials = message.author.slice(0, 1).toUpperCase();
  return `<div class="message${message.ephemeral ? " ephemeral" : ""}">
  <div class="avatar${message.bot ? " bot" : ""}">${escapeHtml(initials)}</div>
  <div class="body">
    <div class="meta"><span class="author">${escapeHtml(message.author)}</span>${message.bot ? '<span class="app">APP</span>' : ""}<span class="time">${escapeHtml(message.time)}</span>${message.ephemeral ? '<span class="only-you">Only visible to you</span>' : ""}</div>
    ${message.blocks.map(blockHtml).join("\n    ")}
  </div>
</div>`;
}

export interface PicturePage {
  readonly title: string;
  readonly subtitle?: string;
  readonly messages: readonly PictureMessage[];
  /** A surface of its own (App Home): the blocks fill the page, with no message around them. */
  readonly surface?: { readonly tabs: readonly string[]; readonly blocks: readonly Block[] };
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; background: #fff; font-family: Lato, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial,
  "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Color Emoji", sans-serif;
  font-size: 15px; line-height: 1.46668; color: #1d1c1d; -webkit-font-smoothing: antialiased; }
.frame { width: 760px; border: 1px solid #dddddd; border-radius: 8px; overflow: hidden; }
.bar { background: #3f0e40; color: #fff; padding: 10px 18px; font-weight: 700; font-size: 15px; }
.bar .sub { font-weight: 400; opacity: .8; margin-left: 8px; font-size: 13px; }
.messages { padding: 8px 0 12px; }
.tabs { display: flex; gap: 20px; padding: 0 20px; border-bottom: 1px solid #dddddd; font-size: 14px; color: #616061; }
.tab { padding: 10px 0 8px; }
.tab.active { color: #1d1c1d; font-weight: 700; border-bottom: 2px solid #1264a3; }
.surface { padding: 8px 20px 16px; }
.message { display: flex; padding: 8px 20px; }
.message.ephemeral { background: #f8f8f8; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #8d5c99; color: #fff; font-weight: 700;
  display: flex; align-items: center; justify-content: center; margin-right: 10px; font-size: 16px; }
.avatar.bot { background: #099dfd; }
.body { flex: 1; min-width: 0; }
.meta { display: flex; align-items: baseline; gap: 6px; margin-bottom: 2px; }
.author { font-weight: 900; }
.app { font-size: 10px; font-weight: 700; color: #616061; background: #e8e8e8; border-radius: 2px; padding: 0 3px; }
.time { font-size: 12px; color: #616061; }
.only-you { font-size: 12px; color: #616061; margin-left: auto; }
.header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 6px 0 4px; }
.section { display: flex; gap: 12px; margin: 4px 0; }
.section-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.context { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: #616061; margin: 4px 0; }
.context code { font-size: 11px; }
.divider { border: 0; border-top: 1px solid #dddddd; margin: 12px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.button { display: inline-block; border: 1px solid #bbbabb; border-radius: 4px; padding: 3px 12px; font-size: 13px; font-weight: 700;
  background: #fff; color: #1d1c1d; white-space: nowrap; height: 28px; line-height: 20px; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
code { font-family: Monaco, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace; font-size: 12px; color: #c01343;
  background: #f7f7f9; border: 1px solid #e8e8e8; border-radius: 3px; padding: 0 3px; }
pre { font-family: Monaco, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 12px; line-height: 1.5;
  background: #f8f8f8; border: 1px solid #e8e8e8; border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap;
  overflow-wrap: anywhere; }
a { color: #1264a3; text-decoration: none; }
.mention { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
`;

export function pageHtml(page: PicturePage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head>
<body><div class="frame" id="picture">
<div class="bar">${escapeHtml(page.title)}${page.subtitle ? `<span class="sub">${escapeHtml(page.subtitle)}</span>` : ""}</div>
${
  page.surface
    ? `<div class="tabs">${page.surface.tabs.map((tab, index) => `<span class="tab${index === 0 ? " active" : ""}">${escapeHtml(tab)}</span>`).join("")}</div>
<div class="surface">${page.surface.blocks.map(blockHtml).join("\n")}</div>`
    : `<div class="messages">${page.messages.map(messageHtml).join("\n")}</div>`
}
</div></body></html>`;
}
