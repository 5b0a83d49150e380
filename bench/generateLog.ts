/**
 * A deterministic, realistic mixed-platform log: Web 3.x/4.x console lines, Android logcat and
 * iOS lines full of timestamps, IPs, ports, uids and durations, with a few token errors buried in it.
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

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

const ORDINARY: ((r: () => number, t: string) => string)[] = [
  (r, t) =>
    `${t} Agora-SDK [INFO]: [client-${Math.floor(r() * 99999)}] publish success, track audio video, uid ${Math.floor(r() * 100000)}`,
  (r, t) =>
    `${t} Agora-SDK [DEBUG]: [client-4e1c0] receive gateway message type ping, ts ${1732443069510 + Math.floor(r() * 1e6)}`,
  (r, t) =>
    `${t} Agora-SDK [INFO]: [client-4e1c0] connection state change: CONNECTING -> CONNECTED, elapsed ${Math.floor(r() * 2000)} ms`,
  (r) =>
    `11-24 10:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}.${pad(Math.floor(r() * 1000), 3)}  4321  4411 I agora: network type changed to WIFI, ip 118.190.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} port ${4000 + Math.floor(r() * 100)}`,
  (r) =>
    `11-24 10:11:09.${pad(Math.floor(r() * 1000), 3)}  4321  4411 D agora: video stats: width 640 height 480 fps 15 bitrate ${Math.floor(r() * 2000)} kbps`,
  (r) =>
    `11-24 10:11:09.${pad(Math.floor(r() * 1000), 3)}  4321  4411 I agora: onRemoteAudioStateChanged uid ${Math.floor(r() * 5000)} state 2 reason 6 elapsed ${Math.floor(r() * 500)}`,
  (r) =>
    `2026-11-24 10:11:09.${pad(Math.floor(r() * 1000000), 6)}+0800 Demo[1234:567890] [AgoraRtcKit] remote user ${Math.floor(r() * 9999)} joined, elapsed ${Math.floor(r() * 3000)} ms`,
  (r) =>
    `2026-11-24 10:11:10.000000+0800 Demo[1234:567890] [AgoraRtcKit] audio route changed to speaker, build 4.${Math.floor(r() * 5)}.109`,
  (r, t) =>
    `${t} main.js:42 render frame ${Math.floor(r() * 1e6)} in ${Math.floor(r() * 30)} ms, decoder h264, encoder vp8`,
  (r) =>
    `11-24 10:11:11.${pad(Math.floor(r() * 1000), 3)}  4321  4411 W agora: request id 0x${Math.floor(r() * 0xffffff).toString(16)} took ${Math.floor(r() * 900)} ms, code 0`,
];

const ERRORS = [
  "11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError: 110",
  "Agora-SDK [ERROR]: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: dynamic key expired",
  "2026-11-24 10:11:09.651000+0800 Demo[1234:567890] rtcEngine(_:didOccurError:) AgoraErrorCode(rawValue: 109)",
  "Agora-SDK [ERROR]: [28411] Get server node failed [INVALID_VENDOR_KEY]",
  "Agora-SDK [ERROR]: [77] User join failed [ERR_DYNAMIC_USE_STATIC_KE]",
];

export function generateLog(targetBytes: number, seed = 20261124): string {
  const random = prng(seed);
  const lines: string[] = [];
  let size = 0;
  let n = 0;
  while (size < targetBytes) {
    const time = `10:${pad((n >> 12) % 60)}:${pad((n >> 6) % 60)}:${pad(n % 1000, 3)}`;
    const line =
      n % 40_000 === 39_999
        ? (ERRORS[((n / 40_000) % ERRORS.length) | 0] as string)
        : (ORDINARY[Math.floor(random() * ORDINARY.length)] as (r: () => number, t: string) => string)(
            random,
            time,
          );
    lines.push(line);
    size += line.length + 1;
    n++;
  }
  return `${lines.join("\n")}\n`;
}
