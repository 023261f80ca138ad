import { describe, expect, it } from 'vitest';
import { inflect, loadCueLexicon } from '../../src/quotes/cues.js';
import { addEntity, runQuotes, segmented } from './helpers.js';

describe('quotes: cue lexicon', () => {
  it('generates inflections of regular, e-final, y-final, doubling and irregular verbs', () => {
    expect(inflect('note')).toMatchObject({ s: 'notes', past: 'noted', ing: 'noting' });
    expect(inflect('deny')).toMatchObject({ s: 'denies', past: 'denied', ing: 'denying' });
    expect(inflect('admit', { dbl: true })).toMatchObject({ past: 'admitted', ing: 'admitting' });
    expect(inflect('agree')).toMatchObject({ past: 'agreed', ing: 'agreeing' });
    expect(inflect('stress')).toMatchObject({ s: 'stresses', past: 'stressed' });
    expect(inflect('say', { past: 'said' })).toMatchObject({ s: 'says', past: 'said', pp: 'said', ing: 'saying' });
  });
  it('holds several hundred forms including the brief list', () => {
    const lex = loadCueLexicon();
    expect(lex.size).toBeGreaterThan(500);
    for (const w of ['said', 'says', 'saying', 'told', 'stated', 'added', 'adding', 'noted', 'affirmed', 'insisted', 'clarified', 'emphasized', 'emphasised', 'highlighted', 'warned', 'argued', 'denied', 'acknowledged', 'expressed']) {
      expect(lex.single.has(w), w).toBe(true);
    }
    expect(lex.phrases.some((p) => p.words.join(' ') === 'according to')).toBe(true);
  });
});

describe('quotes: direct quotes', () => {
  it('finds a quote before an inverted frame and a quote after a colon', () => {
    const doc = runQuotes(segmented('"We will not sign this deal," said Angela Merkel. The minister told reporters: "The talks are over."'));
    const q = doc.quotes.map((x) => [x.kind, x.text, x.speakerText, x.cue?.text]);
    expect(q).toContainEqual(['direct', 'We will not sign this deal', 'Angela Merkel', 'said']);
    expect(q).toContainEqual(['direct', 'The talks are over.', 'The minister', 'told']);
  });
  it('carries the speaker over to the next quote of the same paragraph', () => {
    const doc = runQuotes(segmented('"The harvest failed," the farmer said. "We have nothing left to sell."'));
    expect(doc.quotes).toHaveLength(2);
    expect(doc.quotes[1]!.speakerText).toBe('the farmer');
    expect(doc.quotes[1]!.cue?.text).toBe('said');
  });
  it('treats a quote embedded in a sentence as partial and ignores scare quotes', () => {
    const doc = runQuotes(segmented('The governor said the plan was "completely dead in the water." Critics call it a "reform" at best.'));
    const partial = doc.quotes.find((x) => x.kind === 'partial');
    expect(partial?.text).toBe('completely dead in the water');
    expect(partial?.speakerText).toBe('The governor');
    expect(doc.quotes.some((x) => x.text === 'reform')).toBe(false);
  });
  it('keeps a multi-paragraph quote as one quote', () => {
    const doc = runQuotes(segmented('The senator spoke for an hour. She said:\n\n“We start with the budget.\n\n“And we end with the budget,” she added.'));
    const long = doc.quotes.filter((x) => x.kind === 'direct');
    expect(long).toHaveLength(1);
    expect(long[0]!.text).toContain('We start with the budget.');
    expect(long[0]!.text).toContain('And we end with the budget');
  });
  it('reports a quote without a speaker with a diagnostic', () => {
    const doc = runQuotes(segmented('The rally ended late.\n\n"Nobody expected this many people to come tonight."'));
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0]!.speaker).toBeNull();
    expect(doc.diagnostics.some((d) => d.ruleId === 'quotes/no-speaker' && d.severity === 'info')).toBe(true);
  });
});

