/**
 * The one exact name lookup, for lookup and scan alike: what they each accept differs (a scan
 * reads a name only as an SDK prints it), how a name is found does not.
 */
import { identifierKeys } from "../text/identifier.js";
import type { KnowledgeIndex, NameRecord } from "./knowledgeIndex.js";

/**
 * The records of the first of an identifier's keys (its full key first, its core key last) that
 * has any `accept` takes, with that key's position; undefined when none has.
 */
export function findNames(
  index: KnowledgeIndex,
  keys: readonly string[],
  accept: (record: NameRecord, position: number, key: string) => boolean,
): readonly NameRecord[] | undefined {
  for (const [position, key] of keys.entries()) {
    const records = (index.nameRecords.get(key) ?? []).filter((record) => accept(record, position, key));
    if (records.length > 0) return records;
  }
  return undefined;
}

// A dotted part shorter than this (`on`, `err`, `code`) names nothing by itself.
const MIN_PART_KEY_LENGTH = 6;

/**
 * The token entry an identifier names: by any of its keys, or by one of its dotted or colon
 * parts, the last first (`ErrorCodeType.errTokenExpired`, `client.on:token-privilege-did-expire`).
 */
export function findTokenName(
  index: KnowledgeIndex,
  text: string,
  keys: readonly string[] = identifierKeys(text),
): NameRecord | undefined {
  for (const key of keys) {
    const record = index.byNameKey.get(key);
    if (record) return record;
  }
  if (!text.includes(".") && !text.includes(":")) return undefined;
  const parts = text.split(/[.:]/).filter(Boolean);
  if (parts.length < 2) return undefined;
  for (const part of parts.reverse()) {
    for (const key of identifierKeys(part)) {
      const record = index.byNameKey.get(key);
      if (record && key.length >= MIN_PART_KEY_LENGTH) return record;
    }
  }
  return undefined;
}
