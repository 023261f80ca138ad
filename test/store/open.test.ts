import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, isPostgresSpec } from '../../src/store/open.js';
import { parsePostgresSpec } from '../../src/store/postgres-dialect.js';
import { sql } from 'kysely';
import { backends } from './backends.js';
import { corpus } from './fixtures.js';

describe('openStore', () => {
  it('open: ":memory:" gives a private, working SQLite store', async () => {
    const a = await openStore(':memory:');
    const b = await openStore(':memory:');
    try {
      expect((await a.putDoc(corpus()[0]!)).added).toBe(true);
      expect(await a.countDocs()).toBe(1);
      expect(await b.countDocs()).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('open: specs that cannot be opened are NG_E030 errors naming the problem', async () => {
    await expect(openStore('')).rejects.toMatchObject({ code: 'NG_E030' });
    const dir = mkdtempSync(join(tmpdir(), 'ng-open-'));
    try {
      // A directory where a file is: the path cannot be created.
      writeFileSync(join(dir, 'file'), 'x');
      await expect(openStore(join(dir, 'file', 'sub', 'x.db'))).rejects.toMatchObject({ code: 'NG_E030' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(openStore('postgres://postgres@127.0.0.1:1/test')).rejects.toMatchObject({ code: 'NG_E030' });
    await expect(openStore('postgres://postgres@127.0.0.1:5432/test?schema=bad;drop')).rejects.toMatchObject({
      code: 'NG_E030',
      message: expect.stringMatching(/not a plain identifier/),
    });
  });

  it('open: postgres specs are recognised and their schema split off', () => {
    expect(isPostgresSpec('postgresql://u@h/db')).toBe(true);
    expect(isPostgresSpec('data/postgres.db')).toBe(false);
    expect(parsePostgresSpec('postgres://u@h:5432/db?schema=s1&sslmode=disable')).toEqual({
      connectionString: 'postgres://u@h:5432/db?sslmode=disable',
      schema: 's1',
    });
    expect(parsePostgresSpec('postgres://u@h/db?async_commit=on').asyncCommit).toBe(true);
  });

  it('open: asyncCommit (option or async_commit=on in the URL) turns off the per-commit disk sync on PostgreSQL only for that store', async () => {
    const { spec, drop } = backends.find((b) => b.name === 'postgres')!.fresh();
    const fast = await openStore(`${spec}&async_commit=on`);
    const normal = await openStore(spec);
    try {
      const setting = async (s: typeof fast) =>
        (await sql<{ v: string }>`SELECT current_setting('synchronous_commit') AS v`.execute(s.kysely)).rows[0]!.v;
      expect(await setting(fast)).toBe('off');
      expect(await setting(normal)).toBe('on');
      expect((await fast.putDoc(corpus()[0]!)).added).toBe(true);
      expect(await normal.countDocs()).toBe(1);
    } finally {
      await fast.close();
      await normal.close();
      await drop();
    }
  });
});
