import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDoc } from '../../src/doc/doc.js';
import { NgError } from '../../src/errors.js';
import type { Doc } from '../../src/doc/types.js';
import { openStore } from '../../src/store/open.js';
import { createMigrator } from '../../src/store/migrations.js';
import { dialectFor } from '../../src/store/open.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { backends, freshStorePerTest } from './backends.js';
import { buildDoc, corpus } from './fixtures.js';

const SHEINBAUM = 'PERSON:claudia sheinbaum';

/** Article ids a page walk yields, following nextCursor to the end. */
async function walk(store: KyselyStore, q: Parameters<KyselyStore['searchArticles']>[0]): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await store.searchArticles(cursor ? { ...q, cursor } : q);
    ids.push(...page.items.map((h) => h.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe.each(backends)('store on $name', (backend) => {
  let store: KyselyStore;
  let spec: string;
  freshStorePerTest(backend, (s, sp) => {
    store = s;
    spec = sp;
  });

  it('store: migrations are idempotent and start empty', async () => {
    await store.migrate();
    await store.migrate();
    expect(store.dialect).toBe(backend.name);
    expect(await store.countDocs()).toBe(0);
  });

  it('store: the same article twice is stored once', async () => {
    const [a] = corpus();
    const first = await store.putDoc(a!);
    const second = await store.putDoc(structuredClone(a!));
    expect(first).toEqual({ id: a!.id, added: true });
    expect(second).toEqual({ id: a!.id, added: false });
    expect(await store.countDocs()).toBe(1);
  });

  it('store: same canonical URL (tracking params, fragment, www) with edited text is the stored article', async () => {
    const [a] = corpus();
    await store.putDoc(a!);
    const edited = buildDoc({
      url: 'https://www.NEWS.example.com/world/mexico-rejects-intervention#comments',
      text: 'An edited version of the article with other words.',
    });
    expect(await store.putDoc(edited)).toEqual({ id: a!.id, added: false });
    expect(await store.countDocs()).toBe(1);
  });

  it('store: same text under another URL is recognised by its content hash', async () => {
    const [a] = corpus();
    await store.putDoc(a!);
    const copy = buildDoc({ url: 'https://mirror.example.net/copy', text: a!.text });
    expect(copy.id).not.toBe(a!.id);
    expect(await store.putDoc(copy)).toEqual({ id: a!.id, added: false });
  });

  it('store: getDoc returns the Doc as stored, by id, by URL and by an equivalent URL', async () => {
    const docs = corpus();
    for (const d of docs) await store.putDoc(d);
    expect(await store.getDoc(docs[1]!.id)).toEqual(docs[1]);
    expect(await store.getDoc(docs[0]!.meta.url!)).toEqual(docs[0]);
    expect((await store.getDoc('http://news.example.com/world/mexico-rejects-intervention/'))?.id).toBe(docs[0]!.id);
    expect(await store.getDoc('no-such-id')).toBeNull();
    expect(await store.countDocs()).toBe(docs.length);
  });

  it('store: getDocJson gives the stored JSON text with its id and content hash', async () => {
    const docs = corpus();
    for (const d of docs) await store.putDoc(d);
    const stored = await store.getDocJson(docs[0]!.meta.url!);
    expect(stored?.id).toBe(docs[0]!.id);
    expect(stored?.contentHash).toBe(docs[0]!.meta.contentHash);
    expect(JSON.parse(stored!.json)).toEqual(docs[0]);
    expect(await store.getDocJson('no-such-id')).toBeNull();
  });

  it('search: stemmed match, ranked, with an escaped <mark> snippet', async () => {
    for (const d of corpus()) await store.putDoc(d);
    const page = await store.searchArticles({ q: 'rejects intervention' });
    expect(page.items.map((h) => h.title)).toEqual(['Mexico rejects foreign military intervention']);
    const hit = page.items[0]!;
    expect(hit.snippet).toMatch(/<mark>rejected<\/mark>/);
    expect(hit.snippet).toMatch(/<mark>intervention<\/mark>/);
    expect(hit.rank).toBeGreaterThan(0);

    const flood = await store.searchArticles({ q: 'flood' });
    expect(flood.items).toHaveLength(1);
    const snip = flood.items[0]!.snippet!;
    expect(snip).toContain('<mark>flood</mark>');
    // Only our own <mark> tags survive as markup; article text is escaped.
    expect(snip.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(snip).not.toContain('<script>');
  });

  it('search: a title hit ranks above a body-only hit, and OR / -exclusion work', async () => {
    await store.putDoc(buildDoc({ url: 'https://a.example/1', title: 'Drought hits farmers', text: 'Farmers in the south face losses this year.' }));
    await store.putDoc(buildDoc({ url: 'https://a.example/2', title: 'Weather report', text: 'A long drought was mentioned once in passing today.' }));
    await store.putDoc(buildDoc({ url: 'https://a.example/3', title: 'Markets', text: 'Grain prices rose as the harvest shrank.' }));
    const drought = await store.searchArticles({ q: 'drought' });
    expect(drought.items.map((h) => h.title)).toEqual(['Drought hits farmers', 'Weather report']);
    expect(drought.items[0]!.rank!).toBeGreaterThan(drought.items[1]!.rank!);
    const either = await store.searchArticles({ q: 'drought OR harvest' });
    expect(either.items).toHaveLength(3);
    const without = await store.searchArticles({ q: 'drought -farmers' });
    expect(without.items.map((h) => h.title)).toEqual(['Weather report']);
  });

  it('search: one mention in a short article outranks one mention buried in a long one', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} covers budget talks.`).join(' ');
    // The short one goes in first, so the seq tie-break alone would put the long one first.
    await store.putDoc(buildDoc({ url: 'https://r.example/short', title: 'Short note', text: 'A volcano erupted near the town.' }));
    await store.putDoc(buildDoc({ url: 'https://r.example/long', title: 'Long report', text: `${filler} A volcano was noted. ${filler}` }));
    expect((await store.searchArticles({ q: 'volcano' })).items.map((h) => h.title)).toEqual(['Short note', 'Long report']);
  });

  it('search: accents do not matter (México, Mexico; São Paulo, Sao Paulo)', async () => {
    await store.putDoc(buildDoc({ url: 'https://a.example/mx', title: 'Elección en México', text: 'Voters in México and São Paulo went to the polls.' }));
    await store.putDoc(buildDoc({ url: 'https://a.example/plain', text: 'Mexico City traffic was calm on Sunday.' }));
    expect((await store.searchArticles({ q: 'mexico' })).items).toHaveLength(2);
    expect((await store.searchArticles({ q: 'México' })).items).toHaveLength(2);
    expect((await store.searchArticles({ q: 'sao paulo' })).items).toHaveLength(1);
    expect((await store.searchArticles({ q: 'eleccion' })).items).toHaveLength(1);
    const hit = (await store.searchArticles({ q: 'mexico' })).items.find((h) => h.url === 'https://a.example/mx')!;
    expect(hit.snippet).toContain('<mark>México</mark>');
  });

  it('search: operator characters a user types are searched, never a syntax error', async () => {
    for (const d of corpus()) await store.putDoc(d);
    for (const q of ['"unbalanced', 'AND', 'NEAR(', 'title:flood', '(', '*', '-', 'a:b OR', "l'eau ^ {x}"]) {
      await expect(store.searchArticles({ q })).resolves.toBeDefined();
    }
    // Punctuation between words is not syntax: "flood:warning" is the phrase "flood warning".
    expect((await store.searchArticles({ q: 'flood:warning' })).items).toHaveLength(1);
    expect((await store.searchArticles({ q: 'title:flood' })).items).toHaveLength(0);
    expect((await store.searchArticles({ q: '"cup final"' })).items).toHaveLength(1);
    expect((await store.searchArticles({ q: '"final cup"' })).items).toHaveLength(0);
  });

  it('search: keyset paging visits every article once, in rank and in date order', async () => {
    const docs = Array.from({ length: 11 }, (_, i) =>
      buildDoc({
        url: `https://paging.example/${i}`,
        title: `Harbour report ${i}`,
        // Some share a date so the tiebreak matters; one has none and lists last.
        published: i === 5 ? null : `2025-03-${String(10 + (i % 4)).padStart(2, '0')}`,
        text: `The harbour ${'harbour '.repeat(i % 3)}reopened after storm number ${i}.`,
      }),
    );
    for (const d of docs) await store.putDoc(d);
    const byDate = await walk(store, { limit: 3 });
    expect(byDate).toHaveLength(11);
    expect(new Set(byDate).size).toBe(11);
    expect(byDate[byDate.length - 1]).toBe(docs[5]!.id);
    const dates = await Promise.all(byDate.slice(0, 10).map(async (id) => (await store.getDoc(id))!.meta.published!));
    expect([...dates].sort().reverse()).toEqual(dates);

    const byRank = await walk(store, { q: 'harbour', limit: 4 });
    expect(new Set(byRank)).toEqual(new Set(docs.map((d) => d.id)));
    expect(byRank).toHaveLength(11);
    const firstPage = await store.searchArticles({ q: 'harbour', limit: 11 });
    const ranks = firstPage.items.map((h) => h.rank!);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(firstPage.items.map((h) => h.id)).toEqual(byRank);
  });

  it('search: sort=date lists matches newest first, still with rank and snippet, and pages by date', async () => {
    for (let i = 0; i < 5; i++) {
      // Older articles say "ferry" more often, so rank order and date order differ.
      await store.putDoc(buildDoc({ url: `https://d.example/${i}`, published: `2025-04-0${i + 1}`,
        text: `${'Ferry '.repeat(5 - i)}service resumed on day ${i}.` }));
    }
    const byRank = await store.searchArticles({ q: 'ferry' });
    expect(byRank.items.map((h) => h.published)).toEqual(['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05']);
    const byDate = await store.searchArticles({ q: 'ferry', sort: 'date', limit: 2 });
    expect(byDate.items.map((h) => h.published)).toEqual(['2025-04-05', '2025-04-04']);
    expect(byDate.items.every((h) => h.rank !== null && h.snippet!.includes('<mark>'))).toBe(true);
    const rest = await walk(store, { q: 'ferry', sort: 'date', limit: 2, cursor: byDate.nextCursor! });
    expect(rest).toHaveLength(3);
    // A date cursor cannot continue a rank walk.
    await expect(store.searchArticles({ q: 'ferry', cursor: byDate.nextCursor! })).rejects.toMatchObject({ code: 'NG_E040' });
  });

  it('search: a page walk is stable when articles are added between pages', async () => {
    for (let i = 0; i < 6; i++) {
      await store.putDoc(buildDoc({ url: `https://s.example/${i}`, published: `2025-01-0${i + 1}`, text: `Bulletin ${i} about bridges.` }));
    }
    const p1 = await store.searchArticles({ limit: 3 });
    // A newer article arrives: it belongs before the cursor, so it must not shift the next page.
    await store.putDoc(buildDoc({ url: 'https://s.example/new', published: '2025-02-01', text: 'A newer bulletin about bridges.' }));
    const p2 = await store.searchArticles({ limit: 3, cursor: p1.nextCursor! });
    const seen = [...p1.items, ...p2.items].map((h) => h.published);
    expect(seen).toEqual(['2025-01-06', '2025-01-05', '2025-01-04', '2025-01-03', '2025-01-02', '2025-01-01']);
    expect(p2.nextCursor).toBeNull();
  });

  it('search: filters by date range, source (any case) and entity', async () => {
    for (const d of corpus()) await store.putDoc(d);
    const titles = async (q: Parameters<KyselyStore['searchArticles']>[0]) =>
      (await store.searchArticles(q)).items.map((h) => h.title).sort();
    expect(await titles({ from: '2025-08-01', to: '2025-08-08' })).toEqual(['Mexico rejects foreign military intervention']);
    expect(await titles({ from: '2025-08-09' })).toEqual(['Sheinbaum and Canada agree on trade talks']);
    expect(await titles({ to: '2025-07-31' })).toEqual(['Cup final ends in a draw']);
    expect(await titles({ source: 'EXAMPLE NEWS' })).toEqual(['Cup final ends in a draw', 'Mexico rejects foreign military intervention']);
    expect(await titles({ entity: SHEINBAUM })).toEqual([
      'Mexico rejects foreign military intervention',
      'Sheinbaum and Canada agree on trade talks',
    ]);
    expect(await titles({ entity: SHEINBAUM, q: 'trade' })).toEqual(['Sheinbaum and Canada agree on trade talks']);
  });

  it('search: a bad cursor or date is a coded bad-request error', async () => {
    await expect(store.searchArticles({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'NG_E040' });
    await expect(store.searchArticles({ from: 'last tuesday' })).rejects.toBeInstanceOf(NgError);
    for (let i = 0; i < 3; i++) await store.putDoc(buildDoc({ url: `https://c.example/${i}`, text: `Port ${i} news.` }));
    const listing = await store.searchArticles({ limit: 1 });
    // A listing cursor cannot continue a search: the orderings differ.
    await expect(store.searchArticles({ q: 'port', cursor: listing.nextCursor! })).rejects.toMatchObject({ code: 'NG_E040' });
  });

  it('entities: one row per key across articles, with article and mention counts', async () => {
    for (const d of corpus()) await store.putDoc(d);
    const rows = await store.searchEntities('sheinb');
    expect(rows).toEqual([
      { key: SHEINBAUM, name: expect.stringMatching(/^Claudia +Sheinbaum$/), type: 'PERSON', country: 'MEX', articles: 2, mentions: 3 },
    ]);
    const all = await store.searchEntities('', 100);
    expect(all[0]!.key).toBe(SHEINBAUM);
    expect(all.map((r) => r.key)).toContain('LOC:danube');
    expect(await store.searchEntities('PERSON:mark')).toHaveLength(1);
    expect(await store.searchEntities('GPE:mark')).toHaveLength(0);
    expect(await store.searchEntities('100%_')).toHaveLength(0);
  });

  it('entities: a match starts at a word; names starting with the query come first', async () => {
    for (const d of corpus()) await store.putDoc(d);
    for (const i of [1, 2]) {
      await store.putDoc(buildDoc({ url: `https://e.example/oscar${i}`, text: `The Oscar Academy met Mark Oscarsson ${i} times.`,
        entities: [{ id: 'o', name: 'Oscar Academy', type: 'ORG' }, { id: 'p', name: 'Mark Oscarsson', type: 'PERSON' }] }));
    }
    // "car" is inside Oscar but starts no word of it.
    expect((await store.searchEntities('car')).map((r) => r.key)).toEqual(['PERSON:mark carney']);
    // Both have a word starting with "osc"; the name that starts with it comes first.
    expect((await store.searchEntities('osc')).map((r) => r.key)).toEqual(['ORG:oscar academy', 'PERSON:mark oscarsson']);
    expect((await store.searchEntities('mark')).map((r) => r.key)).toEqual(['PERSON:mark oscarsson', 'PERSON:mark carney']);
    // A typed query only narrows the type.
    expect((await store.searchEntities('PERSON:osc')).map((r) => r.key)).toEqual(['PERSON:mark oscarsson']);
    expect((await store.searchEntities('PERSON:mark c')).map((r) => r.key)).toEqual(['PERSON:mark carney']);
    expect((await store.searchEntities('ORG:academy')).map((r) => r.key)).toEqual(['ORG:oscar academy']);
  });

  it('entities: the forms articles used (aliases) find the entity, from the start of a word', async () => {
    await store.putDoc(buildDoc({ url: 'https://e.example/us', text: 'The United States (U.S.) and Abu Sayyaf were named.',
      entities: [
        { id: 'u', name: 'United States', type: 'GPE', forms: ['United States', 'U.S.'] },
        { id: 'a', name: 'Abu Sayyaf', type: 'ORG' },
      ] }));
    expect((await store.searchEntities('U.S.')).map((r) => r.key)).toEqual(['GPE:united states']);
    expect((await store.searchEntities('abu')).map((r) => r.key)).toEqual(['ORG:abu sayyaf']);
  });

  it('entities: the cross-article name is the form used most, the country the one most articles gave', async () => {
    const mk = (i: number, name: string, country: string | null, times: number) =>
      buildDoc({ url: `https://n.example/${i}`, text: `${name} spoke. `.repeat(times).trim(),
        entities: [{ id: 'e', name, type: 'PERSON', country }] });
    await store.putDoc(mk(1, 'Volodymyr ZELENSKY', null, 1));
    await store.putDoc(mk(2, 'Volodymyr Zelensky', 'UKR', 3));
    await store.putDoc(mk(3, 'Volodymyr Zelensky', 'UKR', 1));
    await store.putDoc(mk(4, 'volodymyr zelensky', 'RUS', 1));
    expect(await store.getEntity('PERSON:volodymyr zelensky')).toMatchObject({
      name: 'Volodymyr Zelensky', country: 'UKR', articles: 4, mentions: 6,
    });
  });

  it('entities: getEntity gathers roles, quotes said, events as actor and target, co-occurring entities', async () => {
    const docs = corpus();
    for (const d of docs) await store.putDoc(d);
    const e = await store.getEntity(SHEINBAUM);
    expect(e).not.toBeNull();
    expect(e!.roles).toHaveLength(2);
    expect(e!.roles.every((r) => r.title === 'President' && r.of === 'MEX')).toBe(true);
    expect(e!.quotes.map((q) => q.text)).toEqual(['"There will be no invasion,"']);
    expect(e!.quotes[0]!.sentence).toBe('"There will be no invasion," Sheinbaum said on Friday.');
    expect(e!.quotes[0]!.speakerName).toBe('Claudia Sheinbaum');
    expect(e!.eventsAsActor.map((x) => x.action.plover).sort()).toEqual(['AGREE', 'REJECT']);
    expect(e!.eventsAsTarget.map((x) => [x.action.plover, x.actorName])).toEqual([['CONSULT', 'Canada']]);
    expect(e!.cooccurring.map((c) => c.key).sort()).toEqual(['GPE:canada', 'GPE:united states', 'ORG:pentagon', 'PERSON:mark carney']);
    expect(await store.getEntity('PERSON:nobody')).toBeNull();
  });

  it('quotes and events: filters by speaker, text, actor, type, modality and dates', async () => {
    for (const d of corpus()) await store.putDoc(d);
    expect((await store.quotes({})).map((q) => q.speakerName).sort()).toEqual(['Claudia Sheinbaum', 'Mark Carney']);
    const fair = await store.quotes({ q: 'FAIR deal' });
    expect(fair.map((q) => q.speakerKey)).toEqual(['PERSON:mark carney']);
    expect(fair[0]!.title).toBe('Sheinbaum and Canada agree on trade talks');
    expect(await store.quotes({ q: '%' })).toHaveLength(0);

    expect((await store.events({ type: 'agree' })).map((e) => e.actorKey)).toEqual([SHEINBAUM]);
    expect((await store.events({ type: '12' })).map((e) => e.action.plover)).toEqual(['REJECT']);
    expect((await store.events({ modality: 'planned' })).map((e) => e.targetName)).toEqual(['Claudia  Sheinbaum']);
    // An event's own date wins over the article's; undated events take the article's date.
    expect((await store.events({ from: '2025-08-09', to: '2025-08-09' })).map((e) => e.action.plover)).toEqual(['AGREE']);
    expect((await store.events({ from: '2025-08-08', to: '2025-08-08' })).map((e) => e.action.plover)).toEqual(['REJECT']);
    const all = await store.events({ limit: 10 });
    expect(all.map((e) => e.action.plover)).toEqual(['CONSULT', 'AGREE', 'REJECT']);
    expect(all[2]!.sentence).toBe('President Claudia Sheinbaum rejected any military intervention by the United States.');
  });

  it('delete: removes the article with its entities, quotes, events and index entries', async () => {
    const docs = corpus();
    for (const d of docs) await store.putDoc(d);
    expect(await store.deleteDoc(docs[0]!.id)).toBe(true);
    expect(await store.deleteDoc(docs[0]!.id)).toBe(false);
    expect(await store.countDocs()).toBe(docs.length - 1);
    expect(await store.getDoc(docs[0]!.id)).toBeNull();
    expect((await store.searchArticles({ q: 'invasion' })).items).toHaveLength(0);
    expect((await store.searchEntities('sheinbaum'))[0]).toMatchObject({ articles: 1, mentions: 1 });
    expect(await store.searchEntities('pentagon')).toHaveLength(0);
    expect(await store.quotes({ speaker: SHEINBAUM })).toHaveLength(0);
    expect((await store.events({})).map((e) => e.action.plover).sort()).toEqual(['AGREE', 'CONSULT']);
    const db = store.kysely;
    const left = await db.selectFrom('article_entities').select('article_id').where('article_id', '=', docs[0]!.id).execute();
    expect(left).toHaveLength(0);
    if (store.dialect === 'sqlite') {
      // The delete trigger must hand FTS5 the exact old values, or the index silently drifts.
      await sql`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
    }
    // Deleted and re-added: a fresh article again.
    expect(await store.putDoc(docs[0]!)).toEqual({ id: docs[0]!.id, added: true });
    expect((await store.searchArticles({ q: 'invasion' })).items).toHaveLength(1);
  });

  it('write: a Doc that fails half-way leaves nothing behind', async () => {
    const bad = buildDoc({
      url: 'https://bad.example/1',
      text: 'Unique zebra text. Alpha met Beta.',
      entities: [
        { id: 'e1', name: 'Alpha', type: 'PERSON' },
        { id: 'e1', name: 'Beta', type: 'PERSON' },
      ],
    });
    await expect(store.putDoc(bad)).rejects.toMatchObject({ code: 'NG_E031' });
    expect(await store.countDocs()).toBe(0);
    expect((await store.searchArticles({ q: 'zebra' })).items).toHaveLength(0);
    expect(await store.searchEntities('alpha')).toHaveLength(0);
    // The store is still usable, and the fixed article goes in.
    bad.entities[1]!.id = 'e2';
    expect((await store.putDoc(bad)).added).toBe(true);
  });

  it('write: putDocs stores a batch in order, recognises repeats, and isolates a bad article', async () => {
    const docs = corpus();
    await store.putDoc(docs[0]!);
    const bad = buildDoc({ url: 'https://bad.example/2', text: 'Gamma met Delta in Oslo.',
      entities: [{ id: 'x', name: 'Gamma', type: 'PERSON' }, { id: 'x', name: 'Delta', type: 'PERSON' }] });
    const batch = [docs[0]!, docs[1]!, bad, docs[2]!, structuredClone(docs[1]!)];
    const results = await store.putDocs(batch);
    expect(results.map((r) => [r.id, r.added, r.error?.code ?? null])).toEqual([
      [docs[0]!.id, false, null],
      [docs[1]!.id, true, null],
      [bad.id, false, 'NG_E031'],
      [docs[2]!.id, true, null],
      [docs[1]!.id, false, null],
    ]);
    expect(await store.countDocs()).toBe(3);
    expect(await store.searchEntities('gamma')).toHaveLength(0);
    // A clean batch goes in whole, in one transaction.
    const more = [docs[3]!, buildDoc({ url: 'https://b.example/1', text: 'Another short bulletin.' })];
    expect((await store.putDocs(more)).map((r) => [r.added, r.error])).toEqual([[true, null], [true, null]]);
    expect(await store.putDocs([])).toEqual([]);
    expect(await store.countDocs()).toBe(5);
  });

  it('write: what is not a Doc is refused with a reason, before any SQL', async () => {
    const good = corpus()[0]!;
    await expect(store.putDoc({ ...good, format: 'other' } as unknown as Doc)).rejects.toMatchObject({
      code: 'NG_E031', message: expect.stringMatching(/format is "other"/),
    });
    await expect(store.putDoc({ ...good, entities: undefined } as unknown as Doc)).rejects.toMatchObject({
      code: 'NG_E031', message: expect.stringMatching(/not an array/),
    });
    const r = await store.putDocs([null as unknown as Doc, good]);
    expect(r.map((x) => [x.added, x.error?.code ?? null])).toEqual([[false, 'NG_E031'], [true, null]]);
  });

  it('write: concurrent writers of the same article through separate connections store it once', async () => {
    const others = await Promise.all([openStore(spec), openStore(spec), openStore(spec)]);
    try {
      const docs = corpus();
      const results = await Promise.all(
        [store, ...others].flatMap((s) => docs.map((d) => s.putDoc(structuredClone(d)))),
      );
      for (const d of docs) {
        const mine = results.filter((r) => r.id === d.id);
        expect(mine).toHaveLength(4);
        expect(mine.filter((r) => r.added)).toHaveLength(1);
      }
      expect(await store.countDocs()).toBe(docs.length);
      expect((await store.searchEntities('sheinbaum'))[0]!.articles).toBe(2);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });

  it('write: batches of the same articles in opposite orders from two connections store each once', async () => {
    const other = await openStore(spec);
    try {
      const docs = Array.from({ length: 30 }, (_, i) =>
        buildDoc({ url: `https://batch.example/${i}`, text: `Port ${i % 5} bulletin number ${i}.`,
          entities: [{ id: 'p', name: `Port ${i % 5}`, type: 'LOC' }] }),
      );
      // Opposite orders invite a deadlock on PostgreSQL; the loser must fall back, not fail.
      const [a, b] = await Promise.all([store.putDocs(docs), other.putDocs([...docs].reverse())]);
      expect([...a, ...b].filter((r) => r.error !== null)).toEqual([]);
      expect([...a, ...b].filter((r) => r.added)).toHaveLength(30);
      expect(await store.countDocs()).toBe(30);
      expect((await store.searchEntities('port 3'))[0]).toMatchObject({ articles: 6, mentions: 6 });
    } finally {
      await other.close();
    }
  });

  it('store: entities stored before aliases existed are still found (migration 0007 backfills)', async () => {
    const migrator = createMigrator(store.kysely, dialectFor(spec));
    expect((await migrator.migrateTo('0004_fold_accents')).error).toBeUndefined();
    // Rows written the way the store wrote them before 0005: no aliases column.
    await sql`INSERT INTO articles (id, content_hash, text, doc, created_at, sort_ms) VALUES ('old1', 'h1', 'x', '{}', 'now', 0)`.execute(store.kysely);
    await sql`INSERT INTO article_entities (article_id, local_id, key, name, type, country, mentions, roles)
      VALUES ('old1', 'e1', 'PERSON:ada lovelace', 'Ada Lovelace', 'PERSON', NULL, 2, '[]')`.execute(store.kysely);
    await store.migrate();
    expect((await store.searchEntities('lovel')).map((r) => r.key)).toEqual(['PERSON:ada lovelace']);
  });

  it('store: every migration can be undone and redone', async () => {
    for (const d of corpus()) await store.putDoc(d);
    const migrator = createMigrator(store.kysely, dialectFor(spec));
    const names = (await migrator.getMigrations()).map((m) => m.name);
    for (let i = 0; i < names.length; i++) {
      const r = await migrator.migrateDown();
      expect(r.error).toBeUndefined();
    }
    expect((await migrator.getMigrations()).every((m) => m.executedAt === undefined)).toBe(true);
    await store.migrate();
    expect(await store.countDocs()).toBe(0);
    await store.putDoc(corpus()[0]!);
    expect((await store.searchArticles({ q: 'invasion' })).items).toHaveLength(1);
  });

  it('write: opening the same store while it is being written neither waits out a lock nor fails', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => buildDoc({ url: `https://o.example/${i}`, text: `Opening bulletin ${i} on tides.` }));
    const writing = (async () => {
      for (const d of docs) await store.putDoc(d);
    })();
    // Each open runs the migrator (a no-op here); it must neither fail nor sit out busy_timeout
    // while this process holds the write lock between two awaits.
    const opened = await Promise.all([openStore(spec), openStore(spec)]);
    await writing;
    try {
      for (const o of opened) expect(await o.countDocs()).toBe(60);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });

  it('write: a large article (thousands of entities, quotes, events) is stored whole', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `Person${i} met Person${i + 1}.`);
    const d = createDoc(words.join(' '), [], { url: 'https://big.example/1' });
    let at = 0;
    d.sentences = words.map((w) => ({ start: (at += w.length + 1) - w.length - 1, end: at - 1 }));
    d.entities = words.map((w, i) => ({ id: `e${i}`, name: `Person${i}`, type: 'PERSON' as const, roles: [], country: null,
      mentions: [{ start: d.sentences[i]!.start, end: d.sentences[i]!.start + `Person${i}`.length, text: `Person${i}`, kind: 'name' as const }] }));
    d.quotes = d.sentences.map((s, i) => ({ kind: 'indirect' as const, ...s, text: d.text.slice(s.start, s.end), speaker: `e${i}`, speakerText: null, cue: null }));
    d.events = d.sentences.map((s, i) => ({ actor: `e${i}`, actorText: null, action: { cameo: '040', plover: 'CONSULT', text: 'met' },
      target: null, targetText: null, negated: false, modality: 'asserted' as const, reportedBy: null, date: null, place: null, evidence: s }));
    expect((await store.putDoc(d)).added).toBe(true);
    const db = store.kysely;
    const count = async (t: 'article_entities' | 'quotes' | 'events') =>
      Number((await db.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    expect([await count('article_entities'), await count('quotes'), await count('events')]).toEqual([3000, 3000, 3000]);
    expect((await store.quotes({ speaker: 'PERSON:person2999' }))[0]!.sentence).toBe('Person2999 met Person3000.');
  });
});

describe('store on postgres schemas', () => {
  it('regression: migration tables in another schema do not stop migrations in ours', async () => {
    const pgBackend = backends.find((b) => b.name === 'postgres')!;
    const first = pgBackend.fresh();
    const second = pgBackend.fresh();
    try {
      // The first schema now holds kysely_migration tables; Kysely once took them for the second's.
      await (await openStore(first.spec)).close();
      const s = await openStore(second.spec);
      try {
        expect((await s.putDoc(corpus()[0]!)).added).toBe(true);
        expect(await s.countDocs()).toBe(1);
      } finally {
        await s.close();
      }
    } finally {
      await first.drop();
      await second.drop();
    }
  });
});
