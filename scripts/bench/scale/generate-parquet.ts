import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeDb } from '../../../src/lib/db/node';

const BUNDLED = 'data/tickets.csv.gz';

/**
 * Writes `rows` tickets as Parquet files of about `perFile` rows in `dir`, all in DuckDB: the
 * bundled 120k-row dataset repeated with ids made unique per copy (`T0000001-17`), whole
 * copies first: for a multiple of its rows, counts scale exactly and rates and means equal
 * the bundled dataset's; otherwise the last copy is its first rows.
 */
export async function generateParquet(dir: string, rows: number, perFile = 2_500_000) {
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((f) => f.endsWith('.parquet'));
  if (existing.length > 0)
    throw new Error(`${dir} already holds Parquet files: use an empty directory`);
  const db = await openNodeDb();
  try {
    await db.exec(
      `CREATE TABLE base AS SELECT *, row_number() OVER () AS __row FROM read_csv('${BUNDLED}')`
    );
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM base');
    const copiesPerFile = Math.max(1, Math.round(perFile / n));
    let written = 0;
    for (let file = 0; written < rows; file++) {
      const take = Math.min(copiesPerFile * n, rows - written);
      const first = file * copiesPerFile;
      const path = join(dir, `tickets-${String(file).padStart(4, '0')}.parquet`);
      // A last, partial file takes whole copies and then the start of one: a bare LIMIT took
      // the same rows from every copy, all short of the bundled file's last (open) tickets.
      const order = take < copiesPerFile * n ? `ORDER BY k, b.__row` : '';
      await db.exec(`COPY (
          SELECT b.* EXCLUDE (__row) REPLACE (b.ticket_id || '-' || CAST(k AS VARCHAR) AS ticket_id)
          FROM range(${first}, ${first + copiesPerFile}) r(k), base b
          ${order} LIMIT ${take}
        ) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
      written += take;
      process.stderr.write(
        `generated ${written.toLocaleString('en')} of ${rows.toLocaleString('en')} rows\n`
      );
    }
    return { files: readdirSync(dir).filter((f) => f.endsWith('.parquet')).length, baseRows: n };
  } finally {
    await db.close();
  }
}

export function hasParquet(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'));
}
