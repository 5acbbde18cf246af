/** The page's side of the spreadsheet worker: a `SpreadsheetReader` that never blocks the page. */
import { LoadError } from '../load/load-error';
import type { SheetWorkerRequest, SheetWorkerResponse } from './spreadsheet-protocol';
import type { SheetProgress, SpreadsheetReader } from './spreadsheet-source';

/**
 * Reads each workbook in a fresh Web Worker, reporting progress; aborting `signal` terminates
 * the worker at once. The bytes are transferred to the worker (the caller's copy is detached).
 */
export function workerSpreadsheetReader(
  signal: AbortSignal,
  onProgress: (progress: SheetProgress) => void
): SpreadsheetReader {
  return (bytes, request) =>
    new Promise((resolve, reject) => {
      signal.throwIfAborted();
      const worker = new Worker(new URL('./spreadsheet-worker.ts', import.meta.url), {
        type: 'module'
      });
      const finish = () => {
        worker.terminate();
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event: MessageEvent<SheetWorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') return onProgress(message.progress);
        finish();
        if (message.type === 'done') resolve(message.result);
        else reject(new LoadError(message.kind, message.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish();
        reject(new LoadError('unreadable', event.message || 'The workbook reader stopped.'));
      };
      const transfer = bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
      worker.postMessage({ bytes, request } satisfies SheetWorkerRequest, transfer);
    });
}
