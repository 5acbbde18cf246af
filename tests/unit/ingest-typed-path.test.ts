import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import type { Mapping } from '../../src/lib/ingest/map/mapping-types';
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
    expect(typed.report.loadPath).toEqual({ kind: 'typed' });
    expect(text.report.loadPath).toEqual({
      kind: 'text',
      reason: 'a saved or chosen mapping is applied'
    });
    expect(typed.rows).toEqual(text.rows);
  });

  it('builds the same tickets from the hand-made upload fixture', async () => {
    const csv = readFileSync('tests/fixtures/e2e-upload.csv', 'utf8');
    const typed = await ticketsVia(db, csv, false);
    const text = await ticketsVia(db, csv, true);
    expect(typed.report.loadPath).toEqual({ kind: 'typed' });
    expect(typed.rows).toEqual(text.rows);
    expect(typed.rows).toHaveLength(10);
  });

  it('falls back to the text path, with line numbers, when a row is bad', async () => {
    const bad =
      'ticket_id,created_at,region\nb1,2026-03-01 10:00:00,domestic\nb2,2026-03-01 10:00:00,atlantis\n';
    const { report } = await ticketsVia(db, bad, false);
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    expect(report.loadPath).toEqual({
      kind: 'text',
      reason: 'region has codes to translate or reject'
    });
    expect(report.rejectedSample[0]).toMatchObject({
      line: 3,
      reason: 'unknown region "atlantis"'
    });
  });

  it('both paths keep open codes, name rows by line and default the channel alike', async () => {
    const csv = [
      'created_at,handling_channel,platform,priority,issue_type',
      '2026-03-01 10:00:00,mail,ios,P1,refund',
      '2026-03-01 11:00:00,chat,kaios,sev2,',
      '2026-03-01 12:00:00,web,,,late_delivery',
      ''
    ].join('\n');
    const typed = await ticketsVia(db, csv, false);
    const text = await ticketsVia(db, csv, true);
    expect(typed.report.rows).toEqual({ total: 3, accepted: 3, rejected: 0, tickets: 3 });
    expect(typed.rows).toEqual(text.rows);
    expect(typed.rows.map((r) => r.ticket_id)).toEqual(['L2', 'L3', 'L4']);
    expect(typed.rows.map((r) => r.entry_channel)).toEqual([
      'unspecified',
      'unspecified',
      'unspecified'
    ]);
    expect(typed.rows.map((r) => r.handling_channel)).toEqual(['mail', 'chat', 'web']);
    expect(typed.rows.map((r) => r.priority)).toEqual(['P1', 'sev2', null]);
    for (const { report } of [typed, text]) {
      expect(report.notices.map((n) => n.id)).toEqual(
        expect.arrayContaining(['ticket-id-from-line', 'entry-channel-constant'])
      );
    }
  });

  it('leaves a placeholder date to the text path, which reads it as no time', async () => {
    const csv =
      'ticket_id,created_at,resolved_at\ns1,2026-03-01 10:00:00,1900-01-01 00:00:00\ns2,2026-03-01 10:00:00,2026-03-01 11:00:00\n';
    const { report, rows } = await ticketsVia(db, csv, false);
    expect(report.rows).toEqual({ total: 2, accepted: 2, rejected: 0, tickets: 2 });
    expect(report.sentinelTimestamps).toEqual({ resolved_at: 1 });
    expect(report.loadPath).toEqual({ kind: 'text', reason: 'resolved_at has placeholder dates' });
    expect(rows.map((r) => r.resolved_at === null)).toEqual([true, false]);
  });

  it('says when a cell does not read as its type, and rethrows a failure of the query itself', async () => {
    const badTime = 'ticket_id,created_at\nt1,2026-03-01 10:00:00\nt2,2026-03-01 25:00:00\n';
    const { report } = await ticketsVia(db, badTime, false);
    expect(report.loadPath).toEqual({
      kind: 'text',
      reason: "the typed reader rejected 1 cell(s) (not the contract's type)"
    });
    const broken: Db = {
      ...db,
      exec: (sql) =>
        sql.includes('TEMP TABLE typed')
          ? Promise.reject(new Error('Binder Error: a bug in the typed read'))
          : db.exec(sql)
    };
    const csv = generateTicketsCsv({ rows: 50, seed: 3 });
    await expect(
      loadTicketFile(broken, { name: 'f.csv', bytes: new TextEncoder().encode(csv) })
    ).rejects.toThrow('Binder Error: a bug in the typed read');
  });
});
