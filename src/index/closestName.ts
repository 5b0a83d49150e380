/**
 * The one search for a name written with a slip (`ERR_INVLID_TOKEN`, `OPERATION_ABORT`): lookup
 * and scan both ask it, each with its own threshold, over the token names or the catalogue's.
 */
import { editDistance, letterMask, maskDistanceBound } from "../text/editDistance.js";
import type { NameKeyRecord, NameRecord } from "./knowledgeIndex.js";

/** Name keys grouped by length, with each key's letter mask: most are ruled out without a table. */
export interface NameKeySet {
  readonly byLength: ReadonlyMap<number, readonly MaskedKey[]>;
}

interface MaskedKey extends NameKeyRecord {
  readonly mask: number;
}

export function nameKeySet(keys: Iterable<NameKeyRecord>): NameKeySet {
  const byLength = new Map<number, MaskedKey[]>();
  for (const item of keys) {
    const list = byLength.get(item.key.length);
    const masked = { ...item, mask: letterMask(item.key) };
    if (list) list.push(masked);
    else byLength.set(item.key.length, [masked]);
  }
  return { byLength };
}

export interface CloseName {
  readonly record: NameRecord;
  readonly similarity: number;
}

/**
 * The key closest to `key` whose similarity (1 − edits ÷ the longer length) is at least
 * `minSimilarity`: the closest, not the first close one (`…PrivilegWillExpire` is will-expire,
 * not did-expire); of equals, the shorter key, then the first listed.
 */
export function closestName(set: NameKeySet, key: string, minSimilarity: number): CloseName | undefined {
  const maxEdits = Math.floor(key.length * (1 - minSimilarity));
  if (maxEdits < 1) return undefined;
  const keyMask = letterMask(key);
  let best: CloseName | undefined;
  for (let length = Math.max(1, key.length - maxEdits); length <= key.length + maxEdits; length++) {
    const longer = Math.max(length, key.length);
    for (const candidate of set.byLength.get(length) ?? []) {
      // Only a candidate that can do better than the best so far is worth a table.
      const limit = best
        ? Math.ceil((1 - best.similarity) * longer - 1e-9) - 1
        : Math.floor((1 - minSimilarity) * longer + 1e-9);
      if (limit < 0 || maskDistanceBound(keyMask, candidate.mask) > limit) continue;
      const distance = editDistance(key, candidate.key, limit);
      if (distance > limit) continue;
      const similarity = 1 - distance / longer;
      if (similarity >= minSimilarity && (!best || similarity > best.similarity))
        best = { record: candidate.record, similarity };
    }
  }
  return best;
}
