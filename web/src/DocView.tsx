/**
 * One analysed article: the cleaned text with mentions, quotes and events highlighted in distinct
 * styles (segments built from spans, text nodes only), a details box for what is hovered or
 * selected, and a side panel of entities, quotes by speaker, events and what cleaning removed.
 */
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Doc, Entity } from '../../src/doc/types.js';
import { buildSegments, docAnnotations, withLayers, type Ann } from './segments.js';
import { OutLink, quoted } from './safe.js';
import { entityKeyOf } from './api.js';

const GROUPS: { title: string; types: string[] }[] = [
  { title: 'People', types: ['PERSON'] },
  { title: 'Organisations', types: ['ORG'] },
  { title: 'Places', types: ['GPE', 'LOC', 'FAC'] },
  { title: 'Other', types: ['NORP', 'EVENT', 'MISC'] },
];

function entityHref(e: Pick<Entity, 'type' | 'name'>): string {
  return `#/entity/${encodeURIComponent(entityKeyOf(e.type, e.name))}`;
}

function segClass(anns: Ann[], selected: ReadonlySet<number>): string {
  const c: string[] = ['seg'];
  for (const a of anns) {
    if (a.kind === 'mention') c.push('m', `m-${a.tag}`);
    else if (a.kind === 'quote') c.push('q', `q-${a.tag}`);
    else if (a.kind === 'cue') c.push('cue');
    else if (a.kind === 'speaker') c.push('spk');
    else if (a.kind === 'event') c.push('ev');
    else if (a.kind === 'attribution') c.push('attr');
    if (selected.has(a.id)) c.push('sel');
  }
  return [...new Set(c)].join(' ');
}

/** Click and keyboard (Enter, Space) handlers for list items that select spans in the text. */
function activate(run: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onClick: run,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        run();
      }
    },
  };
}

/** The title to show: the metadata's, else the headline paragraph, else the opening words. */
function docTitle(doc: Doc): string {
  if (doc.meta.title) return doc.meta.title;
  const h = doc.paragraphs.find((p) => p.role === 'headline');
  if (h) return doc.text.slice(h.start, h.end);
  const p0 = doc.paragraphs[0];
  if (p0 && p0.end - p0.start <= 160) return doc.text.slice(p0.start, p0.end);
  const first = doc.text.slice(0, 90).replace(/\s+/g, ' ').trim();
  return first ? `${first}${doc.text.length > 90 ? '…' : ''}` : '(untitled)';
}

