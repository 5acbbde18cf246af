import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
  effectiveTarget,
  paramsWithTargets,
  targetsFromJson,
  targetsFromParams,
  type TargetOverrides
} from '../metrics/targets';

const STORAGE_KEY = 'kpi-targets';

function stored(): TargetOverrides {
  return typeof localStorage === 'undefined'
    ? {}
    : targetsFromJson(localStorage.getItem(STORAGE_KEY));
}

/**
 * Targets the user set: the URL's win (a shared link shows its targets), then the browser's,
 * then the defaults. Setting one writes both.
 */
class Targets {
  #saved = $state<TargetOverrides>(stored());
  readonly #fromUrl = $derived(targetsFromParams(page.url.searchParams));

  of = (id: string): number | null => effectiveTarget(id, this.#fromUrl, this.#saved);

  /** A number sets the target; null clears it (a default too). */
  async set(id: string, value: number | null): Promise<void> {
    const next = { ...this.#saved, ...this.#fromUrl, [id]: value };
    this.#saved = next;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    const params = paramsWithTargets(page.url.searchParams, next);
    await goto(`?${params.toString()}`, { noScroll: true, keepFocus: true, replaceState: true });
  }
}

export const targets = new Targets();
