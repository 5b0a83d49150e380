/**
 * Remembers event ids for a while so each Slack event is answered once, whichever delivery
 * (first try or retry) arrives first. Bounded in size and age.
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly maxSize = 10_000,
  ) {}

  /** True the first time an id is seen (within the TTL), false for every repeat. */
  firstTime(id: string, now = Date.now()): boolean {
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.maxSize) {
      for (const [key, time] of this.seen) {
        if (this.seen.size <= this.maxSize && now - time < this.ttlMs) break;
        this.seen.delete(key);
      }
    }
    return true;
  }
}
