/**
 * Rendering untrusted text. Article text, titles and snippets come from the web; they are only ever
 * rendered as text nodes (never innerHTML), and links only get http(s) hrefs.
 */
import type { ComponentChildren, JSX } from 'preact';
import { safeHref, splitMarks } from './escape.js';

export { decodeEntities, quoted, safeHref, splitMarks, type SnippetPart } from './escape.js';

/** A snippet with its hits in <mark>, built from text nodes only. */
export function Marked({ snippet }: { snippet: string }): JSX.Element {
  return (
    <span class="snippet">
      {splitMarks(snippet).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}
    </span>
  );
}

/** A link to an outside page when the URL is safe, else the URL as plain text. */
export function OutLink({ url, children }: { url: string | null; children?: ComponentChildren }): JSX.Element | null {
  if (!url) return null;
  const href = safeHref(url);
  if (!href) return <span class="unsafe-url" title="not an http(s) link">{children ?? url}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children ?? url}
    </a>
  );
}