describe('quotes: indirect speech', () => {
  it('takes the clause after a cue and stops at a coordinated cue', () => {
    const doc = runQuotes(segmented('Prime Minister Jacinda Ardern explained that the border would stay closed and warned that fines would rise.'));
    const q = doc.quotes.map((x) => [x.text, x.cue?.text, x.speakerText]);
    expect(q).toContainEqual(['the border would stay closed', 'explained', 'Prime Minister Jacinda Ardern']);
    expect(q).toContainEqual(['fines would rise', 'warned', 'Prime Minister Jacinda Ardern']);
  });
  it('takes the clause before a final frame', () => {
    const doc = runQuotes(segmented('The factory will close in March, a company spokesman said on Tuesday.'));
    expect(doc.quotes.map((x) => [x.kind, x.text, x.speakerText])).toContainEqual(['indirect', 'The factory will close in March', 'a company spokesman']);
  });
  it('skips the recipient of told', () => {
    const doc = runQuotes(segmented('Smith told the committee that the funds had been spent.'));
    expect(doc.quotes[0]?.text).toBe('the funds had been spent');
    expect(doc.quotes[0]?.speakerText).toBe('Smith');
  });
  it('does not read cue words inside a quote as new quotes', () => {
    const doc = runQuotes(segmented('"My father always said that hard work pays," Ms. Okafor recalled.'));
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0]!.cue?.text).toBe('recalled');
  });
});

describe('quotes: attributions', () => {
  it('credits "according to X" and "X reported that" to their source', () => {
    const doc = runQuotes(segmented('According to the Financial Times, the bank lost two billion dollars. Reuters reported that talks had stalled.'));
    const a = doc.attributions.map((x) => [x.text, x.sourceText, x.cue.text]);
    expect(a).toContainEqual(['the bank lost two billion dollars', 'the Financial Times', 'According to']);
    expect(a).toContainEqual(['talks had stalled', 'Reuters', 'reported']);
  });
});

describe('quotes: speakers', () => {
  it('resolves a pronoun speaker to the last named person when linking left it out', () => {
    const doc = segmented('Maria Lopez visited the plant. "This is a disgrace," she said.');
    addEntity(doc, 'e1', 'Maria Lopez', 'PERSON', { 'Maria Lopez': 'name' });
    runQuotes(doc);
    expect(doc.quotes[0]!.speakerText).toBe('she');
    expect(doc.quotes[0]!.speaker).toBe('e1');
  });
  it('uses the entity a pronoun mention was linked to', () => {
    const doc = segmented('Ana met Tom. "We agreed on nothing," he said.');
    addEntity(doc, 'e1', 'Ana', 'PERSON', { Ana: 'name' });
    addEntity(doc, 'e2', 'Tom', 'PERSON', { Tom: 'name', he: 'pronoun' });
    runQuotes(doc);
    expect(doc.quotes[0]!.speaker).toBe('e2');
  });
  it('resolves a role noun to the entity holding that role', () => {
    const doc = segmented('Emmanuel Macron arrived in Berlin. The president said that Europe must act together.');
    const e = addEntity(doc, 'e1', 'Emmanuel Macron', 'PERSON', { 'Emmanuel Macron': 'name' });
    e.roles.push({ title: 'President', of: 'FRA', evidence: { start: 0, end: 5 } });
    runQuotes(doc);
    expect(doc.quotes[0]!.speakerText).toBe('The president');
    expect(doc.quotes[0]!.speaker).toBe('e1');
  });
  it('resolves an organisation noun to the organisation named before', () => {
    const doc = segmented('The Ministry of Health published new figures. The ministry said infections had fallen by half.');
    addEntity(doc, 'e1', 'Ministry of Health', 'ORG', { 'Ministry of Health': 'name' });
    runQuotes(doc);
    expect(doc.quotes[0]!.speaker).toBe('e1');
  });
});

