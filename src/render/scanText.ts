import type { Finding, ScanResult, SdkFamily } from "../scan/types.js";
import type { Lang } from "../text/language.js";
import { UI_STRINGS } from "./strings.js";
import { safeForTerminal, type TerminalStyle } from "./terminal.js";

export const SDK_FAMILY_LABELS: Record<SdkFamily, string> = {
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
  unknown: "unknown",
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
const size = (bytes: number) => (bytes >= 1048576 ? megabytes(bytes) : `${bytes} bytes`);

const SCAN_STRINGS = {
  en: {
    found: (count: number) => `${count} Agora token error${count === 1 ? "" : "s"} found`,
    none: "No Agora token error found.",
    nonePaste:
      "Paste the console output around the failing join (Web), or the onError / logcat lines (native).",
    platform: "Platform",
    line: (lines: readonly number[], count: number) =>
      `line ${lines[0]}${count > 1 ? ` (and ${count - 1} more)` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `Line ${firstLine}${lines > 1 ? ` and ${lines - 1} more` : ""} longer than ${megabytes(limit)}: scanned the first ${megabytes(limit)} of ${lines > 1 ? "each" : "it"}, skipped ${size(skipped)}.`,
    confidence: "confidence",
  },
  zh: {
    found: (count: number) => `发现 ${count} 个 Agora Token 错误`,
    none: "没有发现 Agora Token 错误。",
    nonePaste: "请粘贴加入频道失败前后的控制台输出（Web），或 onError / logcat 日志（Native）。",
    platform: "平台",
    line: (lines: readonly number[], count: number) =>
      `第 ${lines[0]} 行${count > 1 ? `（另有 ${count - 1} 处）` : ""}`,
    longLines: (lines: number, firstLine: number, limit: number, skipped: number) =>
      `第 ${firstLine} 行${lines > 1 ? `等 ${lines} 行` : ""}超过 ${megabytes(limit)}：每行只扫描了前 ${megabytes(limit)}，跳过 ${size(skipped).replace(" bytes", " 字节")}。`,
    confidence: "可信度",
  },
} as const;

export function renderScanText(result: ScanResult, lang: Lang, style: TerminalStyle, file?: string): string {
  const strings = SCAN_STRINGS[lang];
  const out: string[] = [];
  if (file !== undefined) out.push(style.bold(safeForTerminal(file)));
  const { cut } = result;
  if (cut)
    out.push(style.warn(strings.longLines(cut.lines, cut.firstLine, cut.lineLimitBytes, cut.skippedBytes)));
  if (result.findings.length === 0) {
    out.push(strings.none, style.dim(strings.nonePaste));
    return `${out.join("\n")}\n`;
  }
  out.push(
    `${style.bold(strings.found(result.findings.length))}  ${style.dim(`${strings.platform}: ${SDK_FAMILY_LABELS[result.platform]}`)}`,
  );
  for (const finding of result.findings) out.push("", ...renderFinding(finding, lang, style));
  return `${out.join("\n")}\n`;
}

function renderFinding(finding: Finding, lang: Lang, style: TerminalStyle): string[] {
  const strings = SCAN_STRINGS[lang];
  const ui = UI_STRINGS[lang];
  const label = [finding.code, finding.name].filter((part) => part !== undefined).join(" ");
  const out = [
    `${style.bold(style.accent(finding.entry.title[lang]))}${label ? `  ${label}` : ""}  ${style.dim(`${SDK_FAMILY_LABELS[finding.platform]} · ${strings.confidence} ${finding.confidence}`)}`,
    `  ${style.dim(strings.line(finding.lines, finding.count))}: ${safeForTerminal(finding.evidence)}`,
    `  ${style.bold(ui.fix)}`,
  ];
  finding.entry.fix[lang].forEach((step, index) => {
    out.push(`    ${index + 1}. ${step}`);
  });
  out.push(`  ${style.dim(finding.entry.docs[lang])}`);
  return out;
}
