/**
 * The HTTP API (Hono + zod-openapi) and the static web UI. Thin by design: every route validates its
 * input with the shared zod schemas, calls the library (analyze pipeline, Store) and maps errors in
 * one place (./errors.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timingSafeEqual } from 'node:crypto';
import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Store, ArticleQuery, EventQuery, QuoteQuery } from '../store/types.js';
import type { Doc } from '../doc/types.js';
import { NgError, type ErrorCode } from '../errors.js';
import { errorAnswer, errorResponse } from './errors.js';
import { analyzeInput, ingestFetcher, type Analyzer, type UrlFetcher } from './analyze-input.js';
import {
  ArticleInputSchema,
  ArticlePageSchema,
  ArticleQuerySchema,
  DocQuerySchema,
  DocSchema,
  EntityDetailSchema,
  EntityQuerySchema,
  EntityRowSchema,
  ErrorSchema,
  EventListSchema,
  EventQuerySchema,
  HealthSchema,
  IdParamSchema,
  KeyParamSchema,
  QuoteListSchema,
  QuoteQuerySchema,
  StoreInputSchema,
  StoreResultSchema,
  type ArticleInput,
} from './schemas.js';

/** Options of createApp. */
export interface AppOptions {
  store: Store;
  /** When set, requests must carry `Authorization: Bearer <token>` (reads too, unless openReads). */
  token?: string | undefined;
  /** Let GET requests through without the token. */
  openReads?: boolean;
  /** Largest request body accepted, in bytes (default 8 MiB). */
  maxBodyBytes?: number;
  /** Allow POST {url} to fetch loopback/private addresses (tests, intranets). */
  allowPrivateUrls?: boolean;
  /** Directory of the built web UI; default web/dist next to the package; null serves no UI. */
  webRoot?: string | null;
  /** How URLs are fetched (default: the ingest readers). */
  fetchUrl?: UrlFetcher;
  /** How articles are analysed (default: inline on this thread; startServer uses a worker pool). */
  analyze?: Analyzer;
  /** Do not log server-side failures (5xx) to stderr. */
  quiet?: boolean;
}

