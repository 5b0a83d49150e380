import { ConfigError } from "../errors.js";
import { isLang, type Lang } from "../text/language.js";

/** `DEFAULT_LANG`: the answer language when a query gives no sign of one. */
export function readDefaultLang(env: NodeJS.ProcessEnv): Lang {
  const value = env.DEFAULT_LANG?.trim().toLowerCase();
  if (!value) return "en";
  if (isLang(value)) return value;
  throw new ConfigError([`DEFAULT_LANG must be "en" or "zh" (got "${env.DEFAULT_LANG}")`]);
}
