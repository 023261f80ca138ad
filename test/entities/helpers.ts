/**
 * Hand-built Docs for entity tests (the spaCy way): sentences and tokens from simple rules, mentions
 * from a list of (surface, type) pairs found at every whole-word occurrence, longest first.
 */
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, DocMeta, EntityType, Span, Token } from '../../src/doc/types.js';

/** Sentence spans: ends at . ! ? (optionally followed by closing quotes) before whitespace, and at newlines. */
export function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  // "U.S." and "Mr." do not end a sentence here; the real splitter knows more.
  const re = /[^\n]+?(?:(?<!\b(?:[A-Za-z]\.[A-Za-z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St))[.!?]+["'\u201d\u2019]*(?=\s)|$)/gmu;
  for (const m of text.matchAll(re)) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** Word and punctuation tokens. */
export function roughTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.'\u2019-][\p{L}\p{N}]+)*\.?|\S/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, pos: '' });
  }
  return out;
}

/** A Doc with paragraphs (one per line), rough sentences and tokens, and the given mentions. */
export function handDoc(text: string, names: [string, EntityType][], meta: Partial<DocMeta> = {}): Doc {
  const paragraphs = [];
  for (const m of text.matchAll(/[^\n]+/gu)) paragraphs.push({ start: m.index, end: m.index + m[0].length, role: 'body' as const });
  const doc = createDoc(text, paragraphs, meta);
  doc.sentences = roughSentences(text);
  doc.tokens = roughTokens(text);
  addMentions(doc, names);
  return doc;
}

/** Sets doc.mentions to every whole-word occurrence of the given names (longest first, no overlaps). */
export function addMentions(doc: Doc, names: [string, EntityType][]): void {
  const taken: boolean[] = new Array<boolean>(doc.text.length).fill(false);
  const mentions: NonNullable<Doc['mentions']> = [];
  const sorted = [...names].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, type] of sorted) {
    let from = 0;
    for (;;) {
      const i = doc.text.indexOf(surface, from);
      if (i < 0) break;
      from = i + 1;
      const before = doc.text[i - 1] ?? ' ';
      const after = doc.text[i + surface.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      let free = true;
      for (let k = i; k < i + surface.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = i; k < i + surface.length; k++) taken[k] = true;
      mentions.push({ start: i, end: i + surface.length, text: surface, kind: 'name', type, entity: null });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  doc.mentions = mentions;
}
