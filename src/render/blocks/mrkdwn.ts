/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` are the only control characters, and escaping
 * them is what keeps `<!channel>`, `<!here>` and `<@U123>` in someone's paste from notifying anyone.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Inside a code block, a stray ``` would end the block early. */
export function escapeForCodeBlock(text: string): string {
  return escapeMrkdwn(text).replace(/```/g, "ʼʼʼ");
}
