import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksOf, learnGmbConventions, learnPersonNames, learnPlaceNames, learnTitles, mapConll, mapGmb, placeType, stripTitles, type CorpusDoc } from '../../src/entities/ner-corpus.js';
import { clusterMap, learnClusters } from '../../src/entities/ner-clusters.js';
import { lowerHash } from '../../src/entities/ner-features.js';
import { addCounts, prf, type Counts } from '../../src/entities/ner-eval.js';
import { MODE_NORMAL, MODE_TITLE, MODE_UPPER, sentenceMode } from '../../src/entities/ner-features.js';
import { Gazetteer, type GazetteerEntry } from '../../src/entities/ner-gazetteer.js';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_GROUP, GAZ_REGION } from '../../src/entities/ner-features.js';
import { NER_TYPES, NerModel, NerTrainer, spansToTags, tagsToSpans } from '../../src/entities/ner-model.js';

const GAZ_TEST_ENTRIES: GazetteerEntry[] = [
  ['Mexico', GAZ_COUNTRY],
  ['Mexico City', GAZ_CITY],
  ['Mexican', GAZ_DEMONYM],
  ['Middle East', GAZ_REGION],
  ['Republican', GAZ_GROUP],
];
const T = (name: string): number => NER_TYPES.indexOf(name as (typeof NER_TYPES)[number]);

describe('ner-model: tags and spans', () => {
  it('ner-model: BIO tags and token spans convert both ways', () => {
    const spans = [
      { start: 0, end: 2, type: 0 },
      { start: 2, end: 3, type: 0 },
      { start: 5, end: 8, type: 2 },
    ];
    const tags = spansToTags(spans, 9);
    expect(Array.from(tags)).toEqual([1, 2, 1, 0, 0, 5, 6, 6, 0]);
    expect(tagsToSpans(tags)).toEqual(spans);
  });

  it('ner-model: chunks are read the conlleval way for IOB1 and IOB2', () => {
    // IOB1: I- after O starts a chunk, B- separates two adjacent chunks of one type.
    expect(chunksOf(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 2, end: 3, label: 'PER' },
      { start: 4, end: 5, label: 'LOC' },
      { start: 5, end: 6, label: 'ORG' },
    ]);
    expect(chunksOf(['B-geo', 'I-geo', 'O', 'B-per'], 10)).toEqual([
      { start: 10, end: 12, label: 'geo' },
      { start: 13, end: 14, label: 'per' },
    ]);
  });

  it('ner-model: sentence case modes', () => {
    const w = (s: string): string[] => s.split(' ');
    const m = (s: string): number => sentenceMode(w(s), 0, w(s).length);
    expect(m('SOCCER - JAPAN GET LUCKY WIN')).toBe(MODE_UPPER);
    expect(m("Mexico Vows Strong Opposition to Trump 's Military Plans")).toBe(MODE_TITLE);
    expect(m('Mexico rejected the plan on Friday .')).toBe(MODE_NORMAL);
  });
});

describe('ner-model: corpus mapping', () => {
  const gaz = new Gazetteer(GAZ_TEST_ENTRIES);

  it('ner-model: places are GPE when listed as political units, LOC for regions and natural features', () => {
    expect(placeType(['Mexico'], gaz)).toBe('GPE');
    expect(placeType(['Mexico', 'City'], gaz)).toBe('GPE');
    expect(placeType(['Middle', 'East'], gaz)).toBe('LOC');
    expect(placeType(['Rhine', 'River'], gaz)).toBe('LOC');
    expect(placeType(['Smallville'], gaz)).toBe('GPE');
  });

  it('ner-model: CoNLL demonyms and listed groups become NORP, other MISC stays MISC', () => {
    const doc: CorpusDoc = {
      words: ['Mexican', 'officials', 'watched', 'the', 'World', 'Cup', 'in', 'Mexico', 'with', 'Republican', 'senators'],
      bounds: [0, 11],
      spans: [
        { start: 0, end: 1, label: 'MISC' },
        { start: 4, end: 6, label: 'MISC' },
        { start: 7, end: 8, label: 'LOC' },
        { start: 9, end: 10, label: 'MISC' },
      ],
    };
    expect(mapConll(doc, gaz).map((s) => NER_TYPES[s.type])).toEqual(['NORP', 'MISC', 'GPE', 'NORP']);
  });

  it('ner-model: GMB titles are learned from CoNLL usage and stripped from person names; tim is dropped', () => {
    const conll: CorpusDoc[] = [
      { words: ['President', 'Bush', 'and', 'President', 'Putin', 'met'], bounds: [0, 6], spans: [{ start: 1, end: 2, label: 'PER' }, { start: 4, end: 5, label: 'PER' }] },
    ];
    const gmb: CorpusDoc[] = [
      {
        words: ['President', 'Bush', 'spoke', 'on', 'Monday', 'to', 'Mexican', 'leaders'],
        bounds: [0, 8],
        spans: [
          { start: 0, end: 2, label: 'per' },
          { start: 4, end: 5, label: 'tim' },
          { start: 6, end: 7, label: 'gpe' },
        ],
      },
    ];
    const titles = learnTitles(conll, gmb);
    expect([...titles]).toEqual(['president']);
    expect(stripTitles(['President', 'Bush'], 0, 2, titles)).toBe(1);
    expect(stripTitles(['President'], 0, 1, titles)).toBe(1);
    const mapped = mapGmb(gmb[0]!, gaz, titles);
    expect(mapped.map((s) => [s.start, s.end, NER_TYPES[s.type]])).toEqual([
      [1, 2, 'PERSON'],
      [6, 7, 'NORP'],
    ]);
  });
});

