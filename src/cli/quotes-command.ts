/**
 * `newsgraph quotes <inputs...> [--db FILE|postgres://] [--speaker NAME] --format text|csv|jsonl`:
 * who said what, with the article, its date and the sentence — from articles analysed now, or from a
 * store.
 */
import { Command, Option } from 'commander';
import type { Doc, Quote } from '../doc/types.js';
import { toNgError } from '../errors.js';
import { defaultComponents } from '../pipeline/default.js';
import { quotesComponent } from '../quotes/index.js';
import { withStore } from '../store/open.js';
import { addReadOptions, analyzeInputs, readOptions } from './commands.js';
import { type CliIo, ExitStatus, processIo } from './io.js';

/** One line of output: a quote with where it came from. */
export interface QuoteLine {
  article: string;
  title: string | null;
  url: string | null;
  date: string | null;
  kind: Quote['kind'];
  speaker: string | null;
  speakerText: string | null;
  cue: string | null;
  text: string;
  sentence: string;
}

/** The quotes of an analysed Doc as output lines, with speakers by entity name. */
export function quoteLines(doc: Doc): QuoteLine[] {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.quotes.map((q) => {
    const s = doc.sentences.find((x) => x.start <= q.start && q.start < x.end);
    const e = doc.sentences.find((x) => x.start < q.end && q.end <= x.end) ?? s;
    const sentence = s && e ? doc.text.slice(s.start, Math.max(e.end, s.end)) : q.text;
    return {
      article: doc.meta.input ?? doc.id,
      title: doc.meta.title,
      url: doc.meta.url,
      date: doc.meta.published,
      kind: q.kind,
      speaker: q.speaker ? (names.get(q.speaker) ?? null) : null,
      speakerText: q.speakerText,
      cue: q.cue?.text ?? null,
      text: q.text,
      sentence: sentence.replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Does the line's speaker (entity name or the words naming it) contain `name`, ignoring case? */
export function speakerMatches(line: QuoteLine, name: string): boolean {
  const n = name.toLowerCase();
  return (line.speaker ?? '').toLowerCase().includes(n) || (line.speakerText ?? '').toLowerCase().includes(n);
}

const CSV_COLUMNS: (keyof QuoteLine)[] = ['date', 'speaker', 'speakerText', 'kind', 'cue', 'text', 'article', 'title', 'url', 'sentence'];

function csvCell(v: string | null): string {
  const s = v ?? '';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Formats one line in the chosen format (csv without its header). */
export function formatQuoteLine(l: QuoteLine, format: 'text' | 'csv' | 'jsonl'): string {
  if (format === 'jsonl') return JSON.stringify(l);
  if (format === 'csv') return CSV_COLUMNS.map((c) => csvCell(l[c])).join(',');
  const who = l.speaker ?? l.speakerText ?? '(unknown speaker)';
  const via = l.speaker && l.speakerText && l.speakerText !== l.speaker ? ` [${l.speakerText}]` : '';
  return `${l.date ?? '----------'}  ${who}${via} ${l.cue ?? '—'} (${l.kind}): “${l.text}”\n    ${l.title ?? l.article}\n    ${l.sentence}`;
}

/** Registers `newsgraph quotes`. */
export function registerQuotesCommand(program: Command, io: CliIo = processIo): void {
  addReadOptions(
    program
      .command('quotes')
      .description('who said what: quotes with speaker, article, date and sentence, from inputs or a store')
      .argument('[inputs...]', 'files, directories, URLs, or - for stdin (none: read quotes from --db)')
      .option('--db <spec>', 'read stored quotes from this store (SQLite file or postgres:// URL)')
      .option('--speaker <name>', 'only quotes whose speaker name contains this')
      .option('--raw', 'take input text as it is: no structure detection, no removal')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'jsonl'])),
  ).action(async (inputs: string[], flags: { db?: string; speaker?: string; raw?: boolean; format?: string } & Parameters<typeof readOptions>[0]) => {
    const status = new ExitStatus();
    const format = (flags.format ?? (io.outIsTty ? 'text' : 'jsonl')) as 'text' | 'csv' | 'jsonl';
    if (format === 'csv') io.out(`${CSV_COLUMNS.join(',')}\n`);
    let n = 0;
    const emit = (l: QuoteLine): void => {
      if (flags.speaker && !speakerMatches(l, flags.speaker)) return;
      n++;
      io.out(`${formatQuoteLine(l, format)}\n${format === 'text' ? '\n' : ''}`);
    };
    if (inputs.length > 0) {
      // The default pipeline may not run 'quotes' yet; then it runs here on each analysed Doc.
      const own = defaultComponents().some((c) => c.name === 'quotes') ? null : quotesComponent();
      for await (const doc of analyzeInputs(inputs, readOptions(flags), { raw: Boolean(flags.raw), tokens: true }, io, status)) {
        if (own) {
          own.run(doc);
        }
        for (const l of quoteLines(doc)) emit(l);
      }
    }
    if (flags.db) {
      try {
        await withStore(flags.db, async (store) => {
          const q: { speaker?: string; limit?: number } = { limit: 10_000 };
          if (flags.speaker) q.speaker = flags.speaker;
          for (const r of await store.quotes(q)) {
            emit({
              article: r.articleId,
              title: r.title,
              url: r.url,
              date: r.published,
              kind: r.kind,
              speaker: r.speakerName,
              speakerText: r.speakerText,
              cue: r.cue?.text ?? null,
              text: r.text,
              sentence: r.sentence.replace(/\s+/g, ' ').trim(),
            });
          }
        });
      } catch (e) {
        status.report(io, toNgError(e, { input: flags.db }));
      }
    }
    if (inputs.length === 0 && !flags.db) {
      io.err('newsgraph quotes: give inputs to analyse or --db to read stored quotes\n');
      process.exitCode = 64;
      return;
    }
    if (format === 'text' && io.outIsTty) io.err(`${n} quote(s)\n`);
    process.exitCode = status.code;
  });
}
