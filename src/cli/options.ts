import { parseArgs } from "node:util";
import { isLang, type Lang } from "../text/language.js";
import { UsageError } from "./io.js";

export function parseLangOption(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = value.toLowerCase();
  if (isLang(lang)) return lang;
  throw new UsageError(`--lang must be "en" or "zh" (got "${value}")`, "use --lang en or --lang zh");
}

export interface OutputOptions {
  readonly lang: Lang | undefined;
  readonly json: boolean;
  readonly jsonl: boolean;
  /** `--quiet`/`-q` (scan): no progress line. */
  readonly quiet: boolean;
  readonly positionals: readonly string[];
}

/** The flags `lookup` and `scan` share: `--lang en|zh`, and `--json` or `--jsonl` (and scan's `--quiet`). */
export function parseOutputOptions(
  args: readonly string[],
  usage: string,
  accept: { readonly quiet?: boolean } = {},
): OutputOptions {
  let parsed: {
    values: {
      lang?: string | undefined;
      json?: boolean | undefined;
      jsonl?: boolean | undefined;
      quiet?: string | boolean | undefined;
    };
    positionals: string[];
  };
  // A negative code (`lookup -2`, a native return value) is a query, not a flag.
  const NEGATIVE = /^-\d+$/;
  const placeholder = (index: number) => `\u0000${index}`;
  try {
    parsed = parseArgs({
      args: args.map((arg, index) => (NEGATIVE.test(arg) ? placeholder(index) : arg)),
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: "string" },
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
        ...(accept.quiet ? { quiet: { type: "boolean", short: "q", default: false } as const } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
  const { values } = parsed;
  const positionals = parsed.positionals.map((text) =>
    text.startsWith("\u0000") ? (args[Number(text.slice(1))] ?? text) : text,
  );
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl cannot be combined", usage);
  return {
    lang: parseLangOption(values.lang),
    json: values.json === true,
    jsonl: values.jsonl === true,
    quiet: values.quiet === true,
    positionals,
  };
}
