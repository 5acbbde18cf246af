import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { ENGINES } from '../support/engines';

describe.each(ENGINES)('database interface on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('binds parameters and returns plain numbers', async () => {
    const rows = await db.query('SELECT count(*) AS n, ? AS s, ?::DOUBLE + 1 AS x FROM range(5)', [
      "it's",
      2
    ]);
    expect(rows).toEqual([{ n: 5, s: "it's", x: 3 }]);
  });

  it('reads a registered CSV file', async () => {
    const path = await db.registerFile('t.csv', new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    const rows = await db.query(
      `SELECT a, b FROM read_csv('${path}', header = true, columns = {'a': 'VARCHAR', 'b': 'VARCHAR'}, auto_detect = false, delim = ',', quote = '"', escape = '"')`
    );
    expect(rows).toEqual([
      { a: '1', b: 'x' },
      { a: '2', b: 'y' }
    ]);
  });

  it('returns timestamps as epoch milliseconds', async () => {
    const rows = await db.query("SELECT TIMESTAMP '2026-03-01 08:00:00' AS t");
    expect(rows[0]?.t).toBe(Date.UTC(2026, 2, 1, 8));
  });
});