describe('ner-model: GMB conventions', () => {
  const span = (start: number, end: number, label: string) => ({ start, end, label });
  it('ner-model: org-tagged places, titled people in org spans, group words and lower-case modifiers follow newsgraph conventions', () => {
    const gmb: CorpusDoc[] = [
      {
        words: ['Mexico', 'said', 'Mexico', 'City', 'and', 'Mexico', 'City', 'and', 'Mexico', 'City', 'and', 'Mexico', 'City', '.'],
        bounds: [0, 14],
        spans: [span(0, 1, 'org'), span(2, 4, 'org'), span(5, 7, 'geo'), span(8, 10, 'geo'), span(11, 13, 'geo')],
      },
      {
        words: ['Musharraf', 'met', 'Musharraf', ',', 'General', 'Musharraf', ',', 'Republican', 'and', 'southern', 'Mexico', 'and', 'Acme'],
        bounds: [0, 13],
        spans: [span(0, 1, 'per'), span(2, 3, 'per'), span(4, 6, 'org'), span(7, 8, 'org'), span(9, 11, 'geo'), span(12, 13, 'org')],
      },
    ];
    const gaz = new Gazetteer(GAZ_TEST_ENTRIES);
    // A country is a place whatever GMB's majority (mapGmb); a city only when GMB mostly tags it a place.
    const places = learnPlaceNames(gmb, gaz);
    expect([...places]).toEqual(['Mexico City']);
    const titles = new Set(['general']);
    const persons = learnPersonNames(gmb, titles);
    expect(persons.has('Musharraf')).toBe(true);
    const mapped = mapGmb(gmb[1]!, gaz, titles, { placeNames: places, personNames: persons }).map((s) => [s.start, s.end, NER_TYPES[s.type]]);
    expect(mapped).toEqual([
      [0, 1, 'PERSON'],
      [2, 3, 'PERSON'],
      [5, 6, 'PERSON'],
      [7, 8, 'NORP'],
      [10, 11, 'GPE'],
      [12, 13, 'ORG'],
    ]);
    expect(mapGmb(gmb[0]!, gaz, titles, { placeNames: places, personNames: persons }).map((s) => NER_TYPES[s.type])).toEqual(['GPE', 'GPE', 'GPE', 'GPE', 'GPE']);
  });

  it('ner-model: a GMB span of two coordinated names is cut in two when both are names on their own', () => {
    const doc: CorpusDoc = {
      words: ['Acme', ',', 'Mexico', ',', 'Acme', 'and', 'Mexico', ',', 'Acme', 'and', 'Zeta'],
      bounds: [0, 11],
      spans: [span(0, 1, 'org'), span(2, 3, 'geo'), span(4, 7, 'org'), span(8, 11, 'org')],
    };
    const gaz = new Gazetteer(GAZ_TEST_ENTRIES);
    const conv = { ...learnGmbConventions([doc], gaz, new Set()) };
    expect(mapGmb(doc, gaz, new Set(), conv).map((s) => [s.start, s.end, NER_TYPES[s.type]])).toEqual([
      [0, 1, 'ORG'],
      [2, 3, 'GPE'],
      [4, 5, 'ORG'],
      [6, 7, 'GPE'],
      [8, 11, 'ORG'],
    ]);
  });

  it('ner-model: titles are also learned from CoNLL words that stand right before person names', () => {
    const conll: CorpusDoc[] = [
      {
        words: ['General', 'Motors', 'and', 'General', 'Smith', 'and', 'General', 'Jones', '.'],
        bounds: [0, 9],
        spans: [span(0, 2, 'ORG'), span(4, 5, 'PER'), span(7, 8, 'PER')],
      },
    ];
    const gmb: CorpusDoc[] = [{ words: ['General', 'Smith'], bounds: [0, 2], spans: [span(0, 2, 'per')] }];
    expect([...learnTitles(conll, gmb)]).toEqual(['general']);
  });
});

describe('ner-model: word clusters', () => {
  it('ner-model: words seen between the same neighbours share a cluster, deterministically', () => {
    const sents: string[][] = [];
    for (let i = 0; i < 30; i++) {
      sents.push(['shares', 'in', ['Fiat', 'Pirelli', 'Ericsson'][i % 3]!, 'rose', '.']);
      sents.push(['she', ['walked', 'ran', 'drove'][i % 3]!, 'home', 'quickly', '.']);
    }
    const a = learnClusters(sents, { k: 4, minCount: 5 });
    expect(learnClusters(sents, { k: 4, minCount: 5 })).toEqual(a);
    const m = clusterMap(a);
    const c = (w: string): number | undefined => m.get(lowerHash(w));
    expect(c('Fiat')).toBe(c('pirelli'));
    expect(c('Ericsson')).toBe(c('Fiat'));
    expect(c('walked')).toBe(c('ran'));
    expect(c('walked')).not.toBe(c('Fiat'));
  });
});