/** The package version, reported by /api/health. */
const VERSION = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** Where `npm run build:web` puts the UI, found from this file both under src/ (tsx) and dist/src/. */
export function defaultWebRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../web/dist', '../../../web/dist']) {
    const p = join(here, up);
    if (existsSync(join(p, 'index.html'))) return p;
  }
  return join(here, '../../web/dist');
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const errors = {
  400: json(ErrorSchema, 'Invalid request (NG_E040)'),
  401: json(ErrorSchema, 'Missing or wrong token (NG_E041)'),
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authMiddleware(token: string | undefined, openReads: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const path = c.req.path;
    if (path === '/api/health' || path === '/api/openapi.json') return next();
    if (openReads && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    const h = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(h);
    if (!m?.[1] || !sameToken(m[1].trim(), token)) {
      return errorResponse(
        new NgError('NG_E041', 'this server needs a token: send the header "Authorization: Bearer <token>"'),
      );
    }
    return next();
  };
}

/** Maps what Hono throws by itself (bad JSON, oversized bodies) onto the error catalogue. */
function httpExceptionCode(status: number): ErrorCode {
  if (status === 401) return 'NG_E041';
  if (status === 404) return 'NG_E032';
  if (status === 413) return 'NG_E042';
  if (status >= 400 && status < 500) return 'NG_E040';
  return 'NG_E099';
}

function answer(c: Context, err: unknown) {
  const { status, body } = errorAnswer(err);
  return c.json(body, status as 400);
}

/** Builds the Hono app: API under /api, the web UI everywhere else. Call `app.request()` in tests. */
export function createApp(opts: AppOptions) {
  const { store } = opts;
  const maxBodyBytes = opts.maxBodyBytes ?? 8 * 1024 * 1024;
  const analyzeOpts = {
    allowPrivateUrls: opts.allowPrivateUrls ?? false,
    fetchUrl: opts.fetchUrl ?? ingestFetcher,
    ...(opts.analyze ? { analyze: opts.analyze } : {}),
  };

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const msg = result.error.issues
          .map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`)
          .join('; ');
        return answer(c, new NgError('NG_E040', `invalid ${result.target}: ${msg}`));
      }
      return undefined;
    },
  });

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return answer(c, new NgError(httpExceptionCode(err.status), err.message || 'bad request'));
    }
    const { status } = errorAnswer(err);
    // Clients get the coded message; operators also need the stack of what went wrong inside.
    if (status >= 500 && !opts.quiet) console.error(`newsgraph serve: ${c.req.method} ${c.req.path}:`, err);
    return answer(c, err);
  });

  // The UI never needs inline scripts or third-party origins; a strict CSP is a second wall behind
  // the rule that article text is only ever rendered as text nodes.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('/api/*', authMiddleware(opts.token, opts.openReads ?? false));
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      answer(c, new NgError('NG_E042', `request body is larger than the limit of ${maxBodyBytes} bytes`)),
  });
  app.use('/api/analyze', limit);
  app.use('/api/articles', limit);

  // ---- analyze without storing
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/analyze',
      summary: 'Analyse one article (text, html or url) and return newsgraph/doc@1 without storing it',
      request: { body: { content: { 'application/json': { schema: ArticleInputSchema } }, required: true } },
      responses: { 200: json(DocSchema, 'The analysed article'), ...errors, 413: json(ErrorSchema, 'Body too large') },
    }),
    async (c) => {
      const doc = await analyzeInput(c.req.valid('json'), analyzeOpts);
      return c.json(doc, 200);
    },
  );

  // ---- store articles
  const storeOne = async (input: ArticleInput) => {
    const doc: Doc = await analyzeInput(input, analyzeOpts);
    const r = await store.putDoc(doc);
    return { id: r.id, added: r.added, title: doc.meta.title };
  };
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/articles',
      summary: 'Analyse and store one article or a batch {items:[...]}; says which were stored already',
      request: { body: { content: { 'application/json': { schema: StoreInputSchema } }, required: true } },
      responses: { 200: json(StoreResultSchema, 'Ids, and whether each was newly added'), ...errors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if ('items' in body) {
        // Analyses run side by side (the worker pool queues them); the analysed ones are written in
        // one batch, and an item that fails reports its error without stopping the others.
        const analysed = await Promise.allSettled(body.items.map((it) => analyzeInput(it, analyzeOpts)));
        const docs = analysed.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const stored = docs.length > 0 ? await store.putDocs(docs) : [];
        let k = 0;
        const items = analysed.map((r) => {
          if (r.status === 'rejected') return errorAnswer(r.reason).body;
          const doc = docs[k]!;
          const put = stored[k++]!;
          if (put.error) return errorAnswer(put.error).body;
          return { id: put.id, added: put.added, title: doc.meta.title };
        });
        return c.json({ items }, 200);
      }
      return c.json(await storeOne(body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles',
      summary: 'Search and list stored articles (full text, dates, source, entity), paged by cursor',
      request: { query: ArticleQuerySchema },
      responses: { 200: json(ArticlePageSchema, 'One page of hits'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const aq: ArticleQuery = {};
      if (q.q) aq.q = q.q;
      if (q.from) aq.from = q.from;
      if (q.to) aq.to = q.to;
      if (q.source) aq.source = q.source;
      if (q.entity) aq.entity = q.entity;
      if (q.sort) aq.sort = q.sort;
      if (q.limit !== undefined) aq.limit = q.limit;
      if (q.cursor) aq.cursor = q.cursor;
      return c.json(await store.searchArticles(aq), 200);
    },
  );

  const idRoute = (method: 'get' | 'delete', summary: string, ok: ReturnType<typeof json>) =>
    createRoute({
      method,
      path: '/api/articles/{id}',
      summary,
      request: method === 'get' ? { params: IdParamSchema, query: DocQuerySchema } : { params: IdParamSchema },
      responses: {
        200: ok,
        304: { description: 'Not modified: the ETag given in If-None-Match still matches (GET only)' },
        ...errors,
        404: json(ErrorSchema, 'No such article (NG_E032)'),
      },
    });

  app.openapi(idRoute('get', 'One stored article as newsgraph/doc@1 (by id or URL)', json(DocSchema, 'The article')), async (c) => {
    const { id } = c.req.valid('param');
    // The stored JSON is served as it is: parsing and re-serialising it was most of a read's cost.
    const stored = await store.getDocJson(id);
    if (!stored) throw new NgError('NG_E032', `no stored article has the id or URL "${id}"`);
    const lean = c.req.query('tokens') === 'false';
    // A stored article never changes under its id (a new version is a new article), so its content
    // hash is a strong validator; revalidation keeps clients honest after a delete.
    const etag = `"${stored.id}-${stored.contentHash.slice(0, 16)}${lean ? '-lean' : ''}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    if (lean) {
      const doc = JSON.parse(stored.json) as Doc;
      doc.tokens = [];
      return c.json(doc, 200);
    }
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(stored.json, 200);
  });

  app.openapi(
    idRoute('delete', 'Delete a stored article', json(HealthSchema.pick({ ok: true }), 'Deleted')),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.deleteDoc(id))) throw new NgError('NG_E032', `no stored article has the id "${id}"`);
      return c.json({ ok: true }, 200);
    },
  );

  // ---- entities, quotes, events
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities',
      summary: 'Entities across articles, by name',
      request: { query: EntityQuerySchema },
      responses: { 200: json(EntityRowSchema.array().openapi('EntityList'), 'Matching entities'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await store.searchEntities(q.q ?? '', q.limit ?? 50), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{key}',
      summary: 'One entity: roles, quotes in date order, events as actor and target, co-occurring entities',
      request: { params: KeyParamSchema },
      responses: { 200: json(EntityDetailSchema, 'The entity'), ...errors, 404: json(ErrorSchema, 'No such entity') },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const e = await store.getEntity(key);
      if (!e) throw new NgError('NG_E032', `no entity has the key "${key}" (keys look like "PERSON:claudia sheinbaum")`);
      return c.json(e, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/quotes',
      summary: 'Quotes across articles, by speaker key and/or words',
      request: { query: QuoteQuerySchema },
      responses: { 200: json(QuoteListSchema, 'Quotes'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const qq: QuoteQuery = {};
      if (q.speaker) qq.speaker = q.speaker;
      if (q.q) qq.q = q.q;
      if (q.limit !== undefined) qq.limit = q.limit;
      return c.json({ items: await store.quotes(qq) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Events across articles, by actor, target, type and date',
      request: { query: EventQuerySchema },
      responses: { 200: json(EventListSchema, 'Events'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const eq: EventQuery = {};
      if (q.actor) eq.actor = q.actor;
      if (q.target) eq.target = q.target;
      if (q.type) eq.type = q.type;
      if (q.modality) eq.modality = q.modality;
      if (q.from) eq.from = q.from;
      if (q.to) eq.to = q.to;
      if (q.limit !== undefined) eq.limit = q.limit;
      return c.json({ items: await store.events(eq) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness, store dialect and article count',
      responses: { 200: json(HealthSchema, 'Healthy') },
    }),
    async (c) => c.json({ ok: true, dialect: store.dialect, articles: await store.countDocs(), version: VERSION }, 200),
  );

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph API',
      version: VERSION,
      description:
        'Analyse news articles into who said and did what to whom, with evidence spans; store, search and browse them. ' +
        'Errors are {error:{code,name,message}} with stable NG_Exxx codes.',
    },
    security: opts.token ? [{ bearer: [] }] : [],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.all('/api/*', (c) => answer(c, new NgError('NG_E032', `no API route ${c.req.method} ${c.req.path}`)));

  // ---- the web UI: files from web/dist, and index.html for the client-side routes.
  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot) {
    app.use('/*', serveStatic({ root: webRoot }));
    app.get('*', (c) => {
      const index = join(webRoot, 'index.html');
      if (!existsSync(index)) {
        return c.text('The web UI is not built: run `npm run build:web`. The API is under /api.', 404);
      }
      return c.html(readFileSync(index, 'utf8'));
    });
  }
  return app;
}

/** The type of the app createApp returns. */
export type NewsgraphApp = ReturnType<typeof createApp>;
