import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import { isLang, type Lang } from "../text/language.js";

function parseLangOption(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = value.toLowerCase();
  if (isLang(lang)) return lang;
  throw new UsageError(`--lang must be "en" or "zh" (got "${value}")`, "use --lang en or --lang zh");
}

interface OutputOptions {
  readonly lang: Lang | undefined;
  readonly json: boolean;
  readonly jsonl: boolean;
  /** Print the Slack Block Kit JSON of the answer (for Slack's Block Kit Builder). */
  readonly blocks: boolean;
  readonly help: boolean;
  /** `--quiet`/`-q` (scan): no progress line. */
  readonly quiet: boolean;
  readonly positionals: readonly string[];
}

/** A negative number (`-110`, `-2`) is an error code as native SDKs return it: a query, never a flag. */
const NEGATIVE_NUMBER = /^-\d+$/;

/**
 * The flags `lookup` and `scan` share: `--lang en|zh`, one of `--json`, `--jsonl`, `--blocks`,
 * `--help` (and scan's `--quiet`).
 */
export function parseOutputOptions(
  args: readonly string[],
  usage: string,
  accept: { readonly quiet?: boolean } = {},
): OutputOptions {
  // Negative numbers are set aside before parsing and put back in place, so the query keeps its order.
  const setAside = new Map<string, string>();
  const masked = args.map((arg, position) => {
    if (!NEGATIVE_NUMBER.test(arg)) return arg;
    const placeholder = `\u0000${position}`;
    setAside.set(placeholder, arg);
    return placeholder;
  });
  let parsed: {
    values: {
      lang?: string | undefined;
      json?: boolean | undefined;
      jsonl?: boolean | undefined;
      blocks?: boolean | undefined;
      help?: boolean | undefined;
      quiet?: string | boolean | undefined;
    };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: masked,
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: "string" },
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
        blocks: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        ...(accept.quiet ? { quiet: { type: "boolean", short: "q", default: false } as const } : {}),
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error, args, setAside), usage);
  }
  const { values } = parsed;
  const positionals = parsed.positionals.map((arg) => setAside.get(arg) ?? arg);
  const lang = values.lang === undefined ? undefined : (setAside.get(values.lang) ?? values.lang);
  const formats = [values.json && "--json", values.jsonl && "--jsonl", values.blocks && "--blocks"].filter(
    (flag): flag is string => typeof flag === "string",
  );
  if (formats.length > 1) throw new UsageError(`${formats.join(" and ")} cannot be combined`, usage);
  return {
    lang: parseLangOption(lang),
    json: values.json === true,
    jsonl: values.jsonl === true,
    blocks: values.blocks === true,
    help: values.help === true,
    quiet: values.quiet === true,
    positionals,
  };
}

/** Node's parser messages, in our words: the option as typed, and what to do about it. */
function describeParseError(
  error: unknown,
  args: readonly string[],
  setAside: ReadonlyMap<string, string>,
): string {
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^' ]*)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined) {
    const typed = args.find((arg) => arg.startsWith(option)) ?? option;
    return `unknown option "${option}"; a query that starts with "-" goes after "--": -- '${typed.replace(/'/g, "'\\''")}'`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined)
    return message.includes("missing")
      ? `option "${option}" needs a value`
      : `option "${option}" takes no value`;
  let text = message;
  for (const [placeholder, arg] of setAside) text = text.replaceAll(placeholder, arg);
  return text;
}
