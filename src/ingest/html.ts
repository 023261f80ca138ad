/**
 * Main-text and metadata extraction from an HTML page: @mozilla/readability on a linkedom DOM (linkedom
 * never executes scripts), then our own walk of the article element into one string per block, so that
 * headings, paragraphs, list items and quotes stay separate paragraphs for cleaning.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeDate } from './dates.js';

export { normalizeDate } from './dates.js';

/** What extractHtml finds in a page; every metadata field is null when the page does not say. */
export interface HtmlExtract extends PageMeta {
  /** Main text, one entry per block (heading, paragraph, list item, blockquote, pre). */
  paragraphs: string[];
  /**
   * Which path produced the paragraphs: readability; the whole-body fallback when readability found
   * too little; 'flattened' when the markup nested too deep to parse safely and was reduced to blocks.
   */
  method: 'readability' | 'fallback' | 'flattened' | 'none';
}

/** Options for extractHtml. */
export interface ExtractHtmlOptions {
  /** Below this many characters of readability text, the whole-body fallback is tried too (default 250). */
  minChars?: number;
}

// Elements whose text is never article text. Removing them before Readability also guarantees
// nothing executable or embedded survives into the output, whatever Readability keeps.
const STRIP_SELECTOR = 'script,style,noscript,iframe,object,embed,template,svg,canvas,button,select,textarea,input,frame,frameset,applet,audio,video,source,track,map,dialog';

const BLOCK_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL',
  'DL', 'DT', 'DD', 'TABLE', 'TR', 'THEAD', 'TBODY', 'TFOOT', 'CAPTION', 'FIGURE', 'HEADER', 'FOOTER',
  'MAIN', 'ASIDE', 'NAV', 'ADDRESS', 'HR', 'CENTER', 'DETAILS', 'SUMMARY', 'FIELDSET', 'HGROUP',
]);

// Captions describe a picture, not the story; the AEB ground truth leaves them out, and they confuse
// the structure detection downstream (a caption often reads like a dek).
const SKIP_TAGS = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'BUTTON', 'IMG', 'PICTURE']);

type El = Element;

/**
 * Extracts the main text and metadata from a page.
 * @example extractHtml('<html><body><article><p>Hello…</p></article></body></html>', null).paragraphs
 */
export function extractHtml(html: string, url: string | null, opts: ExtractHtmlOptions = {}): HtmlExtract {
  const minChars = opts.minChars ?? 250;
  let source = ensureHtmlShell(preStrip(html));
  // linkedom's parser is quadratic in nesting depth (100,000 nested divs: ~30 s); flatten such a page
  // to its blocks before parsing. Real pages estimate under ~300 here.
  const flattened = estimateDepth(source) > MAX_PARSE_DEPTH;
  if (flattened) source = flatten(source);
  const doc = parseHTML(source).document as unknown as Document;
  const meta = readMetadata(doc, url);
  stripUnsafe(doc);
  stripChrome(doc);

  let paragraphs: string[] = [];
  let method: HtmlExtract['method'] = 'none';
  let rd: ReturnType<Readability<El>['parse']> = null;
  // Readability's time grows much faster than linearly with nesting depth (1,000 nested divs take
  // ~10 s); real news pages stay under ~60, so a deeper page is hostile or broken: use the fallback.
  if (maxDepth(doc.documentElement, MAX_READABILITY_DEPTH) <= MAX_READABILITY_DEPTH) try {
    // keepClasses: our block walk reads class names to spot chrome (breadcrumbs, share bars) Readability kept.
    rd = new Readability<El>(doc, { serializer: (n) => n as El, charThreshold: 400, keepClasses: true }).parse();
  } catch {
    rd = null;
  }
  if (rd?.content) {
    paragraphs = blocksOf(rd.content);
    method = 'readability';
  }
  const len = paragraphs.reduce((n, p) => n + p.length, 0);
  if (len < minChars) {
    // Readability rewrote the DOM it was given; parsing again is cheaper than cloning every page up front.
    const fresh = parseHTML(source).document as unknown as Document;
    stripUnsafe(fresh);
    const fb = fresh.body ? fallbackBlocks(fresh.body) : [];
    const fbLen = fb.reduce((n, p) => n + p.length, 0);
    if (fbLen > len) {
      paragraphs = fb;
      method = 'fallback';
    }
  }
  if (flattened && paragraphs.length > 0) method = 'flattened';
  const title = clean(rd?.title) ?? meta.title;
  paragraphs = dropLeadingTitle(paragraphs, title);
  return {
    title,
    byline: cleanByline(clean(rd?.byline) ?? meta.byline),
    published: normalizeDate(meta.published ?? clean(rd?.publishedTime)),
    siteName: clean(rd?.siteName) ?? meta.siteName,
    canonicalUrl: meta.canonicalUrl,
    language: meta.language ?? clean(rd?.lang),
    excerpt: clean(rd?.excerpt) ?? meta.excerpt,
    paragraphs,
    method,
  };
}

