import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { backends } from './backends.js';
import { crashWord } from './crash-docs.js';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COUNT = 40;
const HUGE = 25;

interface RunResult {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the writer; with `killOn`, sends SIGKILL as soon as a line equal to it is printed. */
function runWriter(spec: string, killOn: string | null, huge = HUGE, ready?: (go: () => void) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, spec, String(COUNT), String(huge)], {
      cwd: ROOT,
      stdio: [ready ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: { ...process.env, NG_WAIT_GO: ready ? '1' : '0' },
    });
    const lines: string[] = [];
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line === 'ready' && ready) ready(() => child.stdin?.end('go\n'));
      if (killOn !== null && line === killOn) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`writer failed (${code}): ${stderr}`));
      else resolve({ lines, code, signal });
    });
  });
}

/** Checks every stored article is whole: its entity, quote and event rows and its index entry. */
async function expectWhole(store: KyselyStore): Promise<number> {
  const db = store.kysely;
  const articles = await db.selectFrom('articles').select(['id', 'doc']).execute();
  let rows = 0;
  for (const a of articles) {
    const doc = JSON.parse(a.doc) as { entities: unknown[]; quotes: unknown[]; events: unknown[]; meta: { url: string } };
    const n = async (t: 'article_entities' | 'quotes' | 'events') =>
      Number((await db.selectFrom(t).select(sql<number>`count(*)`.as('n')).where('article_id', '=', a.id).executeTakeFirstOrThrow()).n);
    expect([await n('article_entities'), await n('quotes'), await n('events')]).toEqual([
      doc.entities.length, doc.quotes.length, doc.events.length,
    ]);
    rows += doc.entities.length;
    const i = Number(doc.meta.url.split('/').pop());
    expect((await store.searchArticles({ q: crashWord(i) })).items.map((h) => h.id)).toEqual([a.id]);
  }
  // No orphans: rows of an article whose transaction was cut would be counted here and not above.
  const all = Number((await db.selectFrom('article_entities').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  expect(all).toBe(rows);
  if (store.dialect === 'sqlite') {
    // FTS5 checks its index against the content table: no index rows for articles that are not there.
    await sql`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
  }
  return articles.length;
}

describe.each(backends)('store crash safety on $name', (backend) => {
  it('crash: a writer killed (SIGKILL) inside a transaction leaves only whole articles; a rerun completes without duplicates', async () => {
    const { spec, drop } = backend.fresh();
    try {
      // Migrate first so the kill cannot land in a migration.
      await (await openStore(spec)).close();
      const killed = await runWriter(spec, `begin ${HUGE}`);
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.lines.some((l) => l.startsWith(`stored ${HUGE} `))).toBe(false);

      let store = await openStore(spec);
      try {
        // Every article before the huge one committed; the huge one was cut mid-transaction.
        expect(await store.countDocs()).toBe(HUGE);
        expect(await expectWhole(store)).toBe(HUGE);
      } finally {
        await store.close();
      }

      const rerun = await runWriter(spec, null);
      expect(rerun.lines[rerun.lines.length - 1]).toBe('done');
      const stored = rerun.lines.filter((l) => l.startsWith('stored '));
      expect(stored).toHaveLength(COUNT);
      expect(stored.filter((l) => l.endsWith(' true'))).toHaveLength(COUNT - HUGE);

      store = await openStore(spec);
      try {
        expect(await store.countDocs()).toBe(COUNT);
        expect(await expectWhole(store)).toBe(COUNT);
      } finally {
        await store.close();
      }
    } finally {
      await drop();
    }
  });

  it('concurrency: two writer processes ingesting the same batch at once store each article once', async () => {
    const { spec, drop } = backend.fresh();
    try {
      await (await openStore(spec)).close();
      // Both open their store, then start writing together when both are ready.
      const gos: (() => void)[] = [];
      const whenReady = (go: () => void): void => {
        gos.push(go);
        if (gos.length === 2) for (const g of gos) g();
      };
      const runs = await Promise.all([runWriter(spec, null, -1, whenReady), runWriter(spec, null, -1, whenReady)]);
      const added = runs.flatMap((r) => r.lines).filter((l) => l.startsWith('stored ') && l.endsWith(' true'));
      expect(runs.map((r) => r.lines[r.lines.length - 1])).toEqual(['done', 'done']);
      // Every article was added by exactly one of the two processes.
      expect(added).toHaveLength(COUNT);
      expect(new Set(added.map((l) => l.split(' ')[1])).size).toBe(COUNT);
      const byEach = runs.map((r) => r.lines.filter((l) => l.endsWith(' true')).length);
      expect(byEach[0]! + byEach[1]!).toBe(COUNT);
      const store = await openStore(spec);
      try {
        expect(await expectWhole(store)).toBe(COUNT);
      } finally {
        await store.close();
      }
    } finally {
      await drop();
    }
  });
});
