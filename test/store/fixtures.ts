/**
 * Docs for the store tests, built by hand (createDoc + entity/quote/event records) so the store is
 * tested without depending on the NLP layers. Spans are found by the text they cover.
 */
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, Entity, EntityType, Mention, NewsEvent, Quote, Span } from '../../src/doc/types.js';

/** The span of the nth occurrence (0-based) of `needle` in `text`; throws when absent so a typo fails loudly. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" (#${nth}) not in text`);
  }
  return { start: at, end: at + needle.length };
}

/** Sentence spans by splitting after . ! ? followed by a space (good enough for fixture text). */
function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”]?(?=\s)|[.!?]["”]?$/gu)) {
    const end = m.index + m[0].length;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/u.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export interface EntitySpec {
  id: string;
  name: string;
  type: EntityType;
  country?: string | null;
  /** Surface forms to find in the text (every occurrence becomes a mention). */
  forms?: string[];
  roles?: { title: string; of: string | null; evidence: string }[];
}

export interface QuoteSpec {
  text: string;
  speaker: string | null;
  kind?: Quote['kind'];
  cue?: string;
}

export interface EventSpec {
  actor: string | null;
  target: string | null;
  cameo: string;
  plover: string;
  action: string;
  evidence: string;
  modality?: NewsEvent['modality'];
  date?: string | null;
  reportedBy?: string | null;
}

export interface DocSpec {
  text: string;
  url?: string | null;
  title?: string | null;
  source?: string | null;
  published?: string | null;
  entities?: EntitySpec[];
  quotes?: QuoteSpec[];
  events?: EventSpec[];
}

/** Builds a Doc whose layers point at real spans of its text. */
export function buildDoc(spec: DocSpec): Doc {
  const text = spec.text;
  const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }], {
    url: spec.url ?? null,
    title: spec.title ?? null,
    source: spec.source ?? null,
    published: spec.published ?? null,
    language: 'en',
  });
  doc.sentences = sentencesOf(text);
  const names = new Map<string, string>();
  doc.entities = (spec.entities ?? []).map((e): Entity => {
    names.set(e.id, e.name);
    const mentions: Mention[] = [];
    for (const form of e.forms ?? [e.name]) {
      let at = text.indexOf(form);
      while (at >= 0) {
        const inside = mentions.some((m) => m.start <= at && at < m.end);
        if (!inside) mentions.push({ start: at, end: at + form.length, text: form, kind: form === e.name ? 'name' : 'alias' });
        at = text.indexOf(form, at + form.length);
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      country: e.country ?? null,
      roles: (e.roles ?? []).map((r) => ({ title: r.title, of: r.of, evidence: spanOf(text, r.evidence) })),
      mentions,
    };
  });
  doc.quotes = (spec.quotes ?? []).map((q): Quote => {
    const s = spanOf(text, q.text);
    const cue = q.cue ? { ...spanOf(text, q.cue), text: q.cue } : null;
    return {
      kind: q.kind ?? 'direct',
      ...s,
      text: q.text,
      speaker: q.speaker,
      speakerText: q.speaker ? (names.get(q.speaker) ?? null) : null,
      cue,
    };
  });
  doc.events = (spec.events ?? []).map((e): NewsEvent => ({
    actor: e.actor,
    actorText: e.actor ? (names.get(e.actor) ?? null) : null,
    action: { cameo: e.cameo, plover: e.plover, text: e.action },
    target: e.target,
    targetText: e.target ? (names.get(e.target) ?? null) : null,
    negated: false,
    modality: e.modality ?? 'asserted',
    reportedBy: e.reportedBy ?? null,
    date: e.date ?? null,
    place: null,
    evidence: spanOf(text, e.evidence),
  }));
  return doc;
}

/** A small corpus on varied topics: two articles share a person (written two ways), one holds HTML-like text. */
export function corpus(): Doc[] {
  return [
    buildDoc({
      url: 'https://news.example.com/world/mexico-rejects-intervention?utm_source=feed',
      title: 'Mexico rejects foreign military intervention',
      source: 'Example News',
      published: '2025-08-08T14:00:00Z',
      text:
        'President Claudia Sheinbaum rejected any military intervention by the United States. ' +
        '"There will be no invasion," Sheinbaum said on Friday. ' +
        'The Pentagon declined to comment on the plan.',
      entities: [
        { id: 'e1', name: 'Claudia Sheinbaum', type: 'PERSON', country: 'MEX', forms: ['Claudia Sheinbaum', 'Sheinbaum'],
          roles: [{ title: 'President', of: 'MEX', evidence: 'President Claudia Sheinbaum' }] },
        { id: 'e2', name: 'United States', type: 'GPE', country: 'USA' },
        { id: 'e3', name: 'Pentagon', type: 'ORG', country: 'USA' },
      ],
      quotes: [{ text: '"There will be no invasion,"', speaker: 'e1', cue: 'said' }],
      events: [
        { actor: 'e1', target: 'e2', cameo: '120', plover: 'REJECT', action: 'rejected',
          evidence: 'President Claudia Sheinbaum rejected any military intervention by the United States.' },
      ],
    }),
    buildDoc({
      url: 'https://wire.example.org/2025/08/10/sheinbaum-trade',
      title: 'Sheinbaum and Canada agree on trade talks',
      source: 'Example Wire',
      published: '2025-08-10',
      text:
        'Mexican President Claudia  Sheinbaum agreed with Canada to open trade talks next month. ' +
        'Canadian officials said the talks would cover steel and cars. ' +
        '"We want a fair deal," said Mark Carney, the prime minister.',
      entities: [
        { id: 'p1', name: 'Claudia  Sheinbaum', type: 'PERSON', country: 'MEX', forms: ['Claudia  Sheinbaum'],
          roles: [{ title: 'President', of: 'MEX', evidence: 'Mexican President Claudia  Sheinbaum' }] },
        { id: 'p2', name: 'Canada', type: 'GPE', country: 'CAN' },
        { id: 'p3', name: 'Mark Carney', type: 'PERSON', country: 'CAN',
          roles: [{ title: 'Prime Minister', of: 'CAN', evidence: 'the prime minister' }] },
      ],
      quotes: [{ text: '"We want a fair deal,"', speaker: 'p3', cue: 'said' }],
      events: [
        { actor: 'p1', target: 'p2', cameo: '057', plover: 'AGREE', action: 'agreed with',
          evidence: 'Mexican President Claudia  Sheinbaum agreed with Canada to open trade talks next month.', date: '2025-08-09' },
        { actor: 'p2', target: 'p1', cameo: '036', plover: 'CONSULT', action: 'open trade talks', modality: 'planned',
          evidence: 'Canadian officials said the talks would cover steel and cars.', date: '2025-09-01' },
      ],
    }),
    buildDoc({
      url: null,
      title: 'Flood <warning> issued',
      source: 'Local Desk',
      published: null,
      text:
        'The river authority issued a flood warning for <script>alert(1)</script> towns along the Danube. ' +
        'Residents were told to move cars to higher ground & stay alert.',
      entities: [
        { id: 'x1', name: 'Danube', type: 'LOC' },
      ],
    }),
    buildDoc({
      url: 'https://news.example.com/sport/final',
      title: 'Cup final ends in a draw',
      source: 'example news',
      published: '2025-07-01T18:30:00+02:00',
      text: 'The cup final between the two clubs ended in a draw after extra time. Fans celebrated in the streets.',
      entities: [],
    }),
  ];
}