/** Estimated nesting depth of raw markup above which a page is flattened before parsing. */
export const MAX_PARSE_DEPTH = 3000;

// Tags that are void or that the parser closes implicitly: they don't add depth, whatever the markup says.
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'td', 'tr', 'th', 'option', 'dt', 'dd', 'tbody', 'thead', 'colgroup', 'optgroup', 'rt', 'rp']);
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

// An upper-bound estimate from the tags alone, without building a tree.
function estimateDepth(html: string): number {
  let d = 0;
  let max = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const tag = m[2]!.toLowerCase();
    if (NO_DEPTH.has(tag) || m[3]) continue;
    if (m[1]) {
      if (d > 0) d--;
    } else if (++d > max) max = d;
  }
  return max;
}

// Every block tag becomes a paragraph boundary and every other tag disappears; the parser still
// decodes the entities.
function flatten(html: string): string {
  // Head metadata survives: <title>, <meta>, <link> and JSON-LD carry no depth of their own.
  const head = (html.match(/<title\b[^>]*>[^<]*<\/title\s*>|<meta\b[^>]*>|<link\b[^>]*>|<script\b[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi) ?? []).join('');
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([a-zA-Z-]+)/i.exec(html)?.[1];
  const bodyStart = html.search(/<body\b/i);
  const body = (bodyStart >= 0 ? html.slice(bodyStart) : html)
    .replace(/<\/?(p|div|h[1-6]|li|br|blockquote|pre|tr|section|article|header|footer|main|aside|nav|ul|ol|table|dd|dt|figure)\b[^>]*>/gi, '\u0000')
    .replace(/<[^>]*>/g, '')
    .split('\u0000')
    .filter((x) => x.trim())
    .map((x) => `<p>${x}</p>`)
    .join('');
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;
}

/** Nesting depth above which Readability is not run (see extractHtml). */
export const MAX_READABILITY_DEPTH = 150;

// Depth of the element tree, iteratively (no call-stack limit), stopping early once past `limit`.
function maxDepth(root: Element | null, limit: number): number {
  if (!root) return 0;
  let max = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

/** The bare extractor (Readability on linkedom, its own textContent): the benchmark's baseline. */
export function extractHtmlBare(html: string): string {
  const { document } = parseHTML(ensureHtmlShell(html));
  const r = new Readability(document as unknown as Document).parse();
  return r?.textContent ?? '';
}

// One left-to-right pass, in the order the HTML tokenizer meets them, so a "<!--" inside a script or a
// "<script>" inside a comment is treated as the browser would. Only for speed (scripts and styles are
// a third to two thirds of a news page's bytes); stripUnsafe still removes whatever this misses.
const PRE_STRIP_RE = /<!--[\s\S]*?-->|<(script|style|svg|noscript|template)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi;

function preStrip(html: string): string {
  return html.replace(PRE_STRIP_RE, (m: string, tag: string | undefined, attrs: string | undefined) =>
    tag && tag.toLowerCase() === 'script' && /application\/ld\+json/i.test(attrs ?? '') ? m : ' ',
  );
}

// linkedom builds an empty document from a fragment without <html>; wrap it so body exists.
function ensureHtmlShell(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) || /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

// Event handlers and javascript: URLs need no removal: linkedom runs nothing, and what leaves this
// module is text, never markup, so an attribute cannot reach a consumer.
function stripUnsafe(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(STRIP_SELECTOR))) {
    // JSON-LD is data Readability reads for its metadata; it is never executed nor shown as text.
    if (el.tagName === 'SCRIPT' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') continue;
    el.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks: a depth-first walk that collects inline text and flushes it at every block boundary.

interface RawBlock {
  text: string;
  /** Share of the block's characters that sit inside links. */
  linkRatio: number;
  /** Tag of the nearest block element around the text (P, LI, H2…). */
  tag: string;
}

function blocksOf(root: El): string[] {
  return rawBlocksOf(root).filter((b) => !isJunkBlock(b)).map((b) => b.text);
}

function rawBlocksOf(root: El): RawBlock[] {
  const out: RawBlock[] = [];
  let buf = '';
  let linkChars = 0;
  let inLink = 0;
  const tags: string[] = ['DIV'];
  const flush = (): void => {
    const t = buf.replace(/[ \t\r\f\v\u00a0\u200b]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t) {
      const total = buf.replace(/\s+/g, '').length || 1;
      const ratio = Math.min(1, linkChars / total);
      const tag = tags[tags.length - 1] ?? 'DIV';
      for (const line of t.split(/\n{2,}/)) if (line.trim()) out.push({ text: line.trim().replace(/\n/g, ' '), linkRatio: ratio, tag });
    }
    buf = '';
    linkChars = 0;
  };
  // An explicit stack instead of recursion: a hostile page can nest elements deeper than the call stack.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      buf += v.replace(/\s+/g, ' ');
      if (inLink > 0) linkChars += v.replace(/\s+/g, '').length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as El;
    const tag = el.tagName.toUpperCase();
    const block = BLOCK_TAGS.has(tag);
    if (exit) {
      if (tag === 'A') inLink--;
      // A table row is one block, its cells separated by spaces: a row of a results table reads as a
      // line, and cleaning's duplicate check does not see every repeated "0" cell as a paragraph.
      if (tag === 'TD' || tag === 'TH') buf += ' ';
      if (block) {
        flush();
        tags.pop();
      }
      continue;
    }
    if (SKIP_TAGS.has(tag) || isHidden(el) || isChrome(el)) continue;
    if (tag === 'BR') {
      // Every <br> ends a block: old CMSs separate paragraphs with them, and lines (addresses, verse)
      // read better apart than glued into one sentence.
      buf += '\n\n';
      continue;
    }
    if (block) {
      flush();
      tags.push(tag);
    }
    if (tag === 'A') inLink++;
    stack.push({ node, exit: true });
    const kids: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k]!, exit: false });
  }
  flush();
  return out;
}

