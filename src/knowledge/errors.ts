// Apart from load.ts so that catching a KnowledgeError does not load the YAML parser and the schema.
export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `knowledge base is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems
        .map(formatProblem)
        .join("\n")}`,
    );
    this.name = "KnowledgeError";
  }
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `  ${problem.file}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}
