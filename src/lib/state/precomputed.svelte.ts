import figures from 'virtual:bundled-figures';
import { isUnfiltered, type BundledFigures } from '../bundled/bundled-figures';
import type { Filters } from '../metrics/filters';
import { dataset } from './dataset.svelte';

/**
 * The build-time figures, while they hold: the bundled dataset is loading, nothing else was
 * loaded before, and (when given) the filters are the defaults. Otherwise null.
 */
export function precomputedFigures(filters: Filters = {}): BundledFigures | null {
  return dataset.bundledPending && dataset.version === 0 && isUnfiltered(filters) ? figures : null;
}
