/** How redacted text reads: every character masked but the last few, so values can still be told apart. */

export interface MaskStyle {
  /** The one character that replaces each hidden one. */
  char: string;
  /** How many trailing characters stay readable; never more than half of the text. */
  keepLast: number;
}

/** Characters are Unicode code points, as Rust (VRL) counts them. */
export function maskText(text: string, style: MaskStyle): string {
  const chars = Array.from(text);
  const kept = Math.min(style.keepLast, Math.floor(chars.length / 2));
  return style.char.repeat(chars.length - kept) + chars.slice(chars.length - kept).join('');
}
