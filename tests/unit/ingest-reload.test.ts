import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFileAtomically } from '../../src/lib/ingest/load/cancellable-load';
import { loadTicketFile, rejectedRows } from '../../src/lib/ingest/load/load';
import { LoadError } from '../../src/lib/ingest/load/load-error';
import {
  headerFingerprint,
  mappingFromJson,
  mappingToJson
} from '../../src/lib/ingest/map/mapping-json';
import type { Mapping } from '../../src/lib/ingest/map/mapping-types';
import { assertFileSize, fileSizeLimit, formatBytes } from '../../src/lib/ingest/read/size-limit';
import { RememberedMappings } from '../../src/lib/state/remembered-mappings';
import { ENGINES } from '../support/engines';
import { csvBytes } from '../fixtures/metrics/harness';

const D = '2026-03-02 10:00:00';
const FIRST = csvBytes(['ticket_id,created_at,entry_channel', `a,${D},hotline`, 'b,bad,hotline']);
const ZH = csvBytes(['工单号,创建时间,渠道,地区', `z1,${D},热线,国内`, `z2,${D},热线,火星`]);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k)
  };
}

/** `db`, whose `connect` (the connection a load runs on) hands out `wrap`ped connections. */
function onLoadConnection(db: Db, wrap: (conn: Db) => Db): Db {
  return { ...db, engine: db.engine, connect: async () => wrap(await db.connect!()) };
}

describe.each(ENGINES)('reloading and cancelling on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  async function expectFirstFileLoaded() {
    const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM tickets');
    expect(count?.n).toBe(1);
    expect((await rejectedRows(db, 3)).map((r) => r.line)).toEqual([3]);
    const [local] = await db.query<{ t: number }>(`SELECT to_local(TIMESTAMP '${D}') AS t`);
    expect(local?.t).toBe(Date.UTC(2026, 2, 2, 18)); // Asia/Shanghai, +8
  }

  it('a cancelled load leaves the previous tickets, rejected rows and time zone', async () => {
    await loadTicketFile(db, { name: 'first.csv', bytes: FIRST });
    const controller = new AbortController();
    let statements = 0;
    const counting = onLoadConnection(db, (conn) => ({
      ...conn,
      query: (sql, params) => {
        if (++statements === 12) controller.abort(new Error('cancelled by the user'));
        return conn.query(sql, params);
      },
      exec: (sql) => {
        if (++statements === 12) controller.abort(new Error('cancelled by the user'));
        return conn.exec(sql);
      }
    }));
    const load = loadTicketFileAtomically(
      counting,
      { name: 'zh.csv', bytes: ZH },
      { timeZone: 'America/New_York' },
      controller.signal
    );
    await expect(load).rejects.toThrow('cancelled by the user');
    await expectFirstFileLoaded();
  });

  it('a load that fails half-way leaves the previous data too', async () => {
    await loadTicketFile(db, { name: 'first.csv', bytes: FIRST });
    const broken = onLoadConnection(db, (conn) => ({
      ...conn,
      exec: (sql) =>
        sql.includes('CREATE OR REPLACE TABLE tickets')
          ? Promise.reject(new Error('disk full'))
          : conn.exec(sql)
    }));
    const load = loadTicketFileAtomically(
      broken,
      { name: 'zh.csv', bytes: ZH },
      {},
      new AbortController().signal
    );
    await expect(load).rejects.toThrow('disk full');
    await expectFirstFileLoaded();
  });

  it('page queries during a load see the committed data, and their errors leave the load alone', async () => {
    await loadTicketFile(db, { name: 'first.csv', bytes: FIRST });
    const seen: number[] = [];
    let pageError = '';
    const interleaved = onLoadConnection(db, (conn) => ({
      ...conn,
      exec: async (sql) => {
        await conn.exec(sql);
        if (!sql.includes('CREATE OR REPLACE TABLE tickets')) return;
        // The new tickets exist on the load's connection, uncommitted: the page sees the old ones.
        const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM tickets');
        seen.push(count!.n);
        await db
          .query("SELECT CAST('2026-13-45' AS DATE) AS d")
          .catch((error: Error) => (pageError = error.message));
      }
    }));
    const report = await loadTicketFileAtomically(
      interleaved,
      { name: 'zh.csv', bytes: ZH },
      {},
      new AbortController().signal
    );
    expect(seen).toEqual([1]);
    expect(pageError).toMatch(/Conversion Error/);
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    const [after] = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM tickets WHERE region = 'domestic'"
    );
    expect(after?.n).toBe(report.rows.tickets);
    expect((await rejectedRows(db, 3)).map((r) => r.line)).toEqual([3]);
  });

  it('an atomic load that completes replaces the data', async () => {
    const report = await loadTicketFileAtomically(
      db,
      { name: 'zh.csv', bytes: ZH },
      {},
      new AbortController().signal
    );
    expect(report.rows).toEqual({ total: 2, accepted: 1, rejected: 1, tickets: 1 });
    expect(report.unmatchedValues).toEqual({ region: ['火星'] });
  });

  it('a corrected value map, applied to the same bytes, accepts the row', async () => {
    const first = await loadTicketFile(db, { name: 'zh.csv', bytes: ZH });
    const corrected: Mapping = {
      ...first.mapping,
      values: { ...first.mapping.values, region: { 火星: 'other_overseas' } }
    };
    const again = await loadTicketFile(
      db,
      { name: 'zh.csv', bytes: ZH },
      { mapping: corrected, completeValues: true }
    );
    expect(again.rows).toEqual({ total: 2, accepted: 2, rejected: 0, tickets: 2 });
    // its own entry kept, 国内 completed from the synonyms, nothing left unmatched
    expect(again.mapping.values.region).toEqual({ 火星: 'other_overseas', 国内: 'domestic' });
    expect(again.unmatchedValues).toEqual({});
    expect(corrected.values.region).toEqual({ 火星: 'other_overseas' });
    expect(again.suggested).toBe(false);
  });

  it('a chosen source column gets its timestamp format detected', async () => {
    const bytes = csvBytes(['id,when,alt,channel', 'a,2026/3/2 10:00,x,hotline']);
    const mapping: Mapping = {
      columns: { ticket_id: 0, created_at: 1, entry_channel: 3 },
      values: {}
    };
    const report = await loadTicketFile(
      db,
      { name: 'm.csv', bytes },
      { mapping, completeValues: true }
    );
    expect(report.rows.accepted).toBe(1);
    expect(report.mapping.timestampFormats?.created_at).toBe('slash-ymd');
  });

  it('a mapping looked up by header is used, and only for that header', async () => {
    const seen: string[][] = [];
    const report = await loadTicketFile(
      db,
      { name: 'zh.csv', bytes: ZH },
      {
        mapping: (header) => {
          seen.push([...header]);
          return {
            columns: { ticket_id: 0, created_at: 1, entry_channel: 2 },
            values: { entry_channel: { 热线: 'hotline' } }
          };
        }
      }
    );
    expect(seen).toEqual([['工单号', '创建时间', '渠道', '地区']]);
    expect(report.suggested).toBe(false);
    expect(report.presentColumns).not.toContain('region');
    expect(report.rows.accepted).toBe(2);
  });
});

