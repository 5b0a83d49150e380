import { createRequire } from "node:module";
import type Fuse from "fuse.js";
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
import { type NameKeySet, nameKeySet } from "./closestName.js";
import { type MessageForm, messageForm } from "./messages.js";
import { anchorWords, identifierWords, minimalWords, trieSource } from "./nameWords.js";
import { type Phrase, splitPhrase } from "./phrases.js";
import { buildSymptoms, type SymptomRecord } from "./symptoms.js";
import {
  CODE_SEPARATORS,
  CODE_SEPARATORS_MAX,
  FAULT_TERMS,
  LINE_WORDS,
  NAMESPACE_WORDS,
  PHRASE_SUBJECTS,
} from "./vocabulary.js";

export interface CodeRecord {
  readonly entry: KnowledgeEntry;
  readonly code: EntryCode;
}

export interface NameRecord {
  readonly entry: KnowledgeEntry;
  readonly name: EntryName;
}

export interface MessageRecord extends MessageForm {
  readonly entry: KnowledgeEntry;
  readonly message: EntryMessage;
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

/** Words grouped by length, each with its letter mask: a typo is measured only against words near its length. */
export function termsByLength(words: Iterable<string>): Map<number, VocabularyTerm[]> {
  const byLength = new Map<number, VocabularyTerm[]>();
  for (const text of words) {
    const term = { text, mask: letterMask(text) };
    const bucket = byLength.get(text.length);
    if (bucket) bucket.push(term);
    else byLength.set(text.length, [term]);
  }
  return byLength;
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
  /** Connection-state reasons by number (8: invalid token): a `reason` number counts only in that callback. */
  readonly byReason: ReadonlyMap<number, NameRecord>;
  /**
   * Every entry with this number, deep and catalogue, on any platform and in any list (error,
   * warning, connection reason, …): a number can mean several things. Deep entries first.
   */
  readonly codeRecords: ReadonlyMap<number, readonly CodeRecord[]>;
  /** Every entry with a name of this key (full or core), one record an entry, deep entries first. */
  readonly nameRecords: ReadonlyMap<string, readonly NameRecord[]>;
  readonly nameKeys: readonly NameKeyRecord[];
  /**
   * The scanner's gates, built from every name a log can report (deep entries, catalogue errors
   * and warnings): a line holding none of `lineWords` is skipped unread, and only identifiers
   * holding one of `nameWords` are looked up. Both are global and read lower-cased text.
   */
  readonly lineWords: RegExp;
  readonly nameWords: RegExp;
  /** Negative native codes of three digits and more, which need no word beside them (`-110`). */
  readonly negativeCodes: RegExp;
  /** The same codes as numbers: the scanner checks each `-` followed by three digits against them. */
  readonly returnedCodes: ReadonlySet<number>;
  readonly messages: readonly MessageRecord[];
  /** The same, longest first: a message inside a longer one is read as the longer one. */
  readonly messagesLongestFirst: readonly MessageRecord[];
  /**
   * Matches a lower-cased text that may hold one of the messages written in ASCII: each
   * message's longest part, one pass instead of one search per message. Long literals only, so
   * the regex engine skips ahead far on the many lines that hold none.
   */
  readonly messagePattern: RegExp;
  /** The same for the messages in other scripts (`权限被拒绝`): only a line that is not ASCII needs it. */
  readonly messagePatternNonAscii: RegExp;
  readonly otherMeaningsByCode: ReadonlyMap<number, readonly OtherMeaning[]>;
  readonly otherMeaningsByNameKey: ReadonlyMap<string, OtherMeaning>;
  readonly phrases: readonly PhraseRecord[];
  /** The phrases that name an error by themselves when written out in a log or post line (see PHRASE_SUBJECTS). */
  readonly linePhrases: readonly PhraseRecord[];
  /** Token names of three words and more, as a pattern that also reads them split by spaces or dashes. */
  readonly spacedNames: readonly { readonly record: NameRecord; readonly pattern: RegExp }[];
  /** Any of the spaced names: one search a line before trying each. */
  readonly spacedNamePattern: RegExp;
  /** Symptoms described in words (the entries' `likelyWhen`), compiled. */
  readonly symptoms: readonly SymptomRecord[];
  /** Matches a lower-cased line holding a fault word of some line phrase: most lines with "token" hold none. */
  readonly linePhraseGate: RegExp;
  /** Every ASCII word used in a phrase: the words a typo in a query is corrected towards. */
  readonly vocabulary: ReadonlySet<string>;
  /** The vocabulary by word length: a typo is at most two letters longer or shorter than its word. */
  readonly vocabularyByLength: ReadonlyMap<number, readonly VocabularyTerm[]>;
  /** The token entries' distinct core keys (`invalidtoken`, `dynamickeyexpired`, …): what a slip in one of their names is measured against. */
  readonly tokenNameKeys: NameKeySet;
  /** The same for the catalogue's errors and warnings. */
  readonly catalogueNameKeys: NameKeySet;
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

  for (const entry of knowledge.entries) {
    for (const code of entry.codes) {
      pushTo(codeRecords, code.code, { entry, code });
    }
  }

  for (const entry of knowledge.entries) {
    for (const message of entry.messages) messages.push({ entry, message, ...messageForm(message.text) });
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
  }

  const byReason = new Map<number, NameRecord>();
  for (const [code, records] of codeRecords) {
    for (const record of records) {
      if (record.code.space !== "connection-reason" || byReason.has(code)) continue;
      const name = record.entry.names.find((item) => item.code === code);
      if (name) byReason.set(code, { entry: record.entry, name });
    }
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
  let scanGates: ScanGates | undefined;
  // The scanner's parts and the fuzzy suggestions are built on first use: a one-off lookup
  // (`agora-bot lookup 118`) needs neither.
  let spaced: { record: NameRecord; pattern: RegExp }[] | undefined;
  let spacedPattern: RegExp | undefined;
  let nameSuggestions: Fuse<NameKeyRecord> | undefined;
  let tokenNameKeys: NameKeySet | undefined;
  let catalogueNameKeys: NameKeySet | undefined;
  let messagePattern: RegExp | undefined;
  let messagePatternNonAscii: RegExp | undefined;
  let symptoms: readonly SymptomRecord[] | undefined;
  let linePhraseGate: RegExp | undefined;
  // The keyword phrases are read only for words (a question, a log line): not for a code or a name.
  let keywordPhrases: KeywordPhrases | undefined;
  const phrasesOnce = () => {
    keywordPhrases ??= buildKeywordPhrases(knowledge.entries);
    return keywordPhrases;
  };

  return {
    knowledge,
    entries: knowledge.entries,
    byCode,
    byNameKey,
    byReason,
    codeRecords,
    // Built on first use: keying every name of the catalogue is the costliest part of indexing,
    // and start-up (`/healthz`) should not wait for it.
    get nameRecords() {
      nameRecords ??= buildNameRecords(knowledge.entries);
      return nameRecords;
    },
    nameKeys,
    // The scanner's gates are built on first scan: lookups and start-up (`/healthz`) do not wait for them.
    get lineWords() {
      scanGates ??= buildScanGates(knowledge.entries, byCode);
      return scanGates.lineWords;
    },
    get nameWords() {
      scanGates ??= buildScanGates(knowledge.entries, byCode);
      return scanGates.nameWords;
    },
    get returnedCodes() {
      scanGates ??= buildScanGates(knowledge.entries, byCode);
      return scanGates.returnedCodes;
    },
    get negativeCodes() {
      scanGates ??= buildScanGates(knowledge.entries, byCode);
      return scanGates.negativeCodes;
    },
    messages,
    messagesLongestFirst: [...messages].sort((a, b) => b.needle.length - a.needle.length),
    get messagePattern() {
      messagePattern ??= anyOf(messagePrefilter(messages, false));
      return messagePattern;
    },
    get messagePatternNonAscii() {
      messagePatternNonAscii ??= anyOf(messagePrefilter(messages, true));
      return messagePatternNonAscii;
    },
    otherMeaningsByCode,
    otherMeaningsByNameKey,
    get phrases() {
      return phrasesOnce().phrases;
    },
    get linePhrases() {
      return phrasesOnce().linePhrases;
    },
    get symptoms() {
      symptoms ??= buildSymptoms(knowledge.entries);
      return symptoms;
    },
    get spacedNames() {
      spaced ??= spacedNames(knowledge.entries);
      return spaced;
    },
    get spacedNamePattern() {
      spaced ??= spacedNames(knowledge.entries);
      spacedPattern ??= new RegExp(spaced.map((item) => item.pattern.source).join("|") || "(?!)");
      return spacedPattern;
    },
    get linePhraseGate() {
      linePhraseGate ??= anyOfMinimal([
        ...new Set(
          phrasesOnce().linePhrases.flatMap((record) =>
            record.phrase.terms.filter((term) => FAULT_TERMS.has(term.text)).map((term) => term.text),
          ),
        ),
      ]);
      return linePhraseGate;
    },
    get vocabulary() {
      return phrasesOnce().vocabulary;
    },
    get vocabularyByLength() {
      return phrasesOnce().vocabularyByLength;
    },
    get tokenNameKeys() {
      tokenNameKeys ??= nameKeySet(coreKeys.values());
      return tokenNameKeys;
    },
    get catalogueNameKeys() {
      catalogueNameKeys ??= nameKeySet(catalogueCoreKeys(knowledge.entries));
      return catalogueNameKeys;
    },
    get nameSuggestions() {
      nameSuggestions ??= new (loadFuse())([...coreKeys.values()], {
        keys: ["key"],
        includeScore: true,
        threshold: 0.3,
        ignoreLocation: true,
      });
      return nameSuggestions;
    },
    coreKeyTrigrams,
  };
}

interface KeywordPhrases {
  readonly phrases: readonly PhraseRecord[];
  readonly linePhrases: readonly PhraseRecord[];
  readonly vocabulary: ReadonlySet<string>;
  readonly vocabularyByLength: ReadonlyMap<number, readonly VocabularyTerm[]>;
}

function buildKeywordPhrases(entries: readonly KnowledgeEntry[]): KeywordPhrases {
  const phrases: PhraseRecord[] = [];
  const vocabulary = new Set<string>();
  for (const entry of entries) {
    if (entry.depth !== "deep") continue;
    for (const lang of ["en", "zh"] as const) {
      for (const keyword of entry.keywords[lang]) {
        const phrase = splitPhrase(keyword, lang);
        phrases.push({ entry, phrase });
        for (const term of phrase.terms) if (term.ascii) vocabulary.add(term.text);
      }
    }
  }
  const vocabularyByLength = termsByLength(vocabulary);
  const linePhrases = phrases.filter(
    (record) =>
      record.entry.kind === "error" &&
      record.phrase.terms.length >= 2 &&
      record.phrase.terms.some((term) => PHRASE_SUBJECTS.has(term.text)) &&
      record.phrase.terms.some((term) => FAULT_TERMS.has(term.text)),
  );
  return { phrases, linePhrases, vocabulary, vocabularyByLength };
}

interface ScanGates {
  readonly lineWords: RegExp;
  readonly nameWords: RegExp;
  readonly negativeCodes: RegExp;
  readonly returnedCodes: ReadonlySet<number>;
}

/** The scanner's gates and typo keys, from every name a log can report (see KnowledgeIndex). */
function buildScanGates(entries: readonly KnowledgeEntry[], byCode: ReadonlyMap<number, unknown>): ScanGates {
  const reportable = entries.filter(isReportable);
  const reportableNames = reportable.flatMap((entry) => entry.names.map((name) => name.name));
  const lineWordList = [...LINE_WORDS, ...PHRASE_SUBJECTS];
  // A catalogue name reaches a log in its SDK's error format (`AgoraRTCError INVALID_PARAMS:`,
  // `onError: 17 ERR_JOIN_CHANNEL_REJECTED`), which holds a line word already; a token name is
  // printed bare too (`Get server node failed [NO_AUTHORIZED]`), so one without adds its own.
  const unanchored = reportable
    .filter((entry) => entry.depth === "deep")
    .flatMap((entry) => entry.names.map((name) => name.name))
    .filter((name) => !lineWordList.some((word) => name.toLowerCase().includes(word)));
  // `err`, `code` and `key` sit inside everyday words (`interrupt`, `decoder`, `keyframe`): their
  // look-arounds drop those before a match object is made; isRealAnchor still has the last word.
  const boundedWords = ["err", "code", "key"];
  // `code` counts only before a token error's number (`code: 110`, `"code":-110`; the scanner's
  // numberAfter decides): asking the gate for such a number's digits spares a hit, and a call
  // back into the scanner, for each `code 0` and `code 200` of a log.
  const separators = CODE_SEPARATORS.replace(/[\\\]^-]/g, "\\$&");
  const codeNumber = `(?=[${separators}]{0,${CODE_SEPARATORS_MAX}}0*(?:${trieSource([...byCode.keys()].map(String))}))`;
  const lineWords = new RegExp(
    `e(?:rr(?![abd-mp-z]))|(?<![a-z])(?:code(?![a-z])${codeNumber}|key(?![a-z]))|${trieSource(
      minimalWords([...lineWordList, ...anchorWords(unanchored, NAMESPACE_WORDS)]).filter(
        (word) => !boundedWords.includes(word),
      ),
    )}`,
    "gi",
  );
  // Native return values come back negative (`-110`); short ones (`-2`) read like dates and
  // time zones, so only three digits and more stand alone: the rest need a word ("returned -2").
  const returnedCodes = new Set<string>();
  for (const entry of reportable) {
    for (const code of entry.codes) {
      if (code.space === "error" && code.platforms.includes("native") && code.code >= 100)
        returnedCodes.add(String(code.code));
    }
  }
  // The `-` must start the number: `118-190-148-38` (a host name) holds no negative code.
  const negativeCodes = new RegExp(`(?<![A-Za-z0-9_.-])-(?:${trieSource([...returnedCodes])})(?!\\d)`, "g");
  const nameWords = new RegExp(trieSource(anchorWords(reportableNames, NAMESPACE_WORDS)), "g");
  return {
    lineWords,
    nameWords,
    negativeCodes,
    returnedCodes: new Set([...returnedCodes].map(Number)),
  };
}

/** One record per distinct core key of the catalogue's errors and warnings, the first name that has it. */
function catalogueCoreKeys(entries: readonly KnowledgeEntry[]): NameKeyRecord[] {
  const keys = new Map<string, NameKeyRecord>();
  for (const entry of entries) {
    if (entry.depth !== "catalogue" || !isReportable(entry)) continue;
    for (const name of entry.names) {
      const key = coreIdentifierKey(name.name);
      if (!keys.has(key)) keys.set(key, { key, record: { entry, name } });
    }
  }
  return [...keys.values()];
}

/**
 * The deep entries' names of three words and more (callbacks and errors people write out), each
 * as its words with any run of spaces, dashes or underscores between them, once a spelling.
 */
function spacedNames(entries: readonly KnowledgeEntry[]): { record: NameRecord; pattern: RegExp }[] {
  const seen = new Set<string>();
  const out: { record: NameRecord; pattern: RegExp }[] = [];
  for (const entry of entries) {
    if (entry.depth !== "deep") continue;
    for (const name of entry.names) {
      if (!/^[A-Za-z][A-Za-z0-9_.:-]*$/.test(name.name)) continue;
      const words = identifierWords(name.name.replace(/^.*[.:](?=[A-Za-z])/, ""));
      const key = words.join(" ");
      if (words.length < 3 || seen.has(key)) continue;
      seen.add(key);
      // Written apart on purpose: at least one separator, so a name written whole stays the name lookup's.
      out.push({
        record: { entry, name },
        pattern: new RegExp(`(?<![a-z])${words.join("[\\s_-]+")}(?![a-z])`),
      });
    }
  }
  return out;
}

/**
 * Whether a scan reports an entry when a log shows it: errors and warnings do; connection states
 * and the catalogue's callbacks describe what happened and are no finding by themselves.
 */
export function isReportable(entry: KnowledgeEntry): boolean {
  return entry.depth === "deep" || entry.kind === "error" || entry.kind === "warning";
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

/**
 * fuse.js, loaded on the first fuzzy suggestion: most lookups never need one, and loading it
 * costs a one-off lookup a noticeable part of its start-up.
 */
function loadFuse(): typeof Fuse {
  return createRequire(import.meta.url)("fuse.js") as typeof Fuse;
}

/** A regex matching a text holding any of the words: the fewest words that do it, as a trie. */
function anyOfMinimal(words: readonly string[]): RegExp {
  return new RegExp(trieSource(minimalWords(words)));
}

/** The longest part of each message in ASCII, or of each in another script. */
function messagePrefilter(messages: readonly MessageRecord[], nonAscii: boolean): string[] {
  const literals = new Set<string>();
  for (const record of messages) {
    if (/[^\p{ASCII}]/u.test(record.parts.join("")) !== nonAscii) continue;
    literals.add(record.parts.reduce((longest, part) => (part.length > longest.length ? part : longest), ""));
  }
  return [...literals];
}

/** A regex matching any of the literals; one that matches nothing when there are none. */
function anyOf(literals: readonly string[]): RegExp {
  if (literals.length === 0) return /(?!)/;
  return new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
}
