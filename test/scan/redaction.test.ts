import { describe, expect, it } from "vitest";
import { answerQuery } from "../../src/answer/answer.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { renderAnswerBlocks } from "../../src/render/blocks/answerBlocks.js";
import { renderScanBlocks } from "../../src/render/blocks/scanBlocks.js";
import { toLookupJson } from "../../src/render/json.js";
import { toScanJson } from "../../src/render/scanJson.js";
import { renderScanText } from "../../src/render/scanText.js";
import { PLAIN_STYLE, renderAnswerText } from "../../src/render/terminal.js";
import { redactSecrets } from "../../src/scan/redact.js";
import { scanLog } from "../../src/scan/scanLog.js";
import { leakedPart, SECRET_SHAPES } from "./secretShapes.js";

const index = loadKnowledgeIndex();

describe("redaction: every secret shape", () => {
  it("has at least 150 shapes", () => {
    expect(SECRET_SHAPES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(SECRET_SHAPES.map((shape) => shape.name)).size).toBe(SECRET_SHAPES.length);
  });

  it.each(SECRET_SHAPES.map((shape) => [shape.name, shape] as const))("%s", (_name, shape) => {
    const masked = redactSecrets(shape.text);
    expect(leakedPart(masked, shape.secret), masked).toBeUndefined();
    expect(masked).toMatch(/…\[[a-z-]+\]/);

    // Scan output, text and JSON, of the paste with an error on its first line.
    {
      const result = scanLog(index, `E/agora: onError: 110 ${shape.text}`);
      expect(result.findings.length).toBeGreaterThan(0);
      const text = renderScanText(result, "en", PLAIN_STYLE);
      const json = toScanJson(result, "en");
      const slack = JSON.stringify(renderScanBlocks(result, "en"));
      for (const output of [text, JSON.stringify(json), ...json.findings.map((f) => f.evidence), slack]) {
        expect(leakedPart(output, shape.secret), output).toBeUndefined();
      }
    }

    // Echoes of a query: lookup text and JSON, and the Slack answer.
    const answer = answerQuery(index, shape.text, { defaultLang: "en" });
    const lookupJson = toLookupJson(answer);
    for (const output of [
      renderAnswerText(answer, PLAIN_STYLE),
      JSON.stringify(lookupJson),
      lookupJson.query,
      JSON.stringify(renderAnswerBlocks(answer, { shareable: true })),
    ]) {
      expect(leakedPart(output, shape.secret), output).toBeUndefined();
    }
  });
});

describe("invisible characters", () => {
  const hidden = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
  it("never reach the terminal, in a lookup echo or in scan evidence", () => {
    const answer = answerQuery(index, "no such \u202Egnirts\u200B error", { defaultLang: "en" });
    expect(renderAnswerText(answer, PLAIN_STYLE)).not.toMatch(hidden);
    const result = scanLog(index, "E/agora: onError: 110 \u202Egol.exe\u2066x\u2069\u200d");
    expect(renderScanText(result, "en", PLAIN_STYLE)).not.toMatch(hidden);
    expect(result.findings[0]?.evidence).not.toMatch(hidden);
  });
});
