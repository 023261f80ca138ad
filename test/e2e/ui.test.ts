/**
 * The web UI in a real browser (Debian's chromium driven by playwright-core) against a real server on
 * a free port and a temp SQLite store, filled through the API with the seed article, a few pages of
 * the extraction benchmark and hostile content. Screenshots go to test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { corpus } from '../store/fixtures.js';
import { ensureWebBuilt, ROOT } from '../server/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output/screenshots');
const SEED = join(ROOT, '../shared/seed/000_381fc5596f504642.txt');
const AEB = join(ROOT, '../shared/data/extraction/aeb');

const HOSTILE_TEXT =
  'Hostile Markup Survives As Text\n\n' +
  'Officials in Lisbon said on Monday that <script>window.__pwned = 1</script> the vote was delayed. ' +
  'A statement read <img src=x onerror="window.__pwned = 2"> and "nothing <b>else</b>," said Ana Costa. ' +
  'Readers were told to click <a href="javascript:window.__pwned=3">here</a> for updates.';

type Json = Record<string, any>;

describe.skipIf(!existsSync(CHROMIUM))('web UI in chromium', () => {
  let server: RunningServer;
  let store: Store;
  let fixtureIds: string[] = [];
  let ctx: BrowserContext;
  let page: Page;
  let dir = '';
  const dialogs: string[] = [];
  let seedId = '';
  let hostileIds: string[] = [];

  const api = async (path: string, body?: unknown): Promise<Json> => {
    const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const r = await fetch(`${server.url}${path}`, init);
    const j = (await r.json()) as Json;
    if (!r.ok) throw new Error(`${path}: ${JSON.stringify(j)}`);
    return j;
  };
  // A fresh load for every visit: a hash-only change would leave the previous view on screen until
  // the new one renders, and a wait on its elements could then read the old page.
  const visit = async (path: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/${path}`);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'ng-e2e-'));
    // Hand-built docs (exact layers) test the rendering apart from the NLP; the rest goes through
    // the API and the real pipeline.
    store = await openStore(join(dir, 'e2e.db'));
    for (const d of corpus()) fixtureIds.push((await store.putDoc(d)).id);
    server = await startServer({ store, port: 0 });

    const seed = await api('/api/articles', {
      text: readFileSync(SEED, 'utf8'),
      meta: { url: 'https://example.com/seed/mexico-rejects-intervention', source: 'Seed Wire', published: '2025-08-08' },
    });
    seedId = seed['id'];
    const truth = JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
    const pages = readdirSync(join(AEB, 'html')).sort().slice(0, 4);
    const batch = await api('/api/articles', {
      items: pages.map((f) => {
        const id = f.replace(/\.html\.gz$/, '');
        const item: Json = { html: gunzipSync(readFileSync(join(AEB, 'html', f))).toString('utf8') };
        if (truth[id]) item['meta'] = { url: truth[id].url };
        return item;
      }),
    });
    expect(batch['items'].filter((i: Json) => i.id).length).toBeGreaterThanOrEqual(3);
    const hostile = await api('/api/articles', {
      items: [
        { text: HOSTILE_TEXT, raw: false, meta: { url: 'javascript:window.__pwned=4', title: '<img src=x onerror="window.__pwned=5">Lisbon vote' } },
        { html: readFileSync(join(ROOT, 'test/fixtures/hostile-page.html'), 'utf8') },
      ],
    });
    hostileIds = hostile['items'].map((i: Json) => i.id);

    ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('search shows hits with highlighted snippets built from text nodes', async () => {
    await visit(`#/?q=cartels`);
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    await expect.poll(() => page.locator('.hit-title').allTextContents()).toContain(
      'Mexico Vows Strong Opposition to Trump\'s Military Plans Against Cartels',
    );
    expect(await page.locator('.hit mark').count()).toBeGreaterThan(0);
    expect((await page.locator('.hit mark').first().textContent())?.toLowerCase()).toContain('cartel');
    await shot('search');

    // The date filter keeps the seed (2025-08-08) and drops everything else.
    await page.fill('input[name=from]', '2025-08-01');
    await page.fill('input[name=to]', '2025-08-31');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.hit').count()).toBe(1);

    // Entities whose names match the query are offered as links to their pages.
    await visit(`#/?q=Sheinbaum`);
    await page.locator('[data-testid=entity-chips] a', { hasText: 'Claudia Sheinbaum' }).first().waitFor();
    await shot('search-entities');
  });

  it('article page renders stored layers: quotes attributed on hover, mentions and events styled', async () => {
    await visit(`#/article/${fixtureIds[0]}`);
    await page.locator('[data-testid=doc-title]').waitFor();
    const quote = page.locator('.q', { hasText: 'There will be no invasion' }).first();
    await quote.hover();
    await expect.poll(() => page.locator('[data-testid=details]').textContent()).toContain('direct quote by Claudia Sheinbaum');
    expect(await page.locator('.m-PERSON', { hasText: 'Sheinbaum' }).count()).toBe(2);
    expect(await page.locator('.m-ORG', { hasText: 'Pentagon' }).count()).toBe(1);
    expect(await page.locator('.cue', { hasText: 'said' }).count()).toBe(1);
    expect(await page.locator('.ev').count()).toBeGreaterThan(0);
    // The side-panel lists work from the keyboard too.
    await page.locator('[data-testid=event-item]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=details]').textContent()).toContain('REJECT');
    await shot('article-fixture');
    await page.locator('.quote-group h4 a', { hasText: 'Claudia Sheinbaum' }).click();
    await page.locator('[data-testid=entity-name]').waitFor();
    // Her quotes from every stored article, the hand-built one among them.
    expect(await page.locator('[data-testid=entity-quotes] li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('There will be no invasion')]),
    );
    const body = await page.locator('.entity').textContent();
    expect(body).toContain('President');
    expect(body).toContain('agreed with');
    expect(body).toContain('Canada');
    await shot('entity-fixture');
  });

  it('article page highlights Sheinbaum\'s quotes and attributes them to her', async () => {
    await visit(`#/?q=Sheinbaum`);
    await page.locator('.hit-title', { hasText: 'Mexico Vows Strong Opposition' }).click();
    await page.locator('[data-testid=doc-title]').waitFor();
    expect(page.url()).toContain(`#/article/${seedId}`);

    // Mentions inside a quote cut it into several segments; any piece of it carries the quote.
    const quote = page.locator('.q', { hasText: 'is not going to come to' }).first();
    await quote.waitFor();
    await quote.hover();
    await expect.poll(() => page.locator('[data-testid=details]').textContent()).toContain('by Claudia Sheinbaum');

    const group = page.locator('.quote-group', { has: page.locator('h4', { hasText: 'Claudia Sheinbaum' }) });
    const items = await group.locator('[data-testid=quote-item]').allTextContents();
    expect(items.join(' ')).toContain('absolutely ruled out');
    expect(await page.locator('.m-PERSON').count()).toBeGreaterThan(0);
    await shot('article');

    // Cleaning removed the repeated block; the UI lists it with its text.
    expect(await page.locator('[data-testid=removed-item]').count()).toBeGreaterThan(0);
  });

  it('entity page lists her quotes across articles', async () => {
    await page.locator('.quote-group h4 a', { hasText: 'Claudia Sheinbaum' }).first().click();
    await page.locator('[data-testid=entity-name]').waitFor();
    expect(await page.locator('[data-testid=entity-name]').textContent()).toBe('Claudia Sheinbaum');
    const quotes = await page.locator('[data-testid=entity-quotes] li').allTextContents();
    expect(quotes.join(' ')).toContain('The United States is not going to come to Mexico');
    await shot('entity');
  });

  it('analyze page shows the result of pasted text without storing it', async () => {
    const before = (await api('/api/health'))['articles'];
    await visit(`#/analyze`);
    await page.fill('textarea[name=input]', 'Harbour Reopens\n\nThe harbour in Valletta reopened on Monday, port officials said. "We are back to normal," said Joe Borg, a spokesman.');
    await page.click('button[type=submit]');
    await page.locator('.para', { hasText: 'Valletta reopened on Monday' }).waitFor();
    await shot('analyze');
    expect((await api('/api/health'))['articles']).toBe(before);
  });

  it('hostile content is shown as text and never runs', async () => {
    for (const id of hostileIds) {
      await visit(`#/article/${id}`);
      await page.locator('[data-testid=doc-title]').waitFor();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as Json)['__pwned'] ?? (window as unknown as Json)['pwned'] ?? null)).toBeNull();
      // Nothing from the article became an element: no img, script, iframe or javascript: link.
      expect(await page.locator('.docview img, .docview script, .docview iframe, .doc-text b').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    }
    await visit(`#/article/${hostileIds[0]}`);
    await page.locator('[data-testid=doc-title]', { hasText: 'Lisbon vote' }).waitFor();
    const text = await page.locator('.doc-text').textContent();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('[data-testid=doc-title]').textContent()).toContain('<img src=x');
    await shot('hostile');
    // The hostile title also shows as text in search results.
    await visit(`#/?q=Lisbon`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hits img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Json)['__pwned'] ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
