/**
 * The backends every store test runs against: a SQLite file in a fresh temp directory, and the local
 * PostgreSQL (127.0.0.1:5432, trust auth, database `test`) in a fresh schema that is dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open.js';

/** Where the test PostgreSQL lives; override with NG_TEST_PG. */
export const PG_URL = process.env.NG_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A spec for a store nobody else uses, and how to remove it afterwards. */
  fresh(): { spec: string; drop(): Promise<void> };
}

export const backends: Backend[] = [
  {
    name: 'sqlite',
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'ng-store-'));
      // A nested path checks that openStore creates missing directories.
      return { spec: join(dir, 'nested', 'store.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    fresh() {
      const schema = `ng_test_${randomBytes(6).toString('hex')}`;
      return {
        spec: `${PG_URL}?schema=${schema}`,
        drop: async () => {
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          try {
            await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          } finally {
            await c.end();
          }
        },
      };
    },
  },
];

/**
 * Opens a store nobody else uses before each test of the calling suite and hands it (and its spec) to
 * `use`; after the test it closes the store and drops it, even when opening failed.
 */
export function freshStorePerTest(backend: Backend, use: (store: KyselyStore, spec: string) => void): void {
  let opened: KyselyStore | undefined;
  let drop: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    const f = backend.fresh();
    drop = f.drop;
    opened = await openStore(f.spec);
    use(opened, f.spec);
  });
  afterEach(async () => {
    const s = opened;
    opened = undefined;
    try {
      await s?.close();
    } finally {
      await drop();
    }
  });
}
