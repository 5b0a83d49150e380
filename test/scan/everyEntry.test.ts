/**
 * Generated from the knowledge: every name and code of every entry is found by lookup, and every
 * name and code of an error or warning is found by scan in a typical log line of its platform,
 * inside a log long enough that the scanner's gates (not the read-everything path for short
 * texts) decide. Adding an entry adds its cases here without a line of code.
 */
import { describe, expect, it } from "vitest";
import { isReportable, type KnowledgeIndex } from "../../src/index/knowledgeIndex.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { MESSAGE_GAP } from "../../src/index/messages.js";
import { familyOfPlatform } from "../../src/knowledge/platformLabels.js";
import type { KnowledgeEntry, PlatformFamily } from "../../src/knowledge/schema.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { scanLog } from "../../src/scan/scanLog.js";
import { identifierKey } from "../../src/text/identifier.js";

const index: KnowledgeIndex = loadKnowledgeIndex();

// Ordinary lines of a healthy log, enough of them that the text is read through the gates.
const FILLER = Array.from(
  { length: 1200 },
  (_, n) =>
    `11-24 10:11:${String(n % 60).padStart(2, "0")}.${n % 1000} 4321 4411 I agora: audio frame ${n}, uid ${n * 7}`,
).join("\n");

interface Case {
  readonly label: string;
  readonly line: string;
  readonly entry: KnowledgeEntry;
  readonly code?: number;
  readonly name?: string;
}

/** The identifier a log prints for a name: the name itself, or the identifier inside a signature. */
function printedName(name: string): string | undefined {
  if (/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name)) return name;
  return undefined;
}

function nameLine(family: PlatformFamily, warning: boolean, name: string): string {
  if (family === "web")
    return `10:11:09:650 Agora-SDK [${warning ? "WARNING" : "ERROR"}]: AgoraRTCError ${name}: failed`;
  return warning
    ? `11-24 10:11:09.651  4321  4411 W AgoraRtcEngine: onWarning ${name}`
    : `11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError ${name}`;
}

function codeLine(family: PlatformFamily, warning: boolean, code: number): string {
  if (family === "web")
    return `10:11:09:650 Agora-SDK [${warning ? "WARNING" : "ERROR"}]: join failed, error_code: ${code}`;
  return warning
    ? `11-24 10:11:09.651  4321  4411 W AgoraRtcEngine: onWarning: ${code}`
    : `11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError: ${code}`;
}

const SCAN_CASES: Case[] = [];
for (const entry of index.entries.filter(isReportable)) {
  if (entry.depth === "deep") continue;
  const warning = entry.kind === "warning";
  for (const name of entry.names) {
    const printed = printedName(name.name);
    if (!printed || name.code === 0) continue;
    SCAN_CASES.push({
      label: `${entry.id}: ${printed} (${name.platform})`,
      line: nameLine(familyOfPlatform(name.platform), warning, printed),
      entry,
      name: printed,
    });
  }
  for (const code of entry.codes) {
    if (code.code === 0 || !["error", "warning", "exception"].includes(code.space)) continue;
    for (const family of code.platforms) {
      SCAN_CASES.push({
        label: `${entry.id}: ${code.code} (${family})`,
        line:
          code.space === "exception"
            ? `10:11:09:650 Agora-SDK [WARNING]: client exception, code ${code.code}`
            : codeLine(family, code.space === "warning", code.code),
        entry,
        code: code.code,
      });
    }
  }
}

/** Whether a finding shows what a case wrote: its entry, or an entry the same name or number means there too. */
function shows(found: KnowledgeEntry, item: Case): boolean {
  if (found.id === item.entry.id) return true;
  if (item.name !== undefined) {
    const key = identifierKey(item.name);
    return found.names.some((name) => identifierKey(name.name) === key);
  }
  return found.codes.some((code) => code.code === item.code);
}

describe("every error and warning of the catalogue is found by scan in a typical line of its platform", () => {
  it("has cases for the catalogue", () => {
    expect(SCAN_CASES.length).toBeGreaterThan(300);
  });

  it.each(SCAN_CASES.map((item) => [item.label, item] as const))("%s", (_label, item) => {
    const result = scanLog(index, `${FILLER}\n${item.line}\n${FILLER}\n`);
    const found = [...result.findings, ...result.otherErrors].map((finding) => finding.entry);
    expect(
      found.some((entry) => shows(entry, item)),
      `${item.line} -> ${found.map((entry) => entry.id).join(", ")}`,
    ).toBe(true);
  });
});

describe("every name and code of every entry is found by lookup", () => {
  const cases: [string, string, KnowledgeEntry][] = [];
  for (const entry of index.entries) {
    for (const name of entry.names) cases.push([`${entry.id}: ${name.name}`, name.name, entry]);
    for (const code of entry.codes) cases.push([`${entry.id}: ${code.code}`, String(code.code), entry]);
  }
  it.each(cases)("%s", (_label, query, entry) => {
    const ids = matchQuery(index, query).matches.map((match) => match.entry.id);
    expect(ids, query).toContain(entry.id);
  });
});

// The same healthy log as a browser console prints it.
const WEB_FILLER = Array.from(
  { length: 1200 },
  (_, n) =>
    `10:11:${String(n % 60).padStart(2, "0")}:${n % 1000} Agora-SDK [INFO]: [client-${n}] publish stats ok`,
).join("\n");

/** A message as a line prints it: a gap (` … `) holds a few words. */
function printedMessage(text: string): string {
  return text.split(MESSAGE_GAP.trim()).join("the front camera");
}

describe("every message of every entry is found by lookup, and by scan in a typical error or warning line", () => {
  const cases: [string, string, PlatformFamily, KnowledgeEntry][] = [];
  for (const entry of index.entries) {
    for (const message of entry.messages)
      cases.push([
        `${entry.id}: ${message.text}`,
        printedMessage(message.text),
        familyOfPlatform(message.platform),
        entry,
      ]);
  }

  it("has cases for deep and catalogue entries", () => {
    expect(cases.some(([, , , entry]) => entry.depth === "deep")).toBe(true);
    expect(cases.some(([, , , entry]) => entry.depth === "catalogue")).toBe(true);
  });

  it.each(cases)("%s", (_label, text, family, entry) => {
    expect(
      matchQuery(index, text).matches.map((match) => match.entry.id),
      text,
    ).toContain(entry.id);
    const log =
      family === "web"
        ? `${WEB_FILLER}\n10:11:09:650 Uncaught (in promise) DOMException: ${text}\n${WEB_FILLER}\n`
        : `${FILLER}\nWARN    (10:11:09:651 |    0)  4411; [adm] ${text}\n${FILLER}\n`;
    const result = scanLog(index, log);
    const found = [...result.findings, ...result.otherErrors].map((finding) => finding.entry.id);
    expect(found, text).toContain(entry.id);
  });
});
