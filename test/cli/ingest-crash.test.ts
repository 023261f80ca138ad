import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc/types.js';

// The real `newsgraph ingest` process is killed (SIGKILL) after it has stored some articles; what
// it stored must be whole, and a rerun must complete the batch without duplicates.
const N = 90;

function article(i: number): string {
  const cities = ['Lima', 'Quito', 'Nairobi', 'Manila', 'Hanoi', 'Accra'];
  const city = cities[i % cities.length]!;
  return [
    `Council Number ${i} Approves New Budget in ${city}`,
    `The city council of ${city} approved budget number ${i} on Tuesday after a long debate, officials said.`,
    `"This budget protects schools and hospitals," Mayor Ana Torres said. She added that taxes would not rise.`,
    `According to the local newspaper, opposition members criticised the plan ${i} times during the session.`,
  ].join('\n');
}

function counts(db: string): { articles: number; whole: boolean; ids: string[] } {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const rows = d.prepare('select id, doc from articles').all() as { id: string; doc: string }[];
    let whole = true;
    for (const r of rows) {
      const doc = JSON.parse(r.doc) as Doc;
      const ents = (d.prepare('select count(*) n from article_entities where article_id = ?').get(r.id) as { n: number }).n;
      const quotes = (d.prepare('select count(*) n from quotes where article_id = ?').get(r.id) as { n: number }).n;
      if (ents !== doc.entities.length || quotes !== doc.quotes.length) whole = false;
    }
    return { articles: rows.length, whole, ids: rows.map((r) => r.id) };
  } finally {
    d.close();
  }
}

describe('cli: ingest killed mid-batch', () => {
  it('leaves only whole articles; a rerun completes the batch without duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-crash-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < N; i++) writeFileSync(join(input, `a${String(i).padStart(3, '0')}.txt`), article(i));
    const db = join(dir, 'news.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', input, '--db', db, '--workers', '1'], { stdio: 'ignore' });
    // Kill as soon as the first batch is committed, while later ones are being analysed.
    const deadline = Date.now() + 90_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        seen = counts(db).articles;
      } catch {
        seen = 0; // the file or its tables are not there yet
      }
      if (seen > 0) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const after = counts(db);
    expect(after.articles).toBeGreaterThan(0);
    expect(after.articles).toBeLessThan(N);
    expect(after.whole).toBe(true);

    const rerun = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', input, '--db', db, '--workers', '1'], { encoding: 'utf8', timeout: 120_000 });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toContain(`${N - after.articles} added, ${after.articles} already stored, 0 failed`);
    const final = counts(db);
    expect(final.articles).toBe(N);
    expect(new Set(final.ids).size).toBe(N);
    expect(final.whole).toBe(true);
  });
});
