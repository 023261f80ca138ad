/**
 * Turns overlapping stand-off annotations into flat, non-overlapping segments a browser can render:
 * every boundary of every span cuts the text, and each piece knows which annotations cover it.
 */
import type { Doc } from '../../src/doc/types.js';

export type AnnKind = 'mention' | 'quote' | 'cue' | 'speaker' | 'event' | 'attribution' | 'value';

/** One annotation on the text, with what the details panel shows about it. */
export interface Ann {
  id: number;
  kind: AnnKind;
  start: number;
  end: number;
  /** CSS modifier: entity type for mentions, quote kind, event type. */
  tag: string;
  label: string;
  /** Index into the doc layer it came from (quotes[i], events[i], entities[i]). */
  ref: number;
}

/** A piece of text and the annotations covering it. */
export interface Segment {
  start: number;
  end: number;
  anns: Ann[];
}

/** The doc with every layer present, so documents stored by older versions (or trimmed) still render. */
export function withLayers(doc: Doc): Doc {
  return {
    ...doc,
    paragraphs: doc.paragraphs ?? [],
    entities: (doc.entities ?? []).map((e) => ({ ...e, mentions: e.mentions ?? [], roles: e.roles ?? [] })),
    quotes: doc.quotes ?? [],
    attributions: doc.attributions ?? [],
    events: doc.events ?? [],
    diagnostics: doc.diagnostics ?? [],
  };
}

/** Every annotation of a Doc worth showing in its text. */
export function docAnnotations(doc: Doc): Ann[] {
  const anns: Ann[] = [];
  let id = 0;
  const add = (a: Omit<Ann, 'id'>) => {
    if (a.end > a.start && a.start >= 0 && a.end <= doc.text.length) anns.push({ ...a, id: id++ });
  };
  doc.entities.forEach((e, i) => {
    for (const m of e.mentions) add({ kind: 'mention', start: m.start, end: m.end, tag: e.type, label: `${e.name} (${e.type}, ${m.kind})`, ref: i });
  });
  doc.quotes.forEach((q, i) => {
    const who = q.speaker ? (doc.entities.find((e) => e.id === q.speaker)?.name ?? q.speakerText) : q.speakerText;
    add({ kind: 'quote', start: q.start, end: q.end, tag: q.kind, label: `${q.kind} quote by ${who ?? 'unknown speaker'}`, ref: i });
    if (q.cue) add({ kind: 'cue', start: q.cue.start, end: q.cue.end, tag: 'cue', label: `cue "${q.cue.text}"`, ref: i });
    if (q.speakerSpan) add({ kind: 'speaker', start: q.speakerSpan.start, end: q.speakerSpan.end, tag: 'speaker', label: `speaker ${who ?? ''}`, ref: i });
  });
  doc.attributions.forEach((a, i) => {
    add({ kind: 'attribution', start: a.start, end: a.end, tag: 'attribution', label: `attributed to ${a.sourceText ?? a.source ?? 'unknown'}`, ref: i });
  });
  doc.events.forEach((ev, i) => {
    add({
      kind: 'event',
      start: ev.evidence.start,
      end: ev.evidence.end,
      tag: ev.action.plover || 'event',
      label: `${ev.actorText ?? '?'} → ${ev.action.text} → ${ev.targetText ?? '?'} (${ev.action.plover} ${ev.action.cameo})`,
      ref: i,
    });
  });
  return anns;
}

/**
 * Cuts [start, end) at every annotation boundary inside it. Annotations are swept in start order so
 * a paragraph with many spans stays linear in practice.
 */
export function buildSegments(start: number, end: number, anns: readonly Ann[]): Segment[] {
  const inside = anns.filter((a) => a.end > start && a.start < end);
  const cuts = new Set<number>([start, end]);
  for (const a of inside) {
    cuts.add(Math.max(start, a.start));
    cuts.add(Math.min(end, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const sorted = [...inside].sort((x, y) => x.start - y.start);
  const segs: Segment[] = [];
  let open: Ann[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    while (next < sorted.length && sorted[next]!.start <= s) open.push(sorted[next++]!);
    open = open.filter((a) => a.end > s);
    segs.push({ start: s, end: e, anns: open.filter((a) => a.start <= s && a.end >= e) });
  }
  return segs;
}
