import { closestName } from "../index/closestName.js";
import type { KnowledgeIndex, NameRecord } from "../index/knowledgeIndex.js";
import { findMessage } from "../index/messages.js";
import { findTokenName } from "../index/nameLookup.js";
import {
  CODE_FOLLOWERS,
  CODE_NOUN_HINT,
  CODE_NOUN_SOURCE,
  CODE_VERB_SOURCE,
  ERROR_WORD_SOURCE,
  HTTP_WORDS,
  isHttpStatus,
  MEDIA_STATE_WORDS,
  NAME_TYPO_SIMILARITY,
  OS_ERROR_BEFORE,
  OTHER_PRODUCT_WORDS,
  OTHER_SERVICE_WORDS,
  WARNING_WORD_SOURCE,
} from "../index/vocabulary.js";
import { familyOfPlatform } from "../knowledge/platformLabels.js";
import type { KnowledgeEntry, NamePlatform } from "../knowledge/schema.js";
import { coreIdentifierKey, identifierKey, identifierKeys } from "../text/identifier.js";
import { findClosePhrases } from "./closePhrases.js";
import {
  lookUpCatalogueCode,
  lookUpCatalogueName,
  lookUpCatalogueTypo,
  platformFamilyOf,
  spacesFor,
  writtenAsName,
} from "./otherErrors.js";
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

// Every pattern below reads a lower-cased line; each separator run is bounded, and the look-ahead
// rejects timestamps, IPs, versions, hex and units (`10:11:09.110`, `118.190.148.38`, `110ms`).
// A number right after an error word: `onError: 110`, `errorCode=109`, `{"err": 101}`, `"code":110`,
// `AgoraErrorCode(rawValue: 109)`, `error 110`, `错误码：110` (full-width colon folded first).
const CODE_IN_CONTEXT = new RegExp(
  `(?:${ERROR_WORD_SOURCE})(?:\\s*(?:callback|回调))?(?:\\s+(?:is|was|of|returns|returned|gives|gave|shows|showed|为|是))?[\\s:=([#"'{,\`]{0,6}(-?\\d{1,7})(?!\\d|[.:]\\d|[a-z_])`,
  "g",
);
// A number right before an error word, as people write it: `110 error`, `` `110` error ``, `110code`.
const CODE_BEFORE_WORD = new RegExp(
  `(?<![\\w.:/#-])(-?\\d{1,6})(?![\\d.:])[\\s\`'")\\]]{0,3}(?:${CODE_NOUN_SOURCE})`,
  "g",
);
// A code leading a line, documentation style, with an error word in what follows:
// `1009: An error occurs when …`, `- 17 — the join is rejected with an error`.
const CODE_LEADS_LINE =
  /^\s*(?:[-*>•]\s*)?`?(-?\d{1,7})`?\s*(?:[:：]|\s[-–—])\s+(?=[^\d\s]).*(?:error|fail|错误|失败|报错)/g;
