/** Sentences, tokens and part of speech. */
export { splitSentences } from './sentences.js';
export { tokenize, tokenizeInto } from './tokenize.js';
export { segmentComponent, segmentDoc } from './segment.js';
export { posComponent, loadPosTagger, PosTagger, DEFAULT_POS_MODEL } from './pos.js';
