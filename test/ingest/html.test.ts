import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/html.js';

const para = (s: string): string => `<p>${s}</p>`;
const body = [
  'The city council approved the new budget on Tuesday after a long debate that lasted well into the night.',
  'Mayor Ana Ruiz said the plan would fund three new schools and repair roads across the northern districts.',
  'Opposition members argued that the spending was too high, and they promised to challenge it in court.',
  'The budget takes effect in January, officials said, and will be reviewed again in the middle of next year.',
];

function page(inner: string, head = ''): string {
  return `<!doctype html><html lang="en-GB"><head><title>Council passes budget | Daily Bugle</title>${head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council passes budget</h1>${inner}</article>
<footer><p>Copyright Daily Bugle. All rights reserved.</p></footer></body></html>`;
}

describe('extractHtml: safety', () => {
  it('scripts, styles, iframes and event handlers never reach the text', () => {
    const html = page(
      `<script>document.write('INJECTED-SCRIPT')</script><style>.x{content:'INJECTED-STYLE'}</style>` +
        para(body[0]!) +
        `<iframe src="https://evil.example/"><p>INJECTED-IFRAME</p></iframe>` +
        `<img src="x" onerror="alert('INJECTED-ONERROR')">` +
        para(`${body[1]!} <a href="javascript:alert(1)" onclick="steal()">link text</a>`) +
        `<noscript>INJECTED-NOSCRIPT</noscript><object data="x.swf">INJECTED-OBJECT</object>` +
        para(body[2]!) +
        para(body[3]!),
    );
    const ex = extractHtml(html, null);
    const text = ex.paragraphs.join('\n');
    expect(text).not.toMatch(/INJECTED|alert|steal|document\.write/);
    expect(text).toContain('link text');
    expect(ex.paragraphs).toHaveLength(4);
  });
});

describe('extractHtml: blocks', () => {
  it('headings, paragraphs, list items, blockquotes and table rows are separate paragraphs; inline markup and cells are joined', () => {
    const html = page(
      para(body[0]!) +
        `<h2>What the budget pays for</h2>` +
        `<ul><li>Three new schools in the northern districts, with room for 2,000 pupils.</li><li>Road repairs on the ring road and the old harbour bridge.</li></ul>` +
        `<blockquote>“This is a budget for families,” the mayor told reporters outside the hall.</blockquote>` +
        `<p>${body[1]!.slice(0, 40)}<em>${body[1]!.slice(40, 70)}</em>${body[1]!.slice(70)}</p>` +
        para(body[2]!) +
        `<p>Line one<br>line two</p>` +
        `<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Flamengo</td><td>0</td></tr><tr><td>Santos</td><td>0</td></tr></table>` +
        para(body[3]!),
    );
    const ex = extractHtml(html, null);
    expect(ex.paragraphs).toEqual([
      body[0],
      'What the budget pays for',
      'Three new schools in the northern districts, with room for 2,000 pupils.',
      'Road repairs on the ring road and the old harbour bridge.',
      '“This is a budget for families,” the mayor told reporters outside the hall.',
      body[1],
      body[2],
      'Line one',
      'line two',
      'Team Pts',
      'Flamengo 0',
      'Santos 0',
      body[3],
    ]);
    expect(ex.method).toBe('readability');
  });

  it('navigation, footer, captions, photo credits and link lists stay out of the text', () => {
    const html = page(
      para(body[0]!) +
        `<figure><img src="a.jpg"><figcaption>The mayor at the vote on Tuesday.</figcaption></figure>` +
        para(body[1]!) +
        `<p>Protesters gathered outside the hall before the vote (Photo: Jane Smith/Daily Bugle)</p>` +
        para(body[2]!) +
        `<p>Updated: 10:48, Tue, Nov 19, 2019</p>` +
        `<ul><li><a href="/a">Read: the 2023 budget fight</a></li><li><a href="/b">Schools in the north are full</a></li></ul>` +
        para(body[3]!),
    );
    const text = extractHtml(html, null).paragraphs.join('\n');
    for (const b of body) expect(text).toContain(b);
    expect(text).not.toMatch(/Home|Copyright|figcaption|mayor at the vote|Photo: Jane|Updated: 10:48|Read: the 2023|Schools in the north/);
  });

  it('a breadcrumb trail ending in the headline and chrome marked by class names are left out', () => {
    const html = page(
      `<div class="crumbs"><a href="/">Home</a><a href="/news">News</a>Council passes budget in late-night vote</div>` +
        para(body[0]!) +
        `<div class="share-bar">Share on Facebook Share on Twitter Email this article to a friend</div>` +
        para(body[1]!) +
        `<div class="related-stories"><h3>More from the council</h3><p>Earlier: the council debated a tax on tourist flats for three hours.</p></div>` +
        para(body[2]!) +
        para(body[3]!),
    ).replace('<title>Council passes budget | Daily Bugle</title>', '<title>Council passes budget in late-night vote</title>');
    expect(extractHtml(html, null).paragraphs).toEqual(body);
  });

  it('falls back to the page body when readability finds too little', () => {
    const html = `<html><body><div><p>Short notice: the bridge on Main Street is closed until Friday for repairs.</p></div></body></html>`;
    const ex = extractHtml(html, null);
    expect(ex.paragraphs).toEqual(['Short notice: the bridge on Main Street is closed until Friday for repairs.']);
  });

  it('a fragment without <html> is wrapped and extracted', () => {
    const ex = extractHtml(body.map(para).join(''), null);
    expect(ex.paragraphs).toEqual(body);
  });
});

