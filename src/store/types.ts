import type { Doc, EntityType, Modality, Quote, NewsEvent } from '../doc/types.js';
import type { NgError } from '../errors.js';

/** What `putDoc` did: stored a new article, or found it already stored (same canonical URL or content hash). */
export interface PutResult {
  id: string;
  added: boolean;
}

/** One article of a putDocs batch: stored, already stored, or refused (`error` set, `added` false). */
export interface PutManyResult extends PutResult {
  error: NgError | null;
}

/** A stored article's newsgraph/doc@1 JSON text, with what a cache validator needs. */
export interface StoredDocJson {
  id: string;
  contentHash: string;
  json: string;
}

/** Full-text search and listing of stored articles. All filters are optional. */
export interface ArticleQuery {
  q?: string;
  /** ISO date bounds on the published date (inclusive). */
  from?: string;
  to?: string;
  source?: string;
  /** An entity key (see EntityRow.key) the article must mention. */
  entity?: string;
  limit?: number;
  /** Order: by relevance (the default when `q` is given) or newest first (the default, and only order, without `q`). */
  sort?: 'rank' | 'date';
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** One article in a result list, with a highlighted snippet when searching (`<mark>` around hits, text escaped). */
export interface ArticleHit {
  id: string;
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  snippet: string | null;
  rank: number | null;
}

/** One page of results; pass nextCursor back for the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * An entity across articles. `key` is stable across articles: type + normalised canonical name
 * (for example `PERSON:claudia sheinbaum`), so the same person in two articles is one row.
 */
export interface EntityRow {
  key: string;
  name: string;
  type: EntityType;
  country: string | null;
  articles: number;
  mentions: number;
}

/** A quote with where it came from. */
export interface QuoteRow extends Quote {
  articleId: string;
  speakerKey: string | null;
  speakerName: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
  sentence: string;
}

/** An event with where it came from, actor/target resolved to cross-article keys and names. */
export interface EventRow extends NewsEvent {
  articleId: string;
  actorKey: string | null;
  actorName: string | null;
  targetKey: string | null;
  targetName: string | null;
  reportedByName: string | null;
  published: string | null;
  url: string | null;
  sentence: string;
}

/** Everything stored about one entity across articles: roles, quotes said, events, company kept. */
export interface EntityDetail extends EntityRow {
  roles: { title: string; of: string | null; articleId: string }[];
  quotes: QuoteRow[];
  eventsAsActor: EventRow[];
  eventsAsTarget: EventRow[];
  cooccurring: { key: string; name: string; type: EntityType; articles: number }[];
}

/** Filters for quotes: by speaker key and/or words in the quote (case-insensitive). */
export interface QuoteQuery {
  speaker?: string;
  q?: string;
  limit?: number;
}

/**
 * Filters for events: actor/target keys, type (a PLOVER type, or a CAMEO code covering its
 * sub-codes), modality, and dates (the event's own date, else its article's).
 */
export interface EventQuery {
  actor?: string;
  target?: string;
  type?: string;
  modality?: Modality;
  from?: string;
  to?: string;
  limit?: number;
}

/**
 * The one storage interface. Two real implementations (SQLite, PostgreSQL) share one query layer.
 * Every write of one article is one transaction: an article is stored whole or not at all.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** Stores a Doc unless the same canonical URL or content hash is stored already. */
  putDoc(doc: Doc): Promise<PutResult>;
  /**
   * Stores many articles with one commit (much faster than putDoc in a loop: a commit is a disk
   * sync). Each article is still whole or absent; if the batch fails, its articles are stored one
   * by one so only the bad ones fail. Results are in input order.
   */
  putDocs(docs: readonly Doc[]): Promise<PutManyResult[]>;
  /** By id or by URL. */
  getDoc(idOrUrl: string): Promise<Doc | null>;
  /** The stored JSON as it is, for serving without a parse and re-serialise. */
  getDocJson(idOrUrl: string): Promise<StoredDocJson | null>;
  deleteDoc(id: string): Promise<boolean>;
  countDocs(): Promise<number>;
  searchArticles(q: ArticleQuery): Promise<Page<ArticleHit>>;
  searchEntities(q: string, limit?: number): Promise<EntityRow[]>;
  getEntity(key: string): Promise<EntityDetail | null>;
  quotes(q: QuoteQuery): Promise<QuoteRow[]>;
  events(q: EventQuery): Promise<EventRow[]>;
  close(): Promise<void>;
}
