import { NAME_PLATFORM_LABELS } from "../knowledge/platformLabels.js";
import type { NamePlatform, ReportedAs } from "../knowledge/schema.js";
import type { Confidence, SdkFamily } from "../scan/types.js";
import type { Lang } from "../text/language.js";

const MB = 1024 * 1024;

/** A size as people read it: MB from a megabyte, KB from a kilobyte, else bytes. */
function bytes(count: number, lang: Lang): string {
  if (count >= MB) return `${Math.round((count / MB) * 10) / 10} MB`;
  if (count >= 1024) return `${Math.round(count / 1024)} KB`;
  return `${count} ${lang === "zh" ? "字节" : "bytes"}`;
}

/** SDK names are the same in every language; only "not recognised" is said in each. */
const SDK_FAMILY_NAMES = {
  "web-3x": "Web SDK 3.x",
  "web-4x": "Web SDK 4.x",
  web: "Web SDK",
  android: "Android",
  ios: "iOS / macOS",
  flutter: "Flutter",
  "react-native": "React Native",
  unity: "Unity",
  electron: "Electron",
  windows: "Windows",
  native: "Native SDK",
} as const satisfies Record<Exclude<SdkFamily, "unknown">, string>;

/**
 * Every phrase more than one renderer prints (terminal, JSON, Block Kit), in both languages.
 * Phrases only Slack shows live in blocks/slackStrings.ts and build on these.
 */
