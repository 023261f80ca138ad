import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerQuotesCommand } from '../../src/cli/quotes-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { analyzeText, defaultComponents } from '../../src/pipeline/default.js';
import { quotesComponent } from '../../src/quotes/index.js';
import { openStore } from '../../src/store/open.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), outIsTty: false, errIsTty: false };
}

async function run(args: string[]): Promise<ReturnType<typeof capture>> {
  const io = capture();
  const program = new Command('newsgraph').exitOverride();
  registerQuotesCommand(program, io);
  await program.parseAsync(['node', 'newsgraph', 'quotes', ...args]);
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'ng-quotes-'));
const article = join(dir, 'a.txt');
writeFileSync(
  article,
  'Harbour strike enters second week\n\nDock workers in Rotterdam extended their strike on Monday. "We will not go back without a contract," said union leader Pieter de Vries.\n\nThe port authority said talks would resume on Thursday.\n',
);

describe('quotes: CLI', () => {
  it('prints quotes of inputs as JSONL with speaker, cue and sentence', async () => {
    const io = await run([article, '--format', 'jsonl']);
    const lines = io.stdout.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const direct = lines.find((l) => l.kind === 'direct');
    expect(direct?.text).toBe('We will not go back without a contract');
    expect(direct?.speakerText).toBe('union leader Pieter de Vries');
    expect(direct?.cue).toBe('said');
    expect(direct?.sentence).toContain('said union leader Pieter de Vries');
    expect(lines.some((l) => l.text === 'talks would resume on Thursday' && l.speakerText === 'The port authority')).toBe(true);
  });
  it('filters by speaker and writes CSV with a header', async () => {
    const io = await run([article, '--format', 'csv', '--speaker', 'de vries']);
    const rows = io.stdout.join('').trim().split('\n');
    expect(rows[0]).toBe('date,speaker,speakerText,kind,cue,text,article,title,url,sentence');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(',We will not go back without a contract,');
  });
  it('reads stored quotes from a SQLite store with --db', async () => {
    const db = join(dir, 'store.db');
    const store = await openStore(db);
    const doc = analyzeText('Minister Ana Costa said the budget would be balanced by 2027.', { raw: true, meta: { url: 'https://example.com/budget', published: '2025-03-01' } });
    if (!defaultComponents().some((c) => c.name === 'quotes')) quotesComponent().run(doc);
    await store.putDoc(doc);
    await store.close();
    const io = await run(['--db', db, '--format', 'jsonl']);
    const lines = io.stdout.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.some((l) => l.text === 'the budget would be balanced by 2027')).toBe(true);
  });
});
