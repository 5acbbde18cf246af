/**
 * The engine floor: a blank page that only downloads, compiles and opens the app's DuckDB
 * `.wasm` (the same `browserDb`). `window.__floorMs` = ms from navigation until it is open.
 */
import { browserDb } from '../../../src/lib/db/browser';

const w = window as unknown as { __floorMs?: number; __floorError?: string };
browserDb().then(
  () => (w.__floorMs = performance.now()),
  (error: unknown) => (w.__floorError = String(error))
);
