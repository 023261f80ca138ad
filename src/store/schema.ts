/**
 * Table shapes as the query layer sees them. Column types are the portable subset both engines
 * share (text, integer, bigint), so one Kysely query serves SQLite and PostgreSQL alike. The
 * full-text index is not listed: it is engine-specific and only reached through the dialect.
 */
import type { Generated } from 'kysely';

/** One stored article. `doc` is the newsgraph/doc@1 JSON; the other columns are for querying. */
export interface ArticlesTable {
  /** Integer surrogate key: the FTS5 index needs a stable integer rowid, and keyset paging a unique tiebreak. */
  seq: Generated<number>;
  id: string;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  title: string | null;
  source: string | null;
  published: string | null;
  /** Epoch milliseconds of `published`: date filters compare numbers, never collated strings. */
  published_ms: number | null;
  /** published_ms, or a value below every date when there is none: the listing order, indexed with seq. */
  sort_ms: number;
  byline: string | null;
  language: string | null;
  text: string;
  doc: string;
  created_at: string;
}

/** One entity of one article (its local id is the Doc's entity id). */
export interface ArticleEntitiesTable {
  article_id: string;
  local_id: string;
  key: string;
  name: string;
  type: string;
  country: string | null;
  mentions: number;
  /** JSON array of the entity's roles. */
  roles: string;
  /** The normalised names and aliases this article used, as `|a|b|` (see aliasesOf). */
  aliases: string;
}

/** One quote of one article, with its speaker resolved to a cross-article key at write time. */
export interface QuotesTable {
  article_id: string;
  idx: number;
  kind: string;
  text: string;
  speaker_key: string | null;
  speaker_name: string | null;
  sentence: string;
  /** The Quote record as JSON. */
  record: string;
}

/** One event of one article, with actor/target resolved to cross-article keys at write time. */
export interface EventsTable {
  article_id: string;
  idx: number;
  actor_key: string | null;
  actor_name: string | null;
  target_key: string | null;
  target_name: string | null;
  cameo: string;
  plover: string;
  modality: string;
  negated: number;
  /** Epoch ms of the event date, or of the article's date when the event has none. */
  event_ms: number | null;
  reported_by_name: string | null;
  sentence: string;
  /** The NewsEvent record as JSON. */
  record: string;
}

/** One unit of work in the shared queue (see queue.ts). */
export interface JobsTable {
  seq: Generated<number>;
  /** What the job is about (an input path or URL): enqueueing the same key twice is one job. */
  key: string;
  /** JSON the worker needs. */
  payload: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  worker: string | null;
  /** When the current claim expires (epoch ms); a worker that died leaves its job to be claimed again. */
  lease_until_ms: number | null;
  error: string | null;
  /** The article the job stored, when it stored one. */
  article_id: string | null;
  updated_ms: number;
}

/** The cross-article entity view: one row per entity key. */
export interface EntityIndexView {
  key: string;
  name: string;
  type: string;
  country: string | null;
  articles: number;
  mentions: number;
}

/** The database as Kysely types it. */
export interface Database {
  articles: ArticlesTable;
  article_entities: ArticleEntitiesTable;
  quotes: QuotesTable;
  events: EventsTable;
  entity_index: EntityIndexView;
  jobs: JobsTable;
}
