/** ISO 8859-15 where it differs from ISO 8859-1 (the euro sign, œ, Š…), by code point. */
const LATIN9: Record<number, number> = { 0x20ac: 0xa4, 0x160: 0xa6, 0x161: 0xa8, 0x17d: 0xb4, 0x17e: 0xb8, 0x152: 0xbc, 0x153: 0xbd, 0x178: 0xbe };
const REPLACED_BY_LATIN9 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
/** Typographic marks written as their plain forms (the apostrophe of "d’appui", dashes, non-breaking spaces). */
const PLAIN: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u202f': ' ', '\u2026': '...' };

/** Text in ISO 8859-15, the FEC's character set (LPF art. A47 A-1); a character it lacks becomes "?". */
export const latin9 = (text: string): Buffer => {
  const bytes: number[] = [];
  for (const char of text) {
    const plain = PLAIN[char] ?? char;
    for (const c of plain) {
      const code = c.codePointAt(0)!;
      bytes.push(LATIN9[code] ?? (code < 0x100 && !REPLACED_BY_LATIN9.has(code) ? code : 0x3f));
    }
  }
  return Buffer.from(bytes);
};

const FROM_LATIN9 = new Map(Object.entries(LATIN9).map(([code, byte]) => [byte, Number(code)]));

/** Bytes in ISO 8859-15 read back as text. */
export const fromLatin9 = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCodePoint(FROM_LATIN9.get(b) ?? b)).join('');
