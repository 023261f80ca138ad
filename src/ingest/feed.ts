/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed with fast-xml-parser into plain entries. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NgError } from '../errors.js';
import { normalizeDate } from './dates.js';

/** One feed entry, with what the feed itself says about the article. */
export interface FeedEntry {
  title: string | null;
  link: string | null;
  published: string | null;
  author: string | null;
  /** The entry's full content, or its summary/description when that is all it has (HTML or text). */
  content: string | null;
}

/** A parsed feed: its own title and entries in document order. */
export interface Feed {
  title: string | null;
  entries: FeedEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Feeds are data, not documents: never expand entities beyond the XML built-ins (billion laughs).
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
  trimValues: true,
  parseTagValue: false,
});

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return text(o['#text'] ?? o['name'] ?? null);
  }
  return null;
}

function atomLink(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v ? [v] : [];
  let first: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') {
      first ??= l.trim();
      continue;
    }
    const o = l as Record<string, unknown>;
    const href = typeof o['@_href'] === 'string' ? o['@_href'] : null;
    if (!href) continue;
    const rel = o['@_rel'];
    if (rel === undefined || rel === 'alternate') return href.trim();
    first ??= href.trim();
  }
  return first;
}

function authors(v: unknown): string | null {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const names = list.map(text).filter((x): x is string => !!x);
  return names.length ? names.join(', ') : null;
}

/** Parses a feed; NG_E007 when it is not well-formed XML, NG_E013 when it is XML but no RSS or Atom. */
export function parseFeed(xml: string, input: string | null): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const line = valid.err.line;
    throw new NgError('NG_E007', `not well-formed XML (${valid.err.msg}); expected an RSS or Atom feed`, { input, line });
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    // The parser's own limits (nesting, entity expansion) end here: a feed it refuses is not a feed.
    throw new NgError('NG_E007', `feed could not be parsed (${(e as Error).message}); expected an RSS or Atom feed`, { input }, { cause: e });
  }
  const rss = doc['rss'] as Record<string, unknown> | undefined;
  if (rss) {
    const ch = (rss['channel'] ?? {}) as Record<string, unknown>;
    return { title: text(ch['title']), entries: ((ch['item'] ?? []) as Record<string, unknown>[]).map(rssItem) };
  }
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  if (rdf) {
    const ch = (rdf['channel'] ?? {}) as Record<string, unknown>;
    return { title: text(ch['title']), entries: ((rdf['item'] ?? []) as Record<string, unknown>[]).map(rssItem) };
  }
  const feed = doc['feed'] as Record<string, unknown> | undefined;
  if (feed) {
    return {
      title: text(feed['title']),
      entries: ((feed['entry'] ?? []) as Record<string, unknown>[]).map((e) => ({
        title: text(e['title']),
        link: atomLink(e['link']),
        published: normalizeDate(text(e['published']) ?? text(e['updated'])),
        author: authors(e['author']),
        content: text(e['content']) ?? text(e['summary']),
      })),
    };
  }
  throw new NgError('NG_E013', `XML root is <${Object.keys(doc).filter((k) => !k.startsWith('?'))[0] ?? '?'}>; expected <rss>, <rdf:RDF> or <feed>`, { input });
}

function rssItem(it: Record<string, unknown>): FeedEntry {
  return {
    title: text(it['title']),
    link: atomLink(it['link']) ?? (it['guid'] && /^https?:/i.test(text(it['guid']) ?? '') ? text(it['guid']) : null),
    published: normalizeDate(text(it['pubDate']) ?? text(it['dc:date'])),
    author: text(it['dc:creator']) ?? text(it['author']),
    content: text(it['content:encoded']) ?? text(it['description']),
  };
}
