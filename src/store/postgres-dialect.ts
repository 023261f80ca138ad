/**
 * PostgreSQL through node-postgres: a stored tsvector column (title weighted A, text B) with a GIN
 * index, websearch_to_tsquery for what users type, ts_rank_cd ranking, ts_headline highlighting.
 * A `schema` parameter in the URL puts every table in that schema (created if missing).
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CreateTableBuilder, type RawBuilder } from 'kysely';
import { NgError } from '../errors.js';
import type { SearchHitRow, StoreDialect } from './dialect.js';
import type { Database as Schema } from './schema.js';
import { HIT_END, HIT_START } from './snippet.js';

/** Options for a PostgreSQL store. */
export interface PostgresOptions {
  /** Most connections the pool opens. */
  maxConnections?: number;
  /**
   * Commit without waiting for the server's disk sync (synchronous_commit = off): bulk ingest runs
   * several times faster; a server crash may lose the last moments of commits, never part of an
   * article, and rerunning an ingest (idempotent) restores them. Default false.
   */
  asyncCommit?: boolean;
}

/** bigint (int8) and numeric counts come back as JS numbers: ids, counts and epoch ms all fit in 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/**
 * Splits newsgraph's own parameters off a connection URL: `schema` (a plain identifier) and
 * `async_commit` (on/true/1: see PostgresOptions.asyncCommit, for CLI users who only pass a URL).
 */
export function parsePostgresSpec(spec: string): { connectionString: string; schema: string | null; asyncCommit?: boolean } {
  const u = new URL(spec);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const asyncParam = u.searchParams.get('async_commit');
  u.searchParams.delete('async_commit');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new NgError('NG_E030', `schema "${schema}" is not a plain identifier (letters, digits, _; at most 63)`);
  }
  const out: { connectionString: string; schema: string | null; asyncCommit?: boolean } = { connectionString: u.toString(), schema };
  if (asyncParam !== null) out.asyncCommit = /^(on|true|1|yes)$/i.test(asyncParam);
  return out;
}

