import type { CodeSpace } from "./schema.js";

/** The id prefixes of catalogue entries (CATALOGUE_FORMAT.md), and the number list each implies. */
export const CATALOGUE_ID_PREFIXES = {
  err: "error",
  warn: "warning",
  reason: "connection-reason",
  state: "connection-state",
  renew: "renew-result",
  license: "license",
  native: "enum",
  callback: "enum",
  web: "error",
} as const satisfies Record<string, CodeSpace>;
