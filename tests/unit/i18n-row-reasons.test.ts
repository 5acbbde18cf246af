import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBankPreset } from '../../src/lib/ingest/presets/preset-anonymous-bank';
import { notANumber } from '../../src/lib/ingest/presets/preset-vendor-sql';
import type { Db } from '../../src/lib/db/types';
import { localiseRowReason } from '../../src/lib/i18n/row-reasons';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { rejectionGroups } from '../../src/lib/queries/upload-summary';
import { openNodeDb } from '../../src/lib/db/node';
import { csvBytes } from '../fixtures/metrics/harness';

const D = '2026-03-02 10:00:00';
// one row per kind of problem the loader names, each reason produced by the loader itself
const LINES = [
  'ticket_id,created_at,region,fund_safety,csat,resolved_at',
  `a,${D},mars,yes,4,`,
  `b,not a date,domestic,yes,4,`,
  `c,${D},domestic,maybe,4,`,
  `d,${D},domestic,yes,9,`,
  `e,${D},domestic,yes,4,2026-03-01 10:00:00`,
  `f,${D},domestic,yes,4,`,
  `f,${D},domestic,yes,4,`,
  `g,${D},domestic`,
  `,,domestic,yes,4,`,
  '合计,,,,,',
  'ticket_id,created_at,region,fund_safety,csat,resolved_at'
];

const CJK = /[\u4e00-\u9fff]/;

describe('rejected rows in Chinese', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it('every reason the loader gives, and every group of the summary, reads in Chinese', async () => {
    const report = await loadTicketFile(db, { name: 'bad.csv', bytes: csvBytes(LINES) });
    expect(report.rows.rejected).toBe(10);
    const parts = report.rejectedSample.flatMap((r) => r.reason.split('; '));
    const kinds = (await rejectionGroups(db)).map((g) => g.kind);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    for (const part of [...parts, ...kinds]) {
      expect(localiseRowReason(part, 'zh'), part).toMatch(CJK);
      expect(localiseRowReason(part, 'en')).toBe(part);
    }
  });

  it('keeps the column and the value, and joins several problems', () => {
    expect(localiseRowReason('unknown region "火星"; not 1–5: csat "9"', 'zh')).toBe(
      'region 的代码未知 "火星"；csat 不在 1–5 范围内 "9"'
    );
    expect(localiseRowReason('not a number ≥ 0: handle_seconds "a: b"', 'zh')).toBe(
      'handle_seconds 不是 ≥ 0 的数字 "a: b"'
    );
    expect(localiseRowReason('PHANTOM call: ignore', 'zh')).toBe('PHANTOM call: ignore');
  });

  it("reads the vendor presets' own reasons in Chinese", () => {
    const BANK_HEADER =
      'vru+line call_id customer_id priority type date vru_entry vru_exit vru_time q_start q_exit q_time outcome ser_start ser_exit ser_time server';
    const reasons = [
      notANumber('c3', 'First reply time in minutes').reason,
      anonymousBankPreset.plan(BANK_HEADER.split(' '), []).rejectIf[0]!.reason,
      'ticketStatus 98 (已删除): a deleted ticket'
    ];
    expect(reasons.map((r) => localiseRowReason(r, 'zh'))).toEqual([
      '“First reply time in minutes”不是数字',
      'PHANTOM 呼叫：日志说明要求忽略的虚拟呼叫',
      'ticketStatus 98（已删除）：已删除的工单'
    ]);
  });
});
