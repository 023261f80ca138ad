/**
 * The zod schemas of the HTTP API. The same objects validate requests and generate the OpenAPI 3.1
 * description (GET /api/openapi.json), so the two can never drift apart.
 */
import { z } from '@hono/zod-openapi';

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).openapi('Span');
const TextSpanSchema = SpanSchema.extend({ text: z.string() }).openapi('TextSpan');
const EntityTypeSchema = z
  .enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'MISC'])
  .openapi('EntityType');
const ModalitySchema = z.enum(['asserted', 'reported', 'hypothetical', 'planned', 'denied']);

/** Article metadata (every key present, null when unknown). */
export const MetaSchema = z
  .object({
    title: z.string().nullable(),
    dek: z.string().nullable(),
    summary: z.string().nullable(),
    input: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    byline: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string().nullable(),
    contentHash: z.string().optional(),
  })
  .openapi('DocMeta');

const QuoteSchema = TextSpanSchema.extend({
  kind: z.enum(['direct', 'partial', 'indirect']),
  speaker: z.string().nullable(),
  speakerText: z.string().nullable(),
  speakerSpan: SpanSchema.nullable().optional(),
  cue: TextSpanSchema.nullable(),
}).openapi('Quote');

const EventSchema = z
  .object({
    actor: z.string().nullable(),
    actorText: z.string().nullable(),
    action: z.object({
      cameo: z.string(),
      plover: z.string(),
      text: z.string(),
      goldstein: z.number().nullable().optional(),
      quadClass: z.number().nullable().optional(),
      mode: z.string().nullable().optional(),
    }),
    target: z.string().nullable(),
    targetText: z.string().nullable(),
    negated: z.boolean(),
    modality: ModalitySchema,
    reportedBy: z.string().nullable(),
    date: z.string().nullable(),
    place: z.string().nullable(),
    evidence: SpanSchema,
  })
  .openapi('Event');

/** newsgraph/doc@1, the analysed-article format (see docs/DOC-FORMAT.md). */
export const DocSchema = z
  .object({
    format: z.literal('newsgraph/doc@1'),
    id: z.string(),
    text: z.string(),
    meta: MetaSchema,
    paragraphs: z.array(SpanSchema.extend({ role: z.enum(['summary', 'headline', 'dek', 'body', 'caption']) })),
    sentences: z.array(SpanSchema),
    tokens: z.array(SpanSchema.extend({ pos: z.string() })),
    entities: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: EntityTypeSchema,
        roles: z.array(z.object({ title: z.string(), of: z.string().nullable(), evidence: SpanSchema })),
        country: z.string().nullable(),
        mentions: z.array(TextSpanSchema.extend({ kind: z.enum(['name', 'alias', 'pronoun', 'role']) })),
      }),
    ),
    values: z.array(
      TextSpanSchema.extend({
        type: z.enum(['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'QUANTITY']),
        normalized: z.string().nullable(),
      }),
    ),
    quotes: z.array(QuoteSchema),
    attributions: z.array(TextSpanSchema.extend({ source: z.string().nullable(), cue: TextSpanSchema })),
    events: z.array(EventSchema),
    diagnostics: z.array(
      z.object({
        ruleId: z.string(),
        severity: z.enum(['info', 'warning', 'error']),
        reason: z.string(),
        place: z.object({ raw: SpanSchema.optional(), text: SpanSchema.optional(), line: z.number().optional() }),
        source: z.string().optional(),
      }),
    ),
  })
  .openapi('Doc');

/** Metadata a client may give with an article (the extractor fills what is missing). */
export const InputMetaSchema = z
  .object({
    title: z.string().max(2000).optional(),
    url: z.string().max(4000).optional(),
    source: z.string().max(500).optional(),
    published: z.string().max(64).optional(),
    byline: z.string().max(2000).optional(),
  })
  .openapi('InputMeta');

/** One article to analyse: exactly one of text, html or url. */
export const ArticleInputSchema = z
  .object({
    text: z.string().optional().openapi({ description: 'Plain article text (scraped form unless raw is true).' }),
    html: z.string().optional().openapi({ description: 'An HTML page; the main text is extracted.' }),
    url: z.string().optional().openapi({ description: 'An http(s) URL to fetch (private addresses refused).' }),
    raw: z.boolean().optional().openapi({ description: 'The text is already clean: no structure detection or removal.' }),
    tokens: z.boolean().optional().openapi({ description: 'Keep the token layer in the result (default true).' }),
    meta: InputMetaSchema.optional(),
  })
  .refine((v) => [v.text, v.html, v.url].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of "text", "html" or "url"',
  })
  .openapi('ArticleInput');

/** POST /api/articles body: one article, or a batch. */
export const StoreInputSchema = z
  .union([ArticleInputSchema, z.object({ items: z.array(ArticleInputSchema).min(1).max(1000) })])
  .openapi('StoreInput');

