import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { ENGINES } from '../support/engines';
import { loadCsv, mapOf, scalar, withSettings, type Ask } from '../fixtures/metrics/harness';
import {
  FILTER_CSV,
  PICKUP_CSV,
  RESOLUTION_CSV,
  ROUTINE_CSV,
  SPEEDUP_CSV
} from '../fixtures/metrics/fixtures';

const EMPTY = /no tickets in the denominator/;

describe.each(ENGINES)('headline metrics on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  describe('routine and fund-safety rows', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, ROUTINE_CSV);
    });

    it('loads every row', () => {
      expect(report.rows).toEqual({ total: 17, accepted: 17, rejected: 0, tickets: 17 });
    });

    it('self_service_rate: routine non-open tickets self-served on mobile', async () => {
      // routine = not fund-safety, no emergency, priority null/P2/P3:
      //   t1,t2,t3,t4,t5,t10,t11,t12,t13 (t6 P1, t7 emergency, t8/t9/t14-t17 fund-safety)
      // minus open t10 (status open), t11 (null status, no resolved_at → open)
      // denominator: t1,t2,t3,t4,t5,t12,t13 → 7
      // numerator (resolved by bot/self_service on ios/android/harmonyos):
      //   t1 (ios bot), t4 (harmonyos self_service), t12 (ios bot, derived resolved), t13 (android bot)
      //   not t2 (windows), t3 (unresolved), t5 (agent) → 4
      const r = await scalar(db, report, 'self_service_rate');
      expect(r.value).toBeCloseTo(4 / 7, 12);
      expect(r.n).toBe(7);
      expect(r.reason).toBeNull();
    });

    it('fund_safety_hotline_share: explicit and derived fund-safety, routed handling channel', async () => {
      // fund-safety: t8 (TRUE), t9 (issue unauthorized_payment), t14 (issue fund_safety),
      //   t15 (emergency account_stolen), t16 (emergency fund_loss), t17 (是) → 6
      //   (t13 has fund_safety=否 which overrides its issue_type fund_safety)
      // handled by hotline: t8 (handling hotline), t14 (null → entry hotline),
      //   t15 (handling hotline), t17 (null → entry hotline) → 4;  t9 mini_program, t16 mini_program
      // 4 / 6
      const r = await scalar(db, report, 'fund_safety_hotline_share');
      expect(r.value).toBeCloseTo(4 / 6, 12);
      expect(r.n).toBe(6);
    });

    it('self_service_rate is null with a reason when no routine ticket passes the filter', async () => {
      // only hotline entry: t14 (P0 fund-safety), t16, t17 → none routine → 0/0
      const r = await scalar(db, report, 'self_service_rate', {
        filters: { entry_channel: ['hotline'] }
      });
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(EMPTY);
    });
  });

  describe('human pickup', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, PICKUP_CSV);
    });

    it('pickup_within_20s: abandoned counts as not picked up, exactly 20 s counts', async () => {
      // with human_requested_at: p1 (10 s), p2 (20 s), p3 (21 s), p4 (abandoned), p6 (5 s) → 5
      // ≤ 20 s: p1, p2, p6 → 3 ; 3/5
      const r = await scalar(db, report, 'pickup_within_20s');
      expect(r.value).toBeCloseTo(3 / 5, 12);
      expect(r.n).toBe(5);
    });

    it('pickup_within_20s_excl_abandoned leaves p4 out', async () => {
      // picked up: p1, p2, p3, p6 → 4 ; ≤ 20 s: p1, p2, p6 → 3/4
      const r = await scalar(db, report, 'pickup_within_20s_excl_abandoned');
      expect(r.value).toBeCloseTo(3 / 4, 12);
      expect(r.n).toBe(4);
    });

    it('the threshold setting changes both figures', async () => {
      // threshold 10 s: p1 (10, exactly), p6 (5) → 2 ; all: 2/5, excluding abandoned: 2/4
      const settings = withSettings({ pickupThresholdSeconds: 10 });
      expect((await scalar(db, report, 'pickup_within_20s', { settings })).value).toBeCloseTo(
        2 / 5,
        12
      );
      expect(
        (await scalar(db, report, 'pickup_within_20s_excl_abandoned', { settings })).value
      ).toBeCloseTo(2 / 4, 12);
      // threshold 21 s: p1, p2, p3, p6 → 4/5
      const wide = withSettings({ pickupThresholdSeconds: 21 });
      expect((await scalar(db, report, 'pickup_within_20s', { settings: wide })).value).toBeCloseTo(
        4 / 5,
        12
      );
    });

    it('is null with a reason when nobody asked for a human', async () => {
      // only mini_program: p5 has no human_requested_at → 0/0
      const r = await scalar(db, report, 'pickup_within_20s', {
        filters: { entry_channel: ['mini_program'] }
      });
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(EMPTY);
    });
  });

  describe('resolution rates', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, RESOLUTION_CSV);
    });

    it('cross_border_resolution_rate: resolved ÷ (resolved + unresolved), open left out', async () => {
      // cross_border_payment: r6 R, r7 U, r8 U, r9 open (out), r10 R → 2 / 4
      const r = await scalar(db, report, 'cross_border_resolution_rate');
      expect(r.value).toBeCloseTo(0.5, 12);
      expect(r.n).toBe(4);
    });

    it('domestic_resolution_rate: region null counts as domestic, open left out', async () => {
      // domestic: r1 R (null region), r2 U, r3 open (out), r4 derived open (out),
      //   r5 R (derived), r10 R, r11 R → 4 / 5
      const r = await scalar(db, report, 'domestic_resolution_rate');
      expect(r.value).toBeCloseTo(0.8, 12);
      expect(r.n).toBe(5);
    });

    it('resolution_gap_pp is (domestic − cross-border) × 100', async () => {
      // (0.8 − 0.5) × 100 = 30
      const r = await scalar(db, report, 'resolution_gap_pp');
      expect(r.value).toBeCloseTo(30, 9);
    });

    it('resolution_gap_pp is null when one side is empty', async () => {
      // region europe only: r6 R, r9 open → cross-border 1/1 but domestic 0/0 → null
      const r = await scalar(db, report, 'resolution_gap_pp', { filters: { region: ['europe'] } });
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(EMPTY);
    });
  });

  describe('enterprise speed-up', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, SPEEDUP_CSV);
    });

    it('enterprise_speedup uses continuous medians (even count averages the middle two)', async () => {
      // enterprise resolved minutes: 10, 20, 30, 100 → median (20 + 30) / 2 = 25 (e5 open: out)
      // individual resolved: 40, 50, 60 (i3 null type), 70, 130 → median 60 (i6 unresolved, i7 open: out)
      // 1 − 25/60 = 35/60
      const r = await scalar(db, report, 'enterprise_speedup');
      expect(r.value).toBeCloseTo(35 / 60, 12);
      expect(r.n).toBe(9);
    });

    it('enterprise_speedup_mean uses means', async () => {
      // enterprise mean (10+20+30+100)/4 = 40 ; individual mean (40+50+60+70+130)/5 = 70
      // 1 − 40/70 = 30/70
      const r = await scalar(db, report, 'enterprise_speedup_mean');
      expect(r.value).toBeCloseTo(30 / 70, 12);
    });

    it('enterprise_speedup_mix_adjusted re-weights individual medians to the enterprise mix', async () => {
      // cells (category × handling_channel), resolved only:
      //   payment×hotline: enterprise e1,e2,e4 (3); individual i1 (null → entry hotline) 40, i2 50 → median 45
      //   account×enterprise_line: enterprise e3 (1, null → entry enterprise_line);
      //     individual i3 60, i4 70, i5 130 → median 70
      // weighted individual median = (3·45 + 1·70) / 4 = 205/4 = 51.25
      // 1 − 25 / 51.25 = 26.25 / 51.25
      const r = await scalar(db, report, 'enterprise_speedup_mix_adjusted');
      expect(r.value).toBeCloseTo(26.25 / 51.25, 12);
      expect(r.n).toBe(4);
    });

    it('is null with a reason when there are no enterprise tickets', async () => {
      const ask = { filters: { customer_type: ['individual'] } };
      for (const id of [
        'enterprise_speedup',
        'enterprise_speedup_mean',
        'enterprise_speedup_mix_adjusted'
      ]) {
        const r = await scalar(db, report, id, ask);
        expect(r.value, id).toBeNull();
        expect(r.reason, id).toMatch(EMPTY);
      }
    });
  });

  describe('filters', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, FILTER_CSV);
    });

    const volume = async (ask: Ask) => (await mapOf(db, report, 'volume_by_channel', ask)).values;

    it('reports the dataset date range in the dataset time zone', () => {
      // f3 local 2026-02-28 … f4 local 2026-03-03
      expect(report.dateRange).toEqual({ from: '2026-02-28', to: '2026-03-03' });
    });

    it('a date range is inclusive days in Asia/Shanghai', async () => {
      // 03-01: f1 (23:30+08:00); f2 (16:30Z = 03-02 00:30 local) is NOT in it
      expect(await volume({ filters: { from: '2026-03-01', to: '2026-03-01' } })).toEqual({
        hotline: 1
      });
      // 03-02: f2 (mini_program), f5 (hotline)
      expect(await volume({ filters: { from: '2026-03-02', to: '2026-03-02' } })).toEqual({
        hotline: 1,
        mini_program: 1
      });
      // 02-28 … 03-03 inclusive: all five (f3 at 23:59:59 and f4 at 00:00:00 are both in)
      expect(await volume({ filters: { from: '2026-02-28', to: '2026-03-03' } })).toEqual({
        help_feedback: 1,
        hotline: 2,
        mini_program: 2
      });
    });

    it('headline ratios follow the date range', async () => {
      // 03-01 … 03-03: f1 R (domestic), f2 (europe), f4 U (domestic: null region), f5 (sea)
      // domestic: f1 R, f4 U → 1/2
      const r = await scalar(db, report, 'domestic_resolution_rate', {
        filters: { from: '2026-03-01', to: '2026-03-03' }
      });
      expect(r.value).toBeCloseTo(0.5, 12);
      // 03-02 only: f2 europe, f5 southeast_asia → no domestic ticket → null with a reason
      const none = await scalar(db, report, 'domestic_resolution_rate', {
        filters: { from: '2026-03-02', to: '2026-03-02' }
      });
      expect(none.value).toBeNull();
      expect(none.reason).toMatch(EMPTY);
    });

    it('channel, platform, region and customer-type lists', async () => {
      // entry channel hotline|mini_program: f1, f2, f3, f5 → domestic f1 R, f3 R → 1
      expect(
        (
          await scalar(db, report, 'domestic_resolution_rate', {
            filters: { entry_channel: ['hotline', 'mini_program'] }
          })
        ).value
      ).toBeCloseTo(1, 12);
      // platform ios: f2, f4, f5 → domestic: f4 U → 0/1 = 0 (a real zero, not null)
      const ios = await scalar(db, report, 'domestic_resolution_rate', {
        filters: { platform: ['ios'] }
      });
      expect(ios.value).toBe(0);
      expect(ios.n).toBe(1);
      // region europe|southeast_asia: f2 mini_program, f5 hotline
      expect(await volume({ filters: { region: ['europe', 'southeast_asia'] } })).toEqual({
        hotline: 1,
        mini_program: 1
      });
      // region domestic includes null region: f1, f3, f4
      expect(await volume({ filters: { region: ['domestic'] } })).toEqual({
        help_feedback: 1,
        hotline: 1,
        mini_program: 1
      });
      // customer_type individual includes null: f1 (null), f3, f5 (null) → hotline 2, mini 1
      expect(await volume({ filters: { customer_type: ['individual'] } })).toEqual({
        hotline: 2,
        mini_program: 1
      });
      // combined: platform ios AND customer_type enterprise → f2, f4
      expect(
        await volume({ filters: { platform: ['ios'], customer_type: ['enterprise'] } })
      ).toEqual({ help_feedback: 1, mini_program: 1 });
      // combined with the date: ios AND 03-02 → f2, f5
      expect(
        await volume({ filters: { platform: ['ios'], from: '2026-03-02', to: '2026-03-02' } })
      ).toEqual({ hotline: 1, mini_program: 1 });
    });
  });
});
