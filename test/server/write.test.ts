/**
 * The write side of the API (analyze and store through the real pipeline and ingest readers) and a
 * real server listening on a free port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { startServer, isLoopback } from '../../src/server/start.js';
import { ensureWebBuilt, openTestStore, type TestStore } from './helpers.js';

type Json = Record<string, any>;

const ARTICLE =
  'Mexico Rejects Border Plan\n\n' +
  'The government of Mexico rejected a proposal from Washington on Tuesday. ' +
  'Foreign Minister Juan Ramon de la Fuente said the plan was "not acceptable in any form." ' +
  'Talks will resume next month in Ottawa.';

const PAGE = `<!doctype html><html><head><title>Harbour reopens after storm</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour in Valletta reopened on Monday after a storm closed it for three days, port officials said.</p>
<p>Ferries to Gozo resumed at noon. "We are back to a normal timetable," a spokesman for the ferry operator said.</p>
<p>Fishermen said damage to boats was light, though several moorings will need repair before the summer season.</p>
</article><footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>`;

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('server api: analyze and store', () => {
  let ts: TestStore;
  let app: ReturnType<typeof createApp>;
  let site: Server;
  let siteUrl = '';
  beforeAll(async () => {
    ts = await openTestStore('sqlite');
    app = createApp({ store: ts.store, webRoot: null });
    site = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/news/harbour`;
  });
  afterAll(async () => {
    await new Promise((r) => site?.close(r));
    await ts?.dispose();
  });

  it('POST /api/analyze with text returns newsgraph/doc@1 and stores nothing', async () => {
    const r = await post(app, '/api/analyze', { text: ARTICLE, meta: { source: 'Test Wire', published: '2025-03-04' } });
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Json;
    expect(doc['format']).toBe('newsgraph/doc@1');
    expect(doc['text']).toContain('not acceptable in any form');
    expect(doc['meta']).toMatchObject({ source: 'Test Wire', published: '2025-03-04' });
    expect(doc['sentences'].length).toBeGreaterThanOrEqual(3);
    expect(doc['tokens'].length).toBeGreaterThan(20);
    expect(await ts.store.countDocs()).toBe(0);
    const lean = (await (await post(app, '/api/analyze', { text: ARTICLE, tokens: false })).json()) as Json;
    expect(lean['tokens']).toEqual([]);
    expect(lean['sentences']).toEqual(doc['sentences']);
  });

  it('POST /api/analyze with html extracts the article and drops the page furniture', async () => {
    const r = await post(app, '/api/analyze', { html: PAGE });
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Json;
    expect(doc['text']).toContain('Ferries to Gozo resumed at noon.');
    expect(doc['text']).not.toContain('All rights reserved');
  });

  it('POST /api/analyze with an empty text is NG_E002', async () => {
    const r = await post(app, '/api/analyze', { text: '   ' });
    expect(r.status).toBe(422);
    expect(((await r.json()) as Json)['error'].code).toBe('NG_E002');
  });

  it('refuses URLs on private addresses unless allowed, then fetches and analyses them', async () => {
    const refused = await post(app, '/api/analyze', { url: siteUrl });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Json)['error'].code).toBe('NG_E008');
    const js = await post(app, '/api/analyze', { url: 'javascript:alert(1)' });
    expect(js.status).toBe(403);
    const open = createApp({ store: ts.store, webRoot: null, allowPrivateUrls: true });
    const r = await post(open, '/api/analyze', { url: siteUrl });
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Json;
    expect(doc['text']).toContain('The harbour in Valletta reopened on Monday');
    expect(doc['meta']['url']).toContain('/news/harbour');
  });

  it('POST /api/articles stores once: the same article again is reported as already stored', async () => {
    const first = await post(app, '/api/articles', { text: ARTICLE, meta: { url: 'https://example.com/mx-border' } });
    expect(first.status).toBe(200);
    const a = (await first.json()) as Json;
    expect(a).toMatchObject({ id: expect.any(String), added: true });
    const again = (await (await post(app, '/api/articles', { text: ARTICLE, meta: { url: 'https://example.com/mx-border' } })).json()) as Json;
    expect(again).toEqual({ ...a, added: false });
    const stored = await app.request(`/api/articles/${a['id']}`);
    expect(((await stored.json()) as Json)['text']).toContain('Ottawa');
  });

  it('a batch reports each item, and a bad item does not stop the others', async () => {
    const r = await post(app, '/api/articles', {
      items: [{ html: PAGE, meta: { url: 'https://example.com/harbour' } }, { text: '' }, { text: ARTICLE, meta: { url: 'https://example.com/mx-border' } }],
    });
    expect(r.status).toBe(200);
    const { items } = (await r.json()) as { items: Json[] };
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ added: true });
    expect(items[1]).toMatchObject({ error: { code: 'NG_E002' } });
    expect(items[2]).toMatchObject({ added: false });
    const hits = (await (await app.request('/api/articles?q=ferries')).json()) as Json;
    expect(hits['items'].map((h: Json) => h.id)).toEqual([items[0]!['id']]);
  });

  it('the same article twice in one batch is stored once', async () => {
    const text = 'Grain Deal Extended\n\nTurkey and Ukraine extended the grain corridor by sixty days on Sunday, officials in Ankara said.';
    const r = await post(app, '/api/articles', { items: [{ text }, { text }] });
    const { items } = (await r.json()) as { items: Json[] };
    expect(items.map((i) => i['added'])).toEqual([true, false]);
    expect(items[1]!['id']).toBe(items[0]!['id']);
  });
});

describe('server: a real listening process', () => {
  let dir = '';
  beforeAll(() => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'ng-serve-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a free port, serves the API and the built UI (index.html for client routes)', async () => {
    const s = await startServer({ db: join(dir, 'news.db'), port: 0 });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${s.url}/api/health`)).json()) as Json;
      expect(health).toMatchObject({ ok: true, dialect: 'sqlite', articles: 0 });
      const stored = await fetch(`${s.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: ARTICLE }),
      });
      expect(((await stored.json()) as Json)['added']).toBe(true);
      const home = await fetch(`${s.url}/`);
      expect(home.headers.get('content-type')).toContain('text/html');
      const html = await home.text();
      expect(html).toContain('<div id="app">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const js = await fetch(`${s.url}${script}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toContain('javascript');
      const deep = await fetch(`${s.url}/some/client/route`);
      expect(await deep.text()).toContain('<div id="app">');
    } finally {
      await s.close();
    }
  });

  it('refuses to listen beyond loopback without a token', async () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    const prev = process.env['NEWSGRAPH_TOKEN'];
    delete process.env['NEWSGRAPH_TOKEN'];
    try {
      await expect(startServer({ db: join(dir, 'x.db'), host: '0.0.0.0', port: 0 })).rejects.toMatchObject({ code: 'NG_E041' });
    } finally {
      if (prev !== undefined) process.env['NEWSGRAPH_TOKEN'] = prev;
    }
  });
});
