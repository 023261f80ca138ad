/**
 * The one set of migrations, in code, for both engines. Engine differences (the surrogate key, the
 * full-text index) are asked of the dialect; everything else is the same Kysely schema builder call.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

function initial(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await dialect
        .addSeqColumn(db.schema.createTable('articles'))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('url', 'text')
        .addColumn('canonical_url', 'text', (c) => c.unique())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('source', 'text')
        .addColumn('published', 'text')
        .addColumn('published_ms', 'bigint')
        .addColumn('byline', 'text')
        .addColumn('language', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Listing pages walk (published, seq) from newest; sources are a common filter.
      await db.schema.createIndex('articles_published_idx').on('articles').columns(['published_ms', 'seq']).execute();
      await db.schema.createIndex('articles_source_idx').on('articles').expression(sql`lower(source)`).execute();

      await db.schema
        .createTable('article_entities')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('local_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('mentions', 'integer', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'local_id'])
        .execute();
      await db.schema.createIndex('article_entities_key_idx').on('article_entities').columns(['key', 'article_id']).execute();

      await db.schema
        .createTable('quotes')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('speaker_key', 'text')
        .addColumn('speaker_name', 'text')
        .addColumn('sentence', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('quotes_pk', ['article_id', 'idx'])
        .execute();
      await db.schema.createIndex('quotes_speaker_idx').on('quotes').column('speaker_key').execute();

      await db.schema
        .createTable('events')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('actor_key', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('target_key', 'text')
        .addColumn('target_name', 'text')
        .addColumn('cameo', 'text', (c) => c.notNull())
        .addColumn('plover', 'text', (c) => c.notNull())
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('event_ms', 'bigint')
        .addColumn('reported_by_name', 'text')
        .addColumn('sentence', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['article_id', 'idx'])
        .execute();
      await db.schema.createIndex('events_actor_idx').on('events').column('actor_key').execute();
      await db.schema.createIndex('events_target_idx').on('events').column('target_key').execute();

      // A view, not a table kept in step: counts can never drift, and concurrent writers never
      // contend on one hot row per popular entity. The key includes the type, so grouping by key suffices.
      await db.schema
        .createView('entity_index')
        .as(
          (db as Kysely<Database>)
            .selectFrom('article_entities')
            .select((eb) => [
              'key',
              eb.fn.max('name').as('name'),
              eb.fn.max('type').as('type'),
              eb.fn.max('country').as('country'),
              eb.fn.count('article_id').distinct().as('articles'),
              eb.fn.sum('mentions').as('mentions'),
            ])
            .groupBy('key'),
        )
        .execute();

      await dialect.createSearchIndex(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await dialect.dropSearchIndex(db);
      await db.schema.dropView('entity_index').ifExists().execute();
      for (const t of ['events', 'quotes', 'article_entities', 'articles']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}

/** Sort value of articles without a date: below every real date, so they list last. */
export const NO_DATE_MS = -9e15;

/**
 * A non-null sort key, so a listing page walks an index on (sort_ms, seq) and stops after one page
 * instead of sorting every article by coalesce(published_ms, ...).
 */
const sortKey: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('articles').addColumn('sort_ms', 'bigint', (c) => c.notNull().defaultTo(NO_DATE_MS)).execute();
    await sql`UPDATE articles SET sort_ms = published_ms WHERE published_ms IS NOT NULL`.execute(db);
    await db.schema.createIndex('articles_sort_idx').on('articles').columns(['sort_ms', 'seq']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('articles_sort_idx').ifExists().execute();
    await db.schema.alterTable('articles').dropColumn('sort_ms').execute();
  },
};

/** The shared work queue (queue.ts): claimable jobs, oldest first. */
function jobs(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await dialect
        .addSeqColumn(db.schema.createTable('jobs'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('worker', 'text')
        .addColumn('lease_until_ms', 'bigint')
        .addColumn('error', 'text')
        .addColumn('article_id', 'text')
        .addColumn('updated_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['state', 'seq']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('jobs').ifExists().execute();
    },
  };
}

/** Search that ignores accents on every engine, as the SQLite tokenizer always did. */
function foldAccents(dialect: StoreDialect): Migration {
  return {
    up: (db) => dialect.foldAccentsInSearch(db, true),
    down: (db) => dialect.foldAccentsInSearch(db, false),
  };
}

/** The forms each article used for an entity, so entity search finds "U.S." as well as "United States". */
const entityAliases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('article_entities').addColumn('aliases', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('article_entities').dropColumn('aliases').execute();
  },
};

/**
 * The cross-article entity view names an entity by the form articles used most (by mentions),
 * and gives the country most articles gave, instead of whichever sorts last.
 */
const entityIndexByUsage: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropView('entity_index').ifExists().execute();
    await sql`CREATE VIEW entity_index AS
      SELECT g.key,
        (SELECT x.name FROM article_entities x WHERE x.key = g.key
          GROUP BY x.name ORDER BY sum(x.mentions) DESC, x.name LIMIT 1) AS name,
        g.type,
        (SELECT x.country FROM article_entities x WHERE x.key = g.key AND x.country IS NOT NULL
          GROUP BY x.country ORDER BY count(*) DESC, x.country LIMIT 1) AS country,
        g.articles, g.mentions
      FROM (SELECT key, max(type) AS type, count(DISTINCT article_id) AS articles, sum(mentions) AS mentions
            FROM article_entities GROUP BY key) AS g`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropView('entity_index').ifExists().execute();
    await sql`CREATE VIEW entity_index AS
      SELECT key, max(name) AS name, max(type) AS type, max(country) AS country,
        count(DISTINCT article_id) AS articles, sum(mentions) AS mentions
      FROM article_entities GROUP BY key`.execute(db);
  },
};

/** Rows stored before aliases existed get their normalised name (the part of the key after TYPE:). */
const backfillAliases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`UPDATE article_entities SET aliases = '|' || substr(key, length(type) + 2) || '|' WHERE aliases = ''`.execute(db);
  },
  async down(): Promise<void> {
    // Nothing to undo: 0005's down drops the column.
  },
};

/** The migrations, by name in the order they apply. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return { '0001_initial': initial(dialect), '0002_sort_key': sortKey, '0003_jobs': jobs(dialect), '0004_fold_accents': foldAccents(dialect), '0005_entity_aliases': entityAliases, '0006_entity_names_by_usage': entityIndexByUsage, '0007_backfill_aliases': backfillAliases };
}

/** A Kysely Migrator over the in-code migrations. */
export function createMigrator(db: Kysely<Database>, dialect: StoreDialect): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const schema = dialect.migrationSchema();
  return new Migrator({ db, provider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
}
