import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc/doc.js';
import type { Doc, Paragraph, Token } from '../../src/doc/types.js';
import { NgError } from '../../src/errors.js';
import { buildPipeline } from '../../src/pipeline/component.js';
import { segmentComponent } from '../../src/text/segment.js';
import { tagsToSpans } from '../../src/entities/ner-model.js';
import { attachThe, harmonizeTypes, loadNerModel, nerComponent, NerModel, recognizeDoc, sentenceBounds, type NameMention } from '../../src/entities/ner.js';

/** Paragraphs split on newlines, as `analyzeText(..., {raw: true})` gives them. */
function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n+/g;
  let s = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > s) out.push({ start: s, end: m.index, role: 'body' });
    s = m.index + m[0].length;
  }
  if (s < text.length) out.push({ start: s, end: text.length, role: 'body' });
  return out;
}

const pipeline = buildPipeline([segmentComponent(), nerComponent()]);
function analyze(text: string): NameMention[] {
  const doc = createDoc(text, paragraphsOf(text));
  pipeline.run(doc);
  return doc.mentions ?? [];
}
const has = (ms: NameMention[], text: string, type: string): boolean => ms.some((m) => m.text === text && m.type === type);
const found = (ms: NameMention[]): string[] => ms.map((m) => `${m.text}/${m.type}`);

function expectValidSpans(doc: Pick<Doc, 'text'>, ms: NameMention[]): void {
  for (const m of ms) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(doc.text.length);
    expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(m.kind).toBe('name');
    expect(m.entity).toBeNull();
  }
}

