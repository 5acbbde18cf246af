import { parseScenario, ScenarioError, validateScenario, type Scenario } from './scenario';

/** The URL query parameter that carries a shared scenario. */
export const SCENARIO_PARAM = 'scenario';

/** A link to `base` (an absolute URL) that reproduces `scenario`; other query params are kept. */
export function scenarioLink(base: string, scenario: Scenario): string {
  const url = new URL(base);
  url.searchParams.set(SCENARIO_PARAM, JSON.stringify(scenario));
  return url.toString();
}

/** The scenario in a URL's query (validated; throws `ScenarioError`), or null when none. */
export function scenarioFromParams(params: URLSearchParams): Scenario | null {
  const text = params.get(SCENARIO_PARAM);
  if (text === null) return null;
  return parseScenario(text);
}

/** A scenario saved in the browser, with the headline figures of its last run (if any). */
export interface SavedScenario {
  name: string;
  scenario: Scenario;
  savedAt: string;
  kpis?: Record<string, { baseline: number; scenario: number; lo: number; hi: number }>;
}

const STORAGE_KEY = 'sim.savedScenarios';

/** The saved list as read, and what could not be kept (shown to the user, never silent). */
export interface SavedRead {
  saved: SavedScenario[];
  /** Entries that no longer validate: their name (or position) and why. */
  dropped: { name: string; reason: string }[];
  /** The whole store was not readable JSON (left in place, not overwritten until a save). */
  unreadable?: string;
}

/** Reads the saved list; entries that no longer validate are set aside with the reason. */
export function readSaved(storage: Pick<Storage, 'getItem'>): SavedRead {
  const text = storage.getItem(STORAGE_KEY);
  if (text === null) return { saved: [], dropped: [] };
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return { saved: [], dropped: [], unreadable: e.message };
  }
  if (!Array.isArray(list))
    return { saved: [], dropped: [], unreadable: 'expected a list of scenarios' };
  const out: SavedRead = { saved: [], dropped: [] };
  list.forEach((entry: Partial<SavedScenario> | null, i) => {
    const name = typeof entry?.name === 'string' ? entry.name : `#${i + 1}`;
    if (typeof entry?.name !== 'string') {
      out.dropped.push({ name, reason: 'no name' });
      return;
    }
    try {
      validateScenario(entry.scenario);
      out.saved.push(entry as SavedScenario);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      out.dropped.push({ name, reason: e.message });
    }
  });
  return out;
}

export function writeSaved(
  storage: Pick<Storage, 'setItem'>,
  list: readonly SavedScenario[]
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(list));
}
