/** The events component and the coder's public helpers. */
import type { Component } from '../pipeline/component.js';
import type { Doc, Span } from '../doc/types.js';
import { codeSentence, docContext, toNewsEvents, type CodedEvent } from './coder.js';

export { PLOVER_TYPES, cameoInfo, goldstein, quadClass, ploverOf, ploverMode, normalizePlover } from './ontology.js';
export type { PloverType, CameoInfo } from './ontology.js';
export { findActorHits, phraseCodes } from './actors.js';

// Used only when no segmenter ran: a sentence ends at . ! ? (and closing quotes) before a space and a
// capital, or at a line break; "U.S." and "Mr." style abbreviations do not end one.
const END_RE = /[.!?]+["'”’)]*(?=\s+["“‘(]?[A-Z])|\n+/g;
const ABBREV = /(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\bMrs?|\bMs|\bDr|\bSt|\bGen|\bGov|\bSen|\bRep|\bLt|\bCol|\bNo)\.$/;

/** Sentence spans by a simple rule, for Docs that no segmenter has seen. */
export function fallbackSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(text); m; m = END_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREV.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    if (text.slice(start, end).trim()) out.push(trim(text, start, end));
    start = end;
  }
  if (text.slice(start).trim()) out.push(trim(text, start, text.length));
  return out;
}
function trim(text: string, a: number, b: number): Span {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

/** Codes the events of a Doc in place: fills doc.events (who did what to whom, CAMEO and PLOVER). */
export function codeEvents(doc: Doc): void {
  const ctx = docContext(doc);
  const sentences = doc.sentences.length > 0 ? doc.sentences : fallbackSentences(doc.text);
  ctx.sentences = sentences;
  const coded: { ev: CodedEvent; sent: Span }[] = [];
  for (const s of sentences) for (const ev of codeSentence(ctx, s)) coded.push({ ev, sent: s });
  doc.events = toNewsEvents(ctx, coded);
}

/** The pipeline component 'events' (requires sentences, tokens, pos, entities, values, quotes, attributions). */
export function eventsComponent(): Component {
  return {
    name: 'events',
    requires: ['sentences', 'tokens', 'pos', 'entities', 'values', 'quotes', 'attributions'],
    assigns: ['events'],
    run: codeEvents,
  };
}
