/** Slack refused the bot token at start-up: a settings problem, reported like one. */
export class SlackAuthError extends Error {
  override readonly name = "SlackAuthError";
}
