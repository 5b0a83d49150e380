/**
 * A deterministic, realistic mixed-platform log: Web SDK 3.x and 4.x console lines, Android logcat
 * and iOS lines full of timestamps, IPs, ports, uids and durations. About one line in twelve says
 * "token", "key" or "error" without being a token error (join parameters, renewals, a token fetch,
 * network errors), so the scanner has to look closer at those; a few real token errors are buried
 * in it, and the bench checks that exactly those are found.
 */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Template = (r: () => number, time: string) => string;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const int = (r: () => number, below: number) => Math.floor(r() * below);
const android = (r: () => number) =>
  `11-24 10:${pad(int(r, 60))}:${pad(int(r, 60))}.${pad(int(r, 1000), 3)}  4321  ${4400 + int(r, 20)}`;
const ios = (r: () => number) =>
  `2026-11-24 10:${pad(int(r, 60))}:${pad(int(r, 60))}.${pad(int(r, 1_000_000), 6)}+0800 Demo[1234:567890]`;
const base64 = (r: () => number, length: number) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[int(r, 64)];
  return out;
};

/** Lines with nothing to do with tokens (most of any real log). */
const ORDINARY: readonly Template[] = [
  (r, t) =>
    `${t} Agora-SDK [INFO]: [client-${int(r, 99999)}] publish success, track audio video, uid ${int(r, 100000)}`,
  (r, t) =>
    `${t} Agora-SDK [DEBUG]: [client-4e1c0] receive gateway message type ping, ts ${1732443069510 + int(r, 1e6)}`,
  (r, t) =>
    `${t} Agora-SDK [INFO]: [client-4e1c0] connection state change: CONNECTING -> CONNECTED, elapsed ${int(r, 2000)} ms`,
  (r, t) =>
    `${t} Agora-SDK [DEBUG]: [${int(r, 100000)}] Connected to gateway server wss://${int(r, 255)}-${int(r, 255)}-${int(r, 255)}.edge.agora.io:${4000 + int(r, 100)}`,
  (r, t) =>
    `${t} Agora-SDK [INFO]: [${int(r, 100000)}] Remote stream subscribed, video bitrate ${int(r, 2000)} kbps, fps ${int(r, 30)}`,
  (r) =>
    `${android(r)} I agora: network type changed to WIFI, ip 118.190.${int(r, 255)}.${int(r, 255)} port ${4000 + int(r, 100)}`,
  (r) => `${android(r)} D agora: video stats: width 640 height 480 fps 15 bitrate ${int(r, 2000)} kbps`,
  (r) =>
    `${android(r)} I agora: onRemoteAudioStateChanged uid ${int(r, 5000)} state 2 reason 6 elapsed ${int(r, 500)}`,
  (r) => `${ios(r)} [AgoraRtcKit] remote user ${int(r, 9999)} joined, elapsed ${int(r, 3000)} ms`,
  (r) => `${ios(r)} [AgoraRtcKit] audio route changed to speaker, build 4.${int(r, 5)}.${int(r, 300)}`,
  (r, t) => `${t} main.js:42 render frame ${int(r, 1e6)} in ${int(r, 30)} ms, decoder h264, encoder vp8`,
  (r) =>
    `${android(r)} W agora: request id 0x${int(r, 0xffffff).toString(16)} took ${int(r, 900)} ms, code 0`,
  (r) => `${android(r)} D agora: request keyframe from uid ${int(r, 5000)}, interrupt count ${int(r, 9)}`,
];

/** Lines that mention tokens, keys or errors but report no token error: the scanner must read them and move on. */
const NEAR_MISSES: readonly Template[] = [
  (r, t) =>
    `${t} Agora-SDK [INFO]: [client-4e1c0] Joining channel: demo, token: 007eJx${base64(r, 40)}, uid: ${int(r, 100000)}`,
  (r, t) =>
    `${t} Agora-SDK [WARNING]: [client-4e1c0] websocket network error, reconnect attempt ${1 + int(r, 5)} in ${int(r, 5000)} ms`,
  (r) => `${ios(r)} [AgoraRtcKit] api name: renewToken, result: 0, elapsed ${int(r, 50)} ms`,
  (r, t) =>
    `${t} main.js:88 GET https://api.example.com/rtc/token?channel=demo&uid=${int(r, 100000)} 200 OK (${int(r, 300)} ms)`,
  (r) => `${android(r)} I agora: key frame interval 2 s, min bitrate ${int(r, 500)} kbps`,
  (r) => `${android(r)} D agora: audio device error count 0, recovered after ${int(r, 100)} ms`,
];

/** Real token errors, one per 40 000 lines, cycled. */
const ERRORS: readonly string[] = [
  "11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError: 110",
  "10:11:09:651 Agora-SDK [ERROR]: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: dynamic key expired",
  "2026-11-24 10:11:09.651000+0800 Demo[1234:567890] rtcEngine(_:didOccurError:) AgoraErrorCode(rawValue: 109)",
  "10:11:09:651 Agora-SDK [ERROR]: [28411] Get server node failed [INVALID_VENDOR_KEY]",
  "10:11:09:651 Agora-SDK [ERROR]: [77] User join failed [ERR_DYNAMIC_USE_STATIC_KE]",
];
const ERROR_EVERY = 40_000;
/** Knowledge entry ids the planted errors are, in ERRORS order. */
const ERROR_ENTRIES = [
  "invalid-token",
  "token-expired",
  "token-expired",
  "invalid-app-id",
  "dynamic-use-static-key",
] as const;
const NEAR_MISS_SHARE = 0.08;

export interface GeneratedLog {
  readonly text: string;
  /** How many lines of each knowledge entry were planted: exactly what the scanner must report. */
  readonly planted: Readonly<Record<string, number>>;
}

/** `plant: false` gives the same kind of log with no token error in it (filler for the 1 GB stream log). */
export function generateLog(targetBytes: number, seed = 20261124, plant = true): GeneratedLog {
  const random = prng(seed);
  const lines: string[] = [];
  const planted: Record<string, number> = {};
  let size = 0;
  for (let n = 0; size < targetBytes; n++) {
    let line: string;
    if (plant && n % ERROR_EVERY === ERROR_EVERY - 1) {
      const which = Math.floor(n / ERROR_EVERY) % ERRORS.length;
      line = ERRORS[which] as string;
      const id = ERROR_ENTRIES[which] as string;
      planted[id] = (planted[id] ?? 0) + 1;
    } else {
      const time = `10:${pad((n >> 12) % 60)}:${pad((n >> 6) % 60)}:${pad(n % 1000, 3)}`;
      const pool = random() < NEAR_MISS_SHARE ? NEAR_MISSES : ORDINARY;
      line = (pool[Math.floor(random() * pool.length)] as Template)(random, time);
    }
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return { text: `${lines.join("\n")}\n`, planted };
}
