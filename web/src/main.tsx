/** The newsgraph web UI: a hash router over four pages. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { getToken, setToken } from './api.js';
import { SearchPage, type SearchParams } from './pages/Search.js';
import { ArticlePage } from './pages/Article.js';
import { EntityPage } from './pages/Entity.js';
import { AnalyzePage } from './pages/Analyze.js';
import './style.css';

function useHash(): string {
  const [h, setH] = useState(location.hash);
  useEffect(() => {
    const on = () => setH(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return h;
}

function searchParams(query: string): SearchParams {
  const u = new URLSearchParams(query);
  return { q: u.get('q') ?? '', from: u.get('from') ?? '', to: u.get('to') ?? '', source: u.get('source') ?? '', entity: u.get('entity') ?? '', sort: u.get('sort') ?? '' };
}

function goSearch(p: SearchParams): void {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) u.set(k, v);
  location.hash = `#/?${u.toString()}`;
}

function Route({ hash }: { hash: string }): JSX.Element {
  const path = hash.replace(/^#/, '') || '/';
  const [route, query = ''] = path.split('?');
  let m: RegExpExecArray | null;
  if ((m = /^\/article\/(.+)$/.exec(route ?? ''))) return <ArticlePage id={decodeURIComponent(m[1]!)} />;
  if ((m = /^\/entity\/(.+)$/.exec(route ?? ''))) return <EntityPage entityKey={decodeURIComponent(m[1]!)} />;
  if (route === '/analyze') return <AnalyzePage />;
  return <SearchPage params={searchParams(query)} go={goSearch} />;
}

function App(): JSX.Element {
  const hash = useHash();
  const [token, setTok] = useState(getToken());
  return (
    <>
      <nav class="top">
        <a class="brand" href="#/">
          newsgraph
        </a>
        <a href="#/">Search</a>
        <a href="#/analyze">Analyze</a>
        <a href="/api/openapi.json">API</a>
        <input
          class="token"
          type="password"
          placeholder="API token (if needed)"
          value={token}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value.trim();
            setTok(v);
            setToken(v);
          }}
        />
      </nav>
      <main>
        <Route hash={hash} />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
