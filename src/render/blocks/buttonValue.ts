import { z } from "zod";
import type { Lang } from "../../text/language.js";

/**
 * What an answer button (Share, "did you mean") carries: enough to rebuild the same answer.
 * `q` is the query, or `entry:<id>` for a suggested entry; `l` the answer's language.
 */
const answerButtonValueSchema = z.object({ q: z.string(), l: z.enum(["en", "zh"]) });
export type AnswerButtonValue = { q: string; l: Lang };

/** Slack caps a button value at 2,000 characters; the query is cut well inside that. */
const MAX_QUERY_CHARS = 1500;

export function encodeButtonValue(value: AnswerButtonValue): string {
  return JSON.stringify({ q: value.q.slice(0, MAX_QUERY_CHARS), l: value.l });
}

/** Button values come back from the client: anything that is not a value we wrote is undefined. */
export function decodeButtonValue(text: string | undefined): AnswerButtonValue | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = answerButtonValueSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
