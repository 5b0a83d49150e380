/**
 * The catalogue's errors and warnings in a log line: every Agora error that is not one of the
 * token errors. The same precision rules as for token errors, read from the knowledge: a name
 * written the way an SDK writes it, or a number in an error (or warning) context, on the platform
 * the log comes from. `0` / `ERR_OK` is success, never a finding.
 */

import { closestName } from "../index/closestName.js";
import {
  type CodeRecord,
  isReportable,
  type KnowledgeIndex,
  type NameRecord,
} from "../index/knowledgeIndex.js";
import { findNames } from "../index/nameLookup.js";
import { NAME_TYPO_SIMILARITY } from "../index/vocabulary.js";
import { familyOfPlatform } from "../knowledge/platformLabels.js";
import type { CodeSpace, PlatformFamily } from "../knowledge/schema.js";
import { coreIdentifierKey, identifierKeys } from "../text/identifier.js";
import { isNativeFamily, isWebFamily } from "./sdkFamily.js";
import type { SdkFamily } from "./types.js";

export function platformFamilyOf(family: SdkFamily): PlatformFamily | undefined {
  if (isWebFamily(family)) return "web";
  return isNativeFamily(family) ? "native" : undefined;
}

const isCatalogue = (record: { entry: CodeRecord["entry"] }) =>
  record.entry.depth === "catalogue" && isReportable(record.entry);

// Written as code writes a name: capitals with underscores, camelCase, or a dotted enum member.
// `invalid_appid` (a REST answer) and `failed` (a word) are not SDK names.
const WRITTEN_AS_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$|[a-z][A-Z]|^[A-Z][a-z]+[A-Z]|\.[A-Za-z]/;
// A name of one word (`FAILED`, `TIMEOUT`) is only a finding in an SDK's error format beside it.
const ERROR_FORMAT_BEFORE = /(?:error|exception|err|code|warning|warn)[\s:=("'[]{0,4}$/;
const WARNING_WORD = /warn/;

/** Whether an identifier is written the way an SDK writes a name: neither lookup below reads one that is not. */
export function writtenAsName(text: string): boolean {
  return WRITTEN_AS_NAME.test(text);
}

/**
 * The catalogue entry an identifier of a line names, if it is written as an SDK writes it. A name
 * several entries share (one per platform) is read on the line's platform.
 */
export function lookUpCatalogueName(
  index: KnowledgeIndex,
  text: string,
  before: string,
  lower: string,
  family: SdkFamily,
): NameRecord | undefined {
  if (!WRITTEN_AS_NAME.test(text)) return undefined;
  const records = findNames(index, identifierKeys(text).slice(0, 2), isCatalogue);
  if (!records) return undefined;
  if (!text.includes("_") && !/[a-z][A-Z]/.test(text) && !ERROR_FORMAT_BEFORE.test(before)) return undefined;
  if (/^[A-Z0-9]+$/.test(text.replace(/^.*\./, "")) && !ERROR_FORMAT_BEFORE.test(before)) return undefined;
  const platform = platformFamilyOf(family);
  const record = records.find((item) => familyOfPlatform(item.name.platform) === platform) ?? records[0];
  if (!record || record.name.code === 0 || record.entry.codes.some((code) => code.code === 0))
    return undefined;
  if (record.entry.kind === "warning" && !WARNING_WORD.test(lower)) return undefined;
  return record;
}

/**
 * The catalogue entry of a number in a context: the first of its lists (see spacesFor) that has
 * it on the log's platform; none for 0. With the platform unknown, the native meaning of a number
 * the two families share.
 */
export function lookUpCatalogueCode(
  index: KnowledgeIndex,
  code: number,
  spaces: readonly CodeSpace[],
  family: SdkFamily,
): CodeRecord | undefined {
  if (code === 0) return undefined;
  const platform = platformFamilyOf(family);
  for (const space of spaces) {
    const records = (index.codeRecords.get(code) ?? []).filter(
      (record) => isCatalogue(record) && record.code.space === space,
    );
    if (platform) {
      const found = records.find((record) => record.code.platforms.includes(platform));
      if (found) return found;
      continue;
    }
    const entries = new Set(records.map((record) => record.entry.id));
    const found =
      entries.size === 1 ? records[0] : records.find((record) => record.code.platforms.includes("native"));
    if (found) return found;
  }
  return undefined;
}

/**
 * The lists a number in context is looked up in, in order: an error word means an error (or an
 * exception event), a warning word a warning; a number beside an error word on a line that says
 * warning (`[WARNING] … error_code: 103`) may be a warning too.
 */
export function spacesFor(warningWord: boolean, lower: string): readonly CodeSpace[] {
  if (warningWord) return WARNING_ONLY;
  return WARNING_WORD.test(lower) ? ERROR_THEN_WARNING : ERROR_ONLY;
}

const WARNING_ONLY: readonly CodeSpace[] = ["warning"];
const ERROR_ONLY: readonly CodeSpace[] = ["error", "exception"];
const ERROR_THEN_WARNING: readonly CodeSpace[] = ["error", "exception", "warning"];

const MIN_TYPO_KEY_LENGTH = 10;

/**
 * A catalogue name printed with a slip or cut short (`OPERATION_ABORT`), right after the SDK's
 * error format: the closest name within the shared typo threshold.
 */
export function lookUpCatalogueTypo(
  index: KnowledgeIndex,
  text: string,
  before: string,
  lower: string,
): NameRecord | undefined {
  if (!WRITTEN_AS_NAME.test(text) || !ERROR_FORMAT_BEFORE.test(before)) return undefined;
  const key = coreIdentifierKey(text);
  if (key.length < MIN_TYPO_KEY_LENGTH) return undefined;
  const close = closestName(index.catalogueNameKeys, key, NAME_TYPO_SIMILARITY);
  if (!close || (close.record.entry.kind === "warning" && !WARNING_WORD.test(lower))) return undefined;
  return close.record;
}
