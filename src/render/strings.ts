import type { ReportedAs } from "../knowledge/schema.js";
import type { Lang } from "../text/language.js";

/** Every fixed phrase a renderer prints, in both languages. */
export const UI_STRINGS = {
  en: {
    names: "Names per platform",
    reportedBy: "Where it shows up",
    symptom: "What it means",
    causes: "Why it happens",
    fix: "How to fix it",
    related: "Related",
    callbacks: "Callbacks",
    seeAlso: "See also",
    docs: "Agora documentation",
    noMatch: "No Agora token error matches",
    didYouMean: "Did you mean",
    tryExamples: "Try a code (110), a name (ERR_INVALID_TOKEN) or a few words (token expired).",
    onlyOnWeb: "This code is a token error in the Web SDK only.",
    onlyOnNative: "This code is a token error in the native SDKs only.",
    notTokenError: "not a token error",
    alsoMatched: "Also matched",
    meaning: "What it means",
    reportedAs: "How it is reported",
    check: "First thing to check",
    warning: "Warning",
    onPlatforms: "On",
    severalMeanings: (query: string, count: number) =>
      `${query} has ${count} meanings, depending on the platform and where it is reported; the likeliest comes first.`,
  },
  zh: {
    names: "各平台名称",
    reportedBy: "出现场景",
    symptom: "含义",
    causes: "原因",
    fix: "解决方法",
    related: "相关",
    callbacks: "相关回调",
    seeAlso: "另见",
    docs: "Agora 文档",
    noMatch: "没有找到匹配的 Agora Token 错误",
    didYouMean: "你是不是要找",
    tryExamples: "可以输入错误码（110）、错误名（ERR_INVALID_TOKEN）或描述（Token 过期）。",
    onlyOnWeb: "该错误码仅在 Web SDK 中表示 Token 错误。",
    onlyOnNative: "该错误码仅在 Native SDK 中表示 Token 错误。",
    notTokenError: "不是 Token 错误",
    alsoMatched: "其他匹配",
    meaning: "含义",
    reportedAs: "上报方式",
    check: "首先检查",
    warning: "警告",
    onPlatforms: "平台",
    severalMeanings: (query: string, count: number) =>
      `${query} 在不同平台、不同上报方式下共有 ${count} 种含义，最可能的排在前面。`,
  },
} as const satisfies Record<Lang, Record<string, string | ((query: string, count: number) => string)>>;

export const PLATFORM_FAMILY_SHORT = {
  en: { native: "Native", web: "Web" },
  zh: { native: "Native 端", web: "Web 端" },
} as const;

/** How an application learns of it, one phrase for each way (a return value shows its number). */
export const REPORTED_AS_LABELS: Record<
  Lang,
  Record<ReportedAs, (code?: number, web?: boolean) => string>
> = {
  en: {
    error: (_code, web) =>
      web ? "error (the call fails with an AgoraRTCError)" : "error (onError callback)",
    warning: () => "warning (onWarning callback); the call goes on",
    "return-value": (code) => `negative return value of a method${code === undefined ? "" : ` (-${code})`}`,
    exception: () => 'Web "exception" event',
    "connection-reason": () =>
      "reason of a connection state change (onConnectionStateChanged / connection-state-change)",
    "connection-state": () => "connection state (onConnectionStateChanged / connection-state-change)",
    "renew-result": () => "result of renewToken (onRenewTokenResult)",
    callback: () => "callback or event your app handles",
  },
  zh: {
    error: (_code, web) => (web ? "错误（调用失败，抛出 AgoraRTCError）" : "错误（onError 回调）"),
    warning: () => "警告（onWarning 回调），调用仍会继续",
    "return-value": (code) => `方法的负数返回值${code === undefined ? "" : `（-${code}）`}`,
    exception: () => "Web 的 exception 事件",
    "connection-reason": () => "连接状态变化的原因（onConnectionStateChanged / connection-state-change）",
    "connection-state": () => "连接状态（onConnectionStateChanged / connection-state-change）",
    "renew-result": () => "renewToken 的结果（onRenewTokenResult）",
    callback: () => "应用需要处理的回调或事件",
  },
};