// A number after a verb, in prose: `got 110`, `报110`; what follows decides (see CODE_FOLLOWERS).
const CODE_AFTER_VERB = new RegExp(
  `(?:${CODE_VERB_SOURCE})[\\s\`'":=]{0,4}(?:(?:an?|the)\\s+)?(-?\\d{1,6})(?!\\d|[.:]\\d|[a-z_])`,
  "g",
);
// A number with its meaning in brackets: `109(expired)`, `110 (invalid token)`.
const CODE_WITH_MEANING = /(?<![\w.:/#-])(\d{1,6})\s?\(([a-z][a-z ]{2,30})\)/g;
// Native return values: `joinChannel returned -110`, `ret = -110`, `result: -110`.
const NEGATIVE_RETURN =
  /\b(?:returned|returns|return|ret|result|res)[\s:=(]{0,4}(-\d{1,4})(?!\d|[.:]\d|[a-z_])/g;
// The same said the other way round: `-7 returned`, `-17 is returned from joinChannel`.
const NEGATIVE_BEFORE_RETURN = /(?<![\w.:/#-])(-\d{1,4})\s+(?:(?:is|was|be|being|gets|got)\s+)?returned\b/g;
// In a post, a native return value quoted on its own (`joinChannel fails, -102`), after a space,
// a comma or a bracket: three digits or more (`-2` reads like a date or a time zone), not a
// measure (`-110 dBm`, `-120px`, `rssi -110`, `signalStrength=-109`).
const QUOTED_NEGATIVE = /(?<![^\s,(])-([1-9]\d{2,3})(?![\d.:]|\s?(?:dbm?|ms|px|hz|khz|kb|mb|%|°))/g;
// Words a few characters before a negative number that make it a measure, not a return value.
const MEASURE_BEFORE = /rssi|signal|strength|volume|gain|offset|power|noise|temperature|\blat|\blng|\blon/;
// A connection-state callback or event, whose `reason` number is a connection reason.
// The words every platform's connection-state callback holds (`onConnectionStateChanged`,
// `connectionChangedTo`, `connection-state-change`).
const CONNECTION_STATE = /connection[-_]?(?:state|changed)/;
const REASON_NUMBER = /reason[^\d\n]{0,12}?(\d{1,2})(?!\d)/g;

// A number after a warning word (`onWarning: 104`): only a warning code, and only there.
const WARNING_CODE = new RegExp(
  `(?:${WARNING_WORD_SOURCE})[\\s:=([#"'{,]{0,6}(-?\\d{1,6})(?!\\d|[.:]\\d|[a-z_])`,
  "g",
);

// Verbs before a code and return values quoted alone are how people write, not how SDKs log: a
// log's lines, read by the thousand, are spared those patterns.
const PROSE_ONLY: ReadonlySet<RegExp> = new Set([NEGATIVE_BEFORE_RETURN, CODE_AFTER_VERB, QUOTED_NEGATIVE]);
const PROSE_CODE_PATTERNS = [
  CODE_IN_CONTEXT,
  WARNING_CODE,
  NEGATIVE_RETURN,
  NEGATIVE_BEFORE_RETURN,
  CODE_BEFORE_WORD,
  CODE_AFTER_VERB,
  CODE_WITH_MEANING,
  CODE_LEADS_LINE,
  QUOTED_NEGATIVE,
] as const;
const LOG_CODE_PATTERNS = PROSE_CODE_PATTERNS.filter((pattern) => !PROSE_ONLY.has(pattern));
const ERROR_WORDED = /err|exception|rawvalue|错误|报错|异常/;

// Names too plain to prove anything in a log: apps name their own methods `requestToken`.
const GENERIC_NAME_KEYS = new Set(["requesttoken"]);

/**
 * What reading a line learnt besides its detections. `readsNumbers`: the value of a digit on the
 * line decided something (a number in an error context was looked up, or an identifier holding
 * digits was compared with names); a line with no detection and no such read says nothing
 * whatever its digits are (see quietLines).
 */
export interface LineReading {
  readsNumbers: boolean;
}

export interface LineContext {
  readonly index: KnowledgeIndex;
  readonly family: SdkFamily;
  /** A short text read whole (a post, a question): prose habits (`got 110`, names written as words) are read too. */
  readonly prose?: boolean;
}

/**
 * Everything one line says about token errors. `lower` is the line in lower case; `ascii`, when
 * the caller knows it, says whether the line is plain ASCII (the check is then not made again).
 */
export function analyzeLine(
  line: string,
  lower: string,
  context: LineContext,
  ascii: boolean = !NON_ASCII.test(line),
  reading?: LineReading,
): Detection[] {
  const { index } = context;
  // Most lines analysed hold no evidence: the line's own family is worked out only for one that does.
  let knownFamily: SdkFamily | undefined;
  const familyOf = (): SdkFamily => {
    knownFamily ??= lineFamily(line) ?? context.family;
    return knownFamily;
  };
  const detections: Detection[] = [];
  const messageSpans: [number, number, string][] = [];

  if (index.messagePattern.test(lower) || (!ascii && index.messagePatternNonAscii.test(lower))) {
    // Longest first: a message inside a longer one (`dynamic key expired` inside
    // `TOKEN_EXPIRE: dynamic key expired`) is that longer message's, and names inside it too.
    // The same message of two entries (each with its own number) is both of theirs.
    const covered: [number, number, string][] = [];
    for (const record of index.messagesLongestFirst) {
      const span = findMessage(record, lower);
      if (span === undefined) continue;
      const [at, end] = span;
      if (covered.some(([start, stop, needle]) => at >= start && end <= stop && needle !== record.needle))
        continue;
      if (!messageAppliesOn(record.message.platform, familyOf())) continue;
      covered.push([at, end, record.needle]);
      messageSpans.push([at, end, record.entry.id]);
      detections.push({
        entry: record.entry,
        ...(record.message.code === undefined ? {} : { code: record.message.code }),
        matchedText: line.slice(at, end),
        at,
        confidence: "high",
        platform: familyOf(),
      });
    }
  }

  for (const match of nameCandidates(line, lower, index.nameWords, ascii)) {
    const text = match[0];
    const identifier = identifierVerdict(index, text);
    if (identifier.readsDigits && reading) reading.readsNumbers = true;
    // `invalid_appid` on a line about a REST call or Cloud Recording is that service's answer, not the SDK's.
    const restAnswer = identifier.restStyle && OTHER_SERVICE_WORDS.test(lower);
    const record = restAnswer ? undefined : identifier.record;
    if (!record) {
      // Most identifiers a log line holds (`Agora-SDK`, `renewToken`) are not written as names:
      // no context is cut out for them.
      if (!identifier.writtenAsName) continue;
      const before = lower.slice(Math.max(0, match.index - 24), match.index);
      const other =
        lookUpCatalogueName(index, text, before, lower, familyOf()) ??
        lookUpCatalogueTypo(index, text, before, lower);
      if (other) {
        detections.push({
          entry: other.entry,
          ...(other.name.code === undefined ? {} : { code: other.name.code }),
          name: text,
          matchedText: text,
          at: match.index,
          confidence: "high",
          platform: familyOf(),
        });
      }
      continue;
    }
    if (GENERIC_NAME_KEYS.has(identifierKeys(record.record.name.name)[0] ?? "")) continue;
    const inMessage = messageSpans.find(([start, end]) => match.index >= start && match.index < end);
    if (inMessage && inMessage[2] !== record.record.entry.id) continue;
    const exact = record.exact;
    const code = record.record.name.code;
    if (code !== undefined && index.byCode.has(code) && !codeAppliesOn(index, code, familyOf(), true))
      continue;
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

  // A media state callback's numbers are its own states and reasons, not error codes.
  const mediaState = (lower.includes("local") || lower.includes("remote")) && MEDIA_STATE_WORDS.test(lower);
  const bracket = hasMeaningBracket(lower);
  const nounHint = CODE_NOUN_HINT.test(lower);
  const codePatterns = mediaState ? [] : context.prose === true ? PROSE_CODE_PATTERNS : LOG_CODE_PATTERNS;
  for (const pattern of codePatterns) {
    if (pattern === CODE_WITH_MEANING && !bracket) continue;
    if (pattern === CODE_BEFORE_WORD && !nounHint) continue;
    if (pattern === NEGATIVE_BEFORE_RETURN && !lower.includes("returned")) continue;
    // exec on the shared regex, not matchAll: matchAll builds a new RegExp every call, and this runs on every line read.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
      if (reading) reading.readsNumbers = true;
      const raw = pattern === QUOTED_NEGATIVE ? `-${match[1] ?? ""}` : (match[1] ?? "");
      const negative = raw.startsWith("-");
      const code = Number(negative ? raw.slice(1) : raw);
      if (
        pattern === QUOTED_NEGATIVE &&
        (!index.returnedCodes.has(code) ||
          MEASURE_BEFORE.test(lower.slice(Math.max(0, match.index - 24), match.index)))
      )
        continue;
      if (pattern === CODE_AFTER_VERB && !followedByFunctionWord(lower, match.index + match[0].length))
        continue;
      // `CaptureInBackground = 6) error code`: the value of a name, not an error code.
      if (
        pattern === CODE_BEFORE_WORD &&
        /[a-z_]\s*=\s*$/.test(lower.slice(Math.max(0, match.index - 4), match.index))
      )
        continue;
      if (OTHER_PRODUCT_WORDS.test(lower.slice(Math.max(0, match.index - 24), match.index))) continue;
      if (
        pattern === CODE_IN_CONTEXT &&
        OS_ERROR_BEFORE.test(lower.slice(Math.max(0, match.index - 12), match.index))
      )
        continue;
      const warning = pattern === WARNING_CODE;
      // A number needs an error word, not just "code", to be anything but a token code: `{"code": 200}` is HTTP.
      // An exception event prints its code apart from the word: `client exception, code 1001`.
      // A negative number is a return value, never an HTTP status.
      const errorWorded =
        pattern !== CODE_IN_CONTEXT ||
        negative ||
        ERROR_WORDED.test(match[0]) ||
        lower.slice(Math.max(0, match.index - 24), match.index).includes("exception");
      const record = warning ? undefined : index.byCode.get(code);
      const platform = negative ? "native" : familyOf();
      const tokenError =
        record !== undefined &&
        (!negative || record.code.platforms.includes("native")) &&
        codeAppliesOn(index, code, platform, false) &&
        (errorWorded || record.code.platforms.includes("native")) &&
        (pattern !== CODE_WITH_MEANING || nameSays(record.entry, match[2] ?? ""));
      if (!record || !tokenError) {
        // After a verb, a small number is a code of the catalogue only when negative (`got -17`; `got 17
        // users` is a count), and so is one that reads as an HTTP status (`got 404 when fetching`);
        // the rest of three digits and more are codes (`报 1012`, `received 1009 after …`).
        if (!errorWorded || (pattern === CODE_AFTER_VERB && !negative && (code < 100 || isHttpStatus(code))))
          continue;
        // `error 404` beside a server, a request or HTTP is the server's answer.
        if (!negative && isHttpStatus(code) && HTTP_WORDS.test(lower)) continue;
        const other = lookUpCatalogueCode(index, code, spacesFor(warning, lower), platform);
        if (!other || (pattern === CODE_WITH_MEANING && !nameSays(other.entry, match[2] ?? ""))) continue;
        detections.push({
          entry: other.entry,
          code,
          matchedText: line.slice(match.index, match.index + match[0].length),
          at: match.index,
          confidence: "high",
          platform,
        });
        continue;
      }
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

  if (CONNECTION_STATE.test(lower)) {
    REASON_NUMBER.lastIndex = 0;
    for (let match = REASON_NUMBER.exec(lower); match; match = REASON_NUMBER.exec(lower)) {
      if (reading) reading.readsNumbers = true;
      const record = index.byReason.get(Number(match[1]));
      if (!record) continue;
      detections.push({
        entry: record.entry,
        code: Number(match[1]),
        name: record.name.name,
        matchedText: line.slice(match.index, match.index + match[0].length),
        at: match.index,
        confidence: "high",
        platform: familyOf(),
      });
    }
  }

  // An SDK message on the line says it exactly; its words are not read again as a phrase.
  // A long name written as words (`token privilege will expire`, `On-Token-Privilege-Will-Expire`).
  if (context.prose === true && PHRASE_SUBJECT.test(lower) && index.spacedNamePattern.test(lower)) {
    for (const spaced of index.spacedNames) {
      const match = spaced.pattern.exec(lower);
      if (!match || detections.some((detection) => detection.entry === spaced.record.entry)) continue;
      if (messageSpans.some(([start, end]) => match.index >= start && match.index < end)) continue;
      detections.push({
        entry: spaced.record.entry,
        name: spaced.record.name.name,
        matchedText: line.slice(match.index, match.index + match[0].length),
        at: match.index,
        confidence: "medium",
        platform: familyOf(),
      });
    }
  }

  // A phrase beside another error's code or name explains that error ("-102 means: invalid token
  // or …"): it is read only on a line where nothing else names an entry.
  const namedElsewhere = detections.length > 0;
  if (
    !namedElsewhere &&
    messageSpans.length === 0 &&
    PHRASE_SUBJECT.test(lower) &&
    index.linePhraseGate.test(lower)
  ) {
    for (const hit of findClosePhrases(index, line)) {
      const at = Math.max(0, lower.indexOf(hit.text.split(" ")[0] ?? ""));
      detections.push({
        entry: hit.record.entry,
        matchedText: line.slice(at, at + hit.text.length),
        at,
        confidence: "medium",
        platform: familyOf(),
      });
    }
  }
  return detections;
}

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
const ONE_SPACE = /^\s$/;

/**
 * Whether a `(` follows a digit (or a digit and one space) and opens on a letter, as every match
 * of CODE_WITH_MEANING does: most brackets in a log (`(123 ms)`, `(_:didOccurError:)`) do not,
 * and that pattern, which starts at every digit, is left unrun on their lines.
 */
function hasMeaningBracket(lower: string): boolean {
  for (let at = lower.indexOf("("); at >= 0; at = lower.indexOf("(", at + 1)) {
    const next = lower.charCodeAt(at + 1);
    if (next < 97 || next > 122) continue;
    if (isAsciiDigit(lower.charCodeAt(at - 1))) return true;
    if (ONE_SPACE.test(lower.charAt(at - 1)) && isAsciiDigit(lower.charCodeAt(at - 2))) return true;
  }
  return false;
}

const MIN_NAME_LENGTH = 6;
export const NON_ASCII = /[^\p{ASCII}]/u;

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
export function nameCandidates(
  line: string,
  lower: string,
  nameWords: RegExp,
  ascii: boolean = !NON_ASCII.test(line),
): readonly RegExpExecArray[] {
  const NAME_WORD = nameWords;
  // Nearly every line read has none: no array is made for those.
  let found: RegExpExecArray[] | undefined;
  // Lower-casing maps ASCII letter for letter; anything else may change lengths or make letters, so
  // such a line takes the plain whole-line path.
  if (!ascii) {
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
/**
 * Whether a message can be what a line shows: a browser's message is no finding in a native
 * log (`Permission denied` from Android's file system), nor a native SDK's in a Web log.
 */
function messageAppliesOn(platform: NamePlatform, family: SdkFamily): boolean {
  const own = platformFamilyOf(family);
  return own === undefined || own === familyOfPlatform(platform);
}

function codeAppliesOn(index: KnowledgeIndex, code: number, family: SdkFamily, named: boolean): boolean {
  const record = index.byCode.get(code);
  if (!record) return false;
  const { platforms } = record.code;
  if (platforms.includes("native") && platforms.includes("web")) return true;
  if (named) return true;
  if (platforms.includes("web")) return isWebFamily(family);
  return isNativeFamily(family);
}

type NameHit = { record: NameRecord; exact: true };

/** What an identifier's text alone says, worked out once per distinct identifier (see identifierMemo). */
interface IdentifierVerdict {
  /** Written like a REST answer (`invalid_appid`): not a name on a line about another service. */
  readonly restStyle: boolean;
  /** The name it is, exactly or with a slip. */
  readonly record: NameHit | TypoHit | undefined;
  /** Written the way an SDK writes a name (see writtenAsName): only such a one is read as a catalogue name. */
  readonly writtenAsName: boolean;
  /** Holds digits whose values could change what it names (see LineReading). */
  readonly readsDigits: boolean;
}

// A log names the same few identifiers on line after line (`Agora-SDK`, `request`, `channel`), and
// a storm of one misspelt name repeats it a million times: what an identifier's text says is
// worked out once per index, for the last few thousand distinct ones (the keys' normal form and
// the typo search are the costly parts).
const identifierMemo = new WeakMap<KnowledgeIndex, Map<string, IdentifierVerdict>>();
const IDENTIFIER_MEMO_SIZE = 4096;
let lastMemo: { index: KnowledgeIndex; memo: Map<string, IdentifierVerdict> } | undefined;

function identifierVerdict(index: KnowledgeIndex, text: string): IdentifierVerdict {
  if (lastMemo?.index !== index) {
    let memo = identifierMemo.get(index);
    if (!memo) {
      memo = new Map();
      identifierMemo.set(index, memo);
    }
    lastMemo = { index, memo };
  }
  const { memo } = lastMemo;
  const known = memo.get(text);
  if (known) return known;
  const record = findName(index, text) ?? lookUpTypo(index, text);
  const asName = writtenAsName(text);
  const verdict: IdentifierVerdict = {
    restStyle: REST_STYLE.test(text),
    record,
    writtenAsName: asName,
    readsDigits:
      DIGIT.test(text) && (record !== undefined || asName || typoShaped(text) || nearDigitName(index, text)),
  };
  if (memo.size >= IDENTIFIER_MEMO_SIZE) memo.clear();
  memo.set(text, verdict);
  return verdict;
}

function findName(index: KnowledgeIndex, text: string): NameHit | undefined {
  const record = findTokenName(index, text);
  return record ? { record, exact: true } : undefined;
}

const REST_STYLE = /^[a-z0-9]+(?:_[a-z0-9]+)+$/;
const PHRASE_SUBJECT = /token|app ?id|app_id|key|令牌/;

/** Whether the word after a number a verb introduced leaves it a code (`got 110 when`, not `got 110 users`). */
function followedByFunctionWord(lower: string, from: number): boolean {
  const rest = lower.slice(from, from + 24);
  const word = /^[\s`'"]*([a-z]+)/.exec(rest);
  if (!word) return !/^\s*[\w\u3400-\u9fff]/.test(rest) || /^\s*(?:错误|报错|错)/.test(rest);
  return CODE_FOLLOWERS.has(word[1] ?? "");
}

/** Whether words in brackets after a number say what its entry's names say (`109(expired)`). */
function nameSays(entry: KnowledgeEntry, words: string): boolean {
  const key = words.replace(/[^a-z]/g, "");
  return (
    key.length >= 4 &&
    entry.names.some((name) => identifierKeys(name.name).some((nameKey) => nameKey.includes(key)))
  );
}

type TypoHit = { record: NameRecord; exact: boolean };

// Error names and callback names as people write them with a slip (`onTokenPrivilegWillExpire`, `ERR_INVLID_TOKEN`).
const TYPO_SHAPE = /^(?:ERR_|err_|Err|AgoraErrorCode|K_|[Oo]n[A-Z]|[Tt]oken[A-Z_-])/;
const typoShaped = (text: string) => text.length >= 10 && TYPO_SHAPE.test(text);
const DIGIT = /[0-9]/;

/** Hand-written names with a slip (`ERR_INVLID_TOKEN`): only name-shaped words, only close misses. */
function lookUpTypo(index: KnowledgeIndex, text: string): TypoHit | undefined {
  return typoShaped(text) ? findTypo(index, text) : undefined;
}

/**
 * Whether an identifier with other digits could hold a name that has digits (`GATEWAY_P2P_LOST`):
 * its key, digits as zeros, holds such a name's key so written.
 */
function nearDigitName(index: KnowledgeIndex, text: string): boolean {
  const shape = zeroDigits(identifierKey(text));
  return digitNameShapes(index).some((key) => shape.includes(key));
}

const zeroDigits = (text: string) => text.replace(/[0-9]/g, "0");
const digitNameShapesByIndex = new WeakMap<KnowledgeIndex, readonly string[]>();

function digitNameShapes(index: KnowledgeIndex): readonly string[] {
  let shapes = digitNameShapesByIndex.get(index);
  if (!shapes) {
    const keys = new Set([...index.nameRecords.keys(), ...index.byNameKey.keys()]);
    shapes = [...keys].filter((key) => DIGIT.test(key)).map(zeroDigits);
    digitNameShapesByIndex.set(index, shapes);
  }
  return shapes;
}

function findTypo(index: KnowledgeIndex, text: string): TypoHit | undefined {
  const close = closestName(index.tokenNameKeys, coreIdentifierKey(text), NAME_TYPO_SIMILARITY);
  return close ? { record: close.record, exact: false } : undefined;
}
