/** Messages between the page and the spreadsheet Web Worker. */
import type { LoadErrorKind } from '../load/load-error';
import type { SheetCsv, SheetProgress, SheetRequest } from './spreadsheet-source';

export interface SheetWorkerRequest {
  bytes: Uint8Array;
  request: SheetRequest;
}

export type SheetWorkerResponse =
  | { type: 'progress'; progress: SheetProgress }
  | { type: 'done'; result: SheetCsv }
  | { type: 'error'; kind: LoadErrorKind; message: string };
