import type { EntityType } from '../doc/types.js';

/** Lower-cases, strips accents and punctuation, and collapses spaces: how names are compared across articles. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The cross-article key of an entity: type + normalised name, e.g. `PERSON:claudia sheinbaum`.
 * @example entityKey('PERSON', 'Claudia  Sheinbaum') === 'PERSON:claudia sheinbaum'
 */
export function entityKey(type: EntityType | string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** Query parameters that only track where a reader came from; they never change which article a URL names. */
const TRACKING = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|src|s_cid|_ga)$/i;

/**
 * The canonical form of an article URL: lower-case host, no fragment, no tracking parameters,
 * remaining parameters sorted, no default port, no trailing slash. Not a URL: returned trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return trimmed;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  // http and https versions of one page are the same article.
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  const port = u.port ? `:${u.port}` : '';
  return `//${u.hostname}${port}${path}${query}`;
}
