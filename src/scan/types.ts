import type { KnowledgeEntry } from "../knowledge/schema.js";

/** The SDK family a log comes from, inferred from its shape. */
export type SdkFamily =
  | "web-3x"
  | "web-4x"
  | "web"
  | "android"
  | "ios"
  | "flutter"
  | "react-native"
  | "unity"
  | "electron"
  | "windows"
  | "native"
  | "unknown";

export type Confidence = "high" | "medium" | "low";

/** One knowledge entry found in a text, with where and how sure. */
export interface Finding {
  readonly entry: KnowledgeEntry;
  /** The code the evidence carries, when it carries one. */
  readonly code?: number;
  /** The error, callback or event name as the text printed it, when it printed one. */
  readonly name?: string;
  /** The exact text that matched (before redaction). */
  readonly matchedText: string;
  /** The first matching line, redacted and shortened: safe to show back to people. */
  readonly evidence: string;
  /** 1-based line numbers of the matches, first occurrence first (capped). */
  readonly lines: readonly number[];
  /** How many lines matched in all (may exceed lines.length). */
  readonly count: number;
  /** The platform the finding is for: decides which fix an answer leads with. */
  readonly platform: SdkFamily;
  readonly confidence: Confidence;
}

/** Lines longer than the scanner reads in full: each was read up to the limit and the rest skipped. */
export interface ScanCut {
  /** How many lines were cut, and the first of them. */
  readonly lines: number;
  readonly firstLine: number;
  /** What was not read of those lines (in characters when the text was passed in as a string). */
  readonly skippedBytes: number;
  readonly lineLimitBytes: number;
}

export interface ScanResult {
  /** The SDK family inferred for the whole text. */
  readonly platform: SdkFamily;
  /** Errors before callbacks, then by first occurrence. */
  readonly findings: readonly Finding[];
  /** Agora errors in the text that are not token errors, when the scanner reports them. */
  readonly otherErrors?: readonly Finding[];
  readonly lineCount: number;
  readonly bytesScanned: number;
  /** Present when lines longer than the line limit were cut. */
  readonly cut?: ScanCut;
}
