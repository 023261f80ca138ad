/** Entity page: roles, quotes across articles in date order, events as actor and target, co-occurring entities. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { quoted } from '../safe.js';
import { api, qs, ApiError, type EntityDetail, type EntityRow } from '../api.js';
import type { EventRow } from '../../../src/store/types.js';

function byDate<T extends { published: string | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
}

function EventList({ rows }: { rows: EventRow[] }): JSX.Element {
  if (rows.length === 0) return <p class="hint">None.</p>;
  return (
    <ul>
      {byDate(rows).map((ev, i) => (
        <li key={i}>
          <span class="hint">{ev.published?.slice(0, 10) ?? ''}</span>{' '}
          {ev.actorKey ? <a href={`#/entity/${encodeURIComponent(ev.actorKey)}`}>{ev.actorName}</a> : <b>{ev.actorText ?? '?'}</b>}{' '}
          {ev.negated ? 'not ' : ''}
          {ev.action.text}{' '}
          {ev.targetKey ? <a href={`#/entity/${encodeURIComponent(ev.targetKey)}`}>{ev.targetName}</a> : <b>{ev.targetText ?? ''}</b>}{' '}
          <span class="tag">{ev.action.plover}</span> <a href={`#/article/${encodeURIComponent(ev.articleId)}`}>article</a>
          <blockquote class="evidence">{ev.sentence}</blockquote>
        </li>
      ))}
    </ul>
  );
}

export function EntityPage({ entityKey }: { entityKey: string }): JSX.Element {
  const [e, setE] = useState<EntityDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setE(null);
    setError('');
    (async () => {
      try {
        setE(await api<EntityDetail>(`/api/entities/${encodeURIComponent(entityKey)}`));
      } catch (err) {
        // The article view only guesses keys; fall back to the best name match of the same type.
        if (err instanceof ApiError && err.status === 404 && entityKey.includes(':')) {
          const [type, ...rest] = entityKey.split(':');
          const rows = await api<EntityRow[]>(`/api/entities${qs({ q: rest.join(':'), limit: 10 })}`);
          const best = rows.find((r) => r.type === type) ?? rows[0];
          if (best && best.key !== entityKey) {
            location.replace(`#/entity/${encodeURIComponent(best.key)}`);
            return;
          }
        }
        setError(err instanceof Error ? err.message : String(err));
      }
    })();
  }, [entityKey]);
  if (error) return <p class="error">{error}</p>;
  if (!e) return <p class="hint">Loading…</p>;
  return (
    <div class="page entity">
      <h1 data-testid="entity-name">{e.name}</h1>
      <p class="doc-meta">
        <span class="tag">{e.type}</span>
        {e.country && <span>{e.country}</span>}
        <span>{e.articles} articles</span>
        <span>{e.mentions} mentions</span>
        <a href={`#/?entity=${encodeURIComponent(e.key)}`}>articles mentioning</a>
      </p>
      <div class="cols">
        <div>
          <section>
            <h3>Roles</h3>
            {e.roles.length === 0 && <p class="hint">None found.</p>}
            <ul>
              {[...new Map(e.roles.map((r) => [`${r.title}|${r.of ?? ''}`, r])).values()].map((r) => (
                <li key={`${r.title}${r.of}`}>
                  {r.title}
                  {r.of ? ` (${r.of})` : ''}
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h3>Quotes</h3>
            {e.quotes.length === 0 && <p class="hint">None found.</p>}
            <ul class="quotes" data-testid="entity-quotes">
              {byDate(e.quotes).map((q, i) => (
                <li key={i} class={`q-item q-${q.kind}`}>
                  <span class="hint">{q.published?.slice(0, 10) ?? ''}</span> {quoted(q.text)}{' '}
                  <a href={`#/article/${encodeURIComponent(q.articleId)}`}>{q.title ?? 'article'}</a>
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h3>Events as actor</h3>
            <EventList rows={e.eventsAsActor} />
          </section>
          <section>
            <h3>Events as target</h3>
            <EventList rows={e.eventsAsTarget} />
          </section>
        </div>
        <aside class="side">
          <h3>Appears with</h3>
          <ul class="ents">
            {e.cooccurring.map((c) => (
              <li key={c.key}>
                <a href={`#/entity/${encodeURIComponent(c.key)}`}>{c.name}</a> <span class="tag">{c.type}</span>{' '}
                <span class="count">{c.articles}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
