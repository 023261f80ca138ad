/** Deterministic articles for the crash test: article i carries a word no other article has. */
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, Entity, NewsEvent, Quote } from '../../src/doc/types.js';

/** The word only article i contains (one FTS token on both engines). */
export function crashWord(i: number): string {
  return `crashmark${i}x`;
}

/** Article i of the crash batch; `huge` makes one with tens of thousands of layer records. */
export function crashDoc(i: number, huge = false): Doc {
  const n = huge ? 20_000 : 20 + (i % 7);
  const sentences: string[] = [];
  for (let k = 0; k < n; k++) sentences.push(`Delegate${k} of batch${i} spoke with Delegate${k + 1}.`);
  const text = `Report ${crashWord(i)}. ${sentences.join(' ')}`;
  const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }], {
    url: `https://crash.example/${i}`,
    title: `Batch report ${i}`,
    published: `2025-05-${String(1 + (i % 28)).padStart(2, '0')}`,
  });
  let at = text.indexOf('Delegate0');
  const entities: Entity[] = [];
  const quotes: Quote[] = [];
  const events: NewsEvent[] = [];
  for (let k = 0; k < n; k++) {
    const s = sentences[k]!;
    const span = { start: at, end: at + s.length };
    doc.sentences.push(span);
    const name = `Delegate${k}`;
    entities.push({ id: `e${k}`, name, type: 'PERSON', roles: [], country: null,
      mentions: [{ start: at, end: at + name.length, text: name, kind: 'name' }] });
    quotes.push({ kind: 'indirect', ...span, text: s, speaker: `e${k}`, speakerText: name, cue: null });
    events.push({ actor: `e${k}`, actorText: name, action: { cameo: '040', plover: 'CONSULT', text: 'spoke with' },
      target: null, targetText: null, negated: false, modality: 'asserted', reportedBy: null, date: null, place: null,
      evidence: span });
    at += s.length + 1;
  }
  doc.entities = entities;
  doc.quotes = quotes;
  doc.events = events;
  return doc;
}
