/**
 * Store benchmark: ingest throughput (putDoc), the idempotent re-put path, search and entity-page
 * latency, on SQLite and (when reachable) PostgreSQL. Baseline in the same run: a bare
 * better-sqlite3 insert of the Doc JSON, one transaction per article, so the ratio shows what the
 * layer rows, the full-text index and Kysely cost on top of the minimum.
 * Usage: npm run bench -- store [--docs=N] [--no-pg]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDoc } from '../src/doc/doc.js';
import type { Doc, EntityType } from '../src/doc/types.js';
import { openStore, type OpenStoreOptions } from '../src/store/open.js';
import { entityKey } from '../src/store/keys.js';
import { mulberry32 } from '../src/util/random.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(arg('docs') ?? 1500);
const PG_URL = process.env.NG_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const WORDS = (
  'government minister talks border security trade tariffs election court ruling protest police army ' +
  'budget inflation bank market energy oil gas pipeline drought flood harvest farmers union strike ' +
  'ceasefire troops sanctions embassy summit treaty vote parliament senate governor mayor hospital ' +
  'school teachers students storm wildfire rescue investigation fraud charges prison appeal report'
).split(' ');
const PEOPLE = Array.from({ length: 300 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i} Surname${i % 97}`);
const ORGS = Array.from({ length: 80 }, (_, i) => `Agency ${i} Council`);
const TYPES: EntityType[] = ['PERSON', 'ORG', 'GPE'];

/** A synthetic article of ~30 sentences with a dozen entities, a few quotes and events. */
function makeDoc(i: number): Doc {
  const r = mulberry32(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const names = Array.from({ length: 12 }, (_, k) => (k % 3 === 1 ? pick(ORGS) : pick(PEOPLE)));
  const sentences: string[] = [];
  for (let s = 0; s < 30; s++) {
    const ws = Array.from({ length: 10 + Math.floor(r() * 12) }, () => pick(WORDS));
    ws.splice(2, 0, names[s % names.length]!);
    sentences.push(`${ws.join(' ')}.`);
  }
  const text = sentences.join(' ');
  const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }], {
    url: `https://bench.example/${i}`,
    title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
    source: `Source ${i % 9}`,
    published: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  });
  let at = 0;
  for (const s of sentences) {
    doc.sentences.push({ start: at, end: at + s.length });
    at += s.length + 1;
  }
  const seen = new Set<string>();
  for (const [k, name] of names.entries()) {
    const type = k % 3 === 1 ? 'ORG' : TYPES[0]!;
    if (seen.has(entityKey(type, name))) continue;
    seen.add(entityKey(type, name));
    const mentions = [];
    for (let p = text.indexOf(name); p >= 0; p = text.indexOf(name, p + 1)) {
      mentions.push({ start: p, end: p + name.length, text: name, kind: 'name' as const });
    }
    doc.entities.push({ id: `e${k}`, name, type, roles: [], country: null, mentions });
  }
  const ids = doc.entities.map((e) => e.id);
  for (let q = 0; q < 4; q++) {
    const s = doc.sentences[q * 5]!;
    doc.quotes.push({ kind: 'indirect', ...s, text: text.slice(s.start, s.end), speaker: pick(ids), speakerText: null, cue: null });
  }
  for (let v = 0; v < 6; v++) {
    const s = doc.sentences[v * 4 + 1]!;
    doc.events.push({ actor: pick(ids), actorText: null, action: { cameo: '040', plover: 'CONSULT', text: 'talks' },
      target: pick(ids), targetText: null, negated: false, modality: 'asserted', reportedBy: null, date: null, place: null, evidence: s });
  }
  return doc;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

interface Figures {
  putPerSec: number;
  batchPerSec: number;
  reputPerSec: number;
  searchP50: number;
  searchP95: number;
  listP50: number;
  entityP50: number;
  entitySearchP50: number;
}

