import { describe, expect, it } from "vitest";
import { answerForEntry, answerQuery } from "../../src/answer/answer.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { renderAnswerBlocks } from "../../src/render/blocks/answerBlocks.js";
import {
  ENTRIES_PER_PAGE,
  renderCategoryBlocks,
  renderHelpBlocks,
  renderHomeView,
  renderListBlocks,
} from "../../src/render/blocks/helpBlocks.js";
import { BLOCK_LIMITS, fitMessage, overflows } from "../../src/render/blocks/limits.js";
import { MAX_DETAILED_FINDINGS, renderScanBlocks } from "../../src/render/blocks/scanBlocks.js";
import type { Block, SlackMessage } from "../../src/render/blocks/types.js";
import type { Finding, ScanResult } from "../../src/scan/types.js";

const index = loadKnowledgeIndex();

function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocks);
  expect(message.text.length).toBeLessThan(4000);
  expect(JSON.stringify(message.blocks).length).toBeLessThan(12_000);
  for (const block of message.blocks) expectBlockWithinLimits(block);
}

function expectBlockWithinLimits(block: Block): void {
  if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
  if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(3000);
  if (block.type === "context") {
    expect(block.elements.length).toBeLessThanOrEqual(10);
    for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(2000);
  }
  if (block.type === "actions") {
    for (const button of block.elements) {
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
    }
  }
}

describe("Block Kit limits", () => {
  it.each(index.entries.map((entry) => entry.id))(
    "hold for the answer card of %s, in both languages, shared or not",
    (id) => {
      for (const lang of ["en", "zh"] as const) {
        const answer = answerForEntry(index, id, lang);
        if (!answer) throw new Error(id);
        expectWithinLimits(renderAnswerBlocks(answer, { shareable: true }));
        expectWithinLimits(renderAnswerBlocks(answer, { sharedBy: "U1" }));
      }
    },
  );

  it("hold for a query naming every entry at once", () => {
    const answer = answerQuery(index, "101 109 110 119 120 onTokenPrivilegeWillExpire onRequestToken", {
      defaultLang: "en",
    });
    // The seven token entries, and the native error and warning 119 and the native error 120.
    expect(answer.items.filter((item) => item.entry.depth === "deep")).toHaveLength(7);
    expectWithinLimits(renderAnswerBlocks(answer, { shareable: true }));
  });

  it("hold for a huge hostile query with no match", () => {
    const message = renderAnswerBlocks(
      answerQuery(index, `${"<!channel> ".repeat(2000)}token`, { defaultLang: "en" }),
      { shareable: true },
    );
    expectWithinLimits(message);
    expect(JSON.stringify(message)).not.toContain("<!channel>");
  });

  it("hold for many generated findings, showing the most important and how many more", () => {
    const entries = index.entries;
    const findings: Finding[] = Array.from({ length: 200 }, (_, n) => ({
      entry: entries[n % entries.length] ?? (entries[0] as (typeof entries)[number]),
      code: 110,
      name: `ERR_${"X".repeat(n % 300)}`,
      matchedText: "x",
      evidence: `${"<@U1> &".repeat(60)} evidence ${n}`,
      lines: Array.from({ length: 20 }, (_, line) => line + n),
      count: 1000,
      platform: "web-4x",
      confidence: "high",
    }));
    const result: ScanResult = {
      platform: "web-4x",
      findings,
      lineCount: 1,
      bytesScanned: 1,
      cut: { lines: 3, firstLine: 1, skippedBytes: 7, lineLimitBytes: 1_048_576 },
    };
    for (const lang of ["en", "zh"] as const) {
      const message = renderScanBlocks(
        result,
        lang,
        Array.from({ length: 30 }, (_, n) => ({
          kind: "file-skipped",
          name: `note ${n} ${"x".repeat(500)}`,
        })),
      );
      expectWithinLimits(message);
      const shown = message.blocks.filter((block) => block.type === "divider").length + 1;
      expect(shown).toBeGreaterThanOrEqual(1);
      expect(shown).toBeLessThanOrEqual(MAX_DETAILED_FINDINGS);
      const more = lang === "en" ? `+${200 - shown} more: ` : `另有 ${200 - shown} 项：`;
      expect(JSON.stringify(message.blocks.at(-1))).toContain(more);
      expect(message.blocks[0]).toMatchObject({ type: "context" });
      expect(JSON.stringify(message.blocks)).toMatch(
        lang === "en" ? /200 Agora token errors found/ : /发现 200 个/,
      );
      expect(JSON.stringify(message.blocks)).not.toContain("<@U1>");
    }
  });

  it("hold for help, list and App Home", () => {
    for (const lang of ["en", "zh"] as const) {
      expectWithinLimits(renderHelpBlocks(lang));
      expectWithinLimits(renderListBlocks(index, lang));
      expectWithinLimits(renderListBlocks(index, lang, "`nothing` <!here>".repeat(50)));
      expect(renderHomeView(index, lang).blocks.length).toBeLessThanOrEqual(100);
    }
  });

  it("hold for every page of every category, and no page drops an entry", () => {
    for (const lang of ["en", "zh"] as const) {
      for (const category of index.knowledge.categories) {
        const total = index.entries.filter((entry) => entry.category.id === category.id).length;
        let lines = 0;
        for (let page = 0; page * ENTRIES_PER_PAGE < total; page++) {
          const message = renderCategoryBlocks(index, category, lang, page);
          expectWithinLimits(message);
          expect(overflows(message), `${category.id} page ${page}`).toBe(false);
          for (const block of message.blocks)
            if (block.type === "section") lines += block.text.text.split("\n").length;
        }
        expect(lines, category.id).toBe(total);
      }
    }
  });

  it("cuts any oversized block and says what it dropped", () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, n) => ({
      type: "section",
      text: { type: "mrkdwn", text: `${n} ${"a&amp;".repeat(1000)}` },
    }));
    const message = fitMessage({ text: "t".repeat(10_000), blocks }, (dropped) => `+${dropped} more`);
    expectWithinLimits(message);
    const last = message.blocks.at(-1);
    expect(last?.type === "context" && last.elements[0]?.text).toMatch(/^\+\d+ more$/);
  });
});

