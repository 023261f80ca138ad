import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/store/cursor.js';
import { toFts5Query } from '../../src/store/fts-query.js';
import { canonicalUrl, entityKey, normalizeName } from '../../src/store/keys.js';
import { escapeHtml, HIT_END, HIT_START, markSnippet } from '../../src/store/snippet.js';

describe('store keys', () => {
  it('keys: entity keys ignore case, accents, spacing and possessives', () => {
    expect(entityKey('PERSON', 'Claudia  Sheinbaum')).toBe('PERSON:claudia sheinbaum');
    expect(entityKey('PERSON', 'José Müller-Lüdenscheidt')).toBe('PERSON:jose muller ludenscheidt');
    expect(entityKey('ORG', "McDonald's")).toBe('ORG:mcdonald');
    expect(entityKey('GPE', 'U.S.')).toBe(entityKey('GPE', 'u s'));
    expect(normalizeName('  Ångström  ')).toBe('angstrom');
  });

  it('keys: canonical URLs drop tracking, fragments, www, scheme and trailing slashes but keep real parameters', () => {
    const base = canonicalUrl('https://example.com/a/b?id=7&page=2');
    expect(canonicalUrl('http://WWW.Example.com/a/b/?page=2&utm_source=x&id=7#top')).toBe(base);
    expect(canonicalUrl('https://example.com/a/b?id=8&page=2')).not.toBe(base);
    expect(canonicalUrl('https://example.com:8443/a')).toBe('//example.com:8443/a');
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });
});

describe('store fts query', () => {
  it('fts: words are ANDed, phrases kept, OR joins neighbours, a leading minus excludes', () => {
    expect(toFts5Query('mexico cartels')).toBe('"mexico" AND "cartels"');
    expect(toFts5Query('"drug cartels" border')).toBe('"drug cartels" AND "border"');
    expect(toFts5Query('trump OR biden tariffs')).toBe('("trump" OR "biden") AND "tariffs"');
    expect(toFts5Query('tariffs -china')).toBe('("tariffs") NOT ("china")');
  });

  it('fts: FTS5 syntax a user types is quoted away', () => {
    // Punctuation inside a typed token makes its words a phrase, as PostgreSQL's websearch parser does.
    expect(toFts5Query('NEAR(a b)')).toBe('"NEAR a" AND "b"');
    expect(toFts5Query('title:flood*')).toBe('"title flood"');
    expect(toFts5Query('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(toFts5Query('*** ( ) -')).toBeNull();
    expect(toFts5Query('-only')).toBeNull();
  });
});

describe('store snippets', () => {
  it('snippet: article markup is escaped and only hit markers become <mark>', () => {
    const raw = `a <img src=x onerror=alert(1)> ${HIT_START}flood${HIT_END} & "rain"`;
    expect(markSnippet(raw)).toBe('a &lt;img src=x onerror=alert(1)&gt; <mark>flood</mark> &amp; &quot;rain&quot;');
    expect(markSnippet(`${HIT_START}open`)).toBe('<mark>open</mark>');
    expect(markSnippet(`x${HIT_END}y`)).toBe('xy');
    expect(escapeHtml(`<'&'>`)).toBe('&lt;&#39;&amp;&#39;&gt;');
  });
});

describe('store cursors', () => {
  it('cursor: round-trips and refuses foreign or mismatched cursors', () => {
    const c = encodeCursor({ mode: 'rank', value: 0.1 + 0.2, seq: 42 });
    expect(decodeCursor(c, 'rank')).toEqual({ mode: 'rank', value: 0.1 + 0.2, seq: 42 });
    expect(() => decodeCursor(c, 'date')).toThrow(/search/);
    expect(() => decodeCursor('eyJ4IjoxfQ', 'rank')).toThrow(/not one this store made/);
  });
});
