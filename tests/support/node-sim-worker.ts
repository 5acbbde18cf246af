import { parentPort } from 'node:worker_threads';

/**
 * Runs the real `src/lib/sim/worker/worker.ts` in a Node worker thread: a `self` with the two members
 * the worker uses (`postMessage`, `onmessage`), wired to the thread's port.
 */
const port = parentPort;
if (!port) throw new Error('node-sim-worker must run in a worker thread');
const scope: {
  postMessage: (m: unknown) => void;
  onmessage: ((e: { data: unknown }) => void) | null;
} = {
  postMessage: (m) => port.postMessage(m),
  onmessage: null
};
Object.assign(globalThis, { self: scope });
port.on('message', (data: unknown) => scope.onmessage?.({ data }));
await import('../../src/lib/sim/worker/worker');