describe('remembered mappings', () => {
  const header = ['工单号', '创建时间', '渠道'];
  const mapping: Mapping = {
    columns: { ticket_id: 0, created_at: 1, entry_channel: 2 },
    values: { entry_channel: { 热线: 'hotline' } }
  };

  it('are found again by the same header, not by another', () => {
    const store = new RememberedMappings(memoryStorage());
    const key = store.remember(header, mapping);
    expect(key).toBe(headerFingerprint(header));
    expect(store.lookup([...header])).toEqual({ mapping, fingerprint: key });
    expect(store.lookup(['工单号', '创建时间'])).toBeUndefined();
    store.forget(header);
    expect(store.lookup(header)).toBeUndefined();
  });

  it('a stored mapping that no longer validates is reported, not used', () => {
    const storage = memoryStorage();
    const store = new RememberedMappings(storage);
    storage.setItem(
      `mapping:${headerFingerprint(header)}`,
      mappingToJson({ ...mapping, columns: { ticket_id: 7 } })
    );
    const found = store.lookup(header);
    expect(found && 'problem' in found ? found.problem : '').toContain('bad source index 7');
  });

  it('round-trip through JSON', () => {
    expect(mappingFromJson(mappingToJson(mapping), 3)).toEqual(mapping);
  });
});

describe('file size limit', () => {
  it('is 1 GiB, less on a device that reports little memory', () => {
    expect(fileSizeLimit()).toBe(1024 ** 3);
    expect(fileSizeLimit(8)).toBe(1024 ** 3);
    expect(fileSizeLimit(2)).toBe(256 * 1024 ** 2);
    expect(fileSizeLimit(0.25)).toBe(64 * 1024 ** 2);
  });

  it('refuses a larger file naming its size and the limit', () => {
    expect(() => assertFileSize('big.csv', 1024 ** 3, 1024 ** 3)).not.toThrow();
    let error: unknown;
    try {
      assertFileSize('big.csv', 1.5 * 1024 ** 3, 1024 ** 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).kind).toBe('too-large');
    expect((error as LoadError).message).toContain('"big.csv" is 1.5 GiB');
    expect((error as LoadError).message).toContain('up to 1 GiB');
  });

  it('formats sizes', () => {
    expect([80, 12 * 1024, 300 * 1024 ** 2, 1.5 * 1024 ** 3].map(formatBytes)).toEqual([
      '80 B',
      '12 KiB',
      '300 MiB',
      '1.5 GiB'
    ]);
  });
});
