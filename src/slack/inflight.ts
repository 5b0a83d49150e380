/** Tracks replies in progress so a shutdown can wait for them, and refuses new work once draining. */
export class InflightWork {
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  get draining(): boolean {
    return this.closing;
  }

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Stops taking work and waits for what is running, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    this.closing = true;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.allSettled([...this.running]), deadline]);
  }
}