// A photo credit closing a block marks a caption that was not in a <figcaption>.
const CREDIT_RE = /\((image|photo|picture|pic|credit|video|source|foto)s?\s*:[^)]*\)\s*$|\((AP|AFP|Reuters|Getty( Images)?|EPA|PA)( Photo)?\b[^)]*\)\s*$|\b(Photo|Image|Picture)s?:\s*[A-Z][^.]*$/i;
// Date/byline stamps: "Published 1 day ago", "UPDATED: 11:05, Tue, Nov 19, 2019", "By Jane Doe - 11/18/19 11:04 PM EST".
const STAMP_RE = /^\|?\s*(published|updated|posted|last updated|first published|modified)\b.*(\d|ago)|^by\s+[^.]{2,60}\s[-|–—]\s.*\d|^by\s+[^.]{2,60}?\s(on\s)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b/i;

// Structural junk Readability keeps around an article: link lists (related stories), caption lines,
// date stamps. Only the DOM can tell a link list from prose, so this lives here and not in cleaning.
function isJunkBlock(b: RawBlock): boolean {
  const t = b.text;
  const words = t.split(' ').length;
  if (b.linkRatio > 0.8 && (b.tag === 'LI' || words <= 15 || b.tag.startsWith('H'))) return true;
  if (t.length <= 200 && CREDIT_RE.test(t)) return true;
  if (t.length <= 120 && STAMP_RE.test(t)) return true;
  return false;
}

// Class or id words that name page chrome rather than story text, matched as whole words of the
// attribute so "article-body" or "shared-story" do not trip them.
const CHROME_RE = /(^|[\s_-])(breadcrumbs?|share|sharing|social|newsletter|related|promo|advert|advertisement|ads?|cookie|consent|comments?|byline|dateline|timestamp|caption|credit|tags|author-bio|subscribe|paywall|sponsored)($|[\s_-])/i;

// Readability finds the byline by these class names; removing them first would lose the author.
const BYLINE_RE = /byline|author|dateline/i;

