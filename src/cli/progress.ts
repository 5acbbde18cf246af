const FIRST_NOTE_MS = 3000;
const EVERY_MS = 10_000;

/**
 * Runs a long step; once it has taken a few seconds, says on stderr what it is doing and how
 * long it has run, every ten seconds, then how long it took.
 */
export async function progress<T>(what: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  let noted = false;
  const note = () => {
    noted = true;
    process.stderr.write(`${what}… ${seconds()} s\n`);
  };
  let timer = setTimeout(function tick() {
    note();
    timer = setTimeout(tick, EVERY_MS);
  }, FIRST_NOTE_MS);
  try {
    return await step();
  } finally {
    clearTimeout(timer);
    if (noted) process.stderr.write(`${what}: done in ${seconds()} s\n`);
  }
}
