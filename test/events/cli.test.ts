import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, GDELT_COLUMNS, registerEventsCommand } from '../../src/cli/events-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { analyzeForEvents } from '../../src/events/pipeline.js';
import { openStore } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => { out += s; }, err: (s) => { err += s; }, outIsTty: false, errIsTty: false };
  const program = new Command().exitOverride();
  registerEventsCommand(program, io);
  await program.parseAsync(['node', 'newsgraph', 'events', ...args]);
  return { out, err };
}

const ARTICLE = 'Chilean police arrested 30 students in Santiago on Tuesday.\n\nPeru imposed sanctions on Bolivia, officials said.\n';

describe('events command', () => {
  it('prints GDELT-named tab-separated rows for an input file', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, ARTICLE);
    const { out } = await run([f, '--raw', '--format', 'gdelt']);
    const lines = out.trim().split('\n');
    expect(lines[0]!.split('\t')).toEqual([...GDELT_COLUMNS]);
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [GDELT_COLUMNS[i], v])));
    const arrest = rows.find((r) => r.EventCode === '173');
    expect(arrest).toMatchObject({ Actor1CountryCode: 'CHL', Actor1Type1Code: 'COP', EventRootCode: '17', QuadClass: '4', GoldsteinScale: '-5' });
    const sanction = rows.find((r) => r.EventRootCode === '16');
    expect(sanction).toMatchObject({ Actor1CountryCode: 'PER', Actor2CountryCode: 'BOL', GoldsteinScale: '-8' });
    expect(sanction!.GLOBALEVENTID).toMatch(/^\d+$/);
  });
  it('prints csv with the event columns', async () => {
    const f = join(dir, 'b.txt');
    writeFileSync(f, ARTICLE);
    const { out } = await run([f, '--raw', '--format', 'csv']);
    const [head, ...rows] = out.trim().split('\n');
    expect(head).toBe(EVENT_COLUMNS.join(','));
    expect(rows.some((r) => r.includes('SANCTION') && r.includes('PER') && r.includes('BOL'))).toBe(true);
  });
  it('reads stored events back from a SQLite store', async () => {
    const db = join(dir, 'store.db');
    const store = await openStore(db);
    try {
      await store.putDoc(analyzeForEvents({ input: 'c.txt', format: 'text', content: ARTICLE, meta: { url: 'https://example.org/c' } }, { raw: true }));
    } finally {
      await store.close();
    }
    const { out } = await run(['--db', db, '--format', 'jsonl']);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as { plover: string; actorCountry: string | null; url: string | null });
    expect(rows.find((r) => r.plover === 'SANCTION')).toMatchObject({ actorCountry: 'PER', url: 'https://example.org/c' });
  });
});
