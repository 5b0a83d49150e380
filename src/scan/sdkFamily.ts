import type { SdkFamily } from "./types.js";

/** Marks that give a log's SDK away, most specific first; each is a plain literal, tested case-sensitively. */
const FAMILY_MARKS: readonly [SdkFamily, readonly string[]][] = [
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

/** The SDK family a text most likely comes from, from its head (and the lines with findings). */
export function inferSdkFamily(text: string, extraLines: readonly string[] = []): SdkFamily {
  const sample =
    text.length > SAMPLE_BYTES ? `${text.slice(0, SAMPLE_BYTES)}\n${extraLines.join("\n")}` : text;
  let best: { family: SdkFamily; score: number } | undefined;
  for (const [family, marks] of FAMILY_MARKS) {
    let score = 0;
    for (const mark of marks) if (sample.includes(mark)) score++;
    if (score > 0 && (!best || score > best.score)) best = { family, score };
  }
  if (best?.family === "web") {
    // Words like "browser" say Web; an SDK's own marks say which Web SDK.
    const specific = FAMILY_MARKS.filter(([family]) => family === "web-4x" || family === "web-3x")
      .map(([family, marks]) => ({ family, score: marks.filter((mark) => sample.includes(mark)).length }))
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
