import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fetchUrl, nonPublicRange } from '../../src/ingest/fetch.js';
import { articleOf, errorOf, readAll, tempDir } from './helpers.js';

const story = (n: number): string =>
  `<!doctype html><html lang="en"><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>` +
  `<p>Story number ${n} begins here: the ministry announced new measures on Monday after weeks of talks with unions.</p>` +
  `<p>Officials said the measures would take effect next month and cover about two million workers nationwide.</p>` +
  `<p>Union leaders welcomed the decision but warned that they would watch closely how it is carried out.</p></article></body></html>`;

let server: http.Server;
let base = '';
let hits = 0;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    if (p.startsWith('/slow-story/')) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Later entries answer sooner, so feed order can only survive if the reader restores it.
      const n = Number(p.slice(12));
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(story(n));
      }, 200 - n * 20);
    } else if (p.startsWith('/story/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(story(Number(p.slice(7))));
    } else if (p === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
      res.end(Buffer.from('<html><body><p>Bogot\xe1 \x96 the capital.</p></body></html>', 'latin1'));
    } else if (p === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(story(7)));
    } else if (p === '/br') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
      res.end(brotliCompressSync(story(8)));
    } else if (p === '/page.html.gz') {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(gzipSync(story(9)));
    } else if (p === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Plain text article. It has two sentences.');
    } else if (p === '/redirect') {
      res.writeHead(302, { location: '/story/2' });
      res.end();
    } else if (p === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else if (p === '/to-private') {
      res.writeHead(302, { location: String(url.searchParams.get('to')) });
      res.end();
    } else if (p === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    } else if (p === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>partial');
      // Never finishes: the deadline must end it.
    } else if (p === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(5_000_000) });
      res.write('x'.repeat(1000));
    } else if (p === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'y'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200 && !res.destroyed) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => {});
      pump();
    } else if (p === '/gzip-bomb') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x7a)));
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const local = { allowPrivate: true, timeoutMs: 3000 };

describe('fetch: behaviour against a local server (allowPrivate)', () => {
  it('fetches a page as html with its final URL', async () => {
    const a = articleOf((await readAll([`${base}/story/1`], local))[0]);
    expect(a).toMatchObject({ input: `${base}/story/1`, format: 'html', meta: { url: `${base}/story/1` } });
    expect(a.content).toContain('Story number 1 begins here');
  });

  it('follows a redirect and records where it landed', async () => {
    const a = articleOf((await readAll([`${base}/redirect`], local))[0]);
    expect(a.meta.url).toBe(`${base}/story/2`);
    expect(a.content).toContain('Story number 2');
  });

  it('decodes the Content-Type charset, gzip and brotli, and text/plain as text', async () => {
    const rs = await readAll([`${base}/latin1`, `${base}/gzip`, `${base}/br`, `${base}/plain`, `${base}/page.html.gz`], local);
    expect(articleOf(rs[0]).content).toContain('Bogotá – the capital.');
    expect(articleOf(rs[1]).content).toContain('Story number 7');
    expect(articleOf(rs[2]).content).toContain('Story number 8');
    expect(articleOf(rs[3])).toMatchObject({ format: 'text', content: 'Plain text article. It has two sentences.' });
    // Served as a gzip file, not gzip-encoded: unpacked, then sniffed as HTML.
    expect(articleOf(rs[4])).toMatchObject({ format: 'html' });
    expect(articleOf(rs[4]).content).toContain('Story number 9');
  });

  it('HTTP errors, redirect loops, timeouts and oversize bodies each give their own code; the batch goes on', async () => {
    const rs = await readAll(
      [`${base}/missing`, `${base}/loop`, `${base}/slow`, `${base}/big`, `${base}/big-chunked`, `${base}/gzip-bomb`, `${base}/story/3`],
      { ...local, timeoutMs: 800, maxRedirects: 3, maxBytes: 1024 * 1024 },
    );
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E010', input: `${base}/missing` });
    expect(errorOf(rs[1])).toMatchObject({ code: 'NG_E012', input: `${base}/loop` });
    expect(errorOf(rs[2])).toMatchObject({ code: 'NG_E011', input: `${base}/slow` });
    expect(errorOf(rs[3])).toMatchObject({ code: 'NG_E004', input: `${base}/big` });
    expect(errorOf(rs[4])).toMatchObject({ code: 'NG_E004', input: `${base}/big-chunked` });
    expect(errorOf(rs[5])).toMatchObject({ code: 'NG_E004', input: `${base}/gzip-bomb` });
    expect(articleOf(rs[6]).content).toContain('Story number 3');
  });

  it('an unreachable URL is NG_E009', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const rs = await readAll(['http://127.0.0.1:1/x', `${base}/story/4`], local);
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E009', input: 'http://127.0.0.1:1/x' });
    expect(rs[1]?.ok).toBe(true);
  });

  it('a host name that does not resolve is NG_E009', async () => {
    // .invalid never resolves (RFC 6761), with or without a network.
    const r = (await readAll(['http://no-such-host.invalid/story'], { timeoutMs: 5000 }))[0];
    expect(errorOf(r)).toMatchObject({ code: 'NG_E009', input: 'http://no-such-host.invalid/story' });
  });

  it('only http and https schemes are fetched', async () => {
    const rs = await readAll(['file:///etc/passwd', 'ftp://example.com/a', 'gopher://example.com/'], local);
    for (const r of rs) expect(errorOf(r).code).toBe('NG_E008');
  });
});

