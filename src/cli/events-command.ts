/**
 * `newsgraph events <inputs...> [--db FILE|postgres://] --format csv|jsonl|gdelt`: who did what to whom,
 * one row per event (article, date, actor, action in PLOVER and CAMEO with Goldstein and QuadClass, target,
 * negation, modality, reporter, place, source URL, evidence sentence) — from articles analysed now, or from
 * a store. `gdelt` writes tab-separated rows under GDELT 2.0 event-table column names where they apply, and
 * leaves out negated events (GDELT has no way to say that something did not happen).
 */
import { createHash } from 'node:crypto';
import { Command, Option } from 'commander';
import type { Doc, NewsEvent } from '../doc/types.js';
import { toNgError } from '../errors.js';
import { codeEvents } from '../events/index.js';
import { cameoInfo } from '../events/ontology.js';
import { stagesBeforeEvents } from '../events/pipeline.js';
import { defaultComponents } from '../pipeline/default.js';
import type { EventRow } from '../store/types.js';
import { withStore } from '../store/open.js';
import { addReadOptions, analyzeInputs, readOptions } from './commands.js';
import { type CliIo, ExitStatus, processIo } from './io.js';

/** One output row: an event with names resolved and where it came from. */
export interface EventLine {
  article: string;
  date: string | null;
  actor: string | null;
  actorCountry: string | null;
  actorSector: string | null;
  plover: string;
  cameo: string;
  cameoName: string | null;
  goldstein: number | null;
  quadClass: number | null;
  action: string;
  target: string | null;
  targetCountry: string | null;
  targetSector: string | null;
  negated: boolean;
  modality: string;
  reporter: string | null;
  place: string | null;
  url: string | null;
  mentions: number;
  evidence: string;
}

/** The events of an analysed Doc as output rows (entity names where the event points at an entity). */
export function eventLines(doc: Doc): EventLine[] {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string | null, text: string | null | undefined): string | null => (id ? names.get(id) ?? text ?? null : text ?? null);
  return doc.events.map((e: NewsEvent) => ({
    article: doc.meta.input ?? doc.id,
    date: e.date ?? doc.meta.published,
    actor: nameOf(e.actor, e.actorText),
    actorCountry: e.actorCountry ?? null,
    actorSector: e.actorSector ?? null,
    plover: e.action.plover,
    cameo: e.action.cameo,
    cameoName: cameoInfo(e.action.cameo)?.name ?? null,
    goldstein: e.action.goldstein ?? null,
    quadClass: e.action.quadClass ?? null,
    action: e.action.text,
    target: nameOf(e.target, e.targetText),
    targetCountry: e.targetCountry ?? null,
    targetSector: e.targetSector ?? null,
    negated: e.negated,
    modality: e.modality,
    reporter: nameOf(e.reportedBy, e.reportedByText),
    place: e.place ? names.get(e.place) ?? null : null,
    url: doc.meta.url,
    mentions: 1 + (e.moreEvidence?.length ?? 0),
    evidence: doc.text.slice(e.evidence.start, e.evidence.end).replace(/\s+/g, ' ').trim(),
  }));
}

/** A stored event as an output row. */
export function storedEventLine(r: EventRow): EventLine {
  return {
    article: r.articleId,
    date: r.date ?? r.published,
    actor: r.actorName ?? r.actorText,
    actorCountry: r.actorCountry ?? null,
    actorSector: r.actorSector ?? null,
    plover: r.action.plover,
    cameo: r.action.cameo,
    cameoName: cameoInfo(r.action.cameo)?.name ?? null,
    goldstein: r.action.goldstein ?? null,
    quadClass: r.action.quadClass ?? null,
    action: r.action.text,
    target: r.targetName ?? r.targetText,
    targetCountry: r.targetCountry ?? null,
    targetSector: r.targetSector ?? null,
    negated: r.negated,
    modality: r.modality,
    reporter: r.reportedByName ?? r.reportedByText ?? null,
    place: null,
    url: r.url,
    mentions: 1 + (r.moreEvidence?.length ?? 0),
    evidence: r.sentence.replace(/\s+/g, ' ').trim(),
  };
}

/** Columns of the csv and jsonl forms, in order. */
export const EVENT_COLUMNS: (keyof EventLine)[] = [
  'article', 'date', 'actor', 'actorCountry', 'actorSector', 'plover', 'cameo', 'cameoName', 'goldstein', 'quadClass',
  'action', 'target', 'targetCountry', 'targetSector', 'negated', 'modality', 'reporter', 'place', 'url', 'mentions', 'evidence',
];

/** GDELT 2.0 event-table columns newsgraph can fill, in GDELT's order. */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code', 'IsRootEvent', 'EventCode', 'EventBaseCode',
  'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'ActionGeo_FullName',
  'SOURCEURL',
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// GDELT ids are integers; a stable one comes from the article and the event's position and content.
function gdeltId(l: EventLine, idx: number): string {
  const h = createHash('sha256').update(`${l.article}|${idx}|${l.cameo}|${l.actor ?? ''}|${l.target ?? ''}`).digest('hex');
  return String(Number.parseInt(h.slice(0, 13), 16));
}

function tsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** The GDELT-named cells of one row (actor codes are country + sector, as CAMEO actor codes are built). */
export function gdeltCells(l: EventLine, idx: number): Record<(typeof GDELT_COLUMNS)[number], string> {
  const day = (l.date ?? '').slice(0, 10);
  const sql = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.replace(/-/g, '') : '';
  return {
    GLOBALEVENTID: gdeltId(l, idx),
    SQLDATE: sql,
    MonthYear: sql.slice(0, 6),
    Year: sql.slice(0, 4),
    Actor1Code: `${l.actorCountry ?? ''}${l.actorSector ?? ''}`,
    Actor1Name: tsvCell(l.actor?.toUpperCase()),
    Actor1CountryCode: l.actorCountry ?? '',
    Actor1Type1Code: l.actorSector ?? '',
    Actor2Code: `${l.targetCountry ?? ''}${l.targetSector ?? ''}`,
    Actor2Name: tsvCell(l.target?.toUpperCase()),
    Actor2CountryCode: l.targetCountry ?? '',
    Actor2Type1Code: l.targetSector ?? '',
    IsRootEvent: '1',
    EventCode: l.cameo,
    EventBaseCode: l.cameo.slice(0, 3),
    EventRootCode: l.cameo.slice(0, 2),
    QuadClass: tsvCell(l.quadClass),
    GoldsteinScale: tsvCell(l.goldstein),
    NumMentions: String(l.mentions),
    NumSources: '1',
    NumArticles: '1',
    ActionGeo_FullName: tsvCell(l.place),
    SOURCEURL: tsvCell(l.url ?? l.article),
  };
}

/** The header line of a format, or null for jsonl. */
export function eventHeader(format: 'csv' | 'jsonl' | 'gdelt'): string | null {
  if (format === 'csv') return EVENT_COLUMNS.join(',');
  if (format === 'gdelt') return GDELT_COLUMNS.join('\t');
  return null;
}

/** One row in the chosen format (without a header). `idx` numbers events for GDELT ids. */
export function formatEventLine(l: EventLine, format: 'csv' | 'jsonl' | 'gdelt', idx = 0): string {
  if (format === 'jsonl') return JSON.stringify(l);
  if (format === 'csv') return EVENT_COLUMNS.map((c) => csvCell(l[c])).join(',');
  const cells = gdeltCells(l, idx);
  return GDELT_COLUMNS.map((c) => cells[c]).join('\t');
}

/** Runs the stages events needs that the default pipeline does not run yet, then codes events. */
export function completeForEvents(): (doc: Doc) => void {
  const done = new Set(defaultComponents().map((c) => c.name));
  const extra = stagesBeforeEvents().filter((c) => !done.has(c.name));
  const hasEvents = done.has('events');
  return (doc) => {
    if (hasEvents) return;
    for (const c of extra) c.run(doc);
    codeEvents(doc);
  };
}

/** Registers `newsgraph events`. */
export function registerEventsCommand(program: Command, io: CliIo = processIo): void {
  addReadOptions(
    program
      .command('events')
      .description('who did what to whom: events in PLOVER and CAMEO, one row each, from inputs or a store')
      .argument('[inputs...]', 'files, directories, URLs, or - for stdin (none: read events from --db)')
      .option('--db <spec>', 'read stored events from this store (SQLite file or postgres:// URL)')
      .option('--raw', 'take input text as it is: no structure detection, no removal')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'jsonl', 'gdelt']).default('jsonl')),
  ).action(async (inputs: string[], flags: { db?: string; raw?: boolean; format?: string } & Parameters<typeof readOptions>[0]) => {
    const status = new ExitStatus();
    const format = (flags.format ?? 'jsonl') as 'csv' | 'jsonl' | 'gdelt';
    if (inputs.length === 0 && !flags.db) {
      io.err('newsgraph events: give inputs to analyse or --db to read stored events\n');
      process.exitCode = 64;
      return;
    }
    const header = eventHeader(format);
    if (header) io.out(`${header}\n`);
    let n = 0;
    const emit = (l: EventLine): void => {
      // GDELT rows are things that happened; it has no column to say an event did not.
      if (format === 'gdelt' && l.negated) return;
      io.out(`${formatEventLine(l, format, n)}\n`);
      n++;
    };
    if (inputs.length > 0) {
      const complete = completeForEvents();
      for await (const doc of analyzeInputs(inputs, readOptions(flags), { raw: Boolean(flags.raw), tokens: true }, io, status)) {
        complete(doc);
        for (const l of eventLines(doc)) emit(l);
      }
    }
    if (flags.db) {
      try {
        for (const r of await withStore(flags.db, (store) => store.events({ limit: 100_000 }))) emit(storedEventLine(r));
      } catch (e) {
        status.report(io, toNgError(e, { input: flags.db }));
      }
    }
    if (io.errIsTty) io.err(`${n} event(s)\n`);
    process.exitCode = status.code;
  });
}
