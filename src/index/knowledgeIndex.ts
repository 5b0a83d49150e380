import Fuse from "fuse.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import { nameLookupForms } from "../knowledge/nameForms.js";
import type {
  EntryCode,
  EntryMessage,
  EntryName,
  KnowledgeEntry,
  LocalizedText,
  PlatformFamily,
} from "../knowledge/schema.js";
import { letterMask } from "../text/editDistance.js";
import { coreIdentifierKey, identifierKey, identifierKeys } from "../text/identifier.js";
import { type Phrase, splitPhrase } from "./phrases.js";

export interface CodeRecord {
  readonly entry: KnowledgeEntry;
  readonly code: EntryCode;
}

export interface NameRecord {
  readonly entry: KnowledgeEntry;
  readonly name: EntryName;
}

export interface MessageRecord {
  readonly entry: KnowledgeEntry;
  readonly message: EntryMessage;
  /** Lower-cased text, the form queries and log lines are compared in. */
  readonly needle: string;
}

/** What a code or name means where it is not a token error (native 2 is ERR_INVALID_ARGUMENT). */
export interface OtherMeaning {
  readonly code: number;
  readonly platform: PlatformFamily;
  readonly name: string;
  readonly meaning: LocalizedText;
  /** The entry whose code this shadows. */
  readonly entry: KnowledgeEntry;
}

export interface PhraseRecord {
  readonly entry: KnowledgeEntry;
  readonly phrase: Phrase;
}

export interface VocabularyTerm {
  readonly text: string;
  /** Its {@link letterMask}, for ruling out typos without an edit distance. */
  readonly mask: number;
}

export interface NameKeyRecord {
  readonly key: string;
  readonly record: NameRecord;
}

/** Everything the matcher and scanner look up, built once when the knowledge base loads. */
export interface KnowledgeIndex {
  readonly knowledge: KnowledgeBase;
  readonly entries: readonly KnowledgeEntry[];
  /** The deep token entry of an error code (at most one a number). */
  readonly byCode: ReadonlyMap<number, CodeRecord>;
  /** The deep token entry of a name key. */
  readonly byNameKey: ReadonlyMap<string, NameRecord>;
  /**
   * Every entry with this number, deep and catalogue, on any platform and in any list (error,
   * warning, connection reason, …): a number can mean several things. Deep entries first.
   */
  readonly codeRecords: ReadonlyMap<number, readonly CodeRecord[]>;
  /** Every entry with a name of this key (full or core), one record an entry, deep entries first. */
  readonly nameRecords: ReadonlyMap<string, readonly NameRecord[]>;
  readonly nameKeys: readonly NameKeyRecord[];
  readonly messages: readonly MessageRecord[];
  /** Matches a lower-cased text holding any message needle: one pass instead of one search per message. */
  readonly messagePattern: RegExp;
  readonly otherMeaningsByCode: ReadonlyMap<number, readonly OtherMeaning[]>;
  readonly otherMeaningsByNameKey: ReadonlyMap<string, OtherMeaning>;
  readonly phrases: readonly PhraseRecord[];
  /** Every ASCII word used in a phrase: the words a typo in a query is corrected towards. */
  readonly vocabulary: ReadonlySet<string>;
  /** The vocabulary by word length: a typo is at most two letters longer or shorter than its word. */
  readonly vocabularyByLength: ReadonlyMap<number, readonly VocabularyTerm[]>;
  /** One record per distinct core key (`invalidtoken`, `dynamickeyexpired`, …): what typos are measured against. */
  readonly coreKeys: readonly NameKeyRecord[];
  /** Fuzzy search over the core keys, for "did you mean" on partial or garbled names. */
  readonly nameSuggestions: Fuse<NameKeyRecord>;
  /** Every three-letter run of a core key: a query sharing none of them cannot be a garbled name. */
  readonly coreKeyTrigrams: ReadonlySet<string>;
}

