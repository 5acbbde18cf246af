import { parseScenario, validateScenario, type Scenario } from './scenario';

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

/** Reads the saved list; entries that no longer validate are dropped. */
export function readSaved(storage: Pick<Storage, 'getItem'>): SavedScenario[] {
  try {
    const list = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]') as SavedScenario[];
    return Array.isArray(list)
      ? list.filter((s) => {
          try {
            validateScenario(s.scenario);
            return typeof s.name === 'string';
          } catch {
            return false;
          }
        })
      : [];
  } catch {
    return [];
  }
}

export function writeSaved(
  storage: Pick<Storage, 'setItem'>,
  list: readonly SavedScenario[]
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(list));
}
