import type { Logger } from "@slack/bolt";
import type { GapReport, Store, UnansweredKind, Vote } from "../store/types.js";
import { describeError } from "./describeError.js";
import { EventDeduper } from "./eventDeduper.js";

const RETRY_MS = 5000;
const PURGE_EVERY_MS = 10 * 60 * 1000;
/** How long a claim waits for the first connection before answering from memory. */
const CONNECT_WAIT_MS = 3000;

export interface BotStateOptions {
  readonly retryMs?: number;
}

/**
 * The bot's view of the store. The bot answers whether or not the database is reachable: while
 * it is down (or not configured), event ids are deduplicated in this instance's memory, the
 * failure is logged once, the connection is retried every few seconds, and a vote reports that
 * it was not recorded. Answers and unanswered queries are recorded without delaying any reply.
 */
export class BotState {
  private readonly memory = new EventDeduper();
  private store: Store | undefined;
  private up = false;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private outageLogged = false;
  private closed = false;

  constructor(
    private readonly open: (() => Promise<Store>) | undefined,
    private readonly logger: Logger,
    private readonly options: BotStateOptions = {},
  ) {}

  /** Starts connecting in the background; nothing waits for it but the first event claims. */
  start(): void {
    if (this.open && !this.connecting && !this.closed) this.connecting = this.connect();
  }

  /** Resolves once the first connection attempt has finished (either way). */
  async ready(): Promise<void> {
    await this.connecting;
  }

  get available(): boolean {
    return this.up;
  }

  /** True the first time any instance sharing the database sees this event id. */
  async firstTime(eventId: string): Promise<boolean> {
    if (!this.memory.firstTime(eventId)) return false;
    // Only the first connection is waited for; during an outage, retries never hold up a reply.
    if (!this.up && this.connecting && !this.outageLogged) await waitAtMost(this.connecting, CONNECT_WAIT_MS);
    const store = this.usable();
    if (!store) return true;
    try {
      return await store.claimEvent(eventId);
    } catch (error) {
      this.markDown(error);
      return true;
    }
  }

  recordAnswer(answerId: string, entryIds: readonly string[]): void {
    this.later((store) => store.recordAnswer(answerId, entryIds));
  }

  recordUnanswered(kind: UnansweredKind, text: string): void {
    this.later((store) => store.recordUnanswered(kind, text));
  }

  /** After the current request's reply has gone out: SQLite writes run on this thread and would delay it. */
  private later(write: (store: Store) => Promise<void>): void {
    if (!this.up) return;
    setImmediate(() => {
      const store = this.usable();
      if (store) write(store).catch((error: unknown) => this.markDown(error));
    });
  }

  /** False when the vote could not be recorded (the person is told to try again). */
  async recordVote(vote: Vote): Promise<boolean> {
    const store = this.usable();
    if (!store) return false;
    try {
      await store.recordVote(vote);
      return true;
    } catch (error) {
      this.markDown(error);
      return false;
    }
  }

  /** Undefined when the database is not reachable. */
  async report(days: number): Promise<GapReport | undefined> {
    const store = this.usable();
    if (!store) return undefined;
    try {
      return await store.report(days);
    } catch (error) {
      this.markDown(error);
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.up = false;
    clearTimeout(this.retryTimer);
    clearInterval(this.purgeTimer);
    await this.connecting?.catch(() => undefined);
    await this.store?.close().catch(() => undefined);
  }

  private usable(): Store | undefined {
    return this.up ? this.store : undefined;
  }

  private async connect(): Promise<void> {
    try {
      if (this.store) await this.store.ping();
      else this.store = await (this.open as () => Promise<Store>)();
      if (this.closed) return;
      this.up = true;
      if (this.outageLogged)
        this.logger.info("the database is reachable again; events are deduplicated through it");
      this.outageLogged = false;
      this.purge();
      this.purgeTimer ??= setInterval(() => this.purge(), PURGE_EVERY_MS).unref();
    } catch (error) {
      this.markDown(error);
    } finally {
      this.connecting = undefined;
    }
  }

  private purge(): void {
    this.store?.purge().catch((error: unknown) => this.markDown(error));
  }

  private markDown(error: unknown): void {
    this.up = false;
    // A write still pending at shutdown fails against the closed database: not an outage.
    if (this.closed) return;
    if (!this.outageLogged) {
      this.outageLogged = true;
      this.logger.error(
        `the database is unreachable (${describeError(error)}): answering anyway, deduplicating events in this instance's memory, retrying every ${Math.round((this.options.retryMs ?? RETRY_MS) / 1000)} s`,
      );
    }
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed && !this.connecting) this.connecting = this.connect();
    }, this.options.retryMs ?? RETRY_MS).unref();
  }
}

async function waitAtMost(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
