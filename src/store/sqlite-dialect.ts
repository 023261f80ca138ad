/**
 * SQLite through better-sqlite3: one file, WAL journal (readers never block the writer), FTS5
 * external-content index kept in step by triggers, bm25 ranking, snippet() highlighting.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CreateTableBuilder, type RawBuilder, type SqliteDatabase } from 'kysely';
import { NgError } from '../errors.js';
import type { SearchHitRow, StoreDialect } from './dialect.js';
import { toFts5Query } from './fts-query.js';
import type { Database as Schema } from './schema.js';
import { HIT_END, HIT_START } from './snippet.js';

/** Options for a SQLite store. */
export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before failing, in ms. */
  busyTimeoutMs?: number;
}

/** Title hits weigh more than body hits. */
const BM25_WEIGHTS = sql.raw('4.0, 1.0');

/**
 * Write queues per database file, shared by every store this process opens on that file.
 * better-sqlite3 is synchronous: a second connection waiting on busy_timeout would block the one
 * thread the lock holder needs to finish, so writers in one process queue here instead, and
 * busy_timeout only arbitrates between processes.
 */
const writeQueues = new Map<string, { tail: Promise<unknown>; users: number }>();

/** Runs `fn` after every earlier write queued on the same file by this process. */
async function queued<R>(file: string, fn: () => Promise<R>): Promise<R> {
  const q = writeQueues.get(file) ?? { tail: Promise.resolve(), users: 0 };
  writeQueues.set(file, q);
  q.users++;
  const run = q.tail.then(fn, fn);
  q.tail = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    if (--q.users === 0 && writeQueues.get(file) === q) writeQueues.delete(file);
  }
}

/**
 * Kysely prepares every query afresh; the store runs the same few statements per article, so a
 * small LRU of prepared statements saves the parse each time. Store queries never stream
 * (`iterate`), so one statement object is never in use twice at once.
 */
function withStatementCache(db: Database.Database, size = 128): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sqlText: string) {
      let st = cache.get(sqlText);
      if (st) {
        cache.delete(sqlText);
      } else {
        st = db.prepare(sqlText);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, st);
      return st;
    },
  };
}

/** Makes the SQLite dialect for a file path (created, with its directories, if missing) or ':memory:'. */
export function sqliteDialect(path: string, opts: SqliteOptions = {}): StoreDialect {
  // ':memory:' databases are private to their connection; files are keyed by their real path.
  let queueKey: string | null = null;
  return {
    name: 'sqlite',
    concurrentWriters: false,
    skipLocked: false,
    async createKysely() {
      let database: Database.Database;
      try {
        if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
        database = new Database(path);
        database.pragma('journal_mode = WAL');
        // NORMAL is crash-safe in WAL mode (a power cut may lose the last commits, never corrupt).
        database.pragma('synchronous = NORMAL');
        database.pragma('foreign_keys = ON');
        // Checkpoints (the only fsyncs in WAL + NORMAL) every ~32 MB of WAL instead of ~4 MB: ingest
        // commits many small transactions, and bench/store.bench.ts showed checkpoints dominating them.
        database.pragma('wal_autocheckpoint = 8000');
        if (path !== ':memory:') queueKey = realpathSync(path);
        database.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 10_000))}`);
      } catch (err) {
        throw new NgError('NG_E030', `cannot open SQLite store at ${path}: ${(err as Error).message}`, { input: path }, { cause: err });
      }
      return new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    },
    migrationSchema: () => undefined,
    addSeqColumn<T extends string, C extends string>(tb: CreateTableBuilder<T, C>) {
      return tb.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
    },
    async createSearchIndex(db) {
      await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
      // External content: the index holds no copy of the text; triggers keep it in step inside the
      // writing transaction, so an article and its index rows commit (or vanish) together.
      await sql`CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
      END`.execute(db);
      await sql`CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
      END`.execute(db);
      await sql`CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
      END`.execute(db);
    },
    async dropSearchIndex(db) {
      for (const t of ['articles_fts_ai', 'articles_fts_ad', 'articles_fts_au']) {
        await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db);
      }
      await sql`DROP TABLE IF EXISTS articles_fts`.execute(db);
    },
    // The unicode61 tokenizer folds accents already (remove_diacritics 2).
    async foldAccentsInSearch() {},
    searchHits(input: string): RawBuilder<SearchHitRow> | null {
      const match = toFts5Query(input);
      if (match === null) return null;
      return sql<SearchHitRow>`(SELECT rowid AS seq, -bm25(articles_fts, ${BM25_WEIGHTS}) AS score
        FROM articles_fts WHERE articles_fts MATCH ${match})`;
    },
    async snippets(db, input, seqs) {
      const out = new Map<number, string>();
      const match = toFts5Query(input);
      if (match === null || seqs.length === 0) return out;
      const r = await sql<{ seq: number; snip: string }>`SELECT rowid AS seq,
          snippet(articles_fts, 1, ${HIT_START}, ${HIT_END}, '…', 32) AS snip
        FROM articles_fts WHERE articles_fts MATCH ${match} AND rowid IN (${sql.join(seqs)})`.execute(db);
      for (const row of r.rows) out.set(row.seq, row.snip);
      return out;
    },
    serializeWrites(fn) {
      return queueKey === null ? fn() : queued(queueKey, fn);
    },
    async writeTransaction(db, fn) {
      const tx = () => db.connection().execute(async (conn) => {
        // IMMEDIATE takes the write lock at BEGIN: a second writer process then waits (busy_timeout)
        // instead of failing later with SQLITE_BUSY when a read lock cannot be upgraded.
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const r = await fn(conn);
          await sql`COMMIT`.execute(conn);
          return r;
        } catch (err) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw err;
        }
      });
      return queueKey === null ? tx() : queued(queueKey, tx);
    },
  };
}
