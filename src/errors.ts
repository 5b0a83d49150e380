/**
 * Every error this program raises on purpose, in one place. Each is a problem the person running
 * it can fix, so each carries a message written for them; the entry points (src/main.ts,
 * src/cli/main.ts) print it and choose the exit status. Anything else is a bug and is reported as one.
 */

/** A bad command line: the message says what is wrong, the hint how to call it. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Settings from the environment that cannot be used: one problem a line, each naming the variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

function formatProblem(problem: KnowledgeProblem): string {
  return `  ${problem.file}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

/** The knowledge base does not load or validate: every problem, with its file and field. */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `knowledge base is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems
        .map(formatProblem)
        .join("\n")}`,
    );
  }
}

/** Slack refused the bot token at start-up: a settings problem, reported like one. */
export class SlackAuthError extends Error {
  override readonly name = "SlackAuthError";
}

/** The most useful words about a failed Slack call: the API's error code, else the network error. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const data = "data" in error ? (error as { data?: { error?: string } }).data : undefined;
    if (data?.error) return data.error;
    // A network failure: the underlying reason (fetch failed, and why) says more than the wrapper.
    const original = "original" in error ? (error as { original?: unknown }).original : undefined;
    if (original instanceof Error) {
      const cause = original.cause && typeof original.cause === "object" && "code" in original.cause;
      return `${original.message}${cause ? ` (${String((original.cause as { code: unknown }).code)})` : ""}`;
    }
    if ("code" in error && "message" in error) return `${String(error.code)}: ${String(error.message)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
