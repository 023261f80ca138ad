/**
 * `npm run eval -- extraction`: body-text quality of the HTML extractor on the data in
 * ../shared/data/extraction (all of it is dev data; nothing here is held out).
 *
 * - aeb: the article-extraction-benchmark metric (eval/lib/shingles.ts) against ground-truth.json.
 * - readability: the same body metric against the text of Mozilla's expected.html, plus title, byline
 *   and published-date accuracy against expected-metadata.json. Strings are compared after trimming,
 *   case-folding and collapsing whitespace (bylines also lose a leading "By", which Mozilla keeps and
 *   we drop on purpose); dates by calendar day (the day written in the value, so an offset never moves
 *   it). Printed twice: over all pages, where a field both sides leave empty counts as right and a value
 *   we find where Mozilla's expected file has none counts as wrong; and over the pages whose expected
 *   file has a value. Mozilla's publishedTime is often empty where the page does carry a date.
 *
 * Each page is read through the project's own reader (readInputs: gzip, charset decoding) and scored on
 * what the project outputs: extractHtml's paragraphs joined, and, when src/clean exists, cleanArticle's text.
 * Flags: --verbose prints per-page scores, worst first.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/ingest/html.js';
import { readInputs } from '../src/ingest/index.js';
import type { RawArticle } from '../src/ingest/types.js';
import { aggregate, pagePrecision, pageRecall, shingleCounts, type ShingleCounts } from './lib/shingles.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data', 'extraction');
const verbose = process.argv.includes('--verbose');

type Cleaner = (raw: RawArticle) => { text: string };
let cleaner: Cleaner | null = null;
if (existsSync(join(root, 'src', 'clean', 'index.ts'))) {
  try {
    const mod = (await import('../src/clean/index.js')) as { cleanArticle?: Cleaner };
    cleaner = mod.cleanArticle ?? null;
  } catch (e) {
    console.error(`cleanArticle not usable, scoring the extractor only: ${(e as Error).message}`);
  }
}

async function readOne(path: string, url: string | null): Promise<RawArticle> {
  for await (const r of readInputs([path], { format: 'html' })) {
    if (!r.ok) throw r.error;
    if (url) r.article.meta.url = url;
    return r.article;
  }
  throw new Error(`nothing read from ${path}`);
}

interface Row {
  id: string;
  ex: ShingleCounts;
  cl: ShingleCounts | null;
}

function report(name: string, rows: Row[]): void {
  const ex = aggregate(rows.map((r) => r.ex));
  const f = (x: number): string => x.toFixed(3);
  console.log(`${name}: pages ${ex.pages}`);
  console.log(`  extractHtml paragraphs   precision ${f(ex.precision)}  recall ${f(ex.recall)}  F1 ${f(ex.f1)}`);
  const cl = rows.map((r) => r.cl).filter((c): c is ShingleCounts => c !== null);
  if (cl.length > 0) {
    const c = aggregate(cl);
    console.log(`  cleanArticle text        precision ${f(c.precision)}  recall ${f(c.recall)}  F1 ${f(c.f1)}  (${c.pages} pages cleaned)`);
  }
  if (verbose) {
    const worst = [...rows].sort((a, b) => pagePrecision(a.ex) + pageRecall(a.ex) - pagePrecision(b.ex) - pageRecall(b.ex));
    for (const r of worst.slice(0, 25)) console.log(`    ${r.id.slice(0, 40).padEnd(40)} P ${f(pagePrecision(r.ex))} R ${f(pageRecall(r.ex))}`);
  }
}

function cleanedCounts(truth: string, raw: RawArticle): ShingleCounts | null {
  if (!cleaner) return null;
  try {
    return shingleCounts(truth, cleaner(raw).text);
  } catch {
    // A page cleaning rejects (no text) scores as an empty prediction, not as a skipped page.
    return shingleCounts(truth, '');
  }
}

async function evalAeb(): Promise<void> {
  const dir = join(dataDir, 'aeb');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const rows: Row[] = [];
  for (const id of Object.keys(truth).sort()) {
    const path = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(path)) continue;
    const gt = truth[id]!;
    const raw = await readOne(path, gt.url);
    const ex = extractHtml(raw.content, gt.url);
    rows.push({ id, ex: shingleCounts(gt.articleBody, ex.paragraphs.join('\n')), cl: cleanedCounts(gt.articleBody, raw) });
  }
  report('aeb (article-extraction-benchmark, 88 dev pages)', rows);
}

/** Text of an HTML fragment with a space at every element boundary, so blocks never glue words together. */
function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE') return;
      parts.push(' ');
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      parts.push(' ');
    }
  };
  walk(document.body as unknown as Node);
  return parts.join('');
}

function normStr(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The calendar day a date value names: its own yyyy-mm-dd when it starts with one, else parsed in UTC. */
function day(s: string | null | undefined): string {
  if (!s) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
  if (m) return m[1]!;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? normStr(s) : new Date(ms).toISOString().slice(0, 10);
}

async function evalReadability(): Promise<void> {
  const dir = join(dataDir, 'readability');
  const rows: Row[] = [];
  // Per field: pages, right, pages with an expected value, right among those.
  const fields = { title: [0, 0, 0, 0], byline: [0, 0, 0, 0], published: [0, 0, 0, 0] } as Record<string, [number, number, number, number]>;
  const misses: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const page = join(dir, name);
    if (!existsSync(join(page, 'source.html'))) continue;
    const expected = htmlText(readFileSync(join(page, 'expected.html'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(page, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
    // Mozilla's tests run every page as if served from this address; relative links resolve against it.
    const url = 'http://fakehost/test/page.html';
    const raw = await readOne(join(page, 'source.html'), url);
    const ex = extractHtml(raw.content, url);
    rows.push({ id: name, ex: shingleCounts(expected, ex.paragraphs.join('\n')), cl: cleanedCounts(expected, raw) });
    const pairs: [string, string, string][] = [
      ['title', normStr(meta['title']), normStr(ex.title)],
      ['byline', normStr(meta['byline']).replace(/^by\s+/, ''), normStr(ex.byline).replace(/^by\s+/, '')],
      ['published', day(meta['publishedTime']), day(ex.published)],
    ];
    for (const [k, want, got] of pairs) {
      const f = fields[k]!;
      f[0]++;
      if (want === got) f[1]++;
      else if (verbose) misses.push(`    ${k} ${name}: want "${want}" got "${got}"`);
      if (want) {
        f[2]++;
        if (want === got) f[3]++;
      }
    }
  }
  report(`readability (Mozilla test pages, ${rows.length} dev pages)`, rows);
  for (const [k, [n, ok, withValue, okWithValue]] of Object.entries(fields)) {
    console.log(
      `  ${k.padEnd(9)} accuracy ${(ok / n).toFixed(3)} (${ok}/${n} pages)   where expected has a value ${(okWithValue / Math.max(1, withValue)).toFixed(3)} (${okWithValue}/${withValue})`,
    );
  }
  for (const m of misses) console.log(m);
}

await evalAeb();
await evalReadability();
