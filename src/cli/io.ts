import { createInterface } from "node:readline";

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_NO_MATCH = 1;
export const EXIT_USAGE = 2;
export const EXIT_KNOWLEDGE = 3;

export async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) yield line;
}

export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stdout.isTTY === true;
}

/** Narrower than this, wrapping does more harm than good. */
const MIN_WIDTH = 40;
/** When the output is not a terminal and COLUMNS is unset. */
const DEFAULT_WIDTH = 80;

/** The width output wraps to: `COLUMNS` when set (as coreutils do), else the terminal's, else 80. */
export function outputWidth(io: CliIo): number {
  const fromEnv = Number(io.env.COLUMNS?.trim() || Number.NaN);
  const columns = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : io.stdout.columns;
  return typeof columns === "number" && columns > 0 ? Math.max(columns, MIN_WIDTH) : DEFAULT_WIDTH;
}
