import { isLang, type Lang } from "../text/language.js";
import { UsageError } from "./io.js";

export function parseLangOption(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = value.toLowerCase();
  if (isLang(lang)) return lang;
  throw new UsageError(`--lang must be "en" or "zh" (got "${value}")`, "use --lang en or --lang zh");
}
