import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { articleOf, errorOf, readAll, tempDir } from './helpers.js';

const dir = tempDir();
const good = join(dir, 'good.txt');
writeFileSync(good, 'The council voted on Tuesday. The mayor said she was pleased.\n');

describe('ingest: bad inputs give one clear error and the batch goes on', () => {
  it('empty and whitespace-only files are NG_E002', async () => {
    const empty = join(dir, 'empty.txt');
    const blank = join(dir, 'blank.txt');
    writeFileSync(empty, '');
    writeFileSync(blank, '  \n\t \n');
    const rs = await readAll([empty, blank, good]);
    expect(rs).toHaveLength(3);
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E002', input: empty });
    expect(errorOf(rs[1])).toMatchObject({ code: 'NG_E002', input: blank });
    expect(articleOf(rs[2]).content).toContain('The council voted');
  });

  it('binary files (NUL bytes, random bytes) are NG_E003', async () => {
    const png = join(dir, 'image.txt');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const noise = join(dir, 'noise.txt');
    // Deterministic pseudo-random bytes without NULs: only the control-byte ratio can catch them.
    const b = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < b.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      b[i] = 1 + ((x >>> 16) % 255);
    }
    writeFileSync(noise, b);
    const rs = await readAll([png, noise, good]);
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E003', input: png });
    expect(errorOf(rs[1])).toMatchObject({ code: 'NG_E003', input: noise });
    expect(rs[2]?.ok).toBe(true);
  });

  it('a file over maxBytes is refused with NG_E004 from its size', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(1000));
    const rs = await readAll([big, good], { maxBytes: 1000 });
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E004', input: big });
    expect(rs[1]?.ok).toBe(true);
  });

  it('stdin over the cap stops reading at the cap instead of draining the stream', async () => {
    let pulled = 0;
    // An endless source: if the reader did not stop at the cap, this test would never end.
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.from('text '.repeat(200)));
      },
    });
    const rs = await readAll(['-', good], { maxBytes: 10_000 }, { stdin: endless });
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E004', input: '-' });
    expect(pulled).toBeLessThan(40);
    expect(rs[1]?.ok).toBe(true);
  });

  it('stdin is read when the input is "-", and its format is sniffed', async () => {
    const stdin = Readable.from([Buffer.from('{"text":"From a pipe.","title":"P"}\n')]);
    const rs = await readAll(['-'], {}, { stdin });
    expect(articleOf(rs[0])).toMatchObject({ input: '-#L1', format: 'text', content: 'From a pipe.', meta: { title: 'P' } });
  });

  it('a gzip bomb is stopped at the decompressed cap with NG_E004', async () => {
    const bomb = join(dir, 'bomb.txt.gz');
    const gz = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x61));
    writeFileSync(bomb, gz);
    expect(gz.length).toBeLessThan(1024 * 1024);
    const rs = await readAll([bomb, good], { maxBytes: 1024 * 1024 });
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E004', input: bomb });
    expect(errorOf(rs[0]).message).toMatch(/decompressed/);
    expect(rs[1]?.ok).toBe(true);
  });

  it('a nonexistent path is NG_E001 with the path', async () => {
    const missing = join(dir, 'nope', 'missing.txt');
    const rs = await readAll([missing, good]);
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E001', input: missing });
    expect(rs[1]?.ok).toBe(true);
  });
});

