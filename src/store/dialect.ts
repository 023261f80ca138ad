/**
 * What differs between the engines, and nothing else. Following Kysely's own design, a dialect is a
 * small object of factories and capability flags; the store and the migrations call it instead of
 * testing which engine they run on.
 */
import type { CreateTableBuilder, Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/** Rows of the engine's full-text match: the article's `seq` and a relevance score (higher is better). */
export interface SearchHitRow {
  seq: number;
  score: number;
}

/** One storage engine as the store sees it. */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** True when several processes may write at once and unique constraints must arbitrate (PostgreSQL). */
  readonly concurrentWriters: boolean;
  /**
   * True when the engine can skip rows other transactions have locked (`FOR UPDATE SKIP LOCKED`):
   * job claimers then never wait on each other. Without it (SQLite) the write lock serialises claims.
   */
  readonly skipLocked: boolean;
  /** Makes the Kysely instance (after creating whatever must exist first, e.g. a schema). */
  createKysely(): Promise<Kysely<Database>>;
  /**
   * The schema the migration bookkeeping tables live in (PostgreSQL), or undefined (SQLite).
   * Must be explicit: Kysely's Migrator otherwise takes a kysely_migration table in ANY schema of
   * the database as its own, and skips creating one in ours.
   */
  migrationSchema(): string | undefined;
  /** Adds the integer surrogate key `seq` to the articles table. */
  addSeqColumn<T extends string, C extends string>(tb: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'seq'>;
  /** Creates the full-text index over articles (title and text) and whatever keeps it in step. */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Drops what createSearchIndex made. */
  dropSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Makes the full-text index ignore accents ("Mexico" finds "México"), or (off) undoes that. */
  foldAccentsInSearch(db: Kysely<unknown>, on: boolean): Promise<void>;
  /**
   * A parenthesised subquery of SearchHitRow for the articles matching what a user typed, or null
   * when the input has nothing searchable (only punctuation, say).
   */
  searchHits(input: string): RawBuilder<SearchHitRow> | null;
  /** Highlighted snippets for the given articles (engine markers HIT_START/HIT_END around hits, not escaped). */
  snippets(db: Kysely<Database>, input: string, seqs: readonly number[]): Promise<Map<number, string>>;
  /** Runs `fn` (which writes through transactions of its own, like the Migrator) in turn with this process's other writers. */
  serializeWrites<R>(fn: () => Promise<R>): Promise<R>;
  /** Runs `fn` in one write transaction (on SQLite, taking the write lock up front so writers queue, not fail). */
  writeTransaction<R>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<R>): Promise<R>;
}