/** The article view used by the Article and Analyze pages. */
export function DocView({ doc: given, linkEntities = true }: { doc: Doc; linkEntities?: boolean }): JSX.Element {
  const doc = useMemo(() => withLayers(given), [given]);
  const anns = useMemo(() => docAnnotations(doc), [doc]);
  const [hover, setHover] = useState<Ann[]>([]);
  const [pinned, setPinned] = useState<Ann[]>([]);
  const shown = hover.length > 0 ? hover : pinned;
  const selected = useMemo(() => new Set(shown.map((a) => a.id)), [shown]);
  const paragraphs = doc.paragraphs.length > 0 ? doc.paragraphs : [{ start: 0, end: doc.text.length, role: 'body' as const }];

  const pick = (pred: (a: Ann) => boolean) => {
    const found = anns.filter(pred);
    // An explicit choice from the side panel wins over whatever the mouse rests on.
    setHover([]);
    setPinned(found);
    const first = found[0];
    if (first) document.querySelector(`[data-start="${first.start}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const quoteGroups = new Map<string, { name: string; entity: Entity | null; idx: number[] }>();
  doc.quotes.forEach((q, i) => {
    const ent = q.speaker ? (byId.get(q.speaker) ?? null) : null;
    const name = ent?.name ?? q.speakerText ?? 'Unknown speaker';
    const key = ent?.id ?? `text:${name}`;
    const g = quoteGroups.get(key) ?? { name, entity: ent, idx: [] };
    g.idx.push(i);
    quoteGroups.set(key, g);
  });
  const removed = doc.diagnostics.filter((d) => d.ruleId.startsWith('clean/'));

  const entityName = (e: Entity | null, fallback: string) =>
    e && linkEntities ? <a href={entityHref(e)}>{e.name}</a> : <span>{e?.name ?? fallback}</span>;

  return (
    <div class="docview">
      <article class="doc-text" onMouseLeave={() => setHover([])}>
        <header class="doc-head">
          <h1 data-testid="doc-title">{docTitle(doc)}</h1>
          <p class="doc-meta">
            {doc.meta.source && <span>{doc.meta.source}</span>}
            {doc.meta.published && <span>{doc.meta.published.slice(0, 10)}</span>}
            {doc.meta.byline && <span>{doc.meta.byline}</span>}
            {doc.meta.url && <OutLink url={doc.meta.url}>original</OutLink>}
          </p>
          <p class="legend">
            <span class="seg m m-PERSON">person</span> <span class="seg m m-ORG">organisation</span>{' '}
            <span class="seg m m-GPE">place</span> <span class="seg q q-direct">quote</span>{' '}
            <span class="seg cue">cue</span> <span class="seg ev">event</span>
          </p>
        </header>
        {paragraphs.map((p) => (
          <p class={`para role-${p.role}`} key={p.start}>
            {buildSegments(p.start, p.end, anns).map((s) => {
              const t = doc.text.slice(s.start, s.end);
              if (s.anns.length === 0) return t;
              return (
                <span
                  key={s.start}
                  class={segClass(s.anns, selected)}
                  data-start={s.start}
                  data-quote={s.anns.filter((a) => a.kind === 'quote').map((a) => a.ref).join(',') || undefined}
                  data-entity={s.anns.filter((a) => a.kind === 'mention').map((a) => doc.entities[a.ref]?.id).join(',') || undefined}
                  onMouseEnter={() => setHover(s.anns)}
                  onClick={() => setPinned(s.anns)}
                >
                  {t}
                </span>
              );
            })}
          </p>
        ))}
      </article>
      <aside class="side">
        <section class="details" data-testid="details">
          <h3>Details</h3>
          {shown.length === 0 && <p class="hint">Hover or click a highlighted span.</p>}
          {shown.map((a) => (
            <div class={`detail detail-${a.kind}`} key={a.id}>
              <strong>{a.label}</strong>
              {a.kind === 'event' && <blockquote class="evidence">{doc.text.slice(a.start, a.end)}</blockquote>}
              {a.kind === 'quote' && doc.quotes[a.ref]?.cue && <div class="hint">cue: {doc.quotes[a.ref]!.cue!.text}</div>}
            </div>
          ))}
        </section>
        {GROUPS.map((g) => {
          const ents = doc.entities.filter((e) => g.types.includes(e.type));
          if (ents.length === 0) return null;
          return (
            <section key={g.title}>
              <h3>{g.title}</h3>
              <ul class="ents">
                {ents.map((e) => (
                  <li key={e.id} onMouseEnter={() => pick((a) => a.kind === 'mention' && doc.entities[a.ref]?.id === e.id)}>
                    {entityName(e, e.name)} <span class="count">×{e.mentions.length}</span>
                    {e.roles.length > 0 && <span class="roles"> — {e.roles.map((r) => r.title).join(', ')}</span>}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        <section>
          <h3>Quotes by speaker</h3>
          {quoteGroups.size === 0 && <p class="hint">No quotes found.</p>}
          {[...quoteGroups.values()].map((g) => (
            <div class="quote-group" key={g.name}>
              <h4>{entityName(g.entity, g.name)}</h4>
              <ul>
                {g.idx.map((i) => {
                  const q = doc.quotes[i]!;
                  return (
                    <li key={i} data-testid="quote-item" class={`q-item q-${q.kind}`} {...activate(() => pick((a) => a.kind === 'quote' && a.ref === i))}>
                      {quoted(q.text)} <span class="hint">({q.kind})</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
        <section>
          <h3>Events</h3>
          {doc.events.length === 0 && <p class="hint">No events found.</p>}
          <ul>
            {doc.events.map((ev, i) => (
              <li key={i} data-testid="event-item" {...activate(() => pick((a) => a.kind === 'event' && a.ref === i))}>
                <b>{ev.actorText ?? '?'}</b> {ev.negated ? 'not ' : ''}
                {ev.action.text} <b>{ev.targetText ?? ''}</b>{' '}
                <span class="tag">{ev.action.plover}</span> <span class="hint">{ev.modality}</span>
              </li>
            ))}
          </ul>
        </section>
        {removed.length > 0 && (
          <section class="removed">
            <h3>Removed by cleaning</h3>
            <ul>
              {removed.map((d, i) => (
                <li key={i} data-testid="removed-item">
                  <span class="tag">{d.ruleId}</span> {d.reason}
                  {d.source && <blockquote>{d.source}</blockquote>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
