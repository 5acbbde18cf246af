/**
 * A long computation written as a generator that yields at points where it may pause. The CLI
 * drains it in one go; the worker drains it in time slices, returning to its event loop between
 * slices so that a cancel message can arrive.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, awaiting `pause()` whenever `sliceMs` have passed since the last pause. */
export async function drainInSlices<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
  sliceMs = 25
): Promise<T> {
  let since = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (Date.now() - since >= sliceMs) {
      await pause();
      since = Date.now();
    }
  }
}
