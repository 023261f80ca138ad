import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDoc } from '../../src/doc/validate.js';
import type { Doc } from '../../src/doc/types.js';

const SEED = '../shared/seed/000_381fc5596f504642.txt';

/** Runs the real CLI in a child process (stdout is a pipe, so JSON comes out). */
function cli(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('cli: analyze', () => {
  it('prints one valid newsgraph/doc@1 object for one file when piped', () => {
    const r = cli(['analyze', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Doc;
    expect(validateDoc(doc)).toEqual([]);
    expect(doc.meta.input).toBe(SEED);
    expect(doc.meta.title).toBe("Mexico Vows Strong Opposition to Trump's Military Plans Against Cartels");
  });

  it('prints JSONL with meta.input for several inputs, and reads stdin', () => {
    const r = cli(['analyze', SEED, 'test/fixtures/wire-story.txt', '-', '--format', 'jsonl'], 'Text from standard input. It has two sentences.');
    expect(r.code).toBe(0);
    const docs = r.out.trim().split('\n').map((l) => JSON.parse(l) as Doc);
    expect(docs.map((d) => d.meta.input)).toEqual([SEED, 'test/fixtures/wire-story.txt', null]);
    expect(docs[2]!.sentences).toHaveLength(2);
  });

  it('piped without --format: one article is one JSON object, several stream as JSONL', () => {
    const one = cli(['analyze', SEED]);
    expect((JSON.parse(one.out) as Doc).format).toBe('newsgraph/doc@1');
    const dir = mkdtempSync(join(tmpdir(), 'ng-cli-many-'));
    writeFileSync(join(dir, 'a.txt'), 'First article text. It is short.');
    writeFileSync(join(dir, 'b.txt'), 'Second article text. It is short too.');
    const many = cli(['analyze', dir]);
    const lines = many.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as Doc).meta.input)).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
  });

  it('--raw keeps the text verbatim', () => {
    const r = cli(['analyze', SEED, '--raw', '--format', 'json', '--no-tokens']);
    const doc = JSON.parse(r.out) as Doc;
    expect(doc.text).toBe(readFileSync(SEED, 'utf8'));
    expect(doc.diagnostics.filter((d) => d.ruleId.startsWith('clean/'))).toHaveLength(0);
    expect(doc.tokens).toHaveLength(0);
  });

  it('bad inputs: one error line each with code and place, the rest still processed, non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]));
    writeFileSync(join(dir, 'bad.jsonl'), '{"title":"ok","text":"A good record. It is fine."}\nnot json\n');
    const r = cli(['analyze', join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'missing.txt'), join(dir, 'bad.jsonl'), SEED, '--format', 'jsonl']);
    expect(r.code).not.toBe(0);
    const lines = r.err.trim().split('\n').filter((l) => l.startsWith('newsgraph: NG_'));
    expect(lines.some((l) => l.includes('NG_E002') && l.includes('empty.txt'))).toBe(true);
    expect(lines.some((l) => l.includes('NG_E003') && l.includes('binary.txt'))).toBe(true);
    expect(lines.some((l) => l.includes('NG_E001') && l.includes('missing.txt'))).toBe(true);
    expect(lines.some((l) => l.includes('NG_E006') && /bad\.jsonl.*2/.test(l))).toBe(true);
    const docs = r.out.trim().split('\n').map((l) => JSON.parse(l) as Doc);
    expect(docs).toHaveLength(2); // the good JSONL record and the seed
  });
});

describe('cli: sentences', () => {
  it('prints one sentence per line from a file or stdin', () => {
    const r = cli(['sentences', '-'], 'Mr. Smith went to Washington. He arrived at 5 p.m. on Friday. "It is over." Then he left.');
    expect(r.out.trim().split('\n')).toEqual(['Mr. Smith went to Washington.', 'He arrived at 5 p.m. on Friday.', '"It is over."', 'Then he left.']);
  });

  it('a missing file is a clear error', () => {
    const r = cli(['sentences', 'no/such/file.txt']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/NG_E001.*no\/such\/file\.txt/);
  });
});

describe('cli: ingest, search, show on a SQLite file', () => {
  it('stores once, says so, finds and shows the article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-cli-db-'));
    const db = join(dir, 'sub', 'news.db');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'Flood Warning Issued for River Towns\nHeavy rain is expected across the valley on Sunday, forecasters said, and residents were told to prepare sandbags.\nThe river rose two metres overnight.');
    const first = cli(['ingest', SEED, join(dir, 'in'), '--db', db]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/2 added, 0 already stored, 0 failed/);
    const again = cli(['ingest', SEED, join(dir, 'in'), '--db', db]);
    expect(again.err).toMatch(/0 added, 2 already stored, 0 failed/);

    const found = cli(['search', 'Sheinbaum cartels', '--db', db, '--format', 'jsonl']);
    const hits = found.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; snippet: string });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.title).toContain('Mexico Vows');
    expect(hits[0]!.snippet).toMatch(/<mark>/);

    const shown = cli(['show', hits[0]!.id, '--db', db, '--format', 'json']);
    const doc = JSON.parse(shown.out) as Doc;
    expect(doc.id).toBe(hits[0]!.id);
    expect(validateDoc(doc)).toEqual([]);

    const missing = cli(['show', 'nope', '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/NG_E032/);
  });
});
