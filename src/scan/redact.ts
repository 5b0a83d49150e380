// Redaction lives with the other text helpers, where lookup's renderers reach it without loading the scanner.
export { redactEvidence, redactSecrets } from "../text/redact.js";
