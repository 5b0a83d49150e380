import { trieSource } from "../index/nameWords.js";
import type { SdkFamily } from "./types.js";

/** Marks that give a log's SDK away, most specific first; each is a plain literal, tested case-sensitively. */
export const FAMILY_MARKS: readonly [SdkFamily, readonly string[]][] = [
  [
    "web-4x",
    [
      "AgoraRTCError",
      "AgoraRTC_N",
      "agora-rtc-sdk-ng",
      "CAN_NOT_GET_GATEWAY_SERVER",
      "token-privilege-",
      "AgoraRTC.createClient",
      "[client-",
      "UNEXPECTED_RESPONSE",
    ],
  ],
  [
    "web-3x",
    [
      "Agora-SDK [",
      "AgoraRTCSDK",
      "Get server node failed",
      "User join failed",
      "Join failed:",
      "AgoraRTC.createStream",
      "client.init(",
    ],
  ],
  ["flutter", ["I/flutter", "flutter:", "AgoraRtcException", "RtcEngineEventHandler(", "ErrorCodeType.err"]],
  ["react-native", ["ReactNativeJS", "react-native-agora", "ErrorCodeType.Err", "ErrorCode.", "[RN]"]],
  ["unity", ["UnityEngine", "Agora.Rtc", "Debug.Log", "IRtcEngine.", "Unity"]],
  ["electron", ["agora-electron-sdk", "electron", "Electron", "[renderer]"]],
  [
    "ios",
    [
      "AgoraRtcEngineKit",
      "AgoraErrorCode",
      "rtcEngine(_",
      "didOccurError",
      "[AgoraRtcKit]",
      ".swift",
      "Xcode",
      "NSError",
      "rtcEngine:",
      "iPhone",
      "iOS",
      "Swift",
    ],
  ],
  [
    "android",
    [
      "io.agora",
      "E/agora",
      "W/agora",
      "I/agora",
      "D/agora",
      "E/Agora",
      "I/Agora",
      "D/Agora",
      "IRtcEngineEventHandler",
      "logcat",
      "AndroidRuntime",
      "com.android",
      "E AgoraRtc",
      "I AgoraRtc",
      "Android",
      "安卓",
    ],
  ],
  [
    "windows",
    ["agorasdk.log", "C:\\", ".dll", "IRtcEngineEventHandler::", "IRtcEngine::", "Win32", "Windows"],
  ],
  [
    "web",
    [
      "Uncaught",
      "(in promise)",
      "chrome-extension",
      "webpack",
      ".js:",
      "console.",
      "client.join",
      "AgoraRTC",
      // How people name the platform in a question or a ticket.
      "Web SDK",
      "web SDK",
      "web sdk",
      "Web 端",
      "Web端",
      "web端",
      "浏览器",
      "browser",
      "Chrome",
      "Safari",
      "Firefox",
    ],
  ],
];

const SAMPLE_BYTES = 64 * 1024;

// Every mark in one pass over the sample: where any mark starts (a look-ahead, so marks that
// overlap or share a start are all seen), only the marks with that first character are compared.
const ALL_MARKS = [...new Set(FAMILY_MARKS.flatMap(([, marks]) => marks))];
const ANY_MARK_STARTS = new RegExp(`(?=${trieSource(ALL_MARKS)})`, "g");
const MARKS_BY_FIRST_CHAR = new Map<string, string[]>();
for (const mark of ALL_MARKS) {
  const first = mark.charAt(0);
  MARKS_BY_FIRST_CHAR.set(first, [...(MARKS_BY_FIRST_CHAR.get(first) ?? []), mark]);
}

/** The marks a text holds (each as `text.includes(mark)` says). */
export function marksIn(text: string): Set<string> {
  const found = new Set<string>();
  ANY_MARK_STARTS.lastIndex = 0;
  for (let start = ANY_MARK_STARTS.exec(text); start; start = ANY_MARK_STARTS.exec(text)) {
    const at = start.index;
    for (const mark of MARKS_BY_FIRST_CHAR.get(text.charAt(at)) ?? [])
      if (!found.has(mark) && text.startsWith(mark, at)) found.add(mark);
    ANY_MARK_STARTS.lastIndex = at + 1;
  }
  return found;
}

/** The SDK family a text most likely comes from, from its head (and the lines with findings). */
export function inferSdkFamily(text: string, extraLines: readonly string[] = []): SdkFamily {
  const sample =
    text.length > SAMPLE_BYTES ? `${text.slice(0, SAMPLE_BYTES)}\n${extraLines.join("\n")}` : text;
  const present = marksIn(sample);
  let best: { family: SdkFamily; score: number } | undefined;
  for (const [family, marks] of FAMILY_MARKS) {
    let score = 0;
    for (const mark of marks) if (present.has(mark)) score++;
    if (score > 0 && (!best || score > best.score)) best = { family, score };
  }
  if (best?.family === "web") {
    // Words like "browser" say Web; an SDK's own marks say which Web SDK.
    const specific = FAMILY_MARKS.filter(([family]) => family === "web-4x" || family === "web-3x")
      .map(([family, marks]) => ({ family, score: marks.filter((mark) => present.has(mark)).length }))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score)[0];
    return specific?.family ?? "web";
  }
  if (best) return best.family;
  return /\b\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s+\d+\s+\d+ [VDIWEF] /.test(sample.slice(0, 64 * 1024))
    ? "android"
    : "unknown";
}

// An Android logcat line, in its "threadtime" or "brief" format: `11-24 10:11:09.651  4321  4411 E tag:`, `E/libc    (25653):`.
const LOGCAT_LINE =
  /^(?:\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s+\d+\s+\d+ [VDIWEF] |[VDIWEF]\/[^\s(]{1,64}\s*\(\s*\d+\):)/;

/** A family one line proves by itself, overriding the text's guess for findings on that line. */
export function lineFamily(line: string): SdkFamily | undefined {
  if (line.includes("AgoraRTCError") || line.includes("CAN_NOT_GET_GATEWAY_SERVER")) return "web-4x";
  if (
    line.includes("Get server node failed") ||
    line.includes("User join failed") ||
    line.includes("Agora-SDK [")
  )
    return "web-3x";
  if (line.includes("ErrorCodeType.err")) return "flutter";
  if (line.includes("AgoraErrorCode")) return "ios";
  if (LOGCAT_LINE.test(line)) return "android";
  return undefined;
}

export function isWebFamily(family: SdkFamily): boolean {
  return family === "web" || family === "web-3x" || family === "web-4x";
}

export function isNativeFamily(family: SdkFamily): boolean {
  return family !== "unknown" && !isWebFamily(family);
}
