import { createDoc } from '../doc/doc.js';
import type { Diagnostic, Doc, DocMeta, Paragraph, ParagraphRole } from '../doc/types.js';
import { NgError } from '../errors.js';
import { extractHtml } from '../ingest/html.js';
import type { RawArticle } from '../ingest/types.js';
import { matchBoilerplate } from './boilerplate.js';
import { DuplicateIndex } from './dedupe.js';
import { normalizeForCompare } from './normalize.js';
import { type Block, looksLikeDek, looksLikeHeadline, looksLikeSummary, splitBlocks } from './structure.js';

export { splitBlocks, looksLikeHeadline, looksLikeDek, looksLikeSummary } from './structure.js';
export { matchBoilerplate, BOILERPLATE_RULES } from './boilerplate.js';

export interface CleanOptions {
  /** Take the text as it is: no structure detection, no removal; Doc.text is the input verbatim. */
  raw?: boolean;
}

/** Blocks shorter than this (in words) are never removed as duplicates, unless they repeat the headline. */
export const MIN_DUPLICATE_WORDS = 5;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Paragraph separator in Doc.text. */
const SEP = '\n\n';

/**
 * Turns a raw article into a Doc holding the cleaned text, its paragraphs with roles, the metadata,
 * and a diagnostic for everything removed (with its place in the raw input).
 */
export function cleanArticle(raw: RawArticle, opts: CleanOptions = {}): Doc {
  const meta: Partial<DocMeta> = { ...raw.meta, input: raw.input };
  const warnings = raw.warnings ?? [];
  let doc: Doc;
  if (raw.format === 'html') doc = cleanHtml(raw, meta, opts);
  else if (opts.raw) doc = rawDoc(raw.content, meta);
  else doc = cleanText(raw.content, meta, null);
  for (const w of warnings) {
    doc.diagnostics.push({ ruleId: 'ingest/warning', severity: 'warning', reason: w, place: {} });
  }
  if (doc.text.trim().length === 0) {
    throw new NgError('NG_E014', 'no article text was found after cleaning', { input: raw.input });
  }
  return doc;
}

/** Raw mode: the text verbatim, one body paragraph per non-empty line. */
function rawDoc(text: string, meta: Partial<DocMeta>): Doc {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) paragraphs.push({ start: s, end: e, role: 'body' });
  }
  return createDoc(text, paragraphs, meta);
}

interface Assigned {
  block: Block;
  role: ParagraphRole;
}

/**
 * Structure detection and removal over blocks. `knownTitle` (from markup or a JSONL record) is used as
 * the headline when it appears among the first blocks, and added as the headline when it does not.
 * `dekHint` (a page's description) must match the dek candidate when given; undefined means no check.
 */
