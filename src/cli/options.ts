import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import { isLang, type Lang } from "../text/language.js";

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
  readonly positionals: readonly string[];
}

/** The flags `lookup` and `scan` share: `--lang en|zh`, and `--json` or `--jsonl`. */
export function parseOutputOptions(args: readonly string[], usage: string): OutputOptions {
  let parsed: {
    values: { lang?: string | undefined; json?: boolean | undefined; jsonl?: boolean | undefined };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: "string" },
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
  const { values, positionals } = parsed;
  if (values.json && values.jsonl) throw new UsageError("--json and --jsonl cannot be combined", usage);
  return {
    lang: parseLangOption(values.lang),
    json: values.json === true,
    jsonl: values.jsonl === true,
    positionals,
  };
}
