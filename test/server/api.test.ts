/**
 * The HTTP API in process (app.request) over real stores: SQLite in a temp file and PostgreSQL in a
 * fresh schema. Documents are stored directly (hand-built fixtures) so reads are tested apart from NLP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { corpus } from '../store/fixtures.js';
import { openTestStore, postgresUp, type TestStore } from './helpers.js';

const hasPg = await postgresUp();

type Json = Record<string, any>;

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !hasPg)(`server api (${dialect})`, () => {
    let ts: TestStore;
    let app: ReturnType<typeof createApp>;
    const ids: string[] = [];
    const get = async (path: string) => {
      const r = await app.request(path);
      return { status: r.status, body: (await r.json()) as Json };
    };

    beforeAll(async () => {
      ts = await openTestStore(dialect);
      for (const d of corpus()) ids.push((await ts.store.putDoc(d)).id);
      app = createApp({ store: ts.store, webRoot: null });
    });
    afterAll(async () => {
      await ts?.dispose();
    });

    it('health reports the dialect and the article count', async () => {
      const { status, body } = await get('/api/health');
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: true, dialect, articles: 4 });
    });

    it('openapi.json describes every endpoint from the same schemas', async () => {
      const { status, body } = await get('/api/openapi.json');
      expect(status).toBe(200);
      expect(body['openapi']).toBe('3.1.0');
      const paths = Object.keys(body['paths']);
      for (const p of ['/api/analyze', '/api/articles', '/api/articles/{id}', '/api/entities', '/api/entities/{key}', '/api/quotes', '/api/events', '/api/health']) {
        expect(paths).toContain(p);
      }
      expect(Object.keys(body['paths']['/api/articles/{id}'])).toEqual(expect.arrayContaining(['get', 'delete']));
      expect(body['components']['schemas']['Doc']['properties']).toHaveProperty('quotes');
      expect(body['components']['schemas']['ArticleInput']['properties']).toHaveProperty('url');
    });

    it('search finds articles and returns snippets with <mark> around hits', async () => {
      const { status, body } = await get('/api/articles?q=invasion');
      expect(status).toBe(200);
      expect(body['items']).toHaveLength(1);
      expect(body['items'][0].title).toBe('Mexico rejects foreign military intervention');
      expect(body['items'][0].snippet).toMatch(/<mark>invasion<\/mark>/i);
    });

    it('search filters by date range, source and entity, and pages by cursor', async () => {
      const dated = await get('/api/articles?from=2025-08-09&to=2025-08-31');
      expect(dated.body['items'].map((h: Json) => h.title)).toEqual(['Sheinbaum and Canada agree on trade talks']);
      const bySource = await get('/api/articles?source=Local%20Desk');
      expect(bySource.body['items'].map((h: Json) => h.title)).toEqual(['Flood <warning> issued']);
      const byEntity = await get(`/api/articles?entity=${encodeURIComponent('PERSON:claudia sheinbaum')}`);
      expect(byEntity.body['items']).toHaveLength(2);
      const first = await get('/api/articles?limit=2');
      expect(first.body['items']).toHaveLength(2);
      expect(first.body['nextCursor']).toEqual(expect.any(String));
      const second = await get(`/api/articles?limit=2&cursor=${encodeURIComponent(first.body['nextCursor'])}`);
      const all = [...first.body['items'], ...second.body['items']].map((h: Json) => h.id);
      expect(new Set(all).size).toBe(4);
      const newest = await get('/api/articles?q=Sheinbaum&sort=date');
      expect(newest.body['items'].map((h: Json) => h.published?.slice(0, 10))).toEqual(['2025-08-10', '2025-08-08']);
      expect((await get('/api/articles?sort=oldest')).status).toBe(400);
    });

    it('reads one article by id as newsgraph/doc@1, and answers 404 with a coded error', async () => {
      const { status, body } = await get(`/api/articles/${ids[0]}`);
      expect(status).toBe(200);
      expect(body['format']).toBe('newsgraph/doc@1');
      expect(body['quotes'][0].text).toBe('"There will be no invasion,"');
      const lean = await get(`/api/articles/${ids[0]}?tokens=false`);
      expect(lean.body['tokens']).toEqual([]);
      expect(lean.body['text']).toBe(body['text']);
      expect((await get(`/api/articles/${ids[0]}?tokens=maybe`)).status).toBe(400);
      const first = await app.request(`/api/articles/${ids[0]}`);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]{16}"$/);
      const again = await app.request(`/api/articles/${ids[0]}`, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      const missing = await get('/api/articles/doesnotexist');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: { code: 'NG_E032', name: 'not-found', message: expect.stringContaining('doesnotexist') } });
    });

    it('entities: search by name, then one entity with roles, quotes, events and co-occurring entities', async () => {
      const list = await get('/api/entities?q=sheinbaum');
      expect(list.status).toBe(200);
      const row = list.body as unknown as Json[];
      expect(row[0]).toMatchObject({ key: 'PERSON:claudia sheinbaum', articles: 2 });
      const one = await get(`/api/entities/${encodeURIComponent('PERSON:claudia sheinbaum')}`);
      expect(one.status).toBe(200);
      expect(one.body['roles'].map((r: Json) => r.title)).toContain('President');
      expect(one.body['quotes'].map((q: Json) => q.text)).toEqual(['"There will be no invasion,"']);
      expect(one.body['eventsAsActor'].map((e: Json) => e.action.plover).sort()).toEqual(['AGREE', 'REJECT']);
      expect(one.body['eventsAsTarget'].map((e: Json) => e.action.plover)).toEqual(['CONSULT']);
      expect(one.body['cooccurring'].map((c: Json) => c.name)).toEqual(expect.arrayContaining(['Canada']));
      const none = await get('/api/entities/PERSON%3Anobody');
      expect(none.status).toBe(404);
      expect(none.body['error'].code).toBe('NG_E032');
    });

    it('quotes by speaker and events by actor, target and type', async () => {
      const q = await get(`/api/quotes?speaker=${encodeURIComponent('PERSON:mark carney')}`);
      expect(q.body['items'].map((x: Json) => x.text)).toEqual(['"We want a fair deal,"']);
      expect(q.body['items'][0].speakerName).toBe('Mark Carney');
      const ev = await get(`/api/events?actor=${encodeURIComponent('PERSON:claudia sheinbaum')}&type=AGREE`);
      expect(ev.body['items']).toHaveLength(1);
      expect(ev.body['items'][0]).toMatchObject({ targetName: 'Canada', action: { plover: 'AGREE' } });
      const tgt = await get(`/api/events?target=${encodeURIComponent('GPE:united states')}`);
      expect(tgt.body['items'].map((x: Json) => x.action.plover)).toEqual(['REJECT']);
    });

    it('rejects bad query strings and bodies with NG_E040 and says what was wrong', async () => {
      const badLimit = await get('/api/articles?limit=abc');
      expect(badLimit.status).toBe(400);
      expect(badLimit.body['error'].code).toBe('NG_E040');
      expect(badLimit.body['error'].message).toContain('limit');
      const post = (body: string) =>
        app.request('/api/analyze', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      const both = await post(JSON.stringify({ text: 'a', url: 'https://example.com/' }));
      expect(both.status).toBe(400);
      expect(((await both.json()) as Json)['error'].message).toContain('exactly one');
      const broken = await post('{"text": ');
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as Json)['error'].code).toBe('NG_E040');
      const unknown = await get('/api/nothing-here');
      expect(unknown.status).toBe(404);
      expect(unknown.body['error'].code).toBe('NG_E032');
    });

    it('deletes an article; a second delete is a 404', async () => {
      const del = await app.request(`/api/articles/${ids[3]}`, { method: 'DELETE' });
      expect(del.status).toBe(200);
      expect((await get(`/api/articles/${ids[3]}`)).status).toBe(404);
      expect((await app.request(`/api/articles/${ids[3]}`, { method: 'DELETE' })).status).toBe(404);
      expect((await get('/api/health')).body['articles']).toBe(3);
    });
  });
}

describe('server api: limits and tokens', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await openTestStore('sqlite');
    await ts.store.putDoc(corpus()[0]!);
  });
  afterAll(async () => {
    await ts?.dispose();
  });

  it('refuses a body over the limit with 413 NG_E042', async () => {
    const app = createApp({ store: ts.store, webRoot: null, maxBodyBytes: 1000 });
    const r = await app.request('/api/analyze', {
      method: 'POST',
      body: JSON.stringify({ text: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as Json)['error']).toMatchObject({ code: 'NG_E042', name: 'body-too-large' });
  });

  it('with a token, requests without it get 401 NG_E041; health stays open', async () => {
    const app = createApp({ store: ts.store, webRoot: null, token: 's3cret' });
    const noToken = await app.request('/api/articles');
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as Json)['error'].code).toBe('NG_E041');
    const wrong = await app.request('/api/articles', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await app.request('/api/articles', { headers: { authorization: 'Bearer s3cret' } });
    expect(right.status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    const write = await app.request('/api/articles', {
      method: 'POST',
      body: JSON.stringify({ text: 'Some text.' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(write.status).toBe(401);
  });

  it('--open-reads lets GETs through but still guards writes', async () => {
    const app = createApp({ store: ts.store, webRoot: null, token: 's3cret', openReads: true });
    expect((await app.request('/api/articles')).status).toBe(200);
    const del = await app.request('/api/articles/whatever', { method: 'DELETE' });
    expect(del.status).toBe(401);
  });

  it('answers with a strict Content-Security-Policy', async () => {
    const app = createApp({ store: ts.store, webRoot: null });
    const r = await app.request('/api/health');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
