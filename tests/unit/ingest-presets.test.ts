import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toUtf8 } from '../../src/lib/ingest/read/decode';
import { parquetToCsvBytes } from '../../src/lib/ingest/read/parquet';
import { findPreset, presetProjectionSql } from '../../src/lib/ingest/presets/presets';
import { sniffCsv } from '../../src/lib/ingest/read/sniff';
import {
  hasOffsetSql,
  instantSql,
  timestampSql,
  type TimestampFormat
} from '../../src/lib/ingest/load/timestamp-formats';
import { ENGINES } from '../support/engines';

const EVALDATA = '../shared/evaldata';

async function readRaw(db: Db, name: string, bytes: Uint8Array) {
  const { delimiter, header, sampleRows } = sniffCsv(
    new TextDecoder().decode(bytes.subarray(0, 65536))
  );
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const path = await db.registerFile(name, bytes);
  const delim = delimiter === '\t' ? '\\t' : delimiter;
  await db.exec(
    `CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv('${path}', header = true, columns = {${columns}}, auto_detect = false, delim = '${delim}', quote = '"', escape = '"')`
  );
  return { header, sampleRows };
}

const when = (ms: unknown) =>
  typeof ms === 'number' ? new Date(ms).toISOString().slice(0, 19) : ms;

describe.each(ENGINES)('ingest SQL on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it.each([
    ['iso', '2026-03-01T08:15:30', '2026-03-01T08:15:30', null],
    ['iso', ' 2026-03-01 08:15:30.250 ', '2026-03-01T08:15:30', null],
    ['iso', '2026-03-01', '2026-03-01T00:00:00', null],
    ['iso', '2026-03-01T08:15:30+08:00', null, '2026-03-01T00:15:30'],
    ['iso', '2026-03-01 08:15:30Z', null, '2026-03-01T08:15:30'],
    ['iso', '2026-03-01T08:15:30-0500', null, '2026-03-01T13:15:30'],
    ['iso', '2026-02-30 08:00:00', null, null],
    ['iso', 'yesterday', null, null],
    ['slash-ymd', '2026/3/1 8:05', '2026-03-01T08:05:00', null],
    ['slash-ymd', '2012/10/09 14:50:17.000', '2012-10-09T14:50:17', null],
    ['slash-ymd', '2026/03/01', '2026-03-01T00:00:00', null],
    ['slash-ymd', '2026/13/01 8:00', null, null],
    ['mdy-ampm', '05/01/2022 12:00:03 AM', '2022-05-01T00:00:03', null],
    ['mdy-ampm', '5/1/2022 1:07:03 pm', '2022-05-01T13:07:03', null],
    ['epoch-s', '1700000000', null, '2023-11-14T22:13:20'],
    ['epoch-s', '1700000000.5', null, '2023-11-14T22:13:20'],
    ['epoch-ms', '1700000000123', null, '2023-11-14T22:13:20'],
    ['epoch-ms', '99999999999999999999', null, null],
    ['epoch-s', 'abc', null, null]
  ] as const)('%s %j → local %s, instant %s', async (format, value, local, instant) => {
    const [row] = await db.query(
      `SELECT ${timestampSql(format as TimestampFormat, 'v')} AS l, ${instantSql(format as TimestampFormat, 'v')} AS u FROM (SELECT ?::VARCHAR AS v)`,
      [value]
    );
    expect(when(row?.l ?? null)).toBe(local);
    expect(when(row?.u ?? null)).toBe(instant);
  });

  it('flags explicit offsets only after a time of day', async () => {
    const [row] = await db.query(
      `SELECT ${hasOffsetSql("'2026-03-01'")} AS a, ${hasOffsetSql("'2026-03-01 08:00+08'")} AS b, ${hasOffsetSql("'2026-03-01T08:00:00Z'")} AS c`
    );
    expect(row).toEqual({ a: false, b: true, c: true });
  });

  it('maps the Anonymous Bank log: phantom calls rejected, midnight crossings, unique ids', async () => {
    const path = `${EVALDATA}/anonymous_bank_february_1999.txt`;
    if (!existsSync(path)) return console.warn(`skipping: ${path} not found`);
    const { header, sampleRows } = await readRaw(
      db,
      'bank.txt',
      toUtf8(new Uint8Array(readFileSync(path))).bytes
    );
    const preset = findPreset(header);
    expect(preset?.id).toBe('anonymous-bank');
    const plan = preset!.plan(header, sampleRows);
    await db.exec(`CREATE OR REPLACE TABLE bank AS ${presetProjectionSql(plan, 'raw')}`);
    const [s] = await db.query(`SELECT
        count(*)::DOUBLE AS total,
        count(*) FILTER (WHERE reject_reason IS NOT NULL)::DOUBLE AS rejected,
        count(DISTINCT ticket_id) FILTER (WHERE reject_reason IS NULL)::DOUBLE AS ids,
        count(*) FILTER (WHERE reject_reason IS NULL AND resolved_at < created_at)::DOUBLE AS backwards,
        count(*) FILTER (WHERE reject_reason IS NULL AND substr(resolved_at, 1, 10) > substr(agent_answered_at, 1, 10))::DOUBLE AS next_day,
        count(*) FILTER (WHERE reject_reason IS NULL AND agent_answered_at < human_requested_at)::DOUBLE AS negative_wait,
        count(*) FILTER (WHERE reject_reason IS NULL AND created_at IS NULL)::DOUBLE AS no_created,
        count(*) FILTER (WHERE status = 'resolved')::DOUBLE AS resolved,
        count(*) FILTER (WHERE status = 'unresolved')::DOUBLE AS unresolved
      FROM bank`);
    expect(s).toEqual({
      total: 33344,
      rejected: 278,
      ids: 33066,
      backwards: 0,
      next_day: 16,
      negative_wait: 0,
      no_created: 0,
      resolved: 27162,
      unresolved: 5904
    });
    const [crossing] = await db.query(
      `SELECT created_at, agent_answered_at, resolved_at, handle_seconds FROM bank WHERE ticket_id = 'AA0103-27131'`
    );
    expect(crossing).toEqual({
      created_at: '1999-02-23 23:51:58',
      agent_answered_at: '1999-02-23 23:52:10',
      resolved_at: '1999-02-24 00:00:32',
      handle_seconds: '502'
    });
  });

  it('reads CSV written from Parquet (zstd, naive and UTC timestamps)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pq-'));
    const file = join(dir, 't.parquet');
    const native = await DuckDBInstance.create(':memory:');
    const conn = await native.connect();
    await conn.run(`COPY (SELECT 'T' || i AS ticket_id, TIMESTAMP '2026-03-01 08:00:00' + i * INTERVAL 1 MINUTE AS created_at,
        TIMESTAMPTZ '2026-03-01 00:00:00+00' AS resolved_at, DATE '2026-03-01' AS day, i::BIGINT AS n,
        CASE WHEN i = 1 THEN 'a "quoted", text' END AS note
      FROM range(3) t(i)) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
    conn.closeSync();
    const { bytes, header } = await parquetToCsvBytes(new Uint8Array(readFileSync(file)));
    expect(header).toEqual(['ticket_id', 'created_at', 'resolved_at', 'day', 'n', 'note']);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[2]).toBe(
      'T1,2026-03-01T08:01:00.000,2026-03-01T00:00:00.000Z,2026-03-01,1,"a ""quoted"", text"'
    );
    await readRaw(db, 'pq.csv', bytes);
    const rows = await db.query(
      `SELECT c0, ${timestampSql('iso', 'c1')} AS t FROM raw ORDER BY c0`
    );
    expect(rows.map((r) => when(r.t))).toEqual([
      '2026-03-01T08:00:00',
      '2026-03-01T08:01:00',
      '2026-03-01T08:02:00'
    ]);
  });
});

describe('presets', () => {
  it('never match an ordinary ticket export', () => {
    expect(findPreset(['工单号', '创建时间', '渠道', 'status', 'type', 'date'])).toBeUndefined();
  });

  it('document their choices', () => {
    const header = [
      'vru+line',
      'call_id',
      'customer_id',
      'priority',
      'type',
      'date',
      'vru_entry',
      'vru_exit',
      'vru_time',
      'q_start',
      'q_exit',
      'q_time',
      'outcome',
      'ser_start',
      'ser_exit',
      'ser_time',
      'server'
    ];
    const preset = findPreset(header);
    expect(preset?.notes.map((n) => n.en).join(' ')).toMatch(/PHANTOM/);
    expect(() => preset?.plan(header.slice(1), [])).toThrow(/vru\+line/);
  });
});
