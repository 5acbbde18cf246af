import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { openWasmNodeDb } from './wasm-node-db';

/** Both DuckDB builds the product runs on: tests parameterised over them run the same SQL twice. */
export const ENGINES: Array<{ name: string; open: () => Promise<Db> }> = [
  { name: 'native', open: openNodeDb },
  { name: 'wasm', open: openWasmNodeDb }
];
