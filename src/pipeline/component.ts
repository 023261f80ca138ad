import type { Doc, LayerName } from '../doc/types.js';
import { NgError } from '../errors.js';

/**
 * A component adds layers to a Doc. It is pure and deterministic; models it needs are loaded when it
 * is created, not per document. `requires` and `assigns` let the pipeline check its order once.
 */
export interface Component {
  name: string;
  requires: readonly LayerName[];
  assigns: readonly LayerName[];
  run(doc: Doc): void;
}

/** A checked, ordered list of components. */
export interface Pipeline {
  readonly components: readonly Component[];
  run(doc: Doc): Doc;
}

/**
 * Builds a pipeline, refusing an order where a component needs a layer no earlier component assigns.
 * `given` lists layers the input Doc already carries (cleaning gives text and paragraphs).
 */
export function buildPipeline(
  components: readonly Component[],
  given: readonly LayerName[] = ['text', 'paragraphs'],
): Pipeline {
  const have = new Set<LayerName>(given);
  for (const c of components) {
    const missing = c.requires.filter((l) => !have.has(l));
    if (missing.length > 0) {
      throw new NgError(
        'NG_E020',
        `component "${c.name}" requires ${missing.join(', ')}, which no earlier component assigns ` +
          `(have: ${[...have].join(', ')}); put a component that assigns it before "${c.name}"`,
      );
    }
    for (const l of c.assigns) have.add(l);
  }
  return {
    components,
    run(doc: Doc): Doc {
      for (const c of components) c.run(doc);
      return doc;
    },
  };
}
