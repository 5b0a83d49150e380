/**
 * The words lookup and scan share: how people and SDKs mark a number as an error code, the
 * words that put a phrase in another product, and the typo thresholds for names. One list each,
 * read by the matcher (src/match) and the scanner (src/scan) alike.
 */

/** Words around a number that make it an error code rather than a count or a time. */
export const CODE_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  "error",
  "err",
  "errno",
  "code",
  "errorcode",
  "error_code",
  "errcode",
  "err_code",
  "onerror",
  "warning",
  "warn",
  "onwarning",
  "reason",
  "错误码",
  "错误",
  "错误代码",
  "报错",
  "报错码",
  "异常码",
  "返回",
  "返回值",
]);

/**
 * The same words as a pattern for a lower-cased log line, each allowed to end an identifier
 * (`onError`, `errorCode`, `rawValue`). `warn` words are kept apart: a warning code counts only
 * where the log says warning.
 */
export const ERROR_WORD_SOURCE =
  "error[\\s_]?code|error|exception|\\berr[\\s_]?code|\\berrno|\\berr|\\bcode|rawvalue|错误码|错误代码|错误|报错码|报错|异常码|异常";
export const WARNING_WORD_SOURCE = "warning[\\s_]?code|warning|\\bwarn";

/** The nouns people put right after a code, even glued to it: `110 error`, `110code`, `报110错误`. */
export const CODE_NOUN_SOURCE = "error|err\\b|errors|code|错误|报错|异常";
/**
 * What every one of those nouns holds: a line without any of these cannot have a code before a
 * noun, and that pattern, which starts at every digit, is left unrun there.
 */
export const CODE_NOUN_HINT = /err|code|错误|报错|异常/;

/**
 * What may stand between `code` and its number in a log (`code: 110`, `"code":-110`, `code=(110`),
 * at most CODE_SEPARATORS_MAX of them: the scanner's line gate and its check of a `code` hit read the same.
 */
export const CODE_SEPARATORS = " \t:=([#\"'{,-";
export const CODE_SEPARATORS_MAX = 8;

/** Verbs people put before a code in prose: `got 110`, `报110`, `returns -2`. */
export const CODE_VERB_SOURCE =
  "\\bgot|\\bgets?|\\bgetting|\\breceived?|\\bthrows?|\\bthrew|报|返回|出现|收到|遇到";

/**
 * Words that may follow a code a verb introduced (`got 110 when joining`): a noun there makes the
 * number a count (`got 110 users`).
 */
export const CODE_FOLLOWERS: ReadonlySet<string> = new Set(
  "error errors err code when while on after from in at and but for if every each with during trying again too as".split(
    " ",
  ),
);

/** Products other than RTC whose tokens and errors read like RTC's: a phrase right after one is theirs. */
export const OTHER_PRODUCT_WORDS =
  /\b(?:rtm|signal(?:l)?ing|cdn|rtmp|chat|im)\b|\brtm(?=token|client|sdk|kit|channel|login|message|_)|信令|推流|旁路|云信/;

/**
 * Words that make the error word right after them the operating system's (`last system error: 2`,
 * `socket error 110`, Linux's ETIMEDOUT): its number is an errno, not an Agora code.
 */
export const OS_ERROR_BEFORE = /\b(?:system|os|socket|posix|win32|linux|errno)[\s_-]*$/;

/** Agora services answered over HTTP (REST API, Cloud Recording): their `invalid_appid` is theirs. */
export const OTHER_SERVICE_WORDS =
  /\brest(?:ful)?\b|recording|录制|\bacquire\b|\/v\d\/|customer (?:id|key|secret)|\bhttp\b/;

/** What ends a clause: words on either side of one are not one phrase. */
export const SENTENCE_BREAK = /[.;!?,:。；！？，：\n]/;

/**
 * What a phrase must be about to name an error from a line by itself: "invalid token" does,
 * "not authorized" (a web page, a REST call) does not.
 */
export const PHRASE_SUBJECTS: ReadonlySet<string> = new Set(["token", "appid", "key"]);

/**
 * What a phrase must say went wrong to name an error from a line by itself: "invalid token"
 * does, "null token" or "token error" (a description, a heading) does not.
 */