describe('ner-model: training', () => {
  it('ner-model: the perceptron learns a small pattern, and save/load keeps its decisions', () => {
    const people = ['Anna', 'Boris', 'Chen', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro'];
    const orgs = ['Acme', 'Globex', 'Initech', 'Umbrella'];
    const docs = [];
    for (let i = 0; i < 40; i++) {
      const p = people[i % people.length]!;
      const o = orgs[i % orgs.length]!;
      const words = [p, 'Smith', 'works', 'for', o, 'Corp', 'in', 'Mexico', '.'];
      const gold = spansToTags(
        [
          { start: 0, end: 2, type: T('PERSON') },
          { start: 4, end: 6, type: T('ORG') },
          { start: 7, end: 8, type: T('GPE') },
        ],
        words.length,
      );
      docs.push({ input: { words, bounds: [0, words.length] }, gold, domain: 0 });
    }
    const trainer = new NerTrainer(16, { gazetteer: GAZ_TEST_ENTRIES }, 1);
    let last = Infinity;
    for (let ep = 0; ep < 5; ep++) {
      let errors = 0;
      for (const d of docs) errors += trainer.train(d);
      last = errors;
    }
    expect(last).toBe(0);
    const model = trainer.average();
    const input = { words: ['Zed', 'Smith', 'works', 'for', 'Hooli', 'Corp', 'in', 'Mexico', '.'], bounds: [0, 9] };
    const spans = model.recognize(input);
    expect(spans.map((s) => [s.start, s.end, NER_TYPES[s.type]])).toEqual([
      [0, 2, 'PERSON'],
      [4, 6, 'ORG'],
      [7, 8, 'GPE'],
    ]);
    // The unrolled inference loop and the training loop agree.
    expect(tagsToSpans(model.decode(input))).toEqual(spans);
    const dir = mkdtempSync(join(tmpdir(), 'ner-'));
    try {
      const path = join(dir, 'm.gz');
      trainer.model.save(path, { test: true }, { conll: trainer.domainWeights[0]! });
      const back = NerModel.load(path);
      expect(back.recognize(input)).toEqual(spans);
      expect(back.info['test']).toBe(true);
      expect(NerModel.load(path, { domain: 'conll' }).recognize(input).length).toBe(3);
      expect(() => NerModel.load(path, { domain: 'nope' })).toThrow(/no domain "nope"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ner-model: scoring', () => {
  it('ner-model: entity-level counts need exact span and type', () => {
    const c: Counts = new Map();
    addCounts(
      c,
      [
        { start: 0, end: 2, label: 'PER' },
        { start: 5, end: 6, label: 'LOC' },
      ],
      [
        { start: 0, end: 2, label: 'PER' },
        { start: 5, end: 7, label: 'LOC' },
        { start: 8, end: 9, label: 'ORG' },
      ],
    );
    const all = prf(c);
    expect(all.tp).toBe(1);
    expect(all.precision).toBeCloseTo(1 / 3);
    expect(all.recall).toBeCloseTo(1 / 2);
    expect(prf(c, ['PER']).f1).toBe(1);
  });
});

describe('sentence case mode from cached per-word facts', () => {
  it('decides ordinary, ALL CAPS and headline case alike from words and from cached per-word facts', async () => {
    const { sentenceMode, modeOfWordFacts, wordModeFacts, MODE_UPPER, MODE_TITLE, MODE_NORMAL } = await import('../../src/entities/ner-features.js');
    const cases: [string, number][] = [
      ['Mexico rejects any U.S. military intervention .', MODE_NORMAL],
      ['MEXICO REJECTS U.S. INTERVENTION', MODE_UPPER],
      ['Mexico Rejects Any Military Intervention In Its Territory', MODE_TITLE],
      ['Trump Meets The Press on Friday', MODE_TITLE],
      ['ÉTATS-UNIS : LE PRÉSIDENT PARLE', MODE_UPPER],
      ["'s 3rd 1,000 -- !", MODE_NORMAL],
      ['Ça Va Très Bien À Paris', MODE_TITLE],
      ['A', MODE_NORMAL],
      ['Of The And', MODE_NORMAL],
      ['US UK', MODE_UPPER],
    ];
    for (const [c, want] of cases) {
      const words = c.split(' ');
      expect(sentenceMode(words, 0, words.length), c).toBe(want);
      // As the tagger does it: facts cached per word, the sentence read from a stretch of them.
      const facts = Int32Array.from(['x', ...words, 'y'], (w) => wordModeFacts(w));
      expect(modeOfWordFacts(facts, 1, words.length + 1), c).toBe(want);
    }
  });
});
