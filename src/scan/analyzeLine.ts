import type { KnowledgeIndex, NameRecord } from "../index/knowledgeIndex.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import { editDistance, letterMask, maskDistanceBound } from "../text/editDistance.js";
import { coreIdentifierKey, identifierKeys } from "../text/identifier.js";
import { isNativeFamily, isWebFamily, lineFamily } from "./sdkFamily.js";
import type { Confidence, SdkFamily } from "./types.js";

/** One piece of evidence on one line. */
export interface Detection {
  readonly entry: KnowledgeEntry;
  readonly code?: number;
  readonly name?: string;
  readonly matchedText: string;
  /** Offset of the match in the line, for the evidence window. */
  readonly at: number;
  readonly confidence: Confidence;
  readonly platform: SdkFamily;
}

// Identifier-shaped runs: letters, digits and the separators SDK names use. One class repeated: linear.
const IDENTIFIER = /[A-Za-z][A-Za-z0-9_]*(?:[.:-][A-Za-z0-9_]+)*/g;

// A number right after an error word: `onError: 110`, `errorCode=109`, `{"err": 101}`, `"code":110`,
// `AgoraErrorCode(rawValue: 109)`, `error 110`, `错误码：110`. The separator run is bounded, and the
// look-ahead rejects timestamps, IPs, versions, hex and units (`10:11:09.110`, `118.190.148.38`, `110ms`).
const CODE_IN_CONTEXT =
  /(?:error_?code|error|\berr_?code|\berrno|\berr|\bcode|rawvalue|错误码|错误代码|错误|报错)[\s:=([#"'{,]{0,6}(-?\d{1,6})(?!\d|[.:]\d|[a-z_])/g;
// Native return values: `joinChannel returned -110`, `ret = -110`, `result: -110`.
const NEGATIVE_RETURN =
  /\b(?:returned|returns|return|ret|result|res)[\s:=(]{0,4}(-\d{1,4})(?!\d|[.:]\d|[a-z_])/g;

const CODE_PATTERNS = [CODE_IN_CONTEXT, NEGATIVE_RETURN] as const;

const TYPO_MIN_SIMILARITY = 0.88;

// Names too plain to prove anything in a log: apps name their own methods `requestToken`.
const GENERIC_NAME_KEYS = new Set(["requesttoken"]);

export interface LineContext {
  readonly index: KnowledgeIndex;
  readonly family: SdkFamily;
}

/** Everything one line says about token errors. `lower` is the line in lower case. */
export function analyzeLine(line: string, lower: string, context: LineContext): Detection[] {
  const { index } = context;
  // Most lines analysed hold no evidence: the line's own family is worked out only for one that does.
  let knownFamily: SdkFamily | undefined;
  const familyOf = (): SdkFamily => {
    knownFamily ??= lineFamily(line) ?? context.family;
    return knownFamily;
  };
  const detections: Detection[] = [];

  if (index.messagePattern.test(lower)) {
    for (const record of index.messages) {
      const at = lower.indexOf(record.needle);
      if (at >= 0) {
        detections.push({
          entry: record.entry,
          ...(record.message.code === undefined ? {} : { code: record.message.code }),
          matchedText: line.slice(at, at + record.needle.length),
          at,
          confidence: "high",
          platform: familyOf(),
        });
      }
    }
  }

  for (const match of nameCandidates(line, lower)) {
    const text = match[0];
    const record = lookUpName(index, text) ?? lookUpTypo(index, text);
    if (!record || GENERIC_NAME_KEYS.has(identifierKeys(record.record.name.name)[0] ?? "")) continue;
    const exact = record.exact;
    const code = record.record.name.code;
    if (code !== undefined && !codeAppliesOn(index, code, familyOf(), true)) continue;
    detections.push({
      entry: record.record.entry,
      ...(code === undefined ? {} : { code }),
      name: text,
      matchedText: text,
      at: match.index,
      confidence: exact ? (record.record.name.kind === "error" ? "high" : "medium") : "low",
      platform: familyOf(),
    });
  }

  for (const pattern of CODE_PATTERNS) {
    // exec on the shared regex, not matchAll: matchAll builds a new RegExp every call, and this runs on every line read.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
      const raw = match[1] ?? "";
      const negative = raw.startsWith("-");
      const code = Number(negative ? raw.slice(1) : raw);
      const record = index.byCode.get(code);
      if (!record) continue;
      if (negative && !record.code.platforms.includes("native")) continue;
      if (!codeAppliesOn(index, code, negative ? "native" : familyOf(), false)) continue;
      // A Web-only number (2, 118, 119, 120) needs an error word, not just "code": `{"code": 2}` is often something else.
      const errorWorded = /err|rawvalue|错误|报错/.test(match[0]);
      if (!errorWorded && pattern === CODE_IN_CONTEXT && !record.code.platforms.includes("native")) continue;
      detections.push({
        entry: record.entry,
        code,
        matchedText: line.slice(match.index, match.index + match[0].length),
        at: match.index,
        confidence: pattern === NEGATIVE_RETURN || errorWorded ? "high" : "medium",
        platform: negative && !isNativeFamily(familyOf()) ? "native" : familyOf(),
      });
    }
  }
  return detections;
}

// Every knowledge name contains one of these once lower-cased and stripped of separators; only
// identifiers holding one are looked up, which keeps the key computation off a log's ordinary words.
const NAME_WORD = /token|key|app|authori|expire|expird|tokn|dynamic|dyanmic|static|vendor|timestamp/g;
const MIN_NAME_LENGTH = 6;
const NON_ASCII = /[^\p{ASCII}]/u;

const isIdentifierChar = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95 ||
  code === 46 ||
  code === 58 ||
  code === 45;

/**
 * The identifiers of a line that hold a name word, in order: the same ones, at the same offsets,
 * as IDENTIFIER over the whole line, but the regex only runs from just before each name word. A
 * run of identifier characters starts after a character no identifier holds, so a match there
 * lines up with the whole-line matches.
 */
export function nameCandidates(line: string, lower: string): readonly RegExpExecArray[] {
  // Nearly every line read has none: no array is made for those.
  let found: RegExpExecArray[] | undefined;
  // Lower-casing maps ASCII letter for letter; anything else may change lengths or make letters, so
  // such a line takes the plain whole-line path.
  if (NON_ASCII.test(line)) {
    // matchAll starts its copy at the shared regex's lastIndex, which the fast path below moves.
    IDENTIFIER.lastIndex = 0;
    for (const match of line.matchAll(IDENTIFIER)) {
      const text = match[0];
      NAME_WORD.lastIndex = 0;
      if (text.length >= MIN_NAME_LENGTH && NAME_WORD.test(text.toLowerCase())) found = append(found, match);
    }
    return found ?? NONE;
  }
  let covered = 0;
  NAME_WORD.lastIndex = 0;
  while (NAME_WORD.test(lower)) {
    // The word's last letter: letters never straddle two identifiers, so the one holding this
    // letter holds the whole word. (test, not exec: no match object for each word.)
    const hit = NAME_WORD.lastIndex - 1;
    if (hit < covered) continue;
    let start = hit;
    while (start > covered && isIdentifierChar(line.charCodeAt(start - 1))) start--;
    IDENTIFIER.lastIndex = start;
    for (let match = IDENTIFIER.exec(line); match; match = IDENTIFIER.exec(line)) {
      const end = match.index + match[0].length;
      covered = end;
      if (end <= hit) continue;
      if (match.index <= hit && match[0].length >= MIN_NAME_LENGTH) found = append(found, match);
      break;
    }
    if (covered <= hit) covered = hit + 1;
    NAME_WORD.lastIndex = Math.max(NAME_WORD.lastIndex, covered);
  }
  return found ?? NONE;
}

const NONE: readonly RegExpExecArray[] = [];

function append<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

/**
 * Whether a code is this token error where the line comes from: 2, 118, 119 and 120 are token
 * errors only on the Web. A named Web error (`ERR_DYNAMIC_KEY_EXPIRED`) proves a Web context by
 * itself; a bare number needs the log to be a Web log.
 */
function codeAppliesOn(index: KnowledgeIndex, code: number, family: SdkFamily, named: boolean): boolean {
  const record = index.byCode.get(code);
  if (!record) return false;
  const { platforms } = record.code;
  if (platforms.includes("native") && platforms.includes("web")) return true;
  if (named) return true;
  if (platforms.includes("web")) return isWebFamily(family);
  return isNativeFamily(family);
}

function lookUpName(index: KnowledgeIndex, text: string): { record: NameRecord; exact: boolean } | undefined {
  for (const key of identifierKeys(text)) {
    const record = index.byNameKey.get(key);
    if (record) return { record, exact: true };
  }
  // `ErrorCodeType.errTokenExpired`, `client.on("token-privilege-did-expire")`: the last dotted part.
  const dot = Math.max(text.lastIndexOf("."), text.lastIndexOf(":"));
  if (dot > 0 && dot < text.length - 6) {
    const record = index.byNameKey.get(identifierKeys(text.slice(dot + 1))[0] ?? "");
    if (record) return { record, exact: true };
  }
  return undefined;
}

type TypoHit = { record: NameRecord; exact: boolean };

// A storm of one misspelt name (a log repeating it a million times) is worked out once: answers
// are kept per index for the last few thousand distinct identifiers.
const typoMemo = new WeakMap<KnowledgeIndex, Map<string, TypoHit | null>>();
const TYPO_MEMO_SIZE = 4096;
// Each core key's letter mask, so most candidates are ruled out without an edit-distance table.
const coreKeyMasks = new WeakMap<KnowledgeIndex, Int32Array>();

/** Hand-written names with a slip (`ERR_INVLID_TOKEN`): only name-shaped words, only close misses. */
function lookUpTypo(index: KnowledgeIndex, text: string): TypoHit | undefined {
  if (!/^(?:ERR_|err_|Err|AgoraErrorCode|K_)/.test(text) || text.length < 10) return undefined;
  let memo = typoMemo.get(index);
  if (!memo) {
    memo = new Map();
    typoMemo.set(index, memo);
  }
  const known = memo.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = findTypo(index, text);
  if (memo.size >= TYPO_MEMO_SIZE) memo.clear();
  memo.set(text, found ?? null);
  return found;
}

function findTypo(index: KnowledgeIndex, text: string): TypoHit | undefined {
  const key = coreIdentifierKey(text);
  const maxEdits = Math.floor(key.length * (1 - TYPO_MIN_SIMILARITY));
  if (maxEdits < 1) return undefined;
  let masks = coreKeyMasks.get(index);
  if (!masks) {
    masks = Int32Array.from(index.coreKeys, (candidate) => letterMask(candidate.key));
    coreKeyMasks.set(index, masks);
  }
  const keyMask = letterMask(key);
  for (const [position, candidate] of index.coreKeys.entries()) {
    if (Math.abs(candidate.key.length - key.length) > maxEdits) continue;
    if (maskDistanceBound(keyMask, masks[position] ?? 0) > maxEdits) continue;
    if (editDistance(key, candidate.key, maxEdits) <= maxEdits)
      return { record: candidate.record, exact: false };
  }
  return undefined;
}
