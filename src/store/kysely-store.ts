/**
 * The Store on one Kysely query layer. Every query here is the same for SQLite and PostgreSQL; what
 * differs (full-text matching, snippets, the write lock, the surrogate key) is asked of the dialect.
 */
import { sql, type Kysely, type SqlBool, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { sha256 } from '../doc/doc.js';
import { DOC_FORMAT, type Doc, type Entity, type EntityType, type Modality, type NewsEvent, type Quote, type Span } from '../doc/types.js';
import { NgError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { StoreDialect } from './dialect.js';
import { canonicalUrl, entityKey, normalizeName } from './keys.js';
import { createMigrator, NO_DATE_MS as NO_DATE } from './migrations.js';
import type { Database } from './schema.js';
import { markSnippet } from './snippet.js';
import { KyselyWorkQueue, type QueueOptions, type WorkQueue } from './queue.js';
import type {
  ArticleHit,
  ArticleQuery,
  EntityDetail,
  EntityRow,
  EventQuery,
  EventRow,
  Page,
  PutManyResult,
  PutResult,
  QuoteQuery,
  QuoteRow,
  Store,
  StoredDocJson,
} from './types.js';

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

/** Epoch ms of an ISO 8601 date or date-time; a bare date as an upper bound means the end of that day. */
export function parseDateMs(iso: string | null | undefined, endOfDay = false): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(iso.trim()) ? ms + 86_399_999 : ms;
}

function boundMs(iso: string | undefined, name: string, endOfDay: boolean): number | null {
  if (iso === undefined || iso === '') return null;
  const ms = parseDateMs(iso, endOfDay);
  if (ms === null) throw new NgError('NG_E040', `${name} "${iso}" is not an ISO 8601 date (e.g. 2025-08-08 or 2025-08-08T12:00:00Z)`);
  return ms;
}

function clampLimit(limit: number | undefined, dflt: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return dflt;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The text of the sentences a span touches (the span itself when the Doc has no sentences). */
function enclosingText(doc: Doc, span: Span): string {
  const units = doc.sentences.length > 0 ? doc.sentences : doc.paragraphs;
  let lo = 0;
  let hi = units.length - 1;
  let first = -1;
  // Last unit starting at or before span.start.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.start <= span.start) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const u = first >= 0 ? units[first] : undefined;
  if (!u || u.end <= span.start) return doc.text.slice(span.start, span.end);
  let last = first;
  while (last + 1 < units.length && units[last + 1]!.start < span.end) last++;
  return doc.text.slice(u.start, Math.max(units[last]!.end, u.end));
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

interface ArticleJoin {
  published: string | null;
  url: string | null;
  title: string | null;
}

/** Store implementation shared by both engines. Make one with openStore(). */
export class KyselyStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: StoreDialect,
  ) {
    this.dialect = engine.name;
  }

  /** The Kysely instance, for tools that need a query the interface does not offer. */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  /** The work queue in this store's database, for workers sharing one list of inputs. */
  queue(opts: QueueOptions = {}): WorkQueue {
    return new KyselyWorkQueue(this.db, this.engine, opts);
  }

  async migrate(): Promise<void> {
    const { error } = await this.engine.serializeWrites(() => createMigrator(this.db, this.engine).migrateToLatest());
    if (error) {
      throw new NgError('NG_E030', `store migration failed: ${(error as Error).message ?? String(error)}`, {}, { cause: error });
    }
  }

  async putDoc(doc: Doc): Promise<PutResult> {
    try {
      return await this.engine.writeTransaction(this.db, (trx) => insertDoc(trx, doc));
    } catch (err) {
      throw writeError(err, doc);
    }
  }

  async putDocs(docs: readonly Doc[]): Promise<PutManyResult[]> {
    if (docs.length === 0) return [];
    try {
      // Writing in id order, not input order: concurrent batches then take their row locks in
      // one order and cannot deadlock each other over the same articles.
      const ids = docs.map((d) => String((d as Partial<Doc> | null)?.id ?? ''));
      const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
      return await this.engine.writeTransaction(this.db, async (trx) => {
        const out: PutManyResult[] = new Array<PutManyResult>(docs.length);
        for (const i of order) out[i] = { ...(await insertDoc(trx, docs[i]!)), error: null };
        return out;
      });
    } catch {
      // A bad article (or a deadlock between two batch writers) sank the batch: redo it one article
      // per transaction, so every good article is stored and only the bad ones report an error.
      const out: PutManyResult[] = [];
      for (const doc of docs) {
        try {
          out.push({ ...(await this.putDoc(doc)), error: null });
        } catch (err) {
          out.push({ id: String((doc as Partial<Doc> | null)?.id ?? ''), added: false, error: writeError(err, doc) });
        }
      }
      return out;
    }
  }

  async getDoc(idOrUrl: string): Promise<Doc | null> {
    const canon = canonicalUrl(idOrUrl);
    const row = await this.db
      .selectFrom('articles')
      .select('doc')
      .where((eb) => eb.or([eb('id', '=', idOrUrl), eb('canonical_url', '=', canon)]))
      .orderBy('seq')
      .executeTakeFirst();
    return row ? (JSON.parse(row.doc) as Doc) : null;
  }

  async getDocJson(idOrUrl: string): Promise<StoredDocJson | null> {
    const canon = canonicalUrl(idOrUrl);
    const row = await this.db
      .selectFrom('articles')
      .select(['id', 'content_hash', 'doc'])
      .where((eb) => eb.or([eb('id', '=', idOrUrl), eb('canonical_url', '=', canon)]))
      .orderBy('seq')
      .executeTakeFirst();
    return row ? { id: row.id, contentHash: row.content_hash, json: row.doc } : null;
  }

  async deleteDoc(id: string): Promise<boolean> {
    const r = await this.engine.writeTransaction(this.db, (trx) =>
      trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst(),
    );
    return Number(r.numDeletedRows) > 0;
  }

  async countDocs(): Promise<number> {
    const r = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async searchArticles(q: ArticleQuery): Promise<Page<ArticleHit>> {
    const limit = clampLimit(q.limit, 20, 200);
    const fromMs = boundMs(q.from, 'from', false);
    const toMs = boundMs(q.to, 'to', true);
    const text = q.q?.trim() ?? '';
    const mode: 'rank' | 'date' = text && q.sort !== 'date' ? 'rank' : 'date';
    const after = q.cursor ? decodeCursor(q.cursor, mode) : null;

    let base = this.db.selectFrom('articles as a');
    const filters: Expression<SqlBool>[] = [];
    if (fromMs !== null) filters.push(sql<SqlBool>`a.published_ms >= ${fromMs}`);
    if (toMs !== null) filters.push(sql<SqlBool>`a.published_ms <= ${toMs}`);
    if (q.source) filters.push(sql<SqlBool>`lower(a.source) = lower(${q.source})`);
    if (q.entity) {
      filters.push(
        sql<SqlBool>`EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.key = ${q.entity})`,
      );
    }

    let score: RawBuilder<number> | null = null;
    if (text) {
      const hits = this.engine.searchHits(text);
      if (hits === null) return { items: [], nextCursor: null };
      base = base.innerJoin(hits.as('h'), (j) => j.onRef('h.seq', '=', 'a.seq')) as unknown as typeof base;
      score = sql<number>`h.score`;
    }
    const sortValue = mode === 'rank' && score !== null ? score : sql<number>`a.sort_ms`;
    if (after) {
      filters.push(sql<SqlBool>`(${sortValue} < ${after.value} OR (${sortValue} = ${after.value} AND a.seq < ${after.seq}))`);
    }
    const rows = (await base
      .select(['a.seq', 'a.id', 'a.url', 'a.title', 'a.source', 'a.published'])
      .select(sortValue.as('sort_value'))
      .select((score ?? sql<number | null>`NULL`).as('score'))
      .where((eb) => eb.and(filters))
      .orderBy(sortValue, 'desc')
      .orderBy('a.seq', 'desc')
      .limit(limit + 1)
      .execute()) as unknown as {
      seq: number; id: string; url: string | null; title: string | null; source: string | null;
      published: string | null; sort_value: number; score: number | null;
    }[];

    const page = rows.slice(0, limit);
    const snippets = text ? await this.engine.snippets(this.db, text, page.map((r) => Number(r.seq))) : new Map<number, string>();
    const items: ArticleHit[] = page.map((r) => {
      const snip = snippets.get(Number(r.seq));
      return {
        id: r.id,
        url: r.url,
        title: r.title,
        source: r.source,
        published: r.published,
        snippet: snip !== undefined ? markSnippet(snip) : null,
        rank: r.score === null ? null : Number(r.score),
      };
    });
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor({ mode, value: Number(last.sort_value), seq: Number(last.seq) }) : null;
    return { items, nextCursor };
  }

  async searchEntities(q: string, limit?: number): Promise<EntityRow[]> {
    const n = clampLimit(limit, 20, 500);
    const typed = /^([A-Z]+):(.*)$/.exec(q.trim());
    const type = typed ? typed[1]! : '%';
    const norm = normalizeName(typed ? (typed[2] ?? '') : q);
    // Matches start at a word ("sheinb" finds Claudia Sheinbaum, "u s" does not find Abu Sayyaf);
    // keys are TYPE:words, and normalised names separate words by single spaces.
    const rest = likeContains(norm).slice(1);
    const nameStart = `${type}:${rest}`;
    let matching = this.db.selectFrom('article_entities').select('key');
    if (norm) {
      // aliases holds the normalised name too (every row has it, migration 0007), so one column
      // answers; what articles called an entity counts ("U.S." finds United States).
      matching = matching.where(sql<SqlBool>`(aliases LIKE ${`%|${rest}`} ESCAPE '\\' OR aliases LIKE ${`% ${rest}`} ESCAPE '\\')`);
    }
    if (typed) matching = matching.where('type', '=', type);
    const rows = await entityRows(this.db, norm || typed ? matching : null)
      // Names that start with what was typed first, then the entities most covered.
      .orderBy(sql`CASE WHEN g.key LIKE ${nameStart} ESCAPE '\\' THEN 0 ELSE 1 END`)
      .orderBy('g.articles', 'desc')
      .orderBy('g.mentions', 'desc')
      .orderBy('g.key')
      .limit(n)
      .execute();
    return rows.map(toEntityRow);
  }

  async getEntity(key: string): Promise<EntityDetail | null> {
    // Independent reads, issued together: PostgreSQL spreads them over pooled connections.
    const [row, roleRows, cooc, quotes, eventsAsActor, eventsAsTarget] = await Promise.all([
      entityRows(this.db, key).executeTakeFirst(),
      this.db.selectFrom('article_entities').select(['article_id', 'roles']).where('key', '=', key).orderBy('article_id').execute(),
      this.db
        .selectFrom('article_entities as e1')
        .innerJoin('article_entities as e2', (j) => j.onRef('e2.article_id', '=', 'e1.article_id').onRef('e2.key', '<>', 'e1.key'))
        .select((eb) => [
          'e2.key',
          eb.fn.max('e2.name').as('name'),
          eb.fn.max('e2.type').as('type'),
          eb.fn.count('e2.article_id').distinct().as('articles'),
        ])
        .where('e1.key', '=', key)
        .groupBy('e2.key')
        .orderBy('articles', 'desc')
        .orderBy('e2.key')
        .limit(25)
        .execute(),
      this.quotes({ speaker: key, limit: 100 }),
      this.events({ actor: key, limit: 100 }),
      this.events({ target: key, limit: 100 }),
    ]);
    if (!row) return null;
    const roles: EntityDetail['roles'] = [];
    const seen = new Set<string>();
    for (const r of roleRows) {
      for (const role of JSON.parse(r.roles) as Entity['roles']) {
        const k = `${r.article_id}\u0000${role.title}\u0000${role.of ?? ''}`;
        if (seen.has(k)) continue;
        seen.add(k);
        roles.push({ title: role.title, of: role.of, articleId: r.article_id });
      }
    }
    return {
      ...toEntityRow(row),
      roles,
      quotes,
      eventsAsActor,
      eventsAsTarget,
      cooccurring: cooc.map((c) => ({
        key: c.key,
        name: String(c.name),
        type: String(c.type) as EntityType,
        articles: Number(c.articles),
      })),
    };
  }

  async quotes(q: QuoteQuery): Promise<QuoteRow[]> {
    let query = this.db
      .selectFrom('quotes as qt')
      .innerJoin('articles as a', 'a.id', 'qt.article_id')
      .select(['qt.article_id', 'qt.speaker_key', 'qt.speaker_name', 'qt.sentence', 'qt.record', 'a.published', 'a.url', 'a.title']);
    if (q.speaker) query = query.where('qt.speaker_key', '=', q.speaker);
    if (q.q?.trim()) query = query.where(sql<SqlBool>`lower(qt.text) LIKE lower(${likeContains(q.q.trim())}) ESCAPE '\\'`);
    const rows = await query
      .orderBy('a.sort_ms', 'desc')
      .orderBy('a.seq', 'desc')
      .orderBy('qt.idx')
      .limit(clampLimit(q.limit, 50, 500))
      .execute();
    return rows.map((r) => ({
      ...(JSON.parse(r.record) as Quote),
      articleId: r.article_id,
      speakerKey: r.speaker_key,
      speakerName: r.speaker_name,
      ...articleFields(r),
      title: r.title,
      sentence: r.sentence,
    }));
  }

  async events(q: EventQuery): Promise<EventRow[]> {
    const fromMs = boundMs(q.from, 'from', false);
    const toMs = boundMs(q.to, 'to', true);
    let query = this.db
      .selectFrom('events as ev')
      .innerJoin('articles as a', 'a.id', 'ev.article_id')
      .select([
        'ev.article_id', 'ev.actor_key', 'ev.actor_name', 'ev.target_key', 'ev.target_name',
        'ev.reported_by_name', 'ev.sentence', 'ev.record', 'a.published', 'a.url', 'a.title',
      ]);
    if (q.actor) query = query.where('ev.actor_key', '=', q.actor);
    if (q.target) query = query.where('ev.target_key', '=', q.target);
    if (q.type) {
      const t = q.type.trim();
      // A number is a CAMEO code and covers its sub-codes ("19" is all fighting); a word is a PLOVER type.
      query = /^\d+$/.test(t)
        ? query.where('ev.cameo', 'like', `${t}%`)
        : query.where(sql<SqlBool>`upper(ev.plover) = ${t.toUpperCase()}`);
    }
    if (q.modality) query = query.where('ev.modality', '=', q.modality satisfies Modality);
    if (fromMs !== null) query = query.where('ev.event_ms', '>=', fromMs);
    if (toMs !== null) query = query.where('ev.event_ms', '<=', toMs);
    const rows = await query
      .orderBy(sql`coalesce(ev.event_ms, ${NO_DATE})`, 'desc')
      .orderBy('a.seq', 'desc')
      .orderBy('ev.idx')
      .limit(clampLimit(q.limit, 50, 500))
      .execute();
    return rows.map((r) => ({
      ...(JSON.parse(r.record) as NewsEvent),
      articleId: r.article_id,
      actorKey: r.actor_key,
      actorName: r.actor_name,
      targetKey: r.target_key,
      targetName: r.target_name,
      reportedByName: r.reported_by_name,
      ...articleFields(r),
      sentence: r.sentence,
    }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function articleFields(r: ArticleJoin): { published: string | null; url: string | null } {
  return { published: r.published, url: r.url };
}

function toEntityRow(r: { key: string; name: string; type: string; country: string | null; articles: number; mentions: number }): EntityRow {
  return {
    key: r.key,
    name: r.name,
    type: r.type as EntityType,
    country: r.country,
    articles: Number(r.articles),
    mentions: Number(r.mentions),
  };
}

function writeError(err: unknown, doc: Doc): NgError {
  if (err instanceof NgError) return err;
  return new NgError('NG_E031', `cannot store article ${doc?.id}: ${(err as Error).message}`, { input: doc?.meta?.input ?? null }, { cause: err });
}

/** Refuses what is not a newsgraph/doc@1 Doc before it reaches SQL, with a message that says why. */
function checkDoc(doc: Doc): void {
  const d = doc as Partial<Doc> | null;
  const problem =
    !d || typeof d !== 'object' ? 'it is not an object'
    : d.format !== DOC_FORMAT ? `format is ${JSON.stringify(d.format)}, expected "${DOC_FORMAT}"`
    : typeof d.id !== 'string' || d.id === '' ? 'it has no id'
    : typeof d.text !== 'string' ? 'it has no text'
    : !d.meta || typeof d.meta !== 'object' ? 'it has no meta'
    : !Array.isArray(d.entities) || !Array.isArray(d.quotes) || !Array.isArray(d.events) || !Array.isArray(d.sentences)
      ? 'one of its layers (sentences, entities, quotes, events) is not an array'
      : null;
  if (problem !== null) throw new NgError('NG_E031', `cannot store this document: ${problem}`);
}

/** Inserts one article with its layers inside a transaction, unless it is stored already. */
async function insertDoc(trx: Kysely<Database>, doc: Doc): Promise<PutResult> {
  checkDoc(doc);
  const canon = doc.meta.url ? canonicalUrl(doc.meta.url) : null;
  const hash = doc.meta.contentHash ?? sha256(doc.text);
  const publishedMs = parseDateMs(doc.meta.published);
  // Look first: re-ingesting a feed meets mostly stored articles, and this skips serialising them.
  const existing = await findExisting(trx, doc.id, canon, hash);
  if (existing !== null) return { id: existing, added: false };
  const inserted = await trx
    .insertInto('articles')
    .values({
      id: doc.id,
      url: doc.meta.url,
      canonical_url: canon,
      content_hash: hash,
      title: doc.meta.title,
      source: doc.meta.source,
      published: doc.meta.published,
      published_ms: publishedMs,
      sort_ms: publishedMs ?? NO_DATE,
      byline: doc.meta.byline,
      language: doc.meta.language,
      text: doc.text,
      doc: JSON.stringify(doc),
      created_at: new Date().toISOString(),
    })
    // A concurrent writer stored it since we looked: the unique constraints decide, and the row
    // that won is looked up below.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const winner = await findExisting(trx, doc.id, canon, hash);
    if (winner !== null) return { id: winner, added: false };
    throw new NgError('NG_E031', `article ${doc.id} conflicted with a stored article that then vanished; retry`);
  }
  await writeLayers(trx, doc);
  return { id: doc.id, added: true };
}

/**
 * Cross-article entity rows, as the entity_index view defines them (name: the form used most;
 * country: the one most articles gave), but with the key filter applied before grouping: through
 * the view, SQLite groups every entity row first and filters after.
 */
function entityRows(db: Kysely<Database>, keys: string | SelectQueryBuilder<Database, 'article_entities', { key: string }> | null) {
  let inner = db
    .selectFrom('article_entities')
    .select((eb) => [
      'key',
      eb.fn.max('type').as('type'),
      eb.fn.count<number>('article_id').distinct().as('articles'),
      eb.fn.sum<number>('mentions').as('mentions'),
    ])
    .groupBy('key');
  if (typeof keys === 'string') inner = inner.where('key', '=', keys);
  else if (keys !== null) inner = inner.where('key', 'in', keys);
  return db
    .selectFrom(inner.as('g'))
    .select([
      'g.key',
      'g.type',
      'g.articles',
      'g.mentions',
      sql<string>`(SELECT x.name FROM article_entities x WHERE x.key = g.key
        GROUP BY x.name ORDER BY sum(x.mentions) DESC, x.name LIMIT 1)`.as('name'),
      sql<string | null>`(SELECT x.country FROM article_entities x WHERE x.key = g.key AND x.country IS NOT NULL
        GROUP BY x.country ORDER BY count(*) DESC, x.country LIMIT 1)`.as('country'),
    ]);
}

async function findExisting(db: Kysely<Database>, id: string, canon: string | null, hash: string): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) => {
      const ors = [eb('content_hash', '=', hash), eb('id', '=', id)];
      if (canon !== null) ors.push(eb('canonical_url', '=', canon));
      return eb.or(ors);
    })
    .orderBy('seq')
    .executeTakeFirst();
  return row ? row.id : null;
}

/**
 * The distinct normalised names and aliases an article used for an entity (pronouns and role
 * words left out), as `|a|b|` so a search can match one whole form with LIKE.
 */
function aliasesOf(e: Entity): string {
  const forms = new Set<string>([normalizeName(e.name)]);
  for (const m of e.mentions) {
    if (m.kind === 'name' || m.kind === 'alias') forms.add(normalizeName(m.text));
  }
  forms.delete('');
  return `|${[...forms].join('|')}|`;
}

/** Writes the entity, quote and event rows of a Doc whose article row was just inserted. */
async function writeLayers(trx: Kysely<Database>, doc: Doc): Promise<void> {
  const byId = new Map<string, { key: string; name: string }>();
  const entityRows: Database['article_entities'][] = [];
  for (const e of doc.entities) {
    if (byId.has(e.id)) {
      throw new NgError('NG_E031', `article ${doc.id} has two entities with id "${e.id}"; entity ids must be unique in a Doc`);
    }
    const key = entityKey(e.type, e.name);
    byId.set(e.id, { key, name: e.name });
    entityRows.push({
      article_id: doc.id,
      local_id: e.id,
      key,
      name: e.name,
      type: e.type,
      country: e.country,
      mentions: e.mentions.length,
      roles: JSON.stringify(e.roles),
      aliases: aliasesOf(e),
    });
  }
  for (const part of chunks(entityRows)) await trx.insertInto('article_entities').values(part).execute();

  const quoteRows: Database['quotes'][] = doc.quotes.map((qt, idx) => {
    const sp = qt.speaker !== null ? byId.get(qt.speaker) : undefined;
    return {
      article_id: doc.id,
      idx,
      kind: qt.kind,
      text: qt.text,
      speaker_key: sp?.key ?? null,
      speaker_name: sp?.name ?? null,
      sentence: enclosingText(doc, qt),
      record: JSON.stringify(qt),
    };
  });
  for (const part of chunks(quoteRows)) await trx.insertInto('quotes').values(part).execute();

  const publishedMs = parseDateMs(doc.meta.published);
  const eventRows: Database['events'][] = doc.events.map((ev, idx) => {
    const actor = ev.actor !== null ? byId.get(ev.actor) : undefined;
    const target = ev.target !== null ? byId.get(ev.target) : undefined;
    const rep = ev.reportedBy !== null ? byId.get(ev.reportedBy) : undefined;
    return {
      article_id: doc.id,
      idx,
      actor_key: actor?.key ?? null,
      actor_name: actor?.name ?? null,
      target_key: target?.key ?? null,
      target_name: target?.name ?? null,
      cameo: ev.action.cameo,
      plover: ev.action.plover,
      modality: ev.modality,
      negated: ev.negated ? 1 : 0,
      event_ms: parseDateMs(ev.date) ?? publishedMs,
      reported_by_name: rep?.name ?? null,
      sentence: enclosingText(doc, ev.evidence),
      record: JSON.stringify(ev),
    };
  });
  for (const part of chunks(eventRows)) await trx.insertInto('events').values(part).execute();
}