function cleanText(
  content: string,
  meta: Partial<DocMeta>,
  knownTitle: string | null,
  rawPlaces = true,
  dekHint: string | null | undefined = undefined,
): Doc {
  const blocks = splitBlocks(content);
  const diagnostics: Diagnostic[] = [];
  const removed = (b: Block, ruleId: string, reason: string): void => {
    diagnostics.push({
      ruleId,
      severity: 'info',
      reason,
      place: rawPlaces ? { raw: { start: b.start, end: b.end }, line: b.line } : {},
      source: b.text,
    });
  };

  // Boilerplate first: it must not be taken for a headline or a dek.
  const kept: Block[] = [];
  for (const b of blocks) {
    const rule = matchBoilerplate(b.text);
    if (rule) removed(b, `clean/boilerplate-${rule.id}`, `${rule.reason} removed`);
    else kept.push(b);
  }

  const title = knownTitle ?? meta.title ?? null;
  let headlineAt = -1;
  const titleNorm = title ? normalizeForCompare(title) : null;
  for (let i = 0; i < Math.min(3, kept.length); i++) {
    const b = kept[i];
    if (b && titleNorm && normalizeForCompare(b.text) === titleNorm) {
      headlineAt = i;
      break;
    }
  }
  if (headlineAt < 0 && !title) {
    for (let i = 0; i < Math.min(3, kept.length); i++) {
      const b = kept[i];
      // A headline needs something after it: a lone line is a body paragraph.
      if (b && looksLikeHeadline(b.text) && i + 1 < kept.length) {
        headlineAt = i;
        break;
      }
    }
  }

  const out: Assigned[] = [];
  const dup = new DuplicateIndex();
  let headlineNorm: string | null = null;
  if (headlineAt < 0 && title) {
    // The title is not in the text: add it as the headline so the Doc reads as the article does.
    out.push({ block: { start: -1, end: -1, text: title.trim(), line: 0 }, role: 'headline' });
    headlineNorm = titleNorm;
    dup.add(0, title);
  }
  let summaryTaken = false;
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i];
    if (!b) continue;
    if (i < headlineAt) {
      if (!summaryTaken && looksLikeSummary(b.text)) {
        summaryTaken = true;
        dup.add(out.length, b.text);
        out.push({ block: b, role: 'summary' });
      } else {
        removed(b, 'clean/kicker', 'short label before the headline removed');
      }
      continue;
    }
    const found = dup.check(b.text);
    const isHeadline = found !== null && headlineNorm !== null && out[found.of]?.role === 'headline';
    // Short lines (a recipe's "Method", a table label) legitimately repeat; only a repeated headline
    // or a repeated paragraph of some length is a scraper's duplicate.
    const verdict = found && (isHeadline || wordCount(b.text) >= MIN_DUPLICATE_WORDS) ? found : null;
    if (verdict) {
      const how = verdict.kind === 'exact' ? 'verbatim' : `nearly (similarity ${verdict.similarity.toFixed(2)})`;
      if (isHeadline) removed(b, 'clean/duplicate-headline', `headline repeated ${how}; kept the first`);
      else removed(b, 'clean/duplicate-paragraph', `paragraph repeated ${how}; kept the first`);
      continue;
    }
    const role: ParagraphRole = i === headlineAt ? 'headline' : 'body';
    if (role === 'headline') headlineNorm = normalizeForCompare(b.text);
    dup.add(out.length, b.text);
    out.push({ block: b, role });
  }

  // Rule 4: the dek is the first block after the headline, when it reads like one.
  const h = out.findIndex((a) => a.role === 'headline');
  if (h >= 0) {
    const cand = out[h + 1];
    const next = out[h + 2];
    // On a page, a lede often reads like a dek; there the page's own description must confirm it.
    const confirmed = dekHint === undefined || (dekHint !== null && cand !== undefined &&
      normalizeForCompare(cand.block.text) === normalizeForCompare(dekHint));
    if (cand && cand.role === 'body' && next && confirmed && looksLikeDek(cand.block.text, next.block.text)) cand.role = 'dek';
  }

  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const a of out) {
    if (text.length > 0) text += SEP;
    const start = text.length;
    text += a.block.text;
    paragraphs.push({ start, end: text.length, role: a.role });
  }
  const pick = (role: ParagraphRole): string | null => out.find((a) => a.role === role)?.block.text ?? null;
  const doc = createDoc(text, paragraphs, {
    ...meta,
    title: pick('headline') ?? meta.title ?? null,
    dek: pick('dek') ?? meta.dek ?? null,
    summary: pick('summary') ?? meta.summary ?? null,
  });
  doc.diagnostics.push(...diagnostics);
  return doc;
}

/** HTML: the extractor finds the main text and metadata; the same structure and removal rules follow. */
function cleanHtml(raw: RawArticle, meta: Partial<DocMeta>, opts: CleanOptions): Doc {
  const ex = extractHtml(raw.content, raw.meta.url ?? null);
  const merged: Partial<DocMeta> = {
    ...meta,
    title: meta.title ?? ex.title ?? null,
    byline: meta.byline ?? ex.byline ?? null,
    published: meta.published ?? ex.published ?? null,
    source: meta.source ?? ex.siteName ?? null,
    url: ex.canonicalUrl ?? meta.url ?? null,
    language: meta.language ?? ex.language ?? null,
  };
  const body = ex.paragraphs.join('\n');
  if (opts.raw) return rawDoc(body, merged);
  const doc = cleanText(body, merged, merged.title ?? null, false, ex.excerpt ?? null);
  if (!doc.meta.summary && ex.excerpt && !doc.text.includes(ex.excerpt.slice(0, 60))) doc.meta.summary = ex.excerpt;
  return doc;
}
