/**
 * Opening a store from one string: a postgres:// URL, or a file path for SQLite.
 * @example const store = await openStore('data/news.db'); await store.putDoc(doc); await store.close();
 */
import { NgError } from '../errors.js';
import type { StoreDialect } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import { postgresDialect, type PostgresOptions } from './postgres-dialect.js';
import { sqliteDialect, type SqliteOptions } from './sqlite-dialect.js';
import type { Store } from './types.js';

/** Options for openStore. */
export interface OpenStoreOptions extends SqliteOptions, PostgresOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** True for specs that name a PostgreSQL database. */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** The dialect a spec names: postgres:// or postgresql:// URLs, `sqlite:<path>`, or a plain file path. */
export function dialectFor(spec: string, opts: OpenStoreOptions = {}): StoreDialect {
  if (!spec.trim()) throw new NgError('NG_E030', 'store spec is empty; give a file path (SQLite) or a postgres:// URL');
  if (isPostgresSpec(spec)) return postgresDialect(spec, opts);
  return sqliteDialect(spec.replace(/^sqlite:(\/\/)?/i, ''), opts);
}

/** Opens (and by default migrates) the store a spec names. Close it when done. */
export async function openStore(spec: string, opts: OpenStoreOptions = {}): Promise<KyselyStore & Store> {
  const dialect = dialectFor(spec, opts);
  const db = await dialect.createKysely();
  const store = new KyselyStore(db, dialect);
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
  }
  return store;
}

/** Opens a store, runs `fn` with it and closes it, also when `fn` throws. */
export async function withStore<T>(spec: string, fn: (store: KyselyStore & Store) => Promise<T>, opts: OpenStoreOptions = {}): Promise<T> {
  const store = await openStore(spec, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