async function measure(spec: string, docs: Doc[], opts: OpenStoreOptions = {}): Promise<Figures> {
  const store = await openStore(spec, opts);
  try {
    // Half one by one, half in batches of 50: the same kind of articles, so the rates compare.
    const half = Math.floor(docs.length / 2);
    let t = performance.now();
    for (const d of docs.slice(0, half)) await store.putDoc(d);
    const putPerSec = half / ((performance.now() - t) / 1000);
    t = performance.now();
    for (let i = half; i < docs.length; i += 50) await store.putDocs(docs.slice(i, i + 50));
    const batchPerSec = (docs.length - half) / ((performance.now() - t) / 1000);
    const some = docs.slice(0, 300);
    t = performance.now();
    for (const d of some) await store.putDoc(d);
    const reputPerSec = some.length / ((performance.now() - t) / 1000);
    const r = mulberry32(7);
    const search: number[] = [];
    for (let k = 0; k < 200; k++) {
      const q = k % 2 ? WORDS[Math.floor(r() * WORDS.length)]! : `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`;
      t = performance.now();
      await store.searchArticles({ q, limit: 20 });
      search.push(performance.now() - t);
    }
    const list: number[] = [];
    let cursor: string | null = null;
    for (let k = 0; k < 50; k++) {
      t = performance.now();
      const page: Awaited<ReturnType<typeof store.searchArticles>> = await store.searchArticles(cursor ? { limit: 20, cursor } : { limit: 20 });
      list.push(performance.now() - t);
      cursor = page.nextCursor;
    }
    const ent: number[] = [];
    for (let k = 0; k < 50; k++) {
      t = performance.now();
      await store.getEntity(entityKey('PERSON', PEOPLE[k]!));
      ent.push(performance.now() - t);
    }
    const es: number[] = [];
    for (let k = 0; k < 50; k++) {
      t = performance.now();
      await store.searchEntities(PEOPLE[k * 3]!.slice(0, 4 + (k % 4)));
      es.push(performance.now() - t);
    }
    return { entitySearchP50: quantile(es, 0.5), putPerSec, batchPerSec, reputPerSec, searchP50: quantile(search, 0.5), searchP95: quantile(search, 0.95), listP50: quantile(list, 0.5), entityP50: quantile(ent, 0.5) };
  } finally {
    await store.close();
  }
}

function baseline(path: string, docs: Doc[]): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)');
  const one = db.transaction((d: Doc) => ins.run(d.id, JSON.stringify(d)));
  const t = performance.now();
  for (const d of docs) one(d);
  const perSec = docs.length / ((performance.now() - t) / 1000);
  db.close();
  return perSec;
}

const docs = Array.from({ length: N }, (_, i) => makeDoc(i));
const avgChars = Math.round(docs.reduce((n, d) => n + d.text.length, 0) / docs.length);
console.log(`${N} synthetic articles, ~${avgChars} chars, ~${Math.round(docs.reduce((n, d) => n + d.entities.length, 0) / N)} entities, 4 quotes, 6 events each`);

const dir = mkdtempSync(join(tmpdir(), 'ng-bench-store-'));
const rows: [string, string][] = [];
try {
  const base = baseline(join(dir, 'baseline.db'), docs);
  const lite = await measure(join(dir, 'store.db'), docs);
  rows.push(['baseline: bare better-sqlite3 insert of Doc JSON', `${base.toFixed(0)} docs/s`]);
  const report = (name: string, f: Figures): void => {
    rows.push([`${name} putDoc (new)`, `${f.putPerSec.toFixed(0)} docs/s (${(f.putPerSec / base).toFixed(2)}x baseline)`]);
    rows.push([`${name} putDocs (new, batches of 50)`, `${f.batchPerSec.toFixed(0)} docs/s (${(f.batchPerSec / base).toFixed(2)}x baseline)`]);
    rows.push([`${name} putDoc (already stored)`, `${f.reputPerSec.toFixed(0)} docs/s`]);
    rows.push([`${name} search q, 20 hits + snippets`, `p50 ${f.searchP50.toFixed(2)} ms, p95 ${f.searchP95.toFixed(2)} ms`]);
    rows.push([`${name} listing page (keyset)`, `p50 ${f.listP50.toFixed(2)} ms`]);
    rows.push([`${name} getEntity`, `p50 ${f.entityP50.toFixed(2)} ms`]);
    rows.push([`${name} searchEntities (name prefix)`, `p50 ${f.entitySearchP50.toFixed(2)} ms`]);
  };
  report('sqlite', lite);
  if (!process.argv.includes('--no-pg')) {
    const schema = `ng_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
      report('postgres', await measure(`${PG_URL}?schema=${schema}`, docs));
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      // Same again with asyncCommit: what skipping the per-commit disk sync buys for bulk ingest.
      const fast = await measure(`${PG_URL}?schema=${schema}`, docs, { asyncCommit: true });
      rows.push(['postgres asyncCommit putDoc (new)', `${fast.putPerSec.toFixed(0)} docs/s`]);
      rows.push(['postgres asyncCommit putDocs (batches of 50)', `${fast.batchPerSec.toFixed(0)} docs/s`]);
    } catch (err) {
      rows.push(['postgres', `skipped: ${(err as Error).message}`]);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const w = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
