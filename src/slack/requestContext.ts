import { AsyncLocalStorage } from "node:async_hooks";

/** The request whose handling is under way, carried through its callbacks and promises. */
const currentRequest = new AsyncLocalStorage<string>();

/** Runs `work` as the handling of the request `description` (method and path, never the body). */
export function withinRequest<T>(description: string, work: () => T): T {
  return currentRequest.run(description, work);
}

/**
 * Process-wide handlers: an error nothing else caught is logged with the request it came from, and
 * the bot keeps serving everyone else. Node would otherwise end the process on the first one.
 */
export function keepRunningOnUnexpectedErrors(log: (line: string) => void = console.error): void {
  const report = (kind: string) => (error: unknown) => {
    const request = currentRequest.getStore();
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`agora-bot: ${kind}${request ? ` while handling ${request}` : ""} (kept running): ${detail}`);
  };
  process.on("unhandledRejection", report("unhandled rejection"));
  process.on("uncaughtException", report("unexpected error"));
}