export function buildKnowledgeIndex(knowledge: KnowledgeBase): KnowledgeIndex {
  const byCode = new Map<number, CodeRecord>();
  const byNameKey = new Map<string, NameRecord>();
  const codeRecords = new Map<number, CodeRecord[]>();
  let nameRecords: ReadonlyMap<string, readonly NameRecord[]> | undefined;
  const messages: MessageRecord[] = [];
  const otherMeaningsByCode = new Map<number, OtherMeaning[]>();
  const otherMeaningsByNameKey = new Map<string, OtherMeaning>();
  const phrases: PhraseRecord[] = [];
  const vocabulary = new Set<string>();

  for (const entry of knowledge.entries) {
    for (const code of entry.codes) {
      pushTo(codeRecords, code.code, { entry, code });
    }
  }

  for (const entry of knowledge.entries) {
    if (entry.depth !== "deep") continue;
    for (const code of entry.codes) {
      if (code.space === "error") byCode.set(code.code, { entry, code });
      for (const other of code.otherMeanings) {
        const meaning: OtherMeaning = { code: code.code, entry, ...other };
        const list = otherMeaningsByCode.get(code.code) ?? [];
        list.push(meaning);
        otherMeaningsByCode.set(code.code, list);
        for (const key of identifierKeys(other.name)) otherMeaningsByNameKey.set(key, meaning);
      }
    }
    for (const name of entry.names) {
      for (const key of identifierKeys(name.name)) {
        if (!byNameKey.has(key)) byNameKey.set(key, { entry, name });
      }
    }
    for (const message of entry.messages) {
      messages.push({ entry, message, needle: message.text.toLowerCase() });
    }
    for (const lang of ["en", "zh"] as const) {
      for (const keyword of entry.keywords[lang]) {
        const phrase = splitPhrase(keyword, lang);
        phrases.push({ entry, phrase });
        for (const term of phrase.terms) if (term.ascii) vocabulary.add(term.text);
      }
    }
  }

  const vocabularyByLength = new Map<number, VocabularyTerm[]>();
  for (const text of vocabulary) {
    const term = { text, mask: letterMask(text) };
    const bucket = vocabularyByLength.get(text.length);
    if (bucket) bucket.push(term);
    else vocabularyByLength.set(text.length, [term]);
  }

  const nameKeys = [...byNameKey].map(([key, record]) => ({ key, record }));
  const coreKeys = new Map<string, NameKeyRecord>();
  for (const entry of knowledge.entries) {
    if (entry.depth !== "deep") continue;
    for (const name of entry.names) {
      const key = coreIdentifierKey(name.name);
      if (!coreKeys.has(key)) coreKeys.set(key, { key, record: { entry, name } });
    }
  }
  const coreKeyTrigrams = new Set<string>();
  for (const key of coreKeys.keys()) {
    for (let start = 0; start + 3 <= key.length; start++) coreKeyTrigrams.add(key.slice(start, start + 3));
  }
  const nameSuggestions = new Fuse([...coreKeys.values()], {
    keys: ["key"],
    includeScore: true,
    threshold: 0.3,
    ignoreLocation: true,
  });

  return {
    knowledge,
    entries: knowledge.entries,
    byCode,
    byNameKey,
    codeRecords,
    // Built on first use: keying every name of the catalogue is the costliest part of indexing,
    // and start-up (`/healthz`) should not wait for it.
    get nameRecords() {
      nameRecords ??= buildNameRecords(knowledge.entries);
      return nameRecords;
    },
    nameKeys,
    messages,
    messagePattern: anyOf(messages.map((record) => record.needle)),
    otherMeaningsByCode,
    otherMeaningsByNameKey,
    phrases,
    vocabulary,
    vocabularyByLength,
    coreKeys: [...coreKeys.values()],
    nameSuggestions,
    coreKeyTrigrams,
  };
}

/**
 * Every entry a name key stands for, the most exact reading first: a name as written, then the
 * method or event inside a signature (`renewToken`), then a name without its SDK prefix
 * (`INVALID_ARGUMENT` for `ERR_INVALID_ARGUMENT`), each only where no earlier reading has the key.
 */
function buildNameRecords(entries: readonly KnowledgeEntry[]): Map<string, NameRecord[]> {
  const records = new Map<string, NameRecord[]>();
  const readings: ((name: string) => string[])[] = [
    (name) => [identifierKey(name)],
    (name) => nameLookupForms(name).map((form) => identifierKey(form)),
    (name) => [name, ...nameLookupForms(name)].map((form) => coreIdentifierKey(form)),
  ];
  for (const reading of readings) {
    const known = new Set(records.keys());
    for (const entry of entries) {
      for (const name of entry.names) {
        for (const key of reading(name.name)) {
          if (!known.has(key)) addNameRecord(records, key, { entry, name });
        }
      }
    }
  }
  return records;
}

function addNameRecord(map: Map<string, NameRecord[]>, key: string, record: NameRecord): void {
  const records = map.get(key);
  if (!records) map.set(key, [record]);
  else if (!records.some((item) => item.entry === record.entry)) records.push(record);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A regex matching any of the literals; one that matches nothing when there are none. */
function anyOf(literals: readonly string[]): RegExp {
  if (literals.length === 0) return /(?!)/;
  return new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
}
