/** Sentences, tokens and part of speech. */
export { splitSentences } from './sentences.js';
export { tokenize, tokenizeInto } from './tokenize.js';
export { segmentComponent, segmentDoc } from './segment.js';