describe('ner: component contract', () => {
  it('ner: fills doc.mentions from hand-built tokens and sentences', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday.';
    const words = ['Angela', 'Merkel', 'met', 'Emmanuel', 'Macron', 'in', 'Paris', 'on', 'Tuesday', '.'];
    const tokens: Token[] = [];
    let at = 0;
    for (const w of words) {
      const s = text.indexOf(w, at);
      tokens.push({ start: s, end: s + w.length, pos: '' });
      at = s + w.length;
    }
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    doc.tokens = tokens;
    doc.sentences = [{ start: 0, end: text.length }];
    nerComponent().run(doc);
    const ms = doc.mentions ?? [];
    expect(found(ms)).toEqual(['Angela Merkel/PERSON', 'Emmanuel Macron/PERSON', 'Paris/GPE']);
    expectValidSpans(doc, ms);
  });

  it('ner: the pipeline refuses ner before anything assigns tokens', () => {
    expect(() => buildPipeline([nerComponent()])).toThrow(/requires tokens, sentences/);
  });

  it('ner: a missing model file is an NG_E021 error naming the path', () => {
    let err: unknown;
    try {
      nerComponent({ modelPath: '/nonexistent/ner.model.gz' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NgError);
    expect((err as NgError).code).toBe('NG_E021');
    expect((err as NgError).message).toContain('/nonexistent/ner.model.gz');
  });

  it('ner: keeps pronoun mentions other components added and replaces earlier name mentions', () => {
    const text = 'Barack Obama spoke. He left.';
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    segmentComponent().run(doc);
    doc.mentions = [
      { start: 20, end: 22, text: 'He', kind: 'pronoun', type: 'PERSON', entity: null },
      { start: 0, end: 6, text: 'Barack', kind: 'name', type: 'PERSON', entity: null },
    ];
    nerComponent().run(doc);
    expect(found(doc.mentions)).toEqual(['Barack Obama/PERSON', 'He/PERSON']);
  });
});

describe('ner: news text', () => {
  it('ner: the seed article gives its people, organisations and places', () => {
    const text = readFileSync('../shared/seed/000_381fc5596f504642.txt', 'utf8');
    const ms = analyze(text);
    for (const [t, type] of [
      ['Claudia Sheinbaum', 'PERSON'],
      ['Donald Trump', 'PERSON'],
      ['Marco Rubio', 'PERSON'],
      ['Ronald Johnson', 'PERSON'],
      ['The New York Times', 'ORG'],
      ['Pentagon', 'ORG'],
      ['Mexico', 'GPE'],
      ['U.S.', 'GPE'],
      ['Mexican', 'NORP'],
    ] as const) {
      expect(has(ms, t, type), `${t}/${type} in ${found(ms).join(', ')}`).toBe(true);
    }
    // "U.S.-Mexico collaboration" is tokenised "U.S." "-" "Mexico": no name starts with the dash.
    expect(found(ms).filter((n) => /^[-\u2013,]|[-\u2013,]$/u.test(n.split('/')[0] ?? n))).toEqual([]);
  });

  it('ner: other news text, written for this test', () => {
    const ms = analyze(
      'German Chancellor Olaf Scholz told reporters in Berlin on Monday that the European Union would ' +
        'support Ukraine. Speaking after talks with NATO Secretary General Jens Stoltenberg, Scholz said ' +
        'Russian forces had shelled Kharkiv overnight. Microsoft and the World Bank announced a joint fund.',
    );
    for (const [t, type] of [
      ['Olaf Scholz', 'PERSON'],
      ['Berlin', 'GPE'],
      ['European Union', 'ORG'],
      ['Ukraine', 'GPE'],
      ['Jens Stoltenberg', 'PERSON'],
      ['NATO', 'ORG'],
      ['Russian', 'NORP'],
      ['Microsoft', 'ORG'],
      ['World Bank', 'ORG'],
    ] as const) {
      expect(has(ms, t, type), `${t}/${type} in ${found(ms).join(', ')}`).toBe(true);
    }
    expect(ms.some((m) => m.text === 'Monday')).toBe(false);
  });

  it('ner: a capitalised "The" before a name inside a sentence joins it; at a sentence start it does not', () => {
    const words = ['He', 'read', 'The', 'New', 'York', 'Times', '.', 'The', 'Pentagon', 'said', '.'];
    const bounds = [0, 7, 11];
    const spans = attachThe(words, bounds, [
      { start: 3, end: 6, type: 1 },
      { start: 8, end: 9, type: 1 },
    ]);
    expect(spans).toEqual([
      { start: 2, end: 6, type: 1 },
      { start: 8, end: 9, type: 1 },
    ]);
  });

  it('ner: a surname alone takes the type of the full person name; repeated names take the majority type', () => {
    // 0 PERSON, 1 ORG, 2 GPE
    const words = ['Claudia', 'Sheinbaum', 'spoke', '.', 'Sheinbaum', 'said', 'Acme', 'won', '.', 'Acme', 'and', 'Acme', 'lost', '.'];
    const bounds = [0, 4, 9, 14];
    const out = harmonizeTypes(words, bounds, [
      { start: 0, end: 2, type: 0 },
      { start: 4, end: 5, type: 1 },
      { start: 6, end: 7, type: 2 },
      { start: 9, end: 10, type: 1 },
      { start: 11, end: 12, type: 1 },
    ]);
    expect(out.map((s) => s.type)).toEqual([0, 0, 1, 1, 1]);
  });

  it('ner: names in an ALL-CAPS line do not vote', () => {
    const words = ['ACME', 'WINS', '.', 'Acme', 'Corp', 'rose', '.'];
    const spans = harmonizeTypes(words, [0, 3, 7], [
      { start: 0, end: 1, type: 0 },
      { start: 3, end: 5, type: 1 },
    ]);
    expect(spans.map((s) => s.type)).toEqual([0, 1]);
  });

  it('ner: a possessive stays outside the name', () => {
    const ms = analyze('Officials praised Angela Merkel’s government and Boris Johnson\'s cabinet in London.');
    expect(has(ms, 'Angela Merkel', 'PERSON')).toBe(true);
    expect(has(ms, 'Boris Johnson', 'PERSON')).toBe(true);
  });
});

describe('ner: robustness', () => {
  it('ner: an all-caps headline over a normal body still gives names', () => {
    const ms = analyze(
      'MERKEL MEETS MACRON IN BERLIN\nGerman Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Friday.',
    );
    const head = ms.filter((m) => m.end <= 29);
    expect(head.some((m) => m.text === 'BERLIN' && m.type === 'GPE'), found(head).join(', ')).toBe(true);
    expect(head.some((m) => m.text === 'MERKEL' && m.type === 'PERSON'), found(head).join(', ')).toBe(true);
  });

  it('ner: an all-caps text on its own gives a person and a country', () => {
    const ms = analyze('PRESIDENT JOE BIDEN SAID ON TUESDAY THAT THE UNITED STATES WOULD SEND MORE AID TO ISRAEL.');
    expect(ms.some((m) => m.type === 'PERSON' && m.text.includes('BIDEN')), found(ms).join(', ')).toBe(true);
    expect(ms.some((m) => m.type === 'GPE' && m.text.includes('ISRAEL')), found(ms).join(', ')).toBe(true);
  });

  it('ner: a headline-case title does not turn ordinary words into names', () => {
    const ms = analyze(
      'Mexico Vows Strong Opposition to Trump Military Plans Against Cartels\nMexico rejected the plan, officials said.',
    );
    const head = ms.filter((m) => m.end <= 70);
    expect(head.some((m) => m.text === 'Mexico' && m.type === 'GPE')).toBe(true);
    expect(head.some((m) => /Vows|Opposition|Plans/.test(m.text)), found(head).join(', ')).toBe(false);
  });

  it('ner: text without spaces does not crash and gives spans inside the text', () => {
    const text = 'ThisIsAStringWithoutAnySpacesThatMentionsParisAndLondonButHasNoBreaks'.repeat(50);
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    pipeline.run(doc);
    expectValidSpans(doc, doc.mentions ?? []);
  });

  it('ner: a 10 MB single line is tagged in bounded pieces and yields names throughout', () => {
    const unit = 'Angela Merkel visited Paris and met Emmanuel Macron while Reuters reported the talks and ';
    const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    pipeline.run(doc);
    const ms = doc.mentions ?? [];
    expect(ms.length).toBeGreaterThan(100_000);
    // Names near the end are found too, not only in the first block.
    expect(ms.some((m) => m.start > text.length - 1000 && m.text === 'Paris')).toBe(true);
    expectValidSpans(doc, ms.slice(0, 1000));
    expectValidSpans(doc, ms.slice(-1000));
  }, 120_000);

  it('ner: emoji and other scripts do not crash, spans stay on the text, Latin names still found', () => {
    const text = 'Президент Путин 🙂 встретился с 習近平. Later, Vladimir Putin met Xi Jinping in Beijing 🇨🇳 and said مرحبا.';
    const doc = createDoc(text, [{ start: 0, end: text.length, role: 'body' }]);
    pipeline.run(doc);
    const ms = doc.mentions ?? [];
    expectValidSpans(doc, ms);
    expect(has(ms, 'Vladimir Putin', 'PERSON'), found(ms).join(', ')).toBe(true);
    expect(has(ms, 'Beijing', 'GPE'), found(ms).join(', ')).toBe(true);
    // No span starts or ends inside a surrogate pair.
    for (const m of ms) {
      const c = text.charCodeAt(m.start);
      expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
    }
  });

  it('ner: an empty document gives no mentions', () => {
    const doc = createDoc('', []);
    pipeline.run(doc);
    expect(doc.mentions).toEqual([]);
  });
});

describe('ner: helpers', () => {
  it('ner: tokens outside every sentence form their own groups', () => {
    const tok = (start: number, end: number): Token => ({ start, end, pos: '' });
    const tokens = [tok(0, 1), tok(2, 3), tok(4, 5), tok(6, 7), tok(8, 9)];
    expect(sentenceBounds(tokens, [{ start: 0, end: 3 }, { start: 6, end: 9 }])).toEqual([0, 2, 3, 5]);
    expect(sentenceBounds(tokens, [])).toEqual([0, 5]);
  });

  it('ner: the fast inference loop gives exactly the training loop\'s tags on the seed article', () => {
    const text = readFileSync('../shared/seed/000_381fc5596f504642.txt', 'utf8');
    const doc = createDoc(text, paragraphsOf(text));
    segmentComponent().run(doc);
    const model = loadNerModel();
    const input = { words: doc.tokens.map((t) => text.slice(t.start, t.end)), bounds: sentenceBounds(doc.tokens, doc.sentences) };
    const viaDecode = model.decode(input);
    const spans = model.recognize(input);
    expect(spans.length).toBeGreaterThan(20);
    expect(spans).toEqual(tagsToSpans(viaDecode));
  });

  it('ner: the fast inference loop matches the training loop over 84 real articles tagged in a row (caches and reused buffers carry over)', () => {
    const model = loadNerModel();
    const lines = readFileSync('../shared/data/quotes/polnear.dev.jsonl', 'utf8').split('\n').filter((l) => l.trim());
    let names = 0;
    for (const line of lines) {
      const text = (JSON.parse(line) as { text: string }).text;
      const doc = createDoc(text, paragraphsOf(text));
      segmentComponent().run(doc);
      const input = { words: doc.tokens.map((t) => text.slice(t.start, t.end)), bounds: sentenceBounds(doc.tokens, doc.sentences) };
      const spans = model.recognize(input);
      expect(spans).toEqual(tagsToSpans(model.decode(input)));
      names += spans.length;
    }
    expect(names).toBeGreaterThan(3000);
  });

  it('ner: the shipped model loads once and is shared', () => {
    const a = loadNerModel();
    const b = loadNerModel();
    expect(a).toBe(b);
    expect(a).toBeInstanceOf(NerModel);
    const doc = createDoc('Reuters', [{ start: 0, end: 7, role: 'body' }]);
    doc.tokens = [{ start: 0, end: 7, pos: '' }];
    doc.sentences = [{ start: 0, end: 7 }];
    expect(recognizeDoc(a, doc).every((m) => m.text === 'Reuters')).toBe(true);
  });
});

describe('ner: punctuation at the edges of names', () => {
  it('leaves dashes, commas and quotes at a span\'s edges out, and brackets it does not close', async () => {
    const { trimPunctuation } = await import('../../src/entities/ner.js');
    const words = ['U.S.', '-', 'Mexico', 'talks', ',', 'Mladost', '(', 'L', ')', 'won', '"', 'Soul', 'Alone', '"', 'Leo', ')', '-'];
    const spans = [
      { start: 1, end: 3, type: 4 }, // "- Mexico"
      { start: 5, end: 9, type: 1 }, // "Mladost ( L )": brackets closed inside, kept
      { start: 10, end: 14, type: 5 }, // '" Soul Alone "'
      { start: 14, end: 16, type: 0 }, // "Leo )": unopened bracket
      { start: 16, end: 17, type: 2 }, // "-" alone: dropped
    ];
    expect(trimPunctuation(words, spans)).toEqual([
      { start: 2, end: 3, type: 4 },
      { start: 5, end: 9, type: 1 },
      { start: 11, end: 13, type: 5 },
      { start: 14, end: 15, type: 0 },
    ]);
  });
});