/** Makes the PostgreSQL dialect for a postgres:// URL. */
export function postgresDialect(spec: string, opts: PostgresOptions = {}): StoreDialect {
  const parsed = parsePostgresSpec(spec);
  const { connectionString, schema } = parsed;
  const asyncCommit = opts.asyncCommit ?? parsed.asyncCommit ?? false;
  let currentSchema = schema ?? 'public';
  return {
    name: 'postgres',
    concurrentWriters: true,
    skipLocked: true,
    async createKysely() {
      const pool = new pg.Pool({
        connectionString,
        max: opts.maxConnections ?? 10,
        types: pgTypes,
        ...(schema || asyncCommit
          ? { options: [schema ? `-c search_path=${schema}` : '', asyncCommit ? '-c synchronous_commit=off' : ''].join(' ').trim() }
          : {}),
      });
      // An idle client that loses its server must not crash the process.
      pool.on('error', () => undefined);
      try {
        if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        const r = await pool.query<{ s: string | null }>('SELECT current_schema() AS s');
        currentSchema = r.rows[0]?.s ?? currentSchema;
      } catch (err) {
        const e = err as { code?: string; message: string };
        // Two processes creating the same schema at once: the loser sees a duplicate, which is fine.
        if (e.code !== '23505' && e.code !== '42P06') {
          await pool.end().catch(() => undefined);
          throw new NgError('NG_E030', `cannot open PostgreSQL store at ${redact(connectionString)}: ${e.message}`, {
            input: redact(connectionString),
          }, { cause: err });
        }
      }
      return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    },
    migrationSchema: () => currentSchema,
    addSeqColumn<T extends string, C extends string>(tb: CreateTableBuilder<T, C>) {
      return tb.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
    },
    async createSearchIndex(db) {
      await sql`ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, text), 'B')) STORED`.execute(db);
      await sql`CREATE INDEX articles_tsv_idx ON articles USING GIN (tsv)`.execute(db);
    },
    async dropSearchIndex(db) {
      await sql`DROP INDEX IF EXISTS articles_tsv_idx`.execute(db);
      await sql`ALTER TABLE articles DROP COLUMN IF EXISTS tsv`.execute(db);
    },
    async foldAccentsInSearch(db, on) {
      await sql`DROP INDEX IF EXISTS articles_tsv_idx`.execute(db);
      await sql`ALTER TABLE articles DROP COLUMN IF EXISTS tsv`.execute(db);
      if (on) {
        const dict = await unaccentDictionary(db);
        await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS ng_search`.execute(db);
        await sql`CREATE TEXT SEARCH CONFIGURATION ng_search (COPY = pg_catalog.english)`.execute(db);
        // Without the unaccent extension, ng_search is plain English: accents then still matter.
        if (dict !== null) {
          await sql`ALTER TEXT SEARCH CONFIGURATION ng_search
            ALTER MAPPING FOR hword, hword_part, word WITH ${sql.raw(dict)}, english_stem`.execute(db);
        }
      }
      const cfg = sql.lit(on ? 'ng_search' : 'english');
      await sql`ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(${cfg}::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector(${cfg}::regconfig, text), 'B')) STORED`.execute(db);
      await sql`CREATE INDEX articles_tsv_idx ON articles USING GIN (tsv)`.execute(db);
      if (!on) await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS ng_search`.execute(db);
    },
    searchHits(input: string): RawBuilder<SearchHitRow> | null {
      if (!/[\p{L}\p{N}]/u.test(input)) return null;
      // Normalisation 1 divides by 1 + log(length): long articles do not win by length alone,
      // as with bm25 on SQLite.
      return sql<SearchHitRow>`(SELECT seq, ts_rank_cd(tsv, query, 1)::float8 AS score
        FROM articles, websearch_to_tsquery('ng_search', ${input}) AS query WHERE tsv @@ query)`;
    },
    async snippets(db, input, seqs) {
      const out = new Map<number, string>();
      if (seqs.length === 0) return out;
      const options = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
      const r = await sql<{ seq: number; snip: string }>`SELECT seq,
          ts_headline('ng_search', text, websearch_to_tsquery('ng_search', ${input}), ${options}) AS snip
        FROM articles WHERE seq IN (${sql.join(seqs)})`.execute(db);
      for (const row of r.rows) out.set(row.seq, row.snip);
      return out;
    },
    // Connections are separate and the server arbitrates: nothing to queue in-process.
    serializeWrites: (fn) => fn(),
    async writeTransaction(db, fn) {
      return db.transaction().execute(fn);
    },
  };
}

/**
 * The schema-qualified unaccent dictionary, installing the extension when it is missing (it is a
 * trusted extension from PostgreSQL 13: a database owner may add it), or null when it cannot be had.
 * Installed in `public`, never in our own schema: an extension exists once per database, and
 * dropping one store's schema must not take it from the others.
 */
async function unaccentDictionary(db: Kysely<unknown>): Promise<string | null> {
  const find = async (): Promise<string | null> => {
    const r = await sql<{ schema: string }>`SELECT n.nspname AS schema FROM pg_extension e
      JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`.execute(db);
    const schema = r.rows[0]?.schema;
    return schema ? `"${schema.replace(/"/g, '""')}".unaccent` : null;
  };
  const found = await find();
  if (found !== null) return found;
  // Migrations run in a transaction: a failed CREATE EXTENSION must not abort it, hence the savepoint.
  await sql`SAVEPOINT ng_unaccent`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`.execute(db);
    await sql`RELEASE SAVEPOINT ng_unaccent`.execute(db);
  } catch {
    // Not available, not permitted, or created by a concurrent migration: look again below.
    await sql`ROLLBACK TO SAVEPOINT ng_unaccent`.execute(db);
  }
  return find();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
