import { basename, dirname, extname } from "node:path";

/** The sub-directory of `knowledge/` holding one file a category of compact entries. */
export const CATALOGUE_DIR = "catalogue";

const KNOWLEDGE_EXTENSIONS = new Set([".yaml", ".yml"]);

export function isKnowledgeFileName(name: string): boolean {
  return KNOWLEDGE_EXTENSIONS.has(extname(name)) && !name.startsWith(".");
}

/** A catalogue file is one inside `catalogue/`; every other file is a deep entry. */
export function isCatalogueFile(file: string): boolean {
  return basename(dirname(file)) === CATALOGUE_DIR;
}
