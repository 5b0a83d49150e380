import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { CODE_NOUN_HINT, CODE_NOUN_SOURCE } from "../../src/index/vocabulary.js";
import { scanLog } from "../../src/scan/scanLog.js";

const index = loadKnowledgeIndex();
const ids = (text: string) => scanLog(index, text).findings.map((finding) => finding.entry.id);
// Past the size a text is read whole at: the lines go through the gate.
const filler = `${"x".repeat(70_000)}\n`;

describe("hints that leave a line pattern unrun", () => {
  it("every noun a code may come before holds the noun hint", () => {
    for (const noun of CODE_NOUN_SOURCE.split("|"))
      expect(CODE_NOUN_HINT.test(noun.replace(/\\b/g, ""))).toBe(true);
  });

  // The gate holds `code` only before a token error's number; the scanner read every `code` and
  // skipped past it, so nothing may start inside a `code` the gate now leaves out.
  it("no gate word starts inside a `code` word", () => {
    const sticky = new RegExp(index.lineWords.source, "iy");
    for (const after of ["", " ", "0", "7", ":", "-", "_", "=", "(", '"', ".", "\t"]) {
      for (const text of [`code${after}999 x`, `CODE${after}999 x`]) {
        for (let at = 1; at < 4; at++) {
          sticky.lastIndex = at;
          expect(sticky.test(text), `${text} at ${at}`).toBe(false);
        }
      }
    }
  });

  it("a token code after `code` is read with any separators the scanner allows and leading zeros", () => {
    for (const separators of ["", " ", ": ", "=", "=-", "\t", "(", "[#", '"', "{", ",", " ".repeat(6)])
      for (const digits of ["110", "0110", "0000110"])
        expect(
          ids(`${filler}I/agora: join result code${separators}${digits} done\n`),
          separators + digits,
        ).toEqual(["invalid-token"]);
    // Up to eight separators the line is read (a name with no gate word of its own is found on it).
    const other = (text: string) =>
      scanLog(index, `${filler}I/agora: join result ${text} CAN_NOT_GET_GATEWAY_SERVER\n`).otherErrors.length;
    expect(other(`code${" ".repeat(8)}110`)).toBe(1);
    expect(other(`code${" ".repeat(9)}110`)).toBe(0);
    // Nine separators, a longer number, or one read as 11 after seven digits: no token code.
    for (const text of [`code${" ".repeat(9)}110`, "code 1100", "code 00000110", "code 999"])
      expect(ids(`${filler}I/agora: join result ${text} done\n`), text).toEqual([]);
  });

  it("a code before each kind of noun is still read", () => {
    for (const noun of ["error", "errors", "err", "code", "错误", "报错", "异常"])
      expect(ids(`E/agora: join failed, 110 ${noun}`)).toContain("invalid-token");
  });

  it("a code with its meaning in brackets is still read, with or without a space", () => {
    expect(ids("E/agora: join: 110 (invalid token)")).toContain("invalid-token");
    expect(ids("E/agora: join: 110\t(invalid token)")).toContain("invalid-token");
    expect(ids("E/agora: join: 109(expired)")).toContain("token-expired");
  });
});