describe('ingest: decoding', () => {
  it('invalid UTF-8 falls back to windows-1252 with a warning, not mojibake', async () => {
    const latin = join(dir, 'latin1.txt');
    writeFileSync(latin, Buffer.from('Caf\xe9 society: \x93quoted\x94 na\xefve r\xe9sum\xe9.\n', 'latin1'));
    const a = articleOf((await readAll([latin]))[0]);
    expect(a.content).toBe('Café society: “quoted” naïve résumé.\n');
    expect(a.warnings?.join(' ')).toMatch(/invalid UTF-8.*windows-1252/);
  });

  it('valid UTF-8 with a BOM loses the BOM and has no warning', async () => {
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zürich said “yes”.', 'utf8')]));
    const a = articleOf((await readAll([bom]))[0]);
    expect(a.content).toBe('Zürich said “yes”.');
    expect(a.warnings).toBeUndefined();
  });

  it('HTML <meta charset> is honoured for legacy encodings', async () => {
    const page = join(dir, 'legacy.html');
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>S\xe3o Paulo</p></body></html>';
    writeFileSync(page, Buffer.from(html, 'latin1'));
    const a = articleOf((await readAll([page]))[0]);
    expect(a.format).toBe('html');
    expect(a.content).toContain('São Paulo');
    expect(a.warnings).toBeUndefined();
  });

  it('a feed declaring a legacy encoding in <?xml?> is decoded by it', async () => {
    const p = join(dir, 'legacy.rss');
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Diario</title><item><title>Espa\xf1a</title><description>El se\xf1or dijo \x93s\xed\x94.</description></item></channel></rss>';
    writeFileSync(p, Buffer.from(xml, 'latin1'));
    const a = articleOf((await readAll([p], { followFeedLinks: false }))[0]);
    expect(a.content).toBe('El señor dijo “sí”.');
    expect(a.meta.title).toBe('España');
    expect(a.warnings).toBeUndefined();
  });

  it('UTF-16 with a BOM is decoded', async () => {
    const p = join(dir, 'u16.txt');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv, Ukraine — officials said.', 'utf16le')]));
    expect(articleOf((await readAll([p]))[0]).content).toBe('Kyiv, Ukraine — officials said.');
  });
});

describe('ingest: formats and directories', () => {
  it('a directory is walked recursively, sorted, skipping hidden files and unknown extensions', async () => {
    const root = tempDir('ng-walk-');
    mkdirSync(join(root, 'b-sub'));
    mkdirSync(join(root, '.hidden-dir'));
    writeFileSync(join(root, 'c.txt'), 'Third article text.');
    writeFileSync(join(root, 'a.html'), '<html><body><p>First article.</p></body></html>');
    writeFileSync(join(root, 'b-sub', 'x.txt.gz'), gzipSync(Buffer.from('Second article, gzipped.')));
    writeFileSync(join(root, '.secret.txt'), 'hidden');
    writeFileSync(join(root, '.hidden-dir', 'y.txt'), 'hidden too');
    writeFileSync(join(root, 'notes.md'), 'not an input');
    const rs = await readAll([root]);
    expect(rs.map((r) => articleOf(r).input)).toEqual([join(root, 'a.html'), join(root, 'b-sub', 'x.txt.gz'), join(root, 'c.txt')]);
    expect(rs.map((r) => articleOf(r).format)).toEqual(['html', 'text', 'text']);
    expect(articleOf(rs[1]).content).toBe('Second article, gzipped.');
  });

  // Root reads every directory whatever its mode, so there is nothing to show when run as root.
  it.skipIf(process.getuid?.() === 0)('an unreadable subdirectory is one error and the rest of the walk goes on', async () => {
    const root = tempDir('ng-walk-perm-');
    mkdirSync(join(root, 'a-locked'));
    writeFileSync(join(root, 'a-locked', 'x.txt'), 'Hidden from us.');
    writeFileSync(join(root, 'b.txt'), 'Readable article.');
    chmodSync(join(root, 'a-locked'), 0o000);
    try {
      const rs = await readAll([root]);
      expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E001', input: join(root, 'a-locked') });
      expect(articleOf(rs[1]).content).toBe('Readable article.');
    } finally {
      chmodSync(join(root, 'a-locked'), 0o755);
    }
  });

  it('content is sniffed when the name does not say: html, jsonl, feed, text', async () => {
    const mk = (name: string, body: string): string => {
      const p = join(dir, name);
      writeFileSync(p, body);
      return p;
    };
    const html = mk('page', '<!DOCTYPE html><html><body><p>Hi there.</p></body></html>');
    const jsonl = mk('records', '{"text":"A record."}\n{"text":"Another."}\n');
    const feed = mk('feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>T</title><description>Feed text here.</description></item></channel></rss>');
    const text = mk('plain', 'Just words. Nothing else.');
    const rs = await readAll([html, jsonl, feed, text], { followFeedLinks: false });
    expect(rs.map((r) => articleOf(r).format)).toEqual(['html', 'text', 'text', 'text', 'text']);
    expect(articleOf(rs[1]).input).toBe(`${jsonl}#L1`);
    expect(articleOf(rs[3]).content).toBe('Feed text here.');
    expect(articleOf(rs[3]).meta).toMatchObject({ title: 'T', source: 'F' });
  });

  it('the format option overrides detection', async () => {
    const p = join(dir, 'forced.txt');
    writeFileSync(p, '<p>Looks like HTML but is wanted as text.</p>');
    expect(articleOf((await readAll([p], { format: 'text' }))[0]).format).toBe('text');
    expect(articleOf((await readAll([p]))[0]).format).toBe('text');
    expect(articleOf((await readAll([p], { format: 'html' }))[0]).format).toBe('html');
  });
});

