import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { scanLog } from "../../src/scan/scanLog.js";
import type { SdkFamily } from "../../src/scan/types.js";

const index = loadKnowledgeIndex();
const LOGS = new URL("../fixtures/logs/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, LOGS), "utf8");

interface Expected {
  /** Entry ids in report order (errors before callbacks, then by first line). */
  readonly ids: readonly string[];
  readonly platform?: SdkFamily;
  /** First line of the first finding. */
  readonly firstLine?: number;
  readonly code?: number;
}

const POSITIVES: Record<string, Expected> = {
  "web4-invalid-token.log": { ids: ["invalid-token"], platform: "web-4x", firstLine: 5, code: 110 },
  "web4-expired-json.log": { ids: ["token-expired"], platform: "web-4x", firstLine: 3, code: 118 },
  "web4-vendor-key.log": { ids: ["invalid-app-id"], platform: "web-4x", firstLine: 2, code: 101 },
  "web4-unexpected-response.log": { ids: ["invalid-token"], platform: "web-4x", firstLine: 2, code: 110 },
  "web4-timestamp-expired.log": { ids: ["token-expired"], platform: "web-4x", firstLine: 2, code: 2 },
  "web4-did-expire.log": {
    ids: ["token-privilege-will-expire", "token-privilege-did-expire"],
    platform: "web-4x",
    firstLine: 2,
  },
  "web3-mixed.log": { ids: ["invalid-token"], platform: "web-3x", firstLine: 4, code: 110 },
  "web3-static-key.log": { ids: ["dynamic-use-static-key"], platform: "web-3x", firstLine: 3, code: 120 },
  "web3-dynamic-key.log": { ids: ["static-use-dynamic-key"], platform: "web-3x", firstLine: 2, code: 119 },
  "web3-timeout.log": { ids: ["token-expired"], platform: "web-3x", firstLine: 2, code: 109 },
  "android-invalid-token.log": { ids: ["invalid-token"], platform: "android", firstLine: 4, code: 110 },
  "android-expired.log": {
    ids: ["token-expired", "token-privilege-did-expire"],
    platform: "android",
    firstLine: 3,
    code: 109,
  },
  "android-return-value.log": { ids: ["invalid-token", "invalid-app-id"], firstLine: 2, code: 110 },
  "ios-xcode.log": { ids: ["token-expired"], platform: "ios", firstLine: 2, code: 109 },
  "ios-swift-invalid.log": { ids: ["invalid-token"], platform: "ios", firstLine: 1, code: 110 },
  "flutter.log": { ids: ["invalid-token"], platform: "flutter", firstLine: 2, code: 110 },
  "flutter-expired.log": {
    ids: ["token-expired", "token-privilege-will-expire"],
    platform: "flutter",
    firstLine: 1,
  },
  "react-native.log": { ids: ["invalid-app-id"], platform: "react-native", firstLine: 2, code: 101 },
  "react-native-4x.log": { ids: ["invalid-token"], platform: "react-native", firstLine: 1, code: 110 },
  "unity.log": { ids: ["invalid-token"], platform: "unity", firstLine: 2, code: 110 },
  "electron.log": { ids: ["token-expired"], platform: "electron", firstLine: 2, code: 109 },
  "windows.log": { ids: ["invalid-token"], platform: "windows", firstLine: 2, code: 110 },
  "prose-en.log": { ids: ["invalid-token"], firstLine: 1, code: 110 },
  "prose-zh.log": { ids: ["invalid-token"], firstLine: 1 },
  "prose-words.log": { ids: ["token-expired", "token-privilege-did-expire"], firstLine: 1 },
  "prose-typo.log": { ids: ["invalid-token"], firstLine: 1 },
  "mixed-several.log": {
    ids: ["invalid-token", "invalid-app-id", "token-expired", "token-privilege-did-expire"],
    platform: "web-3x",
    firstLine: 1,
  },
};

const NEGATIVES = [
  "neg-innocent-numbers.log",
  "neg-permission-denied.log",
  "neg-native-17.log",
  "neg-native-2.log",
  "neg-native-118.log",
  "neg-gateway-network.log",
  "neg-healthy-renewal.log",
  "neg-healthy-native-renewal.log",
  "neg-prose.log",
  "neg-code-snippet.log",
];

describe("the log corpus", () => {
  it("lists every fixture in a table: nothing in the corpus goes unchecked", () => {
    const files = readdirSync(LOGS).filter((name) => name.endsWith(".log"));
    expect(files.sort()).toEqual([...Object.keys(POSITIVES), ...NEGATIVES].sort());
  });

  it.each(Object.entries(POSITIVES))("%s", (file, expected) => {
    const result = scanLog(index, read(file));
    expect(result.findings.map((finding) => finding.entry.id)).toEqual(expected.ids);
    if (expected.platform) expect(result.platform).toBe(expected.platform);
    const first = result.findings[0];
    if (expected.firstLine !== undefined) expect(first?.lines[0]).toBe(expected.firstLine);
    if (expected.code !== undefined) expect(first?.code).toBe(expected.code);
    for (const finding of result.findings) {
      expect(finding.evidence.length).toBeGreaterThan(0);
      expect(finding.evidence.length).toBeLessThanOrEqual(320);
      expect(finding.count).toBeGreaterThanOrEqual(finding.lines.length);
    }
  });

  it.each(NEGATIVES)("%s has no finding", (file) => {
    expect(scanLog(index, read(file)).findings.map((finding) => finding.entry.id)).toEqual([]);
  });
});