export const UI_STRINGS = {
  en: {
    colon: ": ",
    names: "Names per platform",
    reportedBy: "Where it shows up",
    symptom: "What it means",
    causes: "Why it happens",
    fix: "How to fix it",
    related: "Related",
    callbacks: "Callbacks",
    seeAlso: "See also",
    docs: "Agora documentation",
    noMatch: "No Agora error matches",
    didYouMean: "Did you mean",
    tryExamples: "Try a code (110), a name (ERR_INVALID_TOKEN) or a few words (token expired).",
    onlyOnWeb: "This code is a token error in the Web SDK only.",
    onlyOnNative: "This code is a token error in the native SDKs only.",
    notTokenError: "not a token error",
    meaning: "What it means",
    reportedAs: "How it is reported",
    check: "First thing to check",
    warning: "Warning",
    onPlatforms: "On",
    severalMeanings: (query: string, count: number) =>
      `${query} has ${count} meanings, depending on the platform and where it is reported; the likeliest comes first.`,
    found: (count: number) => `${count} Agora token error${count === 1 ? "" : "s"} found`,
    none: "No Agora token error found.",
    nonePaste:
      "Paste the console output around the failing join (Web), or the onError / logcat lines (native).",
    /** A log that names an Agora error, just not a token one: said instead of asking for the log again. */
    otherErrorsFound: (count: number) =>
      count === 1
        ? "This is not a token error: the log holds another Agora error."
        : `This is not a token error: the log holds ${count} other Agora errors.`,
    /** The heading of the other Agora errors listed after the token errors. */
    others: (count: number) => `Other Agora errors in this log (${count})`,
    likely: "likely, not certain",
    because: "because the text says",
    platform: "Platform",
    line: (lines: readonly number[], count: number) =>
      `line ${lines[0]}${count > 1 ? ` (and ${count - 1} more)` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `Line ${firstLine}${lines > 1 ? ` and ${lines - 1} more` : ""} longer than ${bytes(limit, "en")}: scanned the first ${bytes(limit, "en")} of ${lines > 1 ? "each" : "it"}, skipped ${bytes(skipped, "en")}.`,
    confidence: "confidence",
    confidenceLevels: { high: "high", medium: "medium", low: "low" } satisfies Record<Confidence, string>,
    sdkFamilies: { ...SDK_FAMILY_NAMES, unknown: "not recognised" } satisfies Record<SdkFamily, string>,
    platformFamilies: { native: "Native", web: "Web" },
  },
  zh: {
    colon: "：",
    names: "各平台名称",
    reportedBy: "出现场景",
    symptom: "含义",
    causes: "原因",
    fix: "解决方法",
    related: "相关",
    callbacks: "相关回调",
    seeAlso: "另见",
    docs: "Agora 文档",
    noMatch: "没有找到匹配的 Agora 错误",
    didYouMean: "你是不是要找",
    tryExamples: "可以输入错误码（110）、错误名（ERR_INVALID_TOKEN）或描述（Token 过期）。",
    onlyOnWeb: "该错误码仅在 Web SDK 中表示 Token 错误。",
    onlyOnNative: "该错误码仅在 Native SDK 中表示 Token 错误。",
    notTokenError: "不是 Token 错误",
    meaning: "含义",
    reportedAs: "上报方式",
    check: "首先检查",
    warning: "警告",
    onPlatforms: "平台",
    severalMeanings: (query: string, count: number) =>
      `${query} 在不同平台、不同上报方式下共有 ${count} 种含义，最可能的排在前面。`,
    found: (count: number) => `发现 ${count} 个 Agora Token 错误`,
    none: "没有发现 Agora Token 错误。",
    nonePaste: "请粘贴加入频道失败前后的控制台输出（Web），或 onError / logcat 日志（Native）。",
    otherErrorsFound: (count: number) =>
      count === 1
        ? "这不是 Token 错误：日志中有另一个 Agora 错误。"
        : `这不是 Token 错误：日志中有 ${count} 个其他 Agora 错误。`,
    others: (count: number) => `日志中的其他 Agora 错误（${count} 个）`,
    likely: "可能，并不确定",
    because: "依据",
    platform: "平台",
    line: (lines: readonly number[], count: number) =>
      `第 ${lines[0]} 行${count > 1 ? `（另有 ${count - 1} 处）` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `第 ${firstLine} 行${lines > 1 ? `等 ${lines} 行` : ""}超过 ${bytes(limit, "zh")}：每行只扫描了前 ${bytes(limit, "zh")}，跳过 ${bytes(skipped, "zh")}。`,
    confidence: "可信度",
    confidenceLevels: { high: "高", medium: "中", low: "低" } satisfies Record<Confidence, string>,
    sdkFamilies: { ...SDK_FAMILY_NAMES, unknown: "未识别" } satisfies Record<SdkFamily, string>,
    platformFamilies: { native: "Native 端", web: "Web 端" },
  },
} as const;

/** `Platform: Web SDK 4.x · confidence high`, in the reader's language. */
export function findingMeta(lang: Lang, platform: SdkFamily, confidence: Confidence): string {
  const strings = UI_STRINGS[lang];
  return `${strings.sdkFamilies[platform]} · ${strings.confidence}${lang === "zh" ? "" : " "}${strings.confidenceLevels[confidence]}`;
}

/** Where an SDK's name is not a proper noun, the label is translated. */
const NAME_PLATFORM_LABELS_ZH: Partial<Record<NamePlatform, string>> = {
  "legacy-native": "Native 1.x/2.x（旧版）",
};

export function namePlatformLabel(platform: NamePlatform, lang: Lang): string {
  return (lang === "zh" ? NAME_PLATFORM_LABELS_ZH[platform] : undefined) ?? NAME_PLATFORM_LABELS[platform];
}

/** How an application learns of it, one phrase for each way (a return value shows its number). */
export interface ReportedAsContext {
  readonly code?: number | undefined;
  /** The matched meaning is the Web SDK's only. */
  readonly web: boolean;
  /** The entry has numbers (a Web exception with a number comes from the exception event). */
  readonly numbered: boolean;
}

export const REPORTED_AS_LABELS: Record<Lang, Record<ReportedAs, (context: ReportedAsContext) => string>> = {
  en: {
    error: ({ web }) => (web ? "error (the call fails with an AgoraRTCError)" : "error (onError callback)"),
    warning: () => "warning (onWarning callback); the call goes on",
    "return-value": ({ code }) =>
      `negative return value of a method${code === undefined ? "" : ` (-${code})`}`,
    exception: ({ numbered }) =>
      numbered
        ? 'the client\'s "exception" event (client.on("exception"))'
        : "exception: the method throws an AgoraRTCError (its promise rejects)",
    "connection-reason": () =>
      "reason of a connection state change (onConnectionStateChanged / connection-state-change)",
    "connection-state": () => "connection state (onConnectionStateChanged / connection-state-change)",
    "renew-result": () => "result of renewToken (onRenewTokenResult)",
    callback: () => "callback or event your app handles",
  },
  zh: {
    error: ({ web }) => (web ? "错误（调用失败，抛出 AgoraRTCError）" : "错误（onError 回调）"),
    warning: () => "警告（onWarning 回调），调用仍会继续",
    "return-value": ({ code }) => `方法的负数返回值${code === undefined ? "" : `（-${code}）`}`,
    exception: ({ numbered }) =>
      numbered
        ? 'client 的 exception 事件（client.on("exception")）'
        : "异常：方法抛出 AgoraRTCError（Promise 被拒绝）",
    "connection-reason": () => "连接状态变化的原因（onConnectionStateChanged / connection-state-change）",
    "connection-state": () => "连接状态（onConnectionStateChanged / connection-state-change）",
    "renew-result": () => "renewToken 的结果（onRenewTokenResult）",
    callback: () => "应用需要处理的回调或事件",
  },
};

/** Phrases of the catalogue listing (CLI `list`, `/agora list`, App Home). */
export const LIST_STRINGS = {
  en: {
    categoriesTitle: "Agora errors I know, by category",
    entries: (count: number) => `${count} ${count === 1 ? "entry" : "entries"}`,
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
    warningTag: "[warning]",
    cliHint:
      "Run `agora-bot list CATEGORY` for the entries of one category, `agora-bot lookup CODE` for one entry.",
    slackHint:
      "Pick a category below, or type `/agora list CATEGORY`. Look one up with `/agora CODE` or `/agora NAME`.",
    lookupHint:
      "Look one up for its names per platform, meaning and first check: `lookup CODE` or `lookup NAME`.",
    noCategory: (query: string) => `No category matches \`${query}\`.`,
    next: "Next page",
    previous: "Previous page",
    allCategories: "All categories",
  },
  zh: {
    categoriesTitle: "我能识别的 Agora 错误（按类别）",
    entries: (count: number) => `共 ${count} 项`,
    page: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
    warningTag: "[警告]",
    cliHint: "运行 `agora-bot list 类别` 查看某一类别的全部条目，`agora-bot lookup 错误码` 查看单个条目。",
    slackHint:
      "点选下方的类别，或输入 `/agora list 类别`。查询单个错误：`/agora 错误码` 或 `/agora 错误名`。",
    lookupHint: "查询单个条目可看到各平台名称、含义和首先要检查的事项：`lookup 错误码` 或 `lookup 错误名`。",
    noCategory: (query: string) => `没有与 \`${query}\` 匹配的类别。`,
    next: "下一页",
    previous: "上一页",
    allCategories: "全部类别",
  },
} as const;