describe('ingest: JSONL', () => {
  it('a bad line is NG_E006 with file:line and the other lines come through', async () => {
    const p = join(dir, 'batch.jsonl');
    writeFileSync(
      p,
      [
        JSON.stringify({ url: 'https://example.com/a', title: 'A', text: 'Alpha text.', published: '2025-08-08', source: 'Wire', extra: 1 }),
        '{"text": "unterminated',
        '',
        JSON.stringify({ title: 'no body' }),
        JSON.stringify({ html: '<p>Beta html.</p>' }),
        '[1,2]',
      ].join('\n'),
    );
    const rs = await readAll([p, good]);
    expect(rs).toHaveLength(6);
    expect(articleOf(rs[0])).toEqual({
      input: `${p}#L1`,
      format: 'text',
      content: 'Alpha text.',
      meta: { url: 'https://example.com/a', title: 'A', published: '2025-08-08', source: 'Wire' },
    });
    expect(errorOf(rs[1])).toMatchObject({ code: 'NG_E006', input: p, line: 2 });
    expect(errorOf(rs[2])).toMatchObject({ code: 'NG_E006', input: p, line: 4 });
    expect(articleOf(rs[3])).toMatchObject({ input: `${p}#L5`, format: 'html', content: '<p>Beta html.</p>' });
    expect(errorOf(rs[4])).toMatchObject({ code: 'NG_E006', input: p, line: 6 });
    expect(articleOf(rs[5]).input).toBe(good);
  });

  it('a record name like batch.jsonl#L5 reads that one record back', async () => {
    const p = join(dir, 'pick.jsonl');
    writeFileSync(p, ['{"text":"first"}', 'broken', '{"text":"third"}'].join('\n'));
    expect(articleOf((await readAll([`${p}#L3`]))[0])).toMatchObject({ input: `${p}#L3`, content: 'third' });
    expect(errorOf((await readAll([`${p}#L2`]))[0])).toMatchObject({ code: 'NG_E006', line: 2 });
    expect(errorOf((await readAll([`${p}#L9`]))[0])).toMatchObject({ code: 'NG_E001', line: 9 });
    expect(errorOf((await readAll([`${join(dir, 'absent.jsonl')}#L1`]))[0]).code).toBe('NG_E001');
  });

  it('a .json file holding an array gives one article per element', async () => {
    const p = join(dir, 'list.json');
    writeFileSync(p, JSON.stringify([{ text: 'One.' }, { text: 'Two.' }], null, 2));
    const rs = await readAll([p]);
    expect(rs.map((r) => articleOf(r).content)).toEqual(['One.', 'Two.']);
  });
});

describe('ingest: feeds', () => {
  it('a feed that is not XML is NG_E007 and the batch goes on', async () => {
    const p = join(dir, 'broken.rss');
    writeFileSync(p, '<rss><channel><item><title>unclosed</channel></rss>');
    const rs = await readAll([p, good]);
    expect(errorOf(rs[0])).toMatchObject({ code: 'NG_E007', input: p });
    expect(rs[1]?.ok).toBe(true);
  });

  it('a feed nested past the parser limits is NG_E007, not an internal error', async () => {
    const p = join(dir, 'deep.rss');
    writeFileSync(p, `<?xml version="1.0"?><rss><channel><item><description>${'<a>'.repeat(20_000)}x${'</a>'.repeat(20_000)}</description></item></channel></rss>`);
    expect(errorOf((await readAll([p]))[0])).toMatchObject({ code: 'NG_E007', input: p });
  });

  it('XML that is neither RSS nor Atom is NG_E013', async () => {
    const p = join(dir, 'sitemap.xml');
    writeFileSync(p, '<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>');
    expect(errorOf((await readAll([p]))[0])).toMatchObject({ code: 'NG_E013', input: p });
  });
});
