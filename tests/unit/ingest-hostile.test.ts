import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, type LoadReport } from '../../src/lib/ingest/load/load';
import { LoadError } from '../../src/lib/ingest/load/load-error';
import { ENGINES } from '../support/engines';

const HEADER = 'ticket_id,created_at,entry_channel';
const D = '2026-03-02 10:00:00';
const text = (s: string) => new TextEncoder().encode(s);

async function load(db: Db, bytes: Uint8Array, name = 'hostile.csv'): Promise<LoadReport> {
  return loadTicketFile(db, { name, bytes });
}

/** The load must fail with a LoadError (a message for the user), never another exception. */
async function failure(db: Db, bytes: Uint8Array, name = 'hostile.csv'): Promise<LoadError> {
  try {
    await load(db, bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error('the load did not fail');
}

function junk(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** A ZIP archive's local-file header (what an .xlsx renamed to .csv starts with). */
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...junk(200, 3)]);

describe.each(ENGINES)('hostile and broken files on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('an empty file says it is empty', async () => {
    const error = await failure(db, new Uint8Array(0));
    expect(error.kind).toBe('empty');
    expect(error.message).toMatch(/empty/i);
  });

  it('a file of blank lines says it is empty', async () => {
    const error = await failure(db, text('\n\r\n  \n'));
    expect(error.message).toMatch(/empty/i);
  });

  it('a header without rows says there are no data rows', async () => {
    const error = await failure(db, text(`${HEADER}\n`));
    expect(error.message).toContain('no data rows');
  });

  it('binary junk is refused as not a text file', async () => {
    const error = await failure(db, junk(5000));
    expect(error.kind).toBe('not-text');
    expect(error.message).toMatch(/binary|not UTF-8|neither UTF-8/);
  });

  it('a ZIP archive renamed .csv is named as a ZIP', async () => {
    const error = await failure(db, ZIP, 'export.csv');
    expect(error.message).toContain('ZIP');
    expect(error.message).toContain('CSV');
  });

  it('a file lacking created_at names the missing column', async () => {
    const error = await failure(db, text('ticket_id,entry_channel\na,hotline\n'));
    expect(error.kind).toBe('missing-columns');
    expect(error.message).toContain('created_at');
  });

  it('10,000 columns load, the extra ones kept and ignored', async () => {
    const extra = Array.from({ length: 9997 }, (_, i) => `x${i}`);
    const lines = [
      [HEADER, ...extra].join(','),
      ['a', D, 'hotline', ...extra.map(() => 'v')].join(','),
      ['b', 'not a date', 'hotline', ...extra.map(() => 'v')].join(',')
    ];
    const report = await load(db, text(lines.join('\n') + '\n'));
    expect(report.header).toHaveLength(10_000);
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    expect(report.rejectedSample[0]?.fields).toHaveLength(10_000);
  });

  it('a 20 MB field rejects its row with a reason and keeps the others', async () => {
    const huge = 'x'.repeat(20_000_000);
    const report = await load(
      db,
      text(`${HEADER},issue_type\na,${D},hotline,ok\nb,${D},hotline,"${huge}"\nc,${D},hotline,ok\n`)
    );
    expect(report.rows).toEqual({ total: 3, accepted: 2, rejected: 1, tickets: 2 });
    expect(report.rejectedSample[0]?.line).toBe(3);
    expect(report.rejectedSample[0]?.reason).toMatch(/line too long: 20 MB, the limit is 10 MB/);
  });

  it('a 20 MB field in the first row is still accounted for', async () => {
    const huge = 'x'.repeat(20_000_000);
    const report = await load(
      db,
      text(`${HEADER},issue_type\nb,${D},hotline,"${huge}"\nc,${D},hotline,ok\n`)
    );
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    expect(report.rejectedSample[0]?.reason).toContain('line too long');
  });

  it('duplicate header names are reported and do not stop the load', async () => {
    const report = await load(db, text(`${HEADER},note,note\na,${D},hotline,x,y\n`));
    expect(report.duplicateHeaders).toEqual(['note']);
    expect(report.rows.accepted).toBe(1);
  });

  it('SQL metacharacters in values and header names are data, not SQL', async () => {
    const evil = `'; DROP TABLE tickets; --`;
    const header = `${HEADER},true_intent,"x""); DROP TABLE rejected; --"`;
    const report = await load(
      db,
      text(`${header}\n"${evil}",${D},hotline,"${evil}",'\\\nb,${D},hotline,"a"" OR ""1""=""1",x\n`)
    );
    expect(report.rows).toEqual({ total: 2, accepted: 2, rejected: 0, tickets: 2 });
    expect(report.header[4]).toBe('x"); DROP TABLE rejected; --');
    const rows = await db.query<{ ticket_id: string; true_intent: string }>(
      'SELECT ticket_id, true_intent FROM tickets ORDER BY ticket_id'
    );
    expect(rows.map((r) => r.true_intent)).toEqual([evil, 'a" OR "1"="1']);
    expect(rows[0]?.ticket_id).toBe(evil);
    await db.query('SELECT count(*) FROM rejected');
  });

  it('random byte strings end in a LoadError or a load, never another exception', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const bytes = junk(1 + ((seed * 97) % 3000), seed);
      if (seed % 2 === 0) bytes.set(text(`${HEADER}\n`));
      try {
        const report = await load(db, bytes);
        expect(report.rows.accepted + report.rows.rejected).toBe(report.rows.total);
      } catch (error) {
        expect(error, `seed ${seed}`).toBeInstanceOf(LoadError);
      }
    }
  });
});