/** The error envelope every failing request answers with. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NG_E032' }),
      name: z.string().openapi({ example: 'not-found' }),
      message: z.string(),
    }),
  })
  .openapi('Error');

/** What storing one article did. */
export const PutResultSchema = z
  .object({ id: z.string(), added: z.boolean(), title: z.string().nullable() })
  .openapi('PutResult');

/** One item of a batch: stored (or already there), or failed with an error. */
export const BatchItemSchema = z
  .union([PutResultSchema, ErrorSchema])
  .openapi('BatchItem');

/** Result of POST /api/articles. */
export const StoreResultSchema = z
  .union([PutResultSchema, z.object({ items: z.array(BatchItemSchema) })])
  .openapi('StoreResult');

const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();

/** Query string of GET /api/articles. */
export const ArticleQuerySchema = z.object({
  q: z.string().max(500).optional(),
  from: z.string().max(64).optional().openapi({ description: 'ISO date lower bound on published (inclusive).' }),
  to: z.string().max(64).optional().openapi({ description: 'ISO date upper bound on published (inclusive).' }),
  source: z.string().max(500).optional(),
  entity: z.string().max(500).optional().openapi({ description: 'An entity key, e.g. PERSON:claudia sheinbaum.' }),
  sort: z.enum(['rank', 'date']).optional().openapi({ description: 'Relevance (default with q) or newest first.' }),
  limit: limit(200),
  cursor: z.string().max(500).optional(),
});

/** One search hit; `snippet` holds escaped text with <mark> around matches. */
export const ArticleHitSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    published: z.string().nullable(),
    snippet: z.string().nullable(),
    rank: z.number().nullable(),
  })
  .openapi('ArticleHit');

export const ArticlePageSchema = z
  .object({ items: z.array(ArticleHitSchema), nextCursor: z.string().nullable() })
  .openapi('ArticlePage');

export const IdParamSchema = z.object({ id: z.string().min(1).max(4000) });
/** Query of GET /api/articles/{id}: `tokens=false` leaves out the token layer (the largest one). */
export const DocQuerySchema = z.object({
  tokens: z.enum(['true', 'false']).optional().openapi({ description: 'Include the token layer (default true).' }),
});
export const KeyParamSchema = z.object({ key: z.string().min(1).max(1000) });

export const EntityRowSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    type: EntityTypeSchema,
    country: z.string().nullable(),
    articles: z.number(),
    mentions: z.number(),
  })
  .openapi('EntityRow');

export const EntityQuerySchema = z.object({ q: z.string().max(500).optional(), limit: limit(200) });

const QuoteRowSchema = QuoteSchema.extend({
  articleId: z.string(),
  speakerKey: z.string().nullable(),
  speakerName: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  sentence: z.string(),
}).openapi('QuoteRow');

const EventRowSchema = EventSchema.extend({
  articleId: z.string(),
  actorKey: z.string().nullable(),
  actorName: z.string().nullable(),
  targetKey: z.string().nullable(),
  targetName: z.string().nullable(),
  reportedByName: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  sentence: z.string(),
}).openapi('EventRow');

export const EntityDetailSchema = EntityRowSchema.extend({
  roles: z.array(z.object({ title: z.string(), of: z.string().nullable(), articleId: z.string() })),
  quotes: z.array(QuoteRowSchema),
  eventsAsActor: z.array(EventRowSchema),
  eventsAsTarget: z.array(EventRowSchema),
  cooccurring: z.array(z.object({ key: z.string(), name: z.string(), type: EntityTypeSchema, articles: z.number() })),
}).openapi('EntityDetail');

export const QuoteQuerySchema = z.object({
  speaker: z.string().max(500).optional().openapi({ description: 'Speaker entity key.' }),
  q: z.string().max(500).optional(),
  limit: limit(500),
});
export const QuoteListSchema = z.object({ items: z.array(QuoteRowSchema) }).openapi('QuoteList');

export const EventQuerySchema = z.object({
  actor: z.string().max(500).optional().openapi({ description: 'Actor entity key.' }),
  target: z.string().max(500).optional().openapi({ description: 'Target entity key.' }),
  type: z.string().max(64).optional().openapi({ description: 'PLOVER type or CAMEO code (prefix).' }),
  modality: ModalitySchema.optional(),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  limit: limit(500),
});
export const EventListSchema = z.object({ items: z.array(EventRowSchema) }).openapi('EventList');

export const HealthSchema = z
  .object({ ok: z.boolean(), dialect: z.enum(['sqlite', 'postgres']), articles: z.number(), version: z.string() })
  .openapi('Health');

export type ArticleInput = z.infer<typeof ArticleInputSchema>;
