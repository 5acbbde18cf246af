import { toPlainRow, type Row } from './types';

interface ArrowLike {
  toArray(): Array<{ toJSON(): Record<string, unknown> }>;
}

/** Turns a duckdb-wasm Arrow result into plain rows (BIGINT → number, dates → epoch ms). */
export function arrowToRows<T extends Row>(table: ArrowLike): T[] {
  return table.toArray().map((r) => toPlainRow(r.toJSON()) as T);
}
