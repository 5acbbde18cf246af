import { Worker } from 'node:worker_threads';
import type { SimRequest, SimResponse } from '../../src/lib/sim/worker/protocol';

const ENTRY = new URL('./node-sim-worker.ts', import.meta.url).href;

/** The real simulation worker in a Node thread, with the page's message shapes. */
export interface SimThread {
  post(request: SimRequest): void;
  /** Resolves with the next message (for `id`, when given) that is not progress; progress goes to `onProgress`. */
  next(id: number, onProgress?: (m: SimResponse) => void): Promise<SimResponse>;
  close(): Promise<void>;
}

/**
 * Starts `node-sim-worker.ts` through tsx. `stackSizeMb` (default 1) is close to a browser worker's
 * stack, so a stack-size hazard shows here as it would in the page.
 */
export async function startSimThread(stackSizeMb = 1): Promise<SimThread> {
  const boot = `const { parentPort } = require('node:worker_threads');
import('tsx/esm/api')
  .then(({ tsImport }) => tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(ENTRY)}))
  .then(() => parentPort.postMessage({ type: 'ready' }), (e) => parentPort.postMessage({ type: 'boot-error', message: String(e && e.stack || e) }));`;
  const worker = new Worker(boot, { eval: true, resourceLimits: { stackSizeMb } });
  const listeners = new Set<
    (m: SimResponse | { type: 'ready' | 'boot-error'; message?: string }) => void
  >();
  worker.on('message', (m) => listeners.forEach((l) => l(m)));
  await new Promise<void>((resolve, reject) => {
    const l = (m: { type: string; message?: string }) => {
      listeners.delete(l);
      if (m.type === 'ready') resolve();
      else reject(new Error(m.message));
    };
    listeners.add(l);
    worker.once('error', reject);
  });
  return {
    post: (request) => worker.postMessage(request),
    next: (id, onProgress) =>
      new Promise((resolve, reject) => {
        const l = (m: SimResponse | { type: string }) => {
          const r = m as SimResponse;
          if (r.id !== id) return;
          if (r.type === 'progress') return onProgress?.(r);
          listeners.delete(l);
          resolve(r);
        };
        listeners.add(l as never);
        worker.once('error', reject);
      }),
    close: async () => {
      await worker.terminate();
    }
  };
}
