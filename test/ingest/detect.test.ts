import { describe, expect, it } from 'vitest';
import { formatFromContentType, formatFromName, sniffFormat } from '../../src/ingest/detect.js';

describe('ingest format detection', () => {
  it('by name, .gz and query strings aside', () => {
    expect(formatFromName('a/b/story.HTML')).toBe('html');
    expect(formatFromName('x.htm.gz')).toBe('html');
    expect(formatFromName('batch.jsonl')).toBe('jsonl');
    expect(formatFromName('list.json')).toBe('jsonl');
    expect(formatFromName('feed.rss')).toBe('feed');
    expect(formatFromName('feed.atom')).toBe('feed');
    expect(formatFromName('feed.xml.gz')).toBe('feed');
    expect(formatFromName('notes.txt')).toBe('text');
    expect(formatFromName('README')).toBeNull();
  });

  it('by content type', () => {
    expect(formatFromContentType('text/html; charset=utf-8')).toBe('html');
    expect(formatFromContentType('application/rss+xml')).toBe('feed');
    expect(formatFromContentType('application/atom+xml')).toBe('feed');
    expect(formatFromContentType('application/x-ndjson')).toBe('jsonl');
    expect(formatFromContentType('text/plain')).toBe('text');
    expect(formatFromContentType('application/xml')).toBeNull();
  });

  it('by sniffing', () => {
    expect(sniffFormat('  <!DOCTYPE html><html>')).toBe('html');
    expect(sniffFormat('<html lang="en">')).toBe('html');
    expect(sniffFormat('<?xml version="1.0"?>\n<rss version="2.0">')).toBe('feed');
    expect(sniffFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')).toBe('feed');
    expect(sniffFormat('<rdf:RDF xmlns:rdf="x">')).toBe('feed');
    expect(sniffFormat('<p>A fragment of HTML.</p>')).toBe('html');
    expect(sniffFormat('{"text":"a"}\n{"text":"b"}')).toBe('jsonl');
    expect(sniffFormat('[{"text":"a"}]')).toBe('jsonl');
    expect(sniffFormat('[Updated 10:45] The minister resigned.')).toBe('text');
    expect(sniffFormat("{Editor's note: corrected} The minister resigned.")).toBe('text');
    expect(sniffFormat('The minister resigned on Friday.')).toBe('text');
    expect(sniffFormat('3 < 4 and the minister resigned.')).toBe('text');
  });
});
