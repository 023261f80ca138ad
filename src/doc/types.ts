/**
 * The analysed-article format, newsgraph/doc@1 (see ../shared/docs/DOC-FORMAT.md and
 * schema/doc.schema.json). Every span is a half-open [start, end) UTF-16 offset range into `text`.
 * Records are plain readonly-by-convention data so a Doc serialises to JSON as it is.
 */

export const DOC_FORMAT = 'newsgraph/doc@1' as const;

/** A half-open [start, end) range of UTF-16 offsets into Doc.text. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers (convenient for readers of the JSON). */
export interface TextSpan extends Span {
  text: string;
}

export type ParagraphRole = 'summary' | 'headline' | 'dek' | 'body' | 'caption';

export interface Paragraph extends Span {
  role: ParagraphRole;
}

export interface Token extends Span {
  /** Penn Treebank part-of-speech tag; '' until a tagger has run. */
  pos: string;
}

export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'NORP'
  | 'FAC'
  | 'EVENT'
  | 'MISC';

export type MentionKind = 'name' | 'alias' | 'pronoun' | 'role';

export interface Mention extends TextSpan {
  kind: MentionKind;
}

export interface Role {
  /** The title as a reader would say it: "President", "Secretary of State", "Ambassador to Mexico". */
  title: string;
  /** ISO 3166-1 alpha-3 code of the country the role belongs to, when the text says it. */
  of: string | null;
  evidence: Span;
  /** A word that changes the role's status: "former", "acting", "interim", "deputy"... */
  qualifier?: string | null | undefined;
  /** The entity id of the organisation the office belongs to ("Pemex CEO", "White House spokesman"). */
  org?: string | null | undefined;
  // (undefined allowed: the entities stage creates every role with both fields, undefined when unknown,
  // so that roles have one object shape; JSON leaves them out just the same.)
}

export interface Place {
  geonameId: number | null;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  roles: Role[];
  /** ISO 3166-1 alpha-3 where one applies. */
  country: string | null;
  /**
   * Where the country came from: the text itself (a demonym, a role, the name), the place gazetteer,
   * or knowledge learned from other news (models/actors.json) when the article does not say.
   */
  countryFrom?: 'text' | 'gazetteer' | 'knowledge' | null;
  /** CAMEO-style actor sector (GOV, MIL, REB, CRM, MED, BUS, CVL, IGO...) when known. */
  sector?: string | null;
  /** For entities tied to another (e.g. "the Trump administration" to Trump). */
  relatedTo?: string | null;
  place?: Place | null;
  mentions: Mention[];
}

export type ValueType = 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'CARDINAL' | 'ORDINAL' | 'QUANTITY';

export interface Value extends TextSpan {
  type: ValueType;
  /** ISO 8601 date (or interval start) for dates resolved against the article's date; a number for amounts. */
  normalized: string | null;
  /** Currency (ISO 4217) for MONEY, unit word for QUANTITY ("km", "ton"), when there is one. */
  unit?: string | null;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote extends TextSpan {
  kind: QuoteKind;
  speaker: string | null;
  speakerText: string | null;
  speakerSpan?: Span | null;
  cue: TextSpan | null;
}

export interface Attribution extends TextSpan {
  source: string | null;
  sourceText?: string | null;
  sourceSpan?: Span | null;
  cue: TextSpan;
}

export type Modality = 'asserted' | 'reported' | 'hypothetical' | 'planned' | 'denied';

export interface EventAction {
  cameo: string;
  plover: string;
  text: string;
  goldstein?: number | null;
  quadClass?: number | null;
  mode?: string | null;
}

export interface NewsEvent {
  actor: string | null;
  actorText: string | null;
  actorCountry?: string | null;
  actorSector?: string | null;
  action: EventAction;
  target: string | null;
  targetText: string | null;
  targetCountry?: string | null;
  targetSector?: string | null;
  negated: boolean;
  modality: Modality;
  reportedBy: string | null;
  /** The reporter as the text names it ("The New York Times", "officials"), also when it is no entity. */
  reportedByText?: string | null;
  date: string | null;
  place: string | null;
  evidence: Span;
  /** Further sentences reporting the same event in this article. */
  moreEvidence?: Span[];
}

export type Severity = 'info' | 'warning' | 'error';

export interface DiagnosticPlace {
  /** Offsets into the raw input (before cleaning) when the thing described was removed from text. */
  raw?: Span;
  /** Offsets into Doc.text. */
  text?: Span;
  /** 1-based line in the input file, where a reader knows it. */
  line?: number;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  reason: string;
  place: DiagnosticPlace;
  /** The text concerned, when it is not in Doc.text (removed paragraphs). */
  source?: string;
}

export interface DocMeta {
  title: string | null;
  dek: string | null;
  summary: string | null;
  input: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  /** sha256 of the cleaned text, used with the canonical URL to recognise an article already stored. */
  contentHash?: string;
}

export interface Doc {
  format: typeof DOC_FORMAT;
  id: string;
  text: string;
  meta: DocMeta;
  paragraphs: Paragraph[];
  sentences: Span[];
  tokens: Token[];
  entities: Entity[];
  /** Entity mentions before aliasing, in text order (the recogniser's raw output). */
  mentions?: (Mention & { type: EntityType; entity: string | null })[];
  values: Value[];
  quotes: Quote[];
  attributions: Attribution[];
  events: NewsEvent[];
  diagnostics: Diagnostic[];
}

/** The names of the layers a component can require or assign. */
export type LayerName =
  | 'text'
  | 'paragraphs'
  | 'sentences'
  | 'tokens'
  | 'pos'
  | 'mentions'
  | 'entities'
  | 'values'
  | 'quotes'
  | 'attributions'
  | 'events';
