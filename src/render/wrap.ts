/** Terminal text layout: display width (East Asian wide characters take two columns) and wrapping. */

/** Wide and full-width ranges (Unicode East Asian Width W and F) that appear in our text. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes take no columns
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (colour escapes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

// Punctuation that must not start a line: it stays with the character before it.
const NO_LINE_START = new Set([..."，。、；：！？）》」』】,.;:!?)]}…"]);

/**
 * Splits text into the pieces a line may break between: a word of Latin text (with the spaces
 * before it), or a single wide character (Chinese breaks between any two characters), with any
 * closing punctuation attached to what it follows.
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") units.push(current);
    current = "";
  };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (NO_LINE_START.has(char)) {
      current += char;
      continue;
    }
    if (char === " ") {
      if (current.trim() !== "") flush();
      current += char;
      continue;
    }
    if (isWide(code)) {
      flush();
      current = char;
      continue;
    }
    // A Latin character after a wide one starts a new unit; after Latin, it continues the word.
    const last = current.codePointAt(current.length - 1) ?? 0;
    if (current !== "" && isWide(last)) flush();
    current += char;
  }
  flush();
  return units;
}

/**
 * Wraps `text` to `width` columns: the first line starts with `prefix`, the others with as many
 * spaces. A word longer than a line is left whole rather than cut (URLs stay clickable).
 */
export function wrapText(text: string, width: number, prefix = ""): string[] {
  const indent = " ".repeat(displayWidth(prefix));
  const lines: string[] = [];
  let line = prefix;
  let lineWidth = displayWidth(prefix);
  let empty = true;
  for (const unit of breakUnits(text)) {
    const piece = empty ? unit.trimStart() : unit;
    const pieceWidth = displayWidth(piece);
    if (!empty && lineWidth + pieceWidth > width) {
      lines.push(line.trimEnd());
      line = indent + unit.trimStart();
      lineWidth = displayWidth(line);
      continue;
    }
    line += piece;
    lineWidth += pieceWidth;
    if (piece !== "") empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