function isChrome(el: El): boolean {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return false;
  // camelCase names ("newsCaption", "shareBar") split into words like kebab-case ones.
  return CHROME_RE.test(`${cls ?? ''} ${id ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2'));
}

// Before Readability: it rewrites divs into paragraphs and drops their class names, so chrome has to
// go while it can still be recognised. An element holding much of the page's text is never removed,
// whatever its class says (a "related-content-wrapper" around the whole story, say).
function stripChrome(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const total = (body.textContent ?? '').length || 1;
  for (const el of Array.from(body.querySelectorAll('[class],[id]'))) {
    if (!isChrome(el) || !el.isConnected || BYLINE_RE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    if ((el.textContent ?? '').length / total > 0.15) continue;
    el.remove();
  }
}

function isHidden(el: El): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

// When Readability finds nothing (short pages, odd markup), take the body minus obvious chrome, and
// keep only blocks that read like prose so menus and link lists stay out.
function fallbackBlocks(body: El): string[] {
  for (const el of Array.from(body.querySelectorAll('nav,header,footer,aside,menu,[role=navigation],[role=banner],[role=contentinfo],[role=complementary]'))) el.remove();
  const main = body.querySelector('article') ?? body.querySelector('main,[role=main]') ?? body;
  return blocksOf(main).filter((p) => p.length >= 40 || /[.!?"”]$/.test(p));
}

function dropLeadingTitle(paragraphs: string[], title: string | null): string[] {
  // Readability often keeps the <h1> that repeats the title, or a breadcrumb trail ending in it
  // ("HomeNewsThe headline"); both are chrome above the story, so look only at the first blocks.
  if (!title || paragraphs.length === 0) return paragraphs;
  const t = norm(title);
  if (t.length < 10) return paragraphs;
  return paragraphs.filter((p, i) => {
    if (i > 2) return true;
    const n = norm(p);
    return !(n === t || (n.endsWith(t) && n.length <= t.length + 60));
  });
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Metadata from the page's own markup, read before Readability rewrites the DOM.

/** Metadata a page states about itself. */
export interface PageMeta {
  title: string | null;
  byline: string | null;
  /** ISO 8601 when the page's value parses as a date, else the page's own string. */
  published: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  language: string | null;
  excerpt: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/;

function readMetadata(doc: Document, url: string | null): PageMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const val = m.getAttribute('content');
    if (key && val && !metas.has(key)) metas.set(key, val.trim());
  }
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(doc);
  const canonicalHref = doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? get('og:url');
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? get('og:locale', 'language', 'content-language', 'dc.language');
  return {
    title: clean(ld.headline) ?? clean(get('og:title', 'twitter:title', 'dc.title')) ?? clean(doc.querySelector('title')?.textContent),
    byline: clean(ld.author) ?? clean(get('author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author')) ?? domByline(doc),
    published: clean(ld.datePublished) ?? clean(get('article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date')) ?? clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    siteName: clean(ld.publisher) ?? clean(get('og:site_name', 'application-name')),
    canonicalUrl: absolute(canonicalHref, url),
    language: htmlLang ? htmlLang.trim().replace('_', '-') || null : null,
    excerpt: clean(get('description', 'og:description', 'twitter:description')),
  };
}

// Readability only sees a byline in the markup if its first pass walks past it (it drops <header>s
// early), so read the usual author markup ourselves as the last resort.
function domByline(doc: Document): string | null {
  for (const sel of ['[itemprop=author] [itemprop=name]', '[rel=author]', '[itemprop=author]', '.byline', '.author']) {
    const t = clean(doc.querySelector(sel)?.textContent);
    if (t && t.length < 100) return t;
  }
  return null;
}

interface LdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
}

function readJsonLd(doc: Document): LdArticle {
  const found: LdArticle = { headline: null, author: null, datePublished: null, publisher: null };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      data = JSON.parse((s.textContent ?? '').replace(/^\s*(<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(-->|\/\/\]\]>|\]\]>)\s*$/, ''));
    } catch {
      continue;
    }
    const art = findArticle(data, 0);
    if (!art) continue;
    found.headline ??= str(art['headline']) ?? str(art['name']);
    found.author ??= names(art['author']);
    found.datePublished ??= str(art['datePublished']) ?? str(art['dateCreated']);
    found.publisher ??= names(art['publisher']);
    if (found.headline && found.datePublished) break;
  }
  return found;
}

function findArticle(v: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4 || v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    // Prefer a real article type over a WebPage that may come first in the list.
    let page: Record<string, unknown> | null = null;
    for (const x of v) {
      const a = findArticle(x, depth + 1);
      if (a && !isType(a, /^WebPage$/)) return a;
      page ??= a;
    }
    return page;
  }
  const o = v as Record<string, unknown>;
  if (isType(o, ARTICLE_TYPES) && !isType(o, /^WebPage$/)) return o;
  const g = findArticle(o['@graph'], depth + 1) ?? findArticle(o['mainEntity'], depth + 1);
  if (g) return g;
  return isType(o, /^WebPage$/) && (o['headline'] || o['datePublished']) ? o : null;
}

function isType(o: Record<string, unknown>, re: RegExp): boolean {
  const t = o['@type'];
  return Array.isArray(t) ? t.some((x) => typeof x === 'string' && re.test(x)) : typeof t === 'string' && re.test(t);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function names(v: unknown): string | null {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const all = v.map(names).filter((x): x is string => x !== null);
    return all.length ? all.join(', ') : null;
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>)['name']);
  return null;
}

function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function cleanByline(s: string | null): string | null {
  if (!s) return null;
  // Only the leading "By"; the rest is the page's own wording.
  const t = s.replace(/^by[:\s]+/i, '').trim();
  return t || null;
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}
