/**
 * The words of names, and regexes built from them: the scanner's gates come from the knowledge,
 * so a new entry's names are found the moment its file exists.
 */

/** The words of an identifier, lower case: `ERR_JOIN_CHANNEL_REJECTED`, `onTokenPrivilegeWillExpire`, `ErrorCodeType.errAdmStartRecording`. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const MIN_ANCHOR_LENGTH = 4;

/**
 * One word per name that every spelling of it in a log holds (its longest word that is not a
 * namespace word like `err` or `agora`): an identifier without any of these is no name. Anchors
 * are letters only (`datastream` for `DATASTREAM2_NOT_AVAILABLE`): which identifiers of a line
 * are read as names never depends on the value of a digit, so lines that differ only in their
 * numbers are read alike (see quietLines).
 */
export function anchorWords(names: Iterable<string>, generic: ReadonlySet<string> = new Set()): string[] {
  const chosen = new Set<string>();
  for (const name of names) {
    const words = identifierWords(name).flatMap((word) => word.split(/[0-9]+/).filter(Boolean));
    const specific = words.filter((word) => !generic.has(word));
    const longest = specific.reduce((best, word) => (word.length > best.length ? word : best), "");
    if (longest.length >= MIN_ANCHOR_LENGTH) chosen.add(longest);
    else {
      // Only short or namespace words (`PB_ERROR`, `WARN_ADM_POP_STATE`): the longest of them all.
      const any = words.reduce((best, word) => (word.length > best.length ? word : best), "");
      if (any.length >= 3) chosen.add(any);
    }
  }
  return minimalWords(chosen);
}

/**
 * The words without those holding a shorter one of the set: the shorter one finds them too.
 * Ordered by length, then by code unit (a locale's collation would load ICU on the first scan).
 */
export function minimalWords(words: Iterable<string>): string[] {
  const sorted = [...new Set(words)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept: string[] = [];
  for (const word of sorted) if (!kept.some((shorter) => word.includes(shorter))) kept.push(word);
  return kept;
}

/**
 * A regex source matching any of the literals, written as a trie: alternatives that share a
 * first letter are grouped (`e(?:rr|xpire)`), so the engine tries fewer branches at each character.
 */
export function trieSource(literals: readonly string[]): string {
  if (literals.length === 0) return "(?!)";
  const groups = new Map<string, string[]>();
  let includesEmpty = false;
  for (const literal of literals) {
    if (literal.length === 0) {
      includesEmpty = true;
      continue;
    }
    const head = literal.slice(0, 1);
    const list = groups.get(head);
    if (list) list.push(literal.slice(1));
    else groups.set(head, [literal.slice(1)]);
  }
  const branches = [...groups].map(([head, rests]) => {
    const escaped = head.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    if (rests.length === 1) return `${escaped}${escapeLiteral(rests[0] ?? "")}`;
    return `${escaped}${group(trieSource(rests))}`;
  });
  const body = branches.length === 1 ? (branches[0] ?? "") : branches.join("|");
  return includesEmpty ? `(?:${body})?` : body;
}

function group(source: string): string {
  return source.includes("|") && !/^\(\?:.*\)\??$/.test(source) ? `(?:${source})` : source;
}

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
