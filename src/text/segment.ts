import type { Component } from '../pipeline/component.js';
import type { Doc, Span, Token } from '../doc/types.js';
import { splitSentences } from './sentences.js';
import { tokenizeInto } from './tokenize.js';

/**
 * Fills doc.sentences and doc.tokens. Sentences are split inside each paragraph, so no sentence ever
 * crosses a paragraph boundary; tokens are cut inside sentences, so no token crosses a sentence.
 */
export function segmentDoc(doc: Doc): void {
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  const paras = [...doc.paragraphs].sort((a, b) => a.start - b.start);
  for (const p of paras) {
    for (const s of splitSentences(doc.text, p.start, p.end)) {
      const before = tokens.length;
      tokenizeInto(doc.text, s.start, s.end, tokens);
      // A sentence without tokens cannot exist (spans are trimmed), but keep the layers aligned anyway.
      if (tokens.length > before) sentences.push(s);
    }
  }
  doc.sentences = sentences;
  doc.tokens = tokens;
}

/** The 'segment' component: requires text and paragraphs, assigns sentences and tokens. */
export function segmentComponent(): Component {
  return {
    name: 'segment',
    requires: ['text', 'paragraphs'],
    assigns: ['sentences', 'tokens'],
    run: segmentDoc,
  };
}
