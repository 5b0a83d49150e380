import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { createQuietLines } from "../../src/scan/quietLines.js";
import { createLogScanner } from "../../src/scan/scanLog.js";
import type { ScanResult } from "../../src/scan/types.js";
import { seededBelow } from "../random.js";

const index = loadKnowledgeIndex();

function scan(text: string, rememberQuietLines: boolean) {
  const scanner = createLogScanner(index, { rememberQuietLines });
  scanner.push(text);
  return summary(scanner.finish());
}

const summary = (result: ScanResult) =>
  [...result.findings, ...result.otherErrors].map((finding) => ({
    id: finding.entry.id,
    code: finding.code,
    name: finding.name,
    lines: finding.lines,
    count: finding.count,
    confidence: finding.confidence,
    evidence: finding.evidence,
  }));

/** Over the size read whole as a post, so the log is read through its gates, as logs are. */
const FILLER = "10:11:09:651 Agora-SDK [INFO]: publish success, track audio video\n".repeat(1200);

describe("remembering lines that said nothing", () => {
  it("knows a line again with other digits, and only then", () => {
    const quiet = createQuietLines(index);
    if (!quiet) throw new Error("the knowledge has no digits outside names: lines can be remembered");
    const line = "10:11:09:651 [client-4e1c0] websocket network error, reconnect attempt 3 in 4000 ms";
    quiet.add(line);
    // A shape is kept the second time it is seen: a one-off line costs no copy.
    expect(quiet.has(line)).toBe(false);
    quiet.add(line);
    expect(quiet.has(line)).toBe(true);
    expect(quiet.has(line.replace("3 in 4000", "5 in 1200"))).toBe(true);
    expect(quiet.has(line.replace("3 in 4000", "5 in 120"))).toBe(false);
    expect(quiet.has(line.replace("network", "netw0rk"))).toBe(false);
    expect(quiet.has(line.replace("4e1c0", "4e1c1"))).toBe(true);
    expect(quiet.has(line.replace("4e1c0", "4f1c0"))).toBe(false);
  });

  it("forgets the oldest lines once it has kept its fill, and never takes one line for another", () => {
    const quiet = createQuietLines(index);
    if (!quiet) throw new Error("the knowledge has no digits outside names: lines can be remembered");
    const line = (n: number) =>
      `${"x".repeat(n % 7)} line of template ${"ab".repeat(200)} number ${n} ${"y".repeat(n % 11)}`;
    for (let n = 0; n < 800; n++) {
      quiet.add(line(n));
      quiet.add(line(n));
      if (n === 1) expect(quiet.has(line(1))).toBe(true);
    }
    expect(quiet.has(line(799))).toBe(true);
    expect(quiet.has(line(1))).toBe(false);
    expect(quiet.has(line(799).replace("template", "templat3"))).toBe(false);
  });

  it("still finds a name with digits after lines that differ from it only in a digit", () => {
    // Away from an error word, the near one is no slip of a name (see lookUpCatalogueTypo): it says nothing.
    const near = "10:11:09:651 Agora-SDK [INFO]: p2p error, state GATEWAY_P3P_LOST, retry\n";
    const real = "10:11:09:651 Agora-SDK [INFO]: p2p error, state GATEWAY_P2P_LOST, retry\n";
    const text = `${FILLER}${near.repeat(5)}${real}`;
    const found = scan(text, true).filter((finding) => finding.name === "GATEWAY_P2P_LOST");
    expect(found.map((finding) => finding.lines)).toEqual([[1206]]);
    expect(scan(text, true)).toEqual(scan(text, false));
  });

  it("still finds a code in a line it has seen with a number that is none", () => {
    const line = (value: string) => `11-24 10:11:09.651  4321  4411 E agora: onError: ${value}, retrying\n`;
    const text = `${FILLER}${line("0").repeat(5)}${line("7")}${line("000").repeat(3)}${line("110")}`;
    const ids = scan(text, true).map((finding) => [finding.id, finding.lines]);
    expect(ids).toEqual([
      ["invalid-token", [1210]],
      ["err-not-initialized", [1206]],
    ]);
    expect(scan(text, true)).toEqual(scan(text, false));
  });

  it("counts a renewal wherever it repeats, so a handled warning stays handled", () => {
    const renewal = (ms: number) =>
      `2026-11-24 10:11:09.651000+0800 Demo[1:2] api name: renewToken, elapsed ${ms} ms\n`;
    const warning = "2026-11-24 10:11:09.651000+0800 Demo[1:2] onTokenPrivilegeWillExpire\n";
    const text = `${FILLER}${renewal(12).repeat(4)}${warning}${renewal(34)}`;
    expect(scan(text, true).map((finding) => finding.id)).not.toContain("token-privilege-will-expire");
    expect(scan(`${FILLER}${renewal(12).repeat(4)}${warning}`, true).map((finding) => finding.id)).toContain(
      "token-privilege-will-expire",
    );
  });

  it("finds what a full reading finds, in logs of templates repeated with random numbers", () => {
    const templates: ((n: () => string, hex: () => string) => string)[] = [
      (n) => `${n()}:${n()}:${n()} Agora-SDK [ERROR]: onError: ${n()}`,
      (n) => `11-24 10:${n()}:${n()}.${n()}  4321  ${n()} E agora: joinChannel result: -${n()}`,
      (n) => `11-24 10:${n()}:${n()}.${n()}  4321  ${n()} W agora: warning code ${n()} from adm`,
      (n) => `${n()} rtcEngine:connectionChangedToState:${n()} reason:${n()}`,
      (n) => `${n()} api name: renewToken, result: ${n()}, elapsed ${n()} ms`,
      (n) => `${n()} engine error ${n()} (invalid token)`,
      (n) => `${n()} main.js:${n()} ${n()} error in request ${n()}`,
      (n, hex) => `${n()} [client-${hex()}] websocket network error, attempt ${n()}`,
      (n) => `${n()} Agora-SDK [ERROR]: AgoraRTCError GATEWAY_P${n()}P_LOST: lost`,
      (n) => `${n()} Agora-SDK [ERROR]: datastream${n()} not available, DATASTREAM${n()}_NOT_AVAILABLE`,
      (n) => `${n()} token ${n()} expired, code ${n()}`,
      (n) => `${n()} I agora: key frame interval ${n()} s, errno ${n()}`,
      (n) => `${n()} AgoraErrorCode(rawValue: ${n()}) status ${n()} http request`,
      (n) => `${n()} Error: ERR_INVALID_T${n()}KEN at join`,
    ];
    const NUMBERS = [
      "0",
      "1",
      "2",
      "7",
      "17",
      "101",
      "109",
      "110",
      "118",
      "1003",
      "1012",
      "200",
      "404",
      "65",
    ];
    for (let seed = 1; seed <= 6; seed++) {
      const below = seededBelow(seed);
      const n = () => NUMBERS[below(NUMBERS.length)] ?? "0";
      const hex = () => (below(2) === 0 ? "4e1c0" : `${below(10)}a${below(10)}`);
      const lines: string[] = [];
      while (lines.length < 3000) {
        const template = templates[below(templates.length)];
        if (template) lines.push(template(n, hex));
      }
      const text = `${FILLER}${lines.join("\n")}\n`;
      expect(scan(text, true)).toEqual(scan(text, false));
    }
  });
});
