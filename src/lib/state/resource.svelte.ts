import { untrack } from 'svelte';

type Settled<T> = { key: string; value: T } | { key: string; error: string };

export interface Resource<T> {
  /** The result made by the current inputs; `undefined` while they are loading. */
  readonly value: T | undefined;
  readonly error: string | null;
  readonly loading: boolean;
  /** The current inputs as a string: changes exactly when a new result is asked for. */
  readonly key: string | null;
}

export interface ResourceOptions {
  /**
   * Keep the results of this many recent inputs and show one again at once when its inputs come
   * back (e.g. a filter ticked and unticked). Only for a `load` that reads nothing but its inputs.
   */
  remember?: number;
}

/**
 * An async result tied to the inputs that made it. `inputs` returns JSON-serialisable inputs (or
 * `null` while nothing can be asked yet); `load` runs whenever they change. The result lives in
 * `$state.raw` (never a deep proxy) beside the key of its inputs, and is shown only while those
 * inputs are current: a stale answer never appears for new inputs, a late one never replaces a newer.
 */
export function useResource<I, T>(
  inputs: () => I | null,
  load: (inputs: I) => Promise<T>,
  { remember = 0 }: ResourceOptions = {}
): Resource<T> {
  const key = $derived.by(() => {
    const current = inputs();
    return current === null ? null : JSON.stringify(current);
  });
  let settled = $state.raw<Settled<T> | null>(null);
  /** Recent results by key, oldest first (a Map keeps insertion order); plain, read with `settled`. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read only beside `key` and `settled`, which are reactive
  const remembered = new Map<string, Settled<T>>();
  const keep = (result: Settled<T>) => {
    if (remember <= 0 || !('value' in result)) return;
    remembered.delete(result.key);
    remembered.set(result.key, result);
    if (remembered.size > remember) remembered.delete(remembered.keys().next().value!);
  };

  $effect(() => {
    const asked = key;
    if (asked === null) return;
    if (remembered.has(asked)) return;
    const settle = (result: Settled<T>) => {
      keep(result);
      if (untrack(() => key) === asked) settled = result;
    };
    load(JSON.parse(asked) as I).then(
      (value) => settle({ key: asked, value }),
      (error: unknown) =>
        settle({ key: asked, error: error instanceof Error ? error.message : String(error) })
    );
  });

  const current = () =>
    settled !== null && settled.key === key
      ? settled
      : key === null
        ? null
        : (remembered.get(key) ?? null);
  return {
    get value() {
      const result = current();
      return result && 'value' in result ? result.value : undefined;
    },
    get error() {
      const result = current();
      return result && 'error' in result ? result.error : null;
    },
    get loading() {
      return key !== null && current() === null;
    },
    get key() {
      return key;
    }
  };
}