export const FAULT_TERMS: ReadonlySet<string> = new Set(
  "invalid valid wrong bad incorrect rejected expired expire expires mismatch match unauthorized authorized 无效 过期 错误 不对 不正确 不合法 失效 校验失败 验证失败 鉴权失败 不匹配 找不到".split(
    " ",
  ),
);

/** Similarity a name written with a slip needs to count as that name (`ERR_INVLID_TOKEN`). */
export const NAME_TYPO_SIMILARITY = 0.84;
/** Below a match, a query this similar to a name is offered as "did you mean". */
export const NAME_SUGGEST_SIMILARITY = 0.6;
/** How close a slip must be to a catalogue name to offer it: a thousand names leave many near neighbours. */
export const CATALOGUE_SUGGEST_SIMILARITY = 0.75;

/**
 * Words that put a line in front of the scanner: how logs say error or warning, what token
 * problems are about, and the connection-state callback. A knowledge name holding none of them
 * adds a word of its own (see buildKnowledgeIndex), so every name keeps a way in.
 */
export const LINE_WORDS: readonly string[] = [
  "err",
  "warn",
  "exception",
  "code",
  "rawvalue",
  "return",
  "token",
  "key",
  "appid",
  "connectionstate",
  "connection-state",
  "connection_state",
  "connectionchanged",
  "connection_changed",
  "错误",
  "报错",
  "异常",
];

/**
 * Words every SDK wraps its names in (`ERR_`, `AgoraErrorCode`, `ConnectionChangedReasonType`):
 * they tell names apart from nothing, so a name's anchor word is never one of them.
 */
export const NAMESPACE_WORDS: ReadonlySet<string> = new Set(
  "err error errors warn warning code codes type agora rtc engine connection changed reason state ok kit".split(
    " ",
  ),
);

/**
 * Words after a number that make it a count, a size or a duration rather than a code
 * (`109 minutes`, `2 users`, `30 秒`): a number leading a question is a code unless one follows.
 * Chinese entries are prefixes of the characters after the number (measure words and units).
 */
export const COUNT_WORDS: ReadonlySet<string> = new Set(
  "ms msec millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks month months year years times attempts retries user users people persons person participants participant members member viewers audience hosts host streams stream channels rooms devices phones clients calls frames fps kb kbps mb mbps gb bytes px p k x percent pct of out more less than".split(
    " ",
  ),
);
export const COUNT_PREFIXES: readonly string[] =
  "个 人 位 名 分钟 分 秒 毫秒 小时 天 日 周 月 年 次 遍 台 部 路 帧 条 张 多 兆 岁 号 元 块 万 千 百".split(
    " ",
  );

/** Words before a number that make it an identity, not a code (`uid 110`, `port 110`, `room 109`). */
export const IDENTITY_WORDS: ReadonlySet<string> = new Set(
  "uid uids user userid port room roomid channel line version v ver id pid tid thread build 用户 端口 房间 频道 行 版本".split(
    " ",
  ),
);

/**
 * More verbs people put before a code than CODE_VERB_SOURCE holds (`joinChannel returned 110`,
 * `it shows 109`, `I'm facing 110`, `我遇到了 110`); lookup reads them in questions.
 */
export const MORE_CODE_VERBS: ReadonlySet<string> = new Set(
  "return returns returned returning show shows showed showing report reports reported reporting give gives gave giving fire fires fired trigger triggers triggered hit hits hitting see seeing saw receiving throwing face faces facing faced encounter encounters encountering encountered experiencing raise raises raised emit emits emitted print prints printed log logs logged 收到 提示 显示 遇到 碰到 出 抛出 返".split(
    " ",
  ),
);

/**
 * Callbacks and enums whose numbers are their own lists of states and reasons
 * (`onLocalVideoStateChanged state 3 error 3`, `LocalVideoStreamError`), never error codes: a
 * number beside an error word on such a line is that list's.
 */
export const MEDIA_STATE_WORDS =
  /(?:local|remote)[-_ ]?(?:video|audio)[-_ ]?(?:stream[-_ ]?)?(?:state|error|reason)/;

/** What says a text is about an HTTP exchange, where 200–599 are statuses, not Agora codes. */
export const HTTP_WORDS = /https?\b|status|server|request|response|fetch|axios|xhr|\bapi\b|\burl\b|\brest\b/i;

export function isHttpStatus(code: number): boolean {
  return code >= 200 && code < 600;
}
