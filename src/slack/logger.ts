import { type Logger, LogLevel } from "@slack/bolt";

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** The bot's log on the console: `[WARN] agora-bot: …`, at or above the level set. */
class ConsoleBotLogger implements Logger {
  private level: LogLevel = LogLevel.INFO;
  private name = "agora-bot";
  private enabled(level: LogLevel): boolean {
    return ORDER.indexOf(level) >= ORDER.indexOf(this.level);
  }
  private line(label: string, messages: unknown[]): string {
    return `[${label}] ${this.name}: ${messages.map((message) => (message instanceof Error ? message.message : String(message))).join(" ")}`;
  }
  debug(...messages: unknown[]): void {
    if (this.enabled(LogLevel.DEBUG)) console.debug(this.line("DEBUG", messages));
  }
  info(...messages: unknown[]): void {
    if (this.enabled(LogLevel.INFO)) console.info(this.line("INFO", messages));
  }
  warn(...messages: unknown[]): void {
    if (this.enabled(LogLevel.WARN)) console.warn(this.line("WARN", messages));
  }
  error(...messages: unknown[]): void {
    if (this.enabled(LogLevel.ERROR)) console.error(this.line("ERROR", messages));
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }
}

// The Web API client warns once per attempt of a request it will retry ("http request failed",
// "fetch failed"); the call's caller sees the final failure and logs it once, in its own words.
const PER_ATTEMPT_WARNING = /^http request failed\b/;

/**
 * The one logger Bolt, its receivers, its Web API clients and our listeners share. The logging
 * policy: a failure is logged once, by the code that decides what happens next (skip, fall back,
 * stop), at warn when the bot carries on and at error when someone does not get an answer.
 */
export function createBotLogger(sink: Logger = new ConsoleBotLogger()): Logger {
  return {
    debug: (...messages) => sink.debug(...messages),
    info: (...messages) => sink.info(...messages),
    warn: (...messages) =>
      typeof messages[0] === "string" && PER_ATTEMPT_WARNING.test(messages[0])
        ? sink.debug(...messages)
        : sink.warn(...messages),
    error: (...messages) => sink.error(...messages),
    setLevel: (level) => sink.setLevel(level),
    getLevel: () => sink.getLevel(),
    setName: () => {
      // One name for the whole bot: Bolt's per-component names say nothing to the person reading.
    },
  };
}
