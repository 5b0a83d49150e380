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
  },
} as const satisfies Record<Lang, Record<string, string>>;

export const PLATFORM_FAMILY_SHORT = {
  en: { native: "Native", web: "Web" },
  zh: { native: "Native 端", web: "Web 端" },
} as const;
