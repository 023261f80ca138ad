/**
 * HTTP server benchmark (`npm run bench -- server`): a store of >= 10,000 articles (variants of the
 * shared benchmark pages and the seed, stored directly), the server in a child process, and
 * autocannon driving it from this process, bounded in request count and time. Reports req/s and
 * p50/p90/p99 latency for search and article reads on SQLite and PostgreSQL.
 * Fails when any request fails, or when SQLite article reads have p99 >= 100 ms.
 *
 * Flags: --n=<articles> (default 10000), --amount=<requests per scenario> (default 3000),
 * --connections=<c> (default 4: the machine has 2 cores, shared by server and load generator), --only=sqlite|postgres, --rebuild (ignore a cached store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import pg from 'pg';
import { docId, sha256 } from '../src/doc/doc.js';
import type { Doc } from '../src/doc/types.js';
import { analyzeRaw } from '../src/pipeline/default.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(here, '..');
const SHARED = join(ROOT, '../shared');
const PG_BASE = 'postgres://postgres@127.0.0.1:5432/test';

function flag(name: string, dflt: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : dflt;
}

// ---------------------------------------------------------------- corpus
const WORDS = [
  'election', 'tariff', 'drought', 'harbour', 'vaccine', 'pipeline', 'strike', 'summit', 'ceasefire', 'budget',
  'wildfire', 'court', 'minister', 'refinery', 'satellite', 'protest', 'merger', 'inflation', 'border', 'festival',
];
const SOURCES = ['Bench Wire', 'Example Times', 'Daily Sample', 'Test Herald', 'Metro Bench'];

/**
 * Analyses the shared pages once and caches the result, so both dialects hold the same documents
 * (the pipeline changes while the project grows; --rebuild re-analyses).
 */
let memo: Doc[] | null = null;
function baseDocs(): Doc[] {
  if (memo) return memo;
  const cached = join(ROOT, '.cache/bench-server/base-docs.json');
  if (existsSync(cached) && !process.argv.includes('--rebuild')) return (memo = JSON.parse(readFileSync(cached, 'utf8')) as Doc[]);
  memo = analyseBaseDocs();
  writeFileSync(cached, JSON.stringify(memo));
  return memo;
}

function analyseBaseDocs(): Doc[] {
  const dir = join(SHARED, 'data/extraction/aeb/html');
  const docs: Doc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz')).sort()) {
    try {
      const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      const d = analyzeRaw({ input: f, format: 'html', content: html, meta: {} });
      if (d.text.length > 200) docs.push(d);
    } catch {
      /* a page the extractor rejects is simply not used */
    }
  }
  const seed = readFileSync(join(SHARED, 'seed/000_381fc5596f504642.txt'), 'utf8');
  docs.push(analyzeRaw({ input: 'seed', format: 'text', content: seed, meta: {} }));
  return docs;
}

/** A distinct article made from a base doc: new URL, an extra closing paragraph, date and source. */
function variant(base: Doc, i: number): Doc {
  const d = structuredClone(base);
  const w1 = WORDS[i % WORDS.length]!;
  const w2 = WORDS[(i * 7 + 3) % WORDS.length]!;
  const extra = `Bench copy ${i}: follow-up on the ${w1} and the ${w2}.`;
  const start = d.text.length + 2;
  d.text = `${d.text}\n\n${extra}`;
  d.paragraphs.push({ start, end: start + extra.length, role: 'body' });
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
  d.meta = {
    ...d.meta,
    url: `https://bench.example.org/${day}/${i}-${w1}`,
    title: `${d.meta.title ?? 'Untitled'} (${i})`,
    source: SOURCES[i % SOURCES.length]!,
    published: `${day}T12:00:00Z`,
    contentHash: sha256(d.text),
  };
  d.id = docId(d.meta.url, d.text);
  return d;
}

async function fillStore(store: Store, n: number): Promise<void> {
  const have = await store.countDocs();
  if (have >= n) {
    console.log(`  store already holds ${have} articles (reused)`);
    return;
  }
  const t0 = performance.now();
  const bases = baseDocs();
  console.log(`  ${bases.length} analysed base pages ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached after the first analysis)`);
  const t1 = performance.now();
  let added = 0;
  for (let i = 0; added + have < n; i++) {
    const r = await store.putDoc(variant(bases[i % bases.length]!, i));
    if (r.added) added++;
  }
  const s = (performance.now() - t1) / 1000;
  console.log(`  stored ${added} articles in ${s.toFixed(1)} s (${(added / s).toFixed(0)} docs/s)`);
}

// ---------------------------------------------------------------- server + load
function startChild(spec: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', `--db=${spec}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server child did not start within 60 s')), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /LISTENING (\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
  });
}

interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  failed: number;
}

type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: Record<string, any>) => void) => { stop(): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function load(name: string, url: string, paths: string[], amount: number, connections: number): Promise<LoadResult> {
  let k = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections,
        amount,
        timeout: 10,
        requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[k++ % paths.length] }) }],
      },
      (err, r) => {
        clearTimeout(cap);
        if (err) return reject(err);
        resolve({
          name,
          rps: r['requests'].average,
          p50: r['latency'].p50,
          p90: r['latency'].p90,
          p99: r['latency'].p99,
          requests: r['requests'].total,
          failed: r['errors'] + r['timeouts'] + r['non2xx'],
        });
      },
    );
    // Bounded in time as well as count: a slow store ends the scenario, not the machine's afternoon.
    const cap = setTimeout(() => inst.stop(), 60_000);
  });
}

async function runDialect(dialect: 'sqlite' | 'postgres', n: number, amount: number, connections: number): Promise<LoadResult[]> {
  const cache = join(ROOT, '.cache/bench-server');
  mkdirSync(cache, { recursive: true });
  const spec = dialect === 'sqlite' ? join(cache, `store-${n}.db`) : `${PG_BASE}?schema=ng_bench_server_${n}`;
  if (process.argv.includes('--rebuild')) {
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ng_bench_server_${n} CASCADE`);
      await c.end();
    } else if (existsSync(spec)) {
      const { rmSync } = await import('node:fs');
      for (const s of ['', '-wal', '-shm']) rmSync(spec + s, { force: true });
    }
  }
  console.log(`\n-- ${dialect}: ${dialect === 'sqlite' ? spec : spec.replace(/\/\/[^@]*@/, '//')}`);
  const store = await openStore(spec);
  let ids: string[];
  let words: string[];
  try {
    await fillStore(store, n);
    const count = await store.countDocs();
    console.log(`  articles in store: ${count}`);
    // Ids to read: pages of the listing spread over the whole store.
    ids = [];
    let cursor: string | null = null;
    while (ids.length < 2000) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await store.searchArticles({ limit: 200, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((h) => h.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    words = [...WORDS, 'cartels', 'Sheinbaum', 'military', 'government', 'company'];
  } finally {
    await store.close();
  }

  const { child, url } = await startChild(spec);
  try {
    const articlePaths = ids.map((id) => `/api/articles/${id}`);
    const searchPaths = words.flatMap((w, i) => [`/api/articles?q=${encodeURIComponent(w)}&limit=20`, `/api/articles?q=${encodeURIComponent(w)}&source=${encodeURIComponent(SOURCES[i % SOURCES.length]!)}&limit=20`]);
    // A short warm-up so the first-request costs (JIT, page cache) do not land in the percentiles.
    await load('warm-up', url, articlePaths.slice(0, 50), 200, 2);
    const out: LoadResult[] = [];
    out.push(await load(`${dialect} article read`, url, articlePaths, amount, connections));
    out.push(await load(`${dialect} search`, url, searchPaths, amount, connections));
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const n = Number(flag('n', '10000'));
  const amount = Number(flag('amount', '3000'));
  const connections = Number(flag('connections', '4'));
  const only = flag('only', '');
  const dialects = (['sqlite', 'postgres'] as const).filter((d) => !only || d === only);
  console.log(`server bench: ${n} articles, ${amount} requests per scenario, ${connections} connections`);
  const results: LoadResult[] = [];
  for (const d of dialects) results.push(...(await runDialect(d, n, amount, connections)));

  console.log('\nscenario                 req/s    p50 ms  p90 ms  p99 ms  requests  failed');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(24)} ${r.rps.toFixed(0).padStart(6)}  ${String(r.p50).padStart(6)}  ${String(r.p90).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.requests).padStart(8)}  ${String(r.failed).padStart(6)}`,
    );
  }
  const problems: string[] = [];
  for (const r of results) if (r.failed > 0) problems.push(`${r.name}: ${r.failed} failed requests`);
  const sqliteRead = results.find((r) => r.name === 'sqlite article read');
  if (sqliteRead && sqliteRead.p99 >= 100) problems.push(`sqlite article read p99 ${sqliteRead.p99} ms >= 100 ms`);
  if (problems.length) {
    console.error(`\nFAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log('\nok: no failed requests; sqlite article read p99 < 100 ms');
}

// ---------------------------------------------------------------- entry: the child only serves; the parent measures
if (process.argv.includes('--serve')) {
  const spec = flag('db', '');
  const { startServer } = await import('../src/server/start.js');
  const s = await startServer({ db: spec, port: 0, webRoot: null });
  process.stdout.write(`LISTENING ${s.url}\n`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await main();
}
