import { goto } from '$app/navigation';
import { page } from '$app/state';
import { breakdownDimensions, breakdownMetrics, type Dimension } from '../metrics/breakdown';

export interface BreakdownChoice {
  id: string;
  dimension: Dimension;
}

const FIRST_CHOICES = ['pickup_within_20s', 'resolve_minutes_median', 'tickets'];

/** The metric (`metric=`) and dimension (`by=`) in the URL, if the file can compute them; else the first that it can. */
export function breakdownFromParams(
  params: URLSearchParams,
  present: readonly string[]
): BreakdownChoice | null {
  const ids = breakdownMetrics(present).map((m) => m.id);
  const dimensions = breakdownDimensions(present);
  const asked = params.get('metric') ?? '';
  const id = ids.includes(asked) ? asked : (FIRST_CHOICES.find((c) => ids.includes(c)) ?? ids[0]);
  const by = params.get('by') ?? '';
  const dimension = (dimensions as string[]).includes(by) ? (by as Dimension) : dimensions[0];
  return id && dimension ? { id, dimension } : null;
}

/** Writes the breakdown's choice into the URL, keeping the filters. */
export function openBreakdown(choice: BreakdownChoice): Promise<void> {
  const params = new URLSearchParams(page.url.searchParams);
  params.set('metric', choice.id);
  params.set('by', choice.dimension);
  params.delete('drill');
  return goto(`?${params.toString()}`, { noScroll: true, keepFocus: true, replaceState: true });
}
