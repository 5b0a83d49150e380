import { NAME_PLATFORM_LABELS } from "../knowledge/platformLabels.js";
import type { NamePlatform } from "../knowledge/schema.js";
import type { Confidence, SdkFamily } from "../scan/types.js";
import type { Lang } from "../text/language.js";

const MB = 1024 * 1024;

/** A size as people read it: MB from a megabyte, KB from a kilobyte, else bytes. */
function bytes(count: number, lang: Lang): string {
  if (count >= MB) return `${Math.round((count / MB) * 10) / 10} MB`;
  if (count >= 1024) return `${Math.round(count / 1024)} KB`;
  return `${count} ${lang === "zh" ? "字节" : "bytes"}`;
}

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
    noMatch: "No Agora token error matches",
    didYouMean: "Did you mean",
    tryExamples: "Try a code (110), a name (ERR_INVALID_TOKEN) or a few words (token expired).",
    onlyOnWeb: "This code is a token error in the Web SDK only.",
    onlyOnNative: "This code is a token error in the native SDKs only.",
    notTokenError: "not a token error",
    found: (count: number) => `${count} Agora token error${count === 1 ? "" : "s"} found`,
    none: "No Agora token error found.",
    nonePaste:
      "Paste the console output around the failing join (Web), or the onError / logcat lines (native).",
    /** A log that names an Agora error, just not a token one: said instead of asking for the log again. */
    otherErrorsFound: (count: number) =>
      count === 1
        ? "This is not a token error: the log holds another Agora error."
        : `This is not a token error: the log holds ${count} other Agora errors.`,
    platform: "Platform",
    line: (lines: readonly number[], count: number) =>
      `line ${lines[0]}${count > 1 ? ` (and ${count - 1} more)` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `Line ${firstLine}${lines > 1 ? ` and ${lines - 1} more` : ""} longer than ${bytes(limit, "en")}: scanned the first ${bytes(limit, "en")} of ${lines > 1 ? "each" : "it"}, skipped ${bytes(skipped, "en")}.`,
    confidence: "confidence",
    confidenceLevels: { high: "high", medium: "medium", low: "low" } satisfies Record<Confidence, string>,
    sdkFamilies: {
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
      unknown: "not recognised",
    } satisfies Record<SdkFamily, string>,
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
    noMatch: "没有找到匹配的 Agora Token 错误",
    didYouMean: "你是不是要找",
    tryExamples: "可以输入错误码（110）、错误名（ERR_INVALID_TOKEN）或描述（Token 过期）。",
    onlyOnWeb: "该错误码仅在 Web SDK 中表示 Token 错误。",
    onlyOnNative: "该错误码仅在 Native SDK 中表示 Token 错误。",
    notTokenError: "不是 Token 错误",
    found: (count: number) => `发现 ${count} 个 Agora Token 错误`,
    none: "没有发现 Agora Token 错误。",
    nonePaste: "请粘贴加入频道失败前后的控制台输出（Web），或 onError / logcat 日志（Native）。",
    otherErrorsFound: (count: number) =>
      count === 1
        ? "这不是 Token 错误：日志中有另一个 Agora 错误。"
        : `这不是 Token 错误：日志中有 ${count} 个其他 Agora 错误。`,
    platform: "平台",
    line: (lines: readonly number[], count: number) =>
      `第 ${lines[0]} 行${count > 1 ? `（另有 ${count - 1} 处）` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `第 ${firstLine} 行${lines > 1 ? `等 ${lines} 行` : ""}超过 ${bytes(limit, "zh")}：每行只扫描了前 ${bytes(limit, "zh")}，跳过 ${bytes(skipped, "zh")}。`,
    confidence: "可信度",
    confidenceLevels: { high: "高", medium: "中", low: "低" } satisfies Record<Confidence, string>,
    sdkFamilies: {
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
      unknown: "未识别",
    } satisfies Record<SdkFamily, string>,
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
