import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load';
import type { Mapping } from '../../src/lib/ingest/mapping-types';
import { ENGINES } from '../support/engines';

/** A saved identity mapping sends a canonical file down the text path. */
function identityMapping(header: string[]): Mapping {
  return { columns: Object.fromEntries(header.map((name, i) => [name, i])), values: {} };
}

async function ticketsVia(db: Db, csv: string, textPath: boolean) {
  const bytes = new TextEncoder().encode(csv);
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  const report = await loadTicketFile(
    db,
    { name: 'f.csv', bytes },
    textPath ? { mapping: identityMapping(header) } : {}
  );
  const rows = await db.query(`SELECT * EXCLUDE (__rec) FROM tickets ORDER BY ticket_id`);
  return { report, rows };
}

describe.each(ENGINES)('typed fast path vs text path on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('builds exactly the same tickets from a clean generated log', async () => {
    const csv = generateTicketsCsv({ rows: 3000, seed: 11 });
    const typed = await ticketsVia(db, csv, false);
    const text = await ticketsVia(db, csv, true);
    expect(typed.report.rows).toEqual({ total: 3000, accepted: 3000, rejected: 0, tickets: 3000 });
    expect(typed.rows).toEqual(text.rows);
  });

  it('builds the same tickets from the hand-made upload fixture', async () => {
    const csv = readFileSync('tests/fixtures/e2e-upload.csv', 'utf8');
    const typed = await ticketsVia(db, csv, false);
    const text = await ticketsVia(db, csv, true);
    expect(typed.rows).toEqual(text.rows);
    expect(typed.rows).toHaveLength(10);
  });

  it('falls back to the text path, with line numbers, when a row is bad', async () => {
    const bad =
      'ticket_id,created_at,entry_channel\nb1,2026-03-01 10:00:00,hotline\nb2,2026-03-01 10:00:00,fax\n';
    const { report } = await ticketsVia(db, bad, false);
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    expect(report.rejectedSample[0]).toMatchObject({
      line: 3,
      reason: 'unknown entry_channel "fax"'
    });
  });
});
