/// <reference lib="webworker" />
/** The spreadsheet Web Worker: parses a workbook off the page's thread and posts one sheet as CSV. */
import { LoadError } from '../load/load-error';
import { workbookToCsv } from './spreadsheet';
import type { SheetWorkerRequest, SheetWorkerResponse } from './spreadsheet-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SheetWorkerResponse, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<SheetWorkerRequest>) => {
  const { bytes, request } = event.data;
  try {
    const result = workbookToCsv(bytes, request, (progress) =>
      post({ type: 'progress', progress })
    );
    post({ type: 'done', result }, [result.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const kind = error instanceof LoadError ? error.kind : 'unreadable';
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', kind, message });
  }
};
