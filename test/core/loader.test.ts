import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError } from "../../src/errors.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";

const realDir = defaultKnowledgeDir();
const realFiles = readdirSync(realDir).filter((name) => name.endsWith(".yaml"));
const tokenExpired = readFileSync(join(realDir, "token-expired.yaml"), "utf8");

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the real knowledge base with some files replaced or added. */
function knowledgeWith(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), "agora-kb-"));
  dirs.push(dir);
  for (const name of realFiles) writeFileSync(join(dir, name), readFileSync(join(realDir, name)));
  for (const [name, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError)
      return error.problems.map((p) => `${p.file.split("/").pop()}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("loading the knowledge base", () => {
  it("loads every entry of the real knowledge base", () => {
    const kb = loadKnowledge();
    const deep = kb.entries.filter((entry) => entry.depth === "deep");
    expect(deep.map((entry) => entry.id).sort()).toEqual([
      "dynamic-use-static-key",
      "invalid-app-id",
      "invalid-token",
      "static-use-dynamic-key",
      "token-expired",
      "token-privilege-did-expire",
      "token-privilege-will-expire",
    ]);
  });

  it("has every deep entry in both languages, with numbered fix steps and keywords", () => {
    for (const entry of loadKnowledge().entries.filter((item) => item.depth === "deep")) {
      for (const lang of ["en", "zh"] as const) {
        expect(entry.title[lang]).not.toBe("");
        expect(entry.fix[lang].length).toBeGreaterThan(0);
        expect(entry.causes[lang].length).toBeGreaterThan(0);
        expect(entry.keywords[lang].length).toBeGreaterThan(0);
      }
      expect(entry.fix.en.length).toBe(entry.fix.zh.length);
    }
  });

  it("names the file and the line of a YAML syntax error", () => {
    const problems = problemsOf(
      knowledgeWith({ "token-expired.yaml": "id: token-expired\ntitle: [unclosed\n" }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^token-expired\.yaml: : YAML syntax error at line \d+/);
  });

  it("names the field and what was expected", () => {
    const broken = tokenExpired.replace(/^title:\n {2}en: Token expired\n/m, "title:\n  en: 42\n");
    const problems = problemsOf(knowledgeWith({ "token-expired.yaml": broken }));
    expect(problems).toEqual([expect.stringMatching(/^token-expired\.yaml: title\.en: .*expected string/i)]);
  });

  it("reports a missing required field", () => {
    const broken = tokenExpired.replace(/^docs:\n(?: {2}.*\n)+/m, "");
    expect(problemsOf(knowledgeWith({ "token-expired.yaml": broken }))).toEqual([
      expect.stringMatching(/^token-expired\.yaml: docs: /),
    ]);
  });

  it("reports an unknown field (a typo of a real one)", () => {
    const broken = tokenExpired.replace(/^symptom:/m, "symtom: x\nsymptom:");
    expect(problemsOf(knowledgeWith({ "token-expired.yaml": broken }))).toEqual([
      expect.stringMatching(/token-expired\.yaml: : .*symtom/),
    ]);
  });

  it("reports an unknown platform in a name with its index", () => {
    const broken = tokenExpired.replace("platform: web-4x }", "platform: web-5x }");
    expect(problemsOf(knowledgeWith({ "token-expired.yaml": broken }))[0]).toMatch(/names\[7\]\.platform: /);
  });

  it("reports an id that does not match the file name", () => {
    expect(
      problemsOf(
        knowledgeWith({ "token-expired.yaml": tokenExpired.replace("id: token-expired", "id: expired") }),
      ),
    ).toEqual(['token-expired.yaml: id: id "expired" must match the file name "token-expired"']);
  });

  it("reports a name claimed by two entries, in any spelling", () => {
    const copy = tokenExpired
      .replace("id: token-expired", "id: copy")
      .replace(/^codes:\n(?:(?: {2}.*)\n)+/m, "codes:\n  - code: 9999\n    platforms: [web]\n")
      .replace(/^names:\n(?:(?: {2}.*)\n)+/m, "names:\n  - { name: err-no-authorized, platform: web-4x }\n")
      .replace(/^messages:\n(?:(?: {2}.*)\n)+/m, "messages: []\n")
      .replace(/^ {2}entries: .*$/m, "  entries: []");
    // copy.yaml sorts first, so the real entries are the ones reported as clashing with it.
    expect(problemsOf(knowledgeWith({ "copy.yaml": copy }))).toEqual([
      'invalid-token.yaml: names[2].name: "ERR_NO_AUTHORIZED" is ambiguous: it reads the same as "err-no-authorized" in entry copy',
      'invalid-token.yaml: names[3].name: "NO_AUTHORIZED" is ambiguous: it reads the same as "err-no-authorized" in entry copy',
      'invalid-token.yaml: names[12].name: "NO_AUTHORIZED" is ambiguous: it reads the same as "err-no-authorized" in entry copy',
      'invalid-token.yaml: names[13].name: "NO_AUTHORIZED" is ambiguous: it reads the same as "err-no-authorized" in entry copy',
    ]);
  });

  it("reports a code claimed by two entries on the same platform", () => {
    const broken = tokenExpired
      .replace("  - code: 2\n", "  - code: 110\n")
      .replace("code: 2, seedTable", "code: 110, seedTable");
    const problems = problemsOf(knowledgeWith({ "token-expired.yaml": broken }));
    expect(
      problems.some((p) =>
        /web code 110 is ambiguous: entry (invalid-token|token-expired) claims it too/.test(p),
      ),
    ).toBe(true);
  });

  it("reports a related entry that does not exist", () => {
    const broken = tokenExpired.replace("entries: [token-privilege-will-expire", "entries: [no-such-entry");
    expect(problemsOf(knowledgeWith({ "token-expired.yaml": broken }))).toEqual([
      'token-expired.yaml: related.entries[0]: no entry with id "no-such-entry"',
    ]);
  });

  it("reports a missing Chinese translation", () => {
    const broken = tokenExpired.replace("  zh: Token 已过期\n", "");
    expect(problemsOf(knowledgeWith({ "token-expired.yaml": broken }))).toEqual([
      expect.stringMatching(/^token-expired\.yaml: title\.zh: /),
    ]);
  });

  it("rejects binary and non-mapping files with a clear message", () => {
    expect(problemsOf(knowledgeWith({ "bin.yaml": "\u0000\u0001\u0002" }))).toEqual([
      "bin.yaml: : binary content: expected a UTF-8 YAML text file",
    ]);
    expect(problemsOf(knowledgeWith({ "list.yaml": "- a\n- b\n" }))).toEqual([
      "list.yaml: : expected a mapping of fields (id, title, codes, …)",
    ]);
  });

  it("reports an empty or missing directory", () => {
    const empty = mkdtempSync(join(tmpdir(), "agora-kb-empty-"));
    dirs.push(empty);
    expect(problemsOf(empty)[0]).toMatch(/no knowledge files/);
    expect(problemsOf(join(empty, "nope"))[0]).toMatch(/cannot read directory/);
  });

  it("collects problems from several files at once", () => {
    const problems = problemsOf(
      knowledgeWith({
        "a.yaml": "id: [",
        "token-expired.yaml": tokenExpired.replace("kind: error", "kind: warning"),
      }),
    );
    expect(problems).toHaveLength(2);
  });
});
