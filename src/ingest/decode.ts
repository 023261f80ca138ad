/**
 * Bytes to text: BOM, declared charset (HTTP header, then <meta charset>), strict UTF-8, and a
 * windows-1252 fallback that is reported instead of silently producing mojibake. Binary input is refused.
 */
import { NgError, type ErrorPlace } from '../errors.js';

/** Decoded text, the encoding used, and any fallback the decoder had to make. */
export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

/** Hints for decodeBytes: a charset the transport declared, and whether to look for <meta charset>. */
export interface DecodeHints {
  charset?: string | null;
  sniffHtmlMeta?: boolean;
}

/** True when the bytes look like a binary file: NUL bytes or many control characters near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // UTF-16 text has NULs by design; its BOM says so.
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return ctrl / n > 0.1;
}

/** The charset a document declares in its first bytes (<meta charset>, http-equiv Content-Type, or <?xml encoding>), if any. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.()-]+)/i.exec(head) ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_:.()-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

// Node's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (latin-1), not as the smart
// quotes and dashes those bytes are in windows-1252, which is what real "latin-1" news text means.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 (the WHATWG meaning of "latin-1" and "iso-8859-1" too). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let j = 0; j < part.length; j++) {
      const b = part[j]!;
      codes[j] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function isWindows1252(encoding: string): boolean {
  return encoding === 'windows-1252' || encoding === 'latin1' || encoding === 'iso-8859-1' || encoding === 'ascii' || encoding === 'us-ascii';
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}

/**
 * Decodes bytes to a string. Order of authority, as browsers do it: BOM, the transport's charset,
 * the page's <meta>, then UTF-8 if it is valid, else windows-1252 with a warning.
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}, place: ErrorPlace = {}): Decoded {
  if (looksBinary(bytes)) {
    throw new NgError('NG_E003', 'input looks binary (NUL bytes or many control characters); expected text, HTML, JSONL or a feed', place);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8OrFallback(bytes.subarray(3), 'BOM', place);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  const declared = hints.charset ?? (hints.sniffHtmlMeta ? sniffMetaCharset(bytes) : null);
  if (declared) {
    const dec = decoderFor(declared);
    if (dec && !/^utf-?8$/i.test(dec.encoding.replace('_', '-'))) {
      // A page that declares a legacy charset but is valid UTF-8 with non-ASCII bytes was saved as
      // UTF-8 by a tool that kept the old <meta>; decoding it as declared is what produces mojibake.
      if (!hints.charset && hasNonAscii(bytes) && validUtf8(bytes)) {
        return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings: [`declared charset ${declared} but the bytes are valid UTF-8; read as UTF-8`] };
      }
      if (isWindows1252(dec.encoding)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [] };
      try {
        return { text: dec.decode(bytes), encoding: dec.encoding, warnings: [] };
      } catch {
        return { text: new TextDecoder(dec.encoding).decode(bytes), encoding: dec.encoding, warnings: [`bytes invalid in declared charset ${declared}; replaced`] };
      }
    }
    if (!dec) return utf8OrFallback(bytes, `unknown charset "${declared}"`, place);
  }
  return utf8OrFallback(bytes, null, place);
}

// C0 controls other than whitespace/ESC, DEL, and the five bytes windows-1252 leaves undefined.
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) || b === 0x7f || b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) bad++;
  }
  return n ? bad / n : 0;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function utf8OrFallback(bytes: Uint8Array, why: string | null, place: ErrorPlace): Decoded {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', warnings: why && why !== 'BOM' ? [`${why}; read as UTF-8`] : [] };
  } catch {
    // Legacy text has few control bytes; random or compressed data has them spread everywhere.
    if (controlRatio(bytes) > 0.02) throw new NgError('NG_E003', 'input is neither UTF-8 nor legacy text (control bytes throughout); expected text, HTML, JSONL or a feed', place);
    const text = decodeWindows1252(bytes);
    return { text, encoding: 'windows-1252', warnings: [`invalid UTF-8${why && why !== 'BOM' ? ` (${why})` : ''}; decoded as windows-1252 (latin-1)`] };
  }
}