describe('quotes: newspaper conventions', () => {
  it('reads a quote signed with a dash and a name', () => {
    const doc = runQuotes(segmented('“He has never once listened to people like us.” ― Maria Gonzalez\n“We will vote in November.” ― Tom Reyes.'));
    expect(doc.quotes.map((q) => [q.text, q.speakerText, q.cue?.text])).toEqual([
      ['He has never once listened to people like us.', 'Maria Gonzalez', '\u2015'],
      ['We will vote in November.', 'Tom Reyes', '\u2015'],
    ]);
  });
  it('reads transcript turns (NAME: ...) as direct quotes', () => {
    const doc = runQuotes(segmented('HOST: Will you run again next year?\n\nSMITH: I have not decided, and I will tell you when I have.'));
    expect(doc.quotes.map((q) => [q.kind, q.speakerText, q.text])).toEqual([
      ['direct', 'HOST', 'Will you run again next year?'],
      ['direct', 'SMITH', 'I have not decided, and I will tell you when I have.'],
    ]);
  });
  it('credits what polls show to the polls, and ignores relative "that"', () => {
    const doc = runQuotes(segmented('New polls show the mayor trailing by six points. Lee said there must be a law that requires a vote.'));
    expect(doc.attributions.map((a) => [a.sourceText, a.text])).toContainEqual(['New polls', 'the mayor trailing by six points']);
    expect(doc.quotes.map((q) => q.text)).toContain('there must be a law that requires a vote');
  });
  it('takes the whole clause when a partial quote precedes a final frame', () => {
    const doc = runQuotes(segmented('However good the goal, raising the tax "is a misguided approach," said Mr. Burman.'));
    expect(doc.quotes.map((q) => [q.kind, q.text])).toContainEqual(['indirect', 'However good the goal, raising the tax "is a misguided approach,"']);
    expect(doc.quotes.find((q) => q.kind === 'partial')?.speakerText).toBe('Mr. Burman');
  });
});

describe('quotes: outlets', () => {
  it('credits a claim told to a news organisation to that organisation too', () => {
    const doc = segmented('Governor Ana Lima told Reuters that the dam would be finished by June.');
    addEntity(doc, 'e1', 'Ana Lima', 'PERSON', { 'Ana Lima': 'name' });
    addEntity(doc, 'e2', 'Reuters', 'ORG', { Reuters: 'name' });
    runQuotes(doc);
    expect(doc.quotes.map((q) => [q.text, q.speaker])).toContainEqual(['the dam would be finished by June', 'e1']);
    expect(doc.attributions.map((x) => [x.text, x.source, x.cue.text])).toContainEqual(['the dam would be finished by June', 'e2', 'told']);
  });
});

describe('quotes: regressions', () => {
  it('a name ending in -ly is a subject, not an adverb (Kelly said ...)', () => {
    const doc = runQuotes(segmented('Kelly said she asked for the interview.'));
    expect(doc.quotes.map((q) => [q.speakerText, q.text])).toEqual([['Kelly', 'she asked for the interview']]);
  });
  it('reads a title-case headline "X Says Y"', () => {
    const doc = runQuotes(segmented('Mayor Says New Bridge Will Open In May\n\nThe bridge has been closed for a year.'));
    expect(doc.quotes.map((q) => [q.speakerText, q.cue?.text, q.text])).toEqual([['Mayor', 'Says', 'New Bridge Will Open In May']]);
  });
  it('a quote in an earlier paragraph is not framed by the next paragraph\'s cue', () => {
    const doc = runQuotes(segmented('He called the vote “a farce.”\n\nClinton says the emails were personal.'));
    expect(doc.quotes.map((q) => q.text)).toContain('the emails were personal');
  });
});

describe('quotes: reported intentions', () => {
  it('reports what someone wants or declines to do, with its subject', () => {
    const doc = runQuotes(segmented('The senator wants to cut the budget by a third. Cook declined to say whether the policy was broken.'));
    const q = doc.quotes.map((x) => [x.speakerText, x.cue?.text, x.text]);
    expect(q).toContainEqual(['The senator', 'wants', 'to cut the budget by a third']);
    expect(q).toContainEqual(['Cook', 'declined', 'to say whether the policy was broken']);
  });
});