describe("a log with an Agora error that is not a token error", () => {
  const entry = index.entries[0];
  if (!entry) throw new Error("no entries");
  const other: Finding = {
    entry,
    code: 17,
    name: "ERR_JOIN_CHANNEL_REJECTED",
    matchedText: "ERR_JOIN_CHANNEL_REJECTED",
    evidence: "onError: 17 ERR_JOIN_CHANNEL_REJECTED",
    lines: [3],
    count: 1,
    platform: "android",
    confidence: "high",
  };
  const result: ScanResult = {
    platform: "android",
    findings: [],
    otherErrors: [other],
    lineCount: 5,
    bytesScanned: 99,
  };

  it("says so instead of asking for the log again, in Slack and on the terminal", async () => {
    const { renderScanText } = await import("../../src/render/scanText.js");
    const { PLAIN_STYLE } = await import("../../src/render/terminal.js");
    for (const lang of ["en", "zh"] as const) {
      const message = renderScanBlocks(result, lang);
      expectWithinLimits(message);
      const shown = JSON.stringify(message.blocks);
      expect(shown).toContain(lang === "en" ? "This is not a token error" : "这不是 Token 错误");
      expect(shown).toContain("ERR_JOIN_CHANNEL_REJECTED");
      expect(shown).not.toMatch(/Paste the console|请粘贴/);
      const text = renderScanText(result, lang, PLAIN_STYLE);
      expect(text).toContain(lang === "en" ? "This is not a token error" : "这不是 Token 错误");
      expect(text).not.toMatch(/Paste the console|请粘贴/);
    }
    const empty = renderScanBlocks({ ...result, otherErrors: [] }, "en");
    expect(JSON.stringify(empty.blocks)).toContain("Paste the console");
  });
});

describe("a note put above a finished reply", () => {
  it("keeps the reply within 50 blocks, the note first (a reply at the limit gets no 51st block)", async () => {
    const { withNote } = await import("../../src/render/blocks/replyNotes.js");
    const full = fitMessage(
      {
        text: "many",
        lang: "en",
        blocks: Array.from(
          { length: 80 },
          (_, n): Block => ({ type: "section", text: { type: "mrkdwn", text: `item ${n}` } }),
        ),
      },
      (count) => `+${count} more`,
    );
    expect(full.blocks).toHaveLength(50);
    for (const note of [
      { kind: "thread-parent" },
      { kind: "not-in-channel" },
      { kind: "post-failed" },
    ] as const) {
      const noted = withNote(full, note, "en");
      expectWithinLimits(noted);
      expect(noted.blocks[0]?.type).toBe("context");
      expect(JSON.stringify(noted.blocks.at(-1))).toMatch(/\+\d+ more/);
    }
  });
});