describe('extractHtml: metadata from the page markup', () => {
  it('reads JSON-LD NewsArticle (inside @graph), OpenGraph, canonical link and html lang', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Daily Bugle' },
        {
          '@type': 'NewsArticle',
          headline: 'Council passes budget',
          author: [{ '@type': 'Person', name: 'Ben Urich' }, { '@type': 'Person', name: 'Betty Brant' }],
          datePublished: '2019-11-19T10:48:00-05:00',
          publisher: { '@type': 'Organization', name: 'Daily Bugle' },
        },
      ],
    };
    const head =
      `<script type="application/ld+json">${JSON.stringify(ld)}</script>` +
      `<meta property="og:site_name" content="The Bugle"><meta property="og:url" content="https://bugle.example/og">` +
      `<link rel="canonical" href="/2019/11/budget"><meta name="description" content="The council approved the budget.">`;
    const ex = extractHtml(page(body.map(para).join(''), head), 'https://bugle.example/amp/budget?x=1');
    expect(ex).toMatchObject({
      title: 'Council passes budget',
      byline: 'Ben Urich, Betty Brant',
      published: '2019-11-19T10:48:00-05:00',
      canonicalUrl: 'https://bugle.example/2019/11/budget',
      language: 'en-GB',
    });
    expect(ex.siteName).toMatch(/Bugle/);
    expect(ex.paragraphs).toEqual(body);
  });

  it('without JSON-LD, falls back to OpenGraph and meta tags', () => {
    const head =
      `<meta property="og:title" content="Budget approved"><meta name="author" content="By Peter Parker">` +
      `<meta property="article:published_time" content="2024-03-05"><meta property="og:site_name" content="Bugle">` +
      `<meta property="og:url" content="https://bugle.example/budget">`;
    const ex = extractHtml(page(body.map(para).join(''), head), null);
    expect(ex.byline).toBe('Peter Parker');
    expect(ex.published).toBe('2024-03-05');
    expect(ex.siteName).toBe('Bugle');
    expect(ex.canonicalUrl).toBe('https://bugle.example/budget');
  });

  it('finds the byline in the author markup when no meta tag names it, even inside a <header>', () => {
    const html = page(`<header><address class="vcard">By <a rel="author" href="/staff/ben">Ben Urich</a></address></header>` + body.map(para).join(''));
    expect(extractHtml(html, null).byline).toBe('Ben Urich');
  });

  it('a page with no metadata gives nulls, not guesses', () => {
    const ex = extractHtml(`<html><body>${body.map(para).join('')}</body></html>`, null);
    expect(ex).toMatchObject({ byline: null, published: null, canonicalUrl: null, language: null });
  });
});

describe('extractHtml: hostile nesting', () => {
  const deep = (n: number): string =>
    `<html lang="en"><head><title>Deep page</title><meta name="author" content="Ann Lee"></head><body>${'<div>'.repeat(n)}<p>${body[0]!} &amp; more.</p>${'</div>'.repeat(n)}</body></html>`;

  it('a page nested deeper than Readability handles goes through the fallback walker', () => {
    const ex = extractHtml(deep(1000), null);
    expect(ex.method).toBe('fallback');
    expect(ex.paragraphs).toEqual([`${body[0]!} & more.`]);
  });

  it('a page nested too deep to parse is flattened to its blocks, keeping head metadata', () => {
    const ex = extractHtml(deep(100_000), null);
    expect(ex).toMatchObject({ method: 'flattened', title: 'Deep page', byline: 'Ann Lee', language: 'en' });
    expect(ex.paragraphs).toEqual([`${body[0]!} & more.`]);
  });
});
