/**
 * Identifier keys: the one normal form every error name, enum spelling and callback name is
 * compared in, so that `ERR_INVALID_TOKEN`, `AgoraErrorCodeInvalidToken`,
 * `ErrorCodeType.errInvalidToken` and `err-invalid-token` meet at the same key.
 */

/** Lower-case alphanumerics only (after NFKC, so full-width letters fold too). */
export function identifierKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

// Longest first: each is tried in turn and the loop restarts after a strip, so
// `agorartcerrorcode` wins over `agorartcerror` and `errorcodetype` over `err`.
const NAMESPACE_PREFIXES = [
  "agoraconnectionchangedreason",
  "rtcengineeventhandler",
  "agorartcerrorcode",
  "agorawarningcode",
  "agoraerrorcode",
  "agorartcerror",
  "errorcodetype",
  "rtcengine",
  "errorcode",
  "agora",
  "err",
] as const;

/**
 * The key with SDK namespaces and the `ERR_` family of prefixes removed: the part of a name
 * that says what went wrong, and the part that differs least between platforms.
 */
export function coreIdentifierKey(text: string): string {
  return stripNamespaces(identifierKey(text));
}

/** {@link coreIdentifierKey} for a key already in {@link identifierKey} form. */
export function stripNamespaces(fullKey: string): string {
  let key = fullKey;
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const prefix of NAMESPACE_PREFIXES) {
      if (key.length > prefix.length && key.startsWith(prefix)) {
        key = key.slice(prefix.length);
        stripped = true;
        break;
      }
    }
  }
  return key;
}

/** Both keys, full then core, or one when they are the same: the forms an index stores and a query tries. */
export function identifierKeys(text: string): string[] {
  const full = identifierKey(text);
  const core = stripNamespaces(full);
  return core === full ? [full] : [full, core];
}
