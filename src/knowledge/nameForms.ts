/**
 * The forms a reference name is looked up by besides itself. Most names are one identifier
 * (`ERR_JOIN_CHANNEL_REJECTED`); callback rows are signatures (`onError(int err)`,
 * `client.on("connection-state-change", …)`), and a few Web names carry a note
 * (`NO_VOS_AVAILABLE (string value "ERR_NO_VOS_AVAILABLE")`). A person types the method, event
 * or string value, so each of those is a form too.
 */
export function nameLookupForms(name: string): string[] {
  if (/^[\w.]+$/.test(name)) return [];
  const forms = new Set<string>();
  for (const part of name.split(" / ")) {
    const text = part.trim().replace(/^-\s*\([^)]*\)\s*/, ""); // Objective-C "- (int)renewToken:…"
    const plain = /^([\w.:]+)(?: \(|$)/.exec(text);
    if (plain?.[1]) forms.add(plain[1]);
    const event = /^"([^"]+)" event\b/.exec(text);
    if (event?.[1]) forms.add(event[1]);
    const flag = /^flag (\w+)/.exec(text);
    if (flag?.[1]) forms.add(flag[1]);
    const listener = /\bon\("([^"]+)"/.exec(text);
    if (listener?.[1]) forms.add(listener[1]);
    else {
      // The callable: the dotted or selector name right before the first "(".
      const callable = /([A-Za-z_][\w.]*(?::[\w]*)*:?)\(/.exec(text);
      if (callable?.[1]) forms.add(callable[1].replace(/:\w*$/, (tail) => (tail === ":" ? ":" : tail)));
    }
    const selector = /^([A-Za-z_]\w*(?::\w+)+:)/.exec(text);
    if (selector?.[1]) forms.add(selector[1]);
    for (const value of text.matchAll(/string value "([^"]+)"/g)) if (value[1]) forms.add(value[1]);
  }
  // A form that is an everyday word ("error", "exception") would match prose, not the name.
  return [...forms].filter((form) => /[_.:-]|[a-z][A-Z]|^[A-Z0-9]{4,}$/.test(form));
}
