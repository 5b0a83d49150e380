/** What the bot keeps between requests and between instances; see docs in README "State". */
export interface Store {
  /** True for the first instance (or process) to claim this Slack event id, false for every other. */
  claimEvent(eventId: string): Promise<boolean>;
  /** One answer given, naming these entries. */
  recordAnswer(answerId: string, entryIds: readonly string[]): Promise<void>;
  /** A query or a scan that found nothing; the text is redacted and capped before it is stored. */
  recordUnanswered(kind: UnansweredKind, text: string): Promise<void>;
  /** A 👍 (+1) or 👎 (-1) on an answer; the person's earlier vote on it is replaced. */
  recordVote(vote: Vote): Promise<void>;
  report(days: number): Promise<GapReport>;
  /** Deletes event ids older than an hour and everything else older than the retention. */
  purge(): Promise<void>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type UnansweredKind = "query" | "scan";

export interface Vote {
  readonly answerId: string;
  readonly userId: string;
  readonly entryIds: readonly string[];
  readonly vote: 1 | -1;
}

/** The knowledge-gap report: `agora-bot report --json` prints exactly this. */
export interface GapReport {
  readonly days: number;
  /** ISO time the window starts at. */
  readonly since: string;
  /** Most frequent first; queries differing only in numbers or case are one group. */
  readonly unanswered: readonly { text: string; kind: UnansweredKind; count: number }[];
  /** Entries with the most 👎 first. */
  readonly downvoted: readonly { entry: string; down: number; up: number }[];
  readonly answersPerEntry: readonly { entry: string; answers: number }[];
}
