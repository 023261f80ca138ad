/**
 * `npm run bench -- extract`: read + extract over the AEB pages (../shared/data/extraction/aeb/html),
 * against the bare extractor (Readability on linkedom, its own textContent, no metadata, no block walk)
 * measured in the same run. Also read + clean + segment when src/clean and src/text exist.
 * Throughput counts the decompressed HTML. Methods run interleaved page by page; peak RSS is the
 * process's, sampled after each call (one heap serves all methods).
 * Flags: --rounds=N passes over the pages per phase (default 2, after one warm-up pass).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractHtml, extractHtmlBare } from '../src/ingest/html.js';
import { readInputs } from '../src/ingest/index.js';
import type { RawArticle } from '../src/ingest/types.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = join(root, '..', 'shared', 'data', 'extraction', 'aeb', 'html');
const files = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => join(dir, f));
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice(9))) : 2;
const htmlBytes = files.reduce((n, f) => n + gunzipSync(readFileSync(f)).length, 0);

interface Method {
  name: string;
  run: (path: string) => Promise<unknown> | unknown;
  seconds: number;
  peakRss: number;
}

async function readRaw(path: string): Promise<RawArticle> {
  for await (const r of readInputs([path], { format: 'html' })) {
    if (!r.ok) throw r.error;
    return r.article;
  }
  throw new Error(`nothing read from ${path}`);
}

const methods: Method[] = [
  { name: 'bare: gunzip + Readability(linkedom).textContent', run: (f) => extractHtmlBare(gunzipSync(readFileSync(f)).toString('utf8')), seconds: 0, peakRss: 0 },
  {
    name: 'ours: readInputs + extractHtml (metadata, blocks, filters)',
    run: async (f) => extractHtml((await readRaw(f)).content, null).paragraphs.join('\n'),
    seconds: 0,
    peakRss: 0,
  },
];
try {
  const clean = (await import('../src/clean/index.js')) as { cleanArticle: (raw: RawArticle) => import('../src/doc/types.js').Doc };
  const text = (await import('../src/text/index.js')) as { segmentComponent: () => import('../src/pipeline/component.js').Component };
  const seg = text.segmentComponent();
  methods.push({
    name: 'ours: readInputs + cleanArticle + segment',
    run: async (f) => {
      const doc = clean.cleanArticle(await readRaw(f));
      seg.run(doc);
      return doc.text;
    },
    seconds: 0,
    peakRss: 0,
  });
} catch (e) {
  console.log(`(read+clean+segment not measured: ${(e as Error).message})`);
}

// Warm-up pass (JIT, module caches), then timed rounds that interleave the methods page by page:
// the machine is shared, and interleaving spreads any load burst over all methods alike.
for (const m of methods) for (const f of files) await m.run(f);
let sink = 0;
for (let r = 0; r < rounds; r++) {
  for (const f of files) {
    for (const m of methods) {
      const t0 = process.hrtime.bigint();
      const out = await m.run(f);
      m.seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      sink += typeof out === 'string' ? out.length : 1;
      // One heap serves all methods, so this is the process's peak while each method ran.
      const rss = process.memoryUsage().rss;
      if (rss > m.peakRss) m.peakRss = rss;
    }
  }
}
if (sink < 0) console.log(sink); // keeps the work observable so it is not optimised away
const bare = methods[0]!;

const mb = (htmlBytes * rounds) / 1e6;
console.log(`${files.length} pages, ${(htmlBytes / 1e6).toFixed(1)} MB of HTML, ${rounds} timed rounds per phase`);
const pages = files.length * rounds;
for (const r of methods) {
  const ratio = r.seconds / bare.seconds;
  console.log(
    `${r.name.padEnd(62)} ${(pages / r.seconds).toFixed(1).padStart(7)} pages/s ${(mb / r.seconds).toFixed(2).padStart(6)} MB/s  peak RSS ${(r.peakRss / 1048576).toFixed(0).padStart(4)} MB  time x${ratio.toFixed(2)} of bare`,
  );
}
