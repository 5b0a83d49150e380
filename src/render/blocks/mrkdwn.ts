import { stripInvisible } from "../../text/invisible.js";
import { redactSecrets } from "../../text/redact.js";

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` are the only control characters, and escaping
 * them is what keeps `<!channel>`, `<!here>` and `<@U123>` in someone's paste from notifying anyone.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Inside a code block any backtick can close it: "```" inside, or one or two at the end of the
 * text, which run into the closing fence. A look-alike keeps the text readable.
 */
export function escapeForCodeBlock(text: string): string {
  return escapeMrkdwn(stripInvisible(text)).replace(/`/g, "ˋ");
}

/**
 * Someone's text shown back inside inline code (a query, a file name): secrets masked, invisible
 * characters removed, cut to `maxChars` after masking, and backticks replaced so it cannot end the
 * code span (inside which `*bold*` and `_italic_` stay literal).
 */
export function safeEcho(text: string, maxChars: number): string {
  return escapeMrkdwn(echoText(text, maxChars));
}

/** {@link safeEcho} before mrkdwn escaping, for text that is escaped as a whole later. */
export function echoText(text: string, maxChars: number): string {
  const masked = redactSecrets(text).replace(/\s+/g, " ").trim();
  const cut = masked.length > maxChars ? `${masked.slice(0, maxChars)}…` : masked;
  return cut.replace(/`/g, "ˋ");
}