describe('fetch: private addresses are refused without allowPrivate', () => {
  it('loopback, private, link-local and IPv6 loopback literals are refused before connecting', async () => {
    const before = hits;
    const urls = [`${base}/story/1`, 'http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://2130706433/', 'http://0x7f.0.0.1/'];
    const rs = await readAll(urls, { timeoutMs: 2000 });
    expect(rs.map((r) => errorOf(r).code)).toEqual(urls.map(() => 'NG_E008'));
    expect(rs.map((r) => errorOf(r).input)).toEqual(urls);
    expect(hits).toBe(before);
  });

  it('a host name that resolves to loopback is refused at lookup time', async () => {
    const port = (server.address() as AddressInfo).port;
    const r = (await readAll([`http://localhost:${port}/story/1`], { timeoutMs: 2000 }))[0];
    expect(errorOf(r)).toMatchObject({ code: 'NG_E008' });
    expect(errorOf(r).message).toMatch(/localhost resolves to .*loopback/);
  });

  it('a redirect from an allowed host to a private one is refused', async () => {
    const port = (server.address() as AddressInfo).port;
    // 127.0.0.1 is trusted by name for this test; the redirect targets are not.
    const opts = { allowHosts: ['127.0.0.1'], timeoutMs: 2000 };
    const ok = await readAll([`${base}/story/5`], opts);
    expect(articleOf(ok[0]).content).toContain('Story number 5');
    const before = hits;
    const rs = await readAll(
      [`${base}/to-private?to=${encodeURIComponent('http://10.0.0.7/')}`, `${base}/to-private?to=${encodeURIComponent(`http://localhost:${port}/story/6`)}`],
      opts,
    );
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E008' });
    expect(errorOf(rs[1])).toMatchObject({ code: 'NG_E008' });
    // Each redirect page was served once; the private targets never were.
    expect(hits - before).toBe(2);
  });

  it('classifies address ranges', () => {
    expect(nonPublicRange('8.8.8.8')).toBeNull();
    expect(nonPublicRange('2606:4700::1111')).toBeNull();
    expect(nonPublicRange('192.168.1.1')).toBe('private');
    expect(nonPublicRange('172.16.0.1')).toBe('private');
    expect(nonPublicRange('fd00::1')).toBe('uniqueLocal');
    expect(nonPublicRange('fe80::1')).toBe('linkLocal');
    expect(nonPublicRange('224.0.0.1')).toBe('multicast');
    expect(nonPublicRange('::')).toBe('unspecified');
    expect(nonPublicRange('::ffff:10.0.0.1')).toBe('private');
  });

  it('fetchUrl itself refuses a private address', async () => {
    await expect(fetchUrl('http://192.168.0.1/')).rejects.toMatchObject({ code: 'NG_E008' });
  });
});

describe('feeds whose links point at the local server', () => {
  const dir = tempDir('ng-feed-');
  const rss = join(dir, 'news.rss');
  const atom = join(dir, 'news.atom');
  const writeFeeds = (): void => {
    writeFileSync(
      rss,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Local Wire</title>
<item><title>First</title><link>${base}/story/11</link><pubDate>Tue, 19 Nov 2019 10:48:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator><description>Summary one.</description></item>
<item><title>Second</title><link>${base}/missing</link><description>&lt;p&gt;Summary two, from the feed.&lt;/p&gt;</description></item>
<item><title>Third</title><link>${base}/missing</link></item>
</channel></rss>`,
    );
    writeFileSync(
      atom,
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local Atom</title>
<entry><title>Atom one</title><link rel="alternate" href="${base}/story/21"/><published>2024-01-02T03:04:05Z</published><author><name>Bo Chan</name></author><summary>Atom summary.</summary></entry>
<entry><title type="html">Atom two</title><link href="${base}/story/22"/><updated>2024-01-03T00:00:00Z</updated><content type="html">&lt;p&gt;Full content two.&lt;/p&gt;</content></entry>
</feed>`,
    );
  };

  it('RSS: each link is fetched as a page; the entry gives title, date, author and source', async () => {
    writeFeeds();
    const rs = await readAll([rss], local);
    expect(rs).toHaveLength(3);
    const a = articleOf(rs[0]);
    expect(a).toMatchObject({ input: `${base}/story/11`, format: 'html', meta: { title: 'First', byline: 'Ann Lee', source: 'Local Wire', published: '2019-11-19T10:48:00Z' } });
    expect(a.content).toContain('Story number 11');
    // The link is gone but the feed carries content: use it and say why.
    const b = articleOf(rs[1]);
    expect(b).toMatchObject({ input: `${rss}#entry2`, format: 'html', content: '<p>Summary two, from the feed.</p>' });
    expect(b.warnings?.[0]).toMatch(/NG_E010/);
    // No content to fall back on: the fetch error itself.
    expect(errorOf(rs[2])).toMatchObject({ code: 'NG_E010', input: `${base}/missing` });
  });

  it('Atom: entries are fetched through their alternate link', async () => {
    writeFeeds();
    const rs = await readAll([atom], local);
    expect(rs.map((r) => articleOf(r).input)).toEqual([`${base}/story/21`, `${base}/story/22`]);
    expect(articleOf(rs[0]).meta).toMatchObject({ title: 'Atom one', byline: 'Bo Chan', published: '2024-01-02T03:04:05Z', source: 'Local Atom' });
  });

  it('entry pages are fetched a few at a time and still come out in feed order', async () => {
    const many = join(dir, 'many.rss');
    const items = Array.from({ length: 8 }, (_, i) => `<item><title>E${i + 1}</title><link>${base}/slow-story/${i + 1}</link></item>`).join('');
    writeFileSync(many, `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${items}</channel></rss>`);
    maxInFlight = 0;
    const rs = await readAll([many], { ...local, feedConcurrency: 3 });
    expect(rs.map((r) => articleOf(r).meta.title)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
    expect(articleOf(rs[7]).content).toContain('Story number 8');
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(3);
  });

  it('with followFeedLinks off, the entry content is used and nothing is fetched', async () => {
    writeFeeds();
    const before = hits;
    const rs = await readAll([atom], { ...local, followFeedLinks: false });
    expect(hits).toBe(before);
    expect(rs.map((r) => articleOf(r).content)).toEqual(['Atom summary.', '<p>Full content two.</p>']);
    expect(articleOf(rs[1])).toMatchObject({ format: 'html', meta: { url: `${base}/story/22` } });
  });

  it('feed links to private hosts are refused without allowPrivate', async () => {
    writeFeeds();
    const rs = await readAll([atom], { timeoutMs: 2000 });
    // Each entry falls back to its own content, with the refusal recorded as a warning.
    for (const r of rs) expect(articleOf(r).warnings?.[0]).toMatch(/NG_E008/);
  });
});
