/** The store: one interface, SQLite and PostgreSQL behind one Kysely query layer. */
export type * from './types.js';
export { openStore, dialectFor, isPostgresSpec, type OpenStoreOptions } from './open.js';
export { KyselyStore, parseDateMs } from './kysely-store.js';
export { entityKey, normalizeName, canonicalUrl } from './keys.js';
export { escapeHtml, markSnippet } from './snippet.js';
export { toFts5Query } from './fts-query.js';
export { KyselyWorkQueue, type WorkQueue, type Job, type QueueCounts, type QueueOptions } from './queue.js';
