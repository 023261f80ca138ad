/**
 * Pronoun resolution for people: he/she and their forms link to a person mentioned in the last few
 * sentences when the evidence is clear (gender agreement, recency, subject position); otherwise the
 * pronoun stays unlinked. A linked pronoun also teaches the person's gender and becomes an antecedent
 * itself, so "Sheinbaum ... her ... she" chains.
 */
import type { Doc, Span } from '../doc/types.js';
import type { Gender } from './titles.js';
import { spanIndexAt } from '../doc/spans.js';

/** A mention of a person that a later pronoun may refer back to. */
export interface Antecedent extends Span {
  entity: string;
}

/** A pronoun linked to an entity. */
export interface PronounLink extends Span {
  entity: string;
  gender: Gender;
}

const PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);
const PRONOUN_RE = /\b(?:he|him|his|himself|she|her|hers|herself)\b/giu;

const PREPOSITIONS = new Set(['between', 'with', 'of', 'by', 'to', 'for', 'against', 'from', 'about', 'on', 'at', 'and', 'than', 'like', 'as']);

/** How many sentences back an antecedent may be (quotes of several sentences sit in between). */
const WINDOW = 5;

interface Ev {
  pos: number;
  entity: string;
  sent: number;
  subject: boolean;
  quoted: boolean;
}

const QUOTE_MARKS = /['"\n\u201c\u201d]/g;

/**
 * Quoted stretches (“...” or "..."), as sorted [start, end) pairs. A straight quote opens after a
 * space or line start and closes otherwise; an unclosed quote ends at its paragraph's end.
 */
export function quoteRegions(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  // Only quote marks, apostrophes and line ends matter: the regex finds the next one natively (test()
  // makes no match object), instead of a step of this loop for every character.
  QUOTE_MARKS.lastIndex = 0;
  while (QUOTE_MARKS.test(text)) {
    let i = QUOTE_MARKS.lastIndex - 1;
    let c = text.charCodeAt(i);
    // Some papers write quotes as two apostrophes: ''like this''.
    if (c === 39 && text.charCodeAt(i + 1) === 39) {
      c = 34;
      i++;
    }
    if (c === 0x201c || (c === 34 && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === 0x201d || c === 34) && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === 10 && open >= 0) {
      out.push({ start: open, end: i });
      open = -1;
    }
    QUOTE_MARKS.lastIndex = i + 1;
  }
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}

function inRegions(regions: readonly Span[], pos: number, hint: { i: number }): boolean {
  // Positions come in increasing order, so a moving cursor answers in amortised constant time.
  while (hint.i < regions.length && regions[hint.i]!.end <= pos) hint.i++;
  const r = regions[hint.i];
  return r !== undefined && r.start <= pos && pos < r.end;
}

/**
 * Links third-person singular pronouns to people. `genders` holds what is known before (titles,
 * first names) and is updated with what the links teach. Runs in one pass over pronouns and
 * antecedents, keeping only the last few sentences' mentions.
 */
export function resolvePronouns(doc: Doc, antecedents: readonly Antecedent[], genders: Map<string, Gender>): PronounLink[] {
  const text = doc.text;
  const sentences = doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: text.length }];
  const sentOf = (pos: number): number => spanIndexAt(sentences, pos);
  const pronouns: Span[] = [];
  if (doc.tokens.length > 0) {
    for (const t of doc.tokens) {
      const len = t.end - t.start;
      if (len > 7 || len < 2) continue;
      // h, H, s, S: every pronoun here starts with one; skip the slice for all other tokens.
      const c = text.charCodeAt(t.start) | 32;
      if (c !== 104 && c !== 115) continue;
      if (PRONOUNS.has(text.slice(t.start, t.end).toLowerCase())) pronouns.push({ start: t.start, end: t.end });
    }
  } else {
    for (const m of text.matchAll(PRONOUN_RE)) pronouns.push({ start: m.index, end: m.index + m[0].length });
  }
  const ants = [...antecedents].sort((a, b) => a.start - b.start);
  const out: PronounLink[] = [];
  const window: Ev[] = [];
  let lastSubjectSent = -1;
  const quotes = quoteRegions(text);
  const antHint = { i: 0 };
  const proHint = { i: 0 };
  // The first person named in a sentence counts as its subject unless a preposition governs it
  // ("talks between Lee and Park"): subjects are what later pronouns most often continue.
  const push = (ev: Omit<Ev, 'subject'>): void => {
    let subject = ev.sent !== lastSubjectSent;
    if (subject) {
      lastSubjectSent = ev.sent;
      const before = /([a-z]+)\s+$/u.exec(text.slice(Math.max(0, ev.pos - 12), ev.pos));
      if (before && PREPOSITIONS.has(before[1]!)) subject = false;
    }
    window.push({ pos: ev.pos, entity: ev.entity, sent: ev.sent, quoted: ev.quoted, subject });
  };
  let ai = 0;
  for (const pr of pronouns) {
    while (ai < ants.length && ants[ai]!.start < pr.start) {
      const a = ants[ai++]!;
      if (a.end > pr.start) continue; // the pronoun is inside a mention ("her" in a name): not a pronoun
      push({ pos: a.start, entity: a.entity, sent: sentOf(a.start), quoted: inRegions(quotes, a.start, antHint) });
    }
    const sent = sentOf(pr.start);
    const quoted = inRegions(quotes, pr.start, proHint);
    while (window.length > 0 && window[0]!.sent < sent - WINDOW) window.shift();
    const g = PRONOUNS.get(text.slice(pr.start, pr.end).toLowerCase())!;
    // Each entity scores by its best mention in the window (a subject two sentences back can beat a
    // later non-subject mention of the same person). Weights: -2 a sentence back, +3 subject, +1 known
    // gender agreeing (PolNeAR dev proxy, chosen among a few settings: more links, same plausibility).
    const best = new Map<string, number>();
    for (const ev of window) {
      // A name inside someone's quote is not who "he said" outside it refers to.
      if (ev.quoted && !quoted) continue;
      const known = genders.get(ev.entity);
      if (known && known !== g) continue;
      const score = -2 * (sent - ev.sent) + (ev.subject ? 3 : 0) + (known === g ? 1 : 0);
      const prev = best.get(ev.entity);
      if (prev === undefined || score > prev) best.set(ev.entity, score);
    }
    const scored: { entity: string; score: number }[] = [];
    for (const [entity, score] of best) scored.push({ entity, score });
    if (scored.length === 0) {
      // Cataphora: "In his speech, Trump said..." — nobody before, the sentence's next person after a comma.
      const next = ants[ai];
      if (next && sentOf(next.start) === sent && text.slice(pr.end, next.start).includes(',')) {
        const known = genders.get(next.entity);
        if (!known || known === g) {
          out.push({ start: pr.start, end: pr.end, entity: next.entity, gender: g });
          if (!known) genders.set(next.entity, g);
        }
      }
      continue;
    }
    scored.sort((a, b) => b.score - a.score);
    const top = scored[0]!;
    const second = scored[1];
    if (second && top.score - second.score < 2) continue;
    out.push({ start: pr.start, end: pr.end, entity: top.entity, gender: g });
    if (!genders.has(top.entity)) genders.set(top.entity, g);
    push({ pos: pr.start, entity: top.entity, sent, quoted });
  }
  return out;
}
