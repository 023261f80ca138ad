/** Search page: full-text query with date, source and entity filters; highlighted snippets. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, qs, type ArticleHit, type EntityRow, type Page } from '../api.js';
import { Marked } from '../safe.js';

export interface SearchParams {
  q: string;
  from: string;
  to: string;
  source: string;
  entity: string;
  sort: string;
}

/** Resolves what the user typed in the entity box to a key (a key is passed through). */
async function entityKey(text: string): Promise<string> {
  if (!text || /^[A-Z]+:/.test(text)) return text;
  const rows = await api<EntityRow[]>(`/api/entities${qs({ q: text, limit: 1 })}`);
  return rows[0]?.key ?? text;
}

export function SearchPage({ params, go }: { params: SearchParams; go: (p: SearchParams) => void }): JSX.Element {
  const [form, setForm] = useState(params);
  const [hits, setHits] = useState<ArticleHit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [entities, setEntities] = useState<EntityRow[]>([]);

  const load = async (cursor: string | null) => {
    setBusy(true);
    setError('');
    try {
      const entity = await entityKey(params.entity);
      const page = await api<Page<ArticleHit>>(
        `/api/articles${qs({ q: params.q, from: params.from, to: params.to, source: params.source, entity, sort: params.sort, limit: 20, cursor })}`,
      );
      setHits((h) => (cursor ? [...h, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    setForm(params);
    void load(null);
    setEntities([]);
    if (params.q) api<EntityRow[]>(`/api/entities${qs({ q: params.q, limit: 8 })}`).then(setEntities, () => setEntities([]));
  }, [params.q, params.from, params.to, params.source, params.entity, params.sort]);

  const field = (k: keyof SearchParams, label: string, type = 'text') => (
    <label>
      {label}
      <input
        name={k}
        type={type}
        value={form[k]}
        onInput={(e) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <div class="page search">
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go(form);
        }}
      >
        <input
          class="q-input"
          name="q"
          type="search"
          placeholder="Search articles…"
          value={form.q}
          onInput={(e) => setForm({ ...form, q: (e.currentTarget as HTMLInputElement).value })}
        />
        <button type="submit">Search</button>
        <div class="filters">
          {field('from', 'From', 'date')}
          {field('to', 'To', 'date')}
          {field('source', 'Source')}
          {field('entity', 'Entity')}
          <label>
            Order
            <select name="sort" value={form.sort} onChange={(e) => go({ ...form, sort: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">relevance</option>
              <option value="date">newest first</option>
            </select>
          </label>
        </div>
      </form>
      {entities.length > 0 && (
        <p class="entity-chips" data-testid="entity-chips">
          {entities.map((e) => (
            <a key={e.key} class={`chip m-${e.type}`} href={`#/entity/${encodeURIComponent(e.key)}`}>
              {e.name} <span class="count">{e.articles}</span>
            </a>
          ))}
        </p>
      )}
      {error && <p class="error">{error}</p>}
      {!busy && !error && hits.length === 0 && <p class="hint">No articles match.</p>}
      <ol class="hits" data-testid="hits">
        {hits.map((h) => (
          <li key={h.id} class="hit">
            <a class="hit-title" href={`#/article/${encodeURIComponent(h.id)}`}>
              {h.title ?? h.url ?? h.id}
            </a>
            <div class="doc-meta">
              {h.source && <span>{h.source}</span>}
              {h.published && <span>{h.published.slice(0, 10)}</span>}
            </div>
            {h.snippet && <Marked snippet={h.snippet} />}
          </li>
        ))}
      </ol>
      {next && (
        <button disabled={busy} onClick={() => void load(next)}>
          More
        </button>
      )}
    </div>
  );
}
