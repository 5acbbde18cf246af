import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { HEADLINE_IDS, METRICS } from '../../src/lib/metrics/catalogue';
import { SERVICE_IDS } from '../../src/lib/metrics/catalogue/service';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { DEFAULT_SETTINGS } from '../../src/lib/metrics/settings';
import { ENGINES } from '../support/engines';
import { loadCsv, mapOf, scalar, withSettings } from '../fixtures/metrics/harness';
import { MINIMAL_CSV, SERVICE_CSV } from '../fixtures/metrics/fixtures';

const D = '2026-03-02 10:00:00';
const at = (minutes: number) =>
  new Date(Date.UTC(2026, 2, 2, 10) + minutes * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');

/** Loaded with contract codes, then recoded to codes outside the contract's lists. */
const OPEN_VOCABULARY_CSV = [
  'ticket_id,created_at,entry_channel,platform,priority,first_response_at,status,resolved_at',
  `k1,${D},hotline,phone,P2,${at(1)},resolved,${at(5)}`, // 60 s ✓
  `k2,${D},hotline,phone,P2,2026-03-02 10:01:01,resolved,${at(5)}`, // 61 s ✗
  `u1,${D},mini_program,ios,P3,${at(600)},resolved,${at(700)}`, // → mail, 600 min
  `u2,${D},mini_program,ios,P3,${at(1440)},unresolved,`, // → mail, 1440 min exactly
  `u3,${D},mini_program,ios,P3,${at(1500)},open,`, // → mail, 1500 min
  `w1,${D},mini_program,android,P3,${at(10)},resolved,${at(20)}` // → web, platform wearable, priority P9
];
const RECODE = [
  "UPDATE tickets SET entry_channel = 'mail', handling_channel = 'mail' WHERE ticket_id LIKE 'u%'",
  "UPDATE tickets SET entry_channel = 'web', handling_channel = 'unspecified', platform = 'wearable', priority = 'P9' WHERE ticket_id = 'w1'"
];

describe.each(ENGINES)('service basics on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  describe('a file with every service column', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, SERVICE_CSV);
    });

    it('loads every row', () => {
      expect(report.rows).toEqual({ total: 8, accepted: 8, rejected: 0, tickets: 8 });
    });

    it('counts tickets and the open backlog', async () => {
      expect((await scalar(db, report, 'tickets')).value).toBe(8);
      // open: s4, s7, s8 (s8 has a resolved_at but its status says open)
      const open = await scalar(db, report, 'open_tickets');
      expect(open.value).toBe(3);
      expect(open.n).toBe(8);
    });

    it('first response median and p90 are continuous quantiles', async () => {
      // first responses (min): s1 10, s2 20, s3 30, s4 40, s6 100 → sorted 10 20 30 40 100
      // median = 30 ; p90 at position 0.9 × 4 = 3.6 → 40 + 0.6 × (100 − 40) = 76
      const median = await scalar(db, report, 'first_response_minutes_median');
      expect(median.value).toBeCloseTo(30, 9);
      expect(median.n).toBe(5);
      expect((await scalar(db, report, 'first_response_minutes_p90')).value).toBeCloseTo(76, 9);
    });

    it('resolve times: resolved tickets only (open and unresolved left out)', async () => {
      // resolved with a resolved_at: s1 60, s2 120, s5 30, s6 240 → sorted 30 60 120 240
      // (s3 unresolved 1000 and s8 open 5 are out) ; median (60 + 120)/2 = 90
      // p90 at 0.9 × 3 = 2.7 → 120 + 0.7 × (240 − 120) = 204
      const median = await scalar(db, report, 'resolve_minutes_median');
      expect(median.value).toBeCloseTo(90, 9);
      expect(median.n).toBe(4);
      expect((await scalar(db, report, 'resolve_minutes_p90')).value).toBeCloseTo(204, 9);
    });

    it('handle time mean counts a zero, skips empty', async () => {
      // s1 300, s2 200, s3 100, s5 400, s7 0 → 1000 / 5 = 200
      const r = await scalar(db, report, 'handle_seconds_mean');
      expect(r.value).toBeCloseTo(200, 9);
      expect(r.n).toBe(5);
    });

    it('CSAT mean and satisfied rate', async () => {
      // csat: 5, 4, 2, 3, 4, 1 → 19/6 ; ≥ 4: s1, s2, s6 → 3/6
      const mean = await scalar(db, report, 'csat_mean');
      expect(mean.value).toBeCloseTo(19 / 6, 9);
      expect(mean.n).toBe(6);
      const satisfied = await scalar(db, report, 'csat_satisfied_rate');
      expect(satisfied.value).toBeCloseTo(0.5, 12);
      expect(satisfied.n).toBe(6);
    });

    it('filters apply', async () => {
      const filters = { entry_channel: ['hotline'] };
      // hotline s1..s4: first responses 10 20 30 40 → median 25 ; resolved 60, 120 → 90 ; open s4
      expect((await scalar(db, report, 'tickets', { filters })).value).toBe(4);
      expect((await scalar(db, report, 'open_tickets', { filters })).value).toBe(1);
      expect(
        (await scalar(db, report, 'first_response_minutes_median', { filters })).value
      ).toBeCloseTo(25, 9);
      expect((await scalar(db, report, 'resolve_minutes_median', { filters })).value).toBeCloseTo(
        90,
        9
      );
    });

    it('an empty denominator is null with a reason naming what is missing, never 0', async () => {
      const none = { filters: { from: '2030-01-01', to: '2030-01-01' } };
      for (const id of SERVICE_IDS) {
        const r = await scalar(db, report, id, none);
        expect(r.value, id).toBeNull();
        expect(r.reason, id).toMatch(/no tickets/);
      }
      const r = await scalar(db, report, 'resolve_minutes_median', none);
      expect(r.reason).toBe(
        'no tickets with status resolved and resolved_at in the current filters'
      );
    });
  });

  describe('a file with only the required columns and resolved_at', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, MINIMAL_CSV);
    });

    it('service basics that need no more are computed', async () => {
      // resolved (status derived from resolved_at): m1 30, m2 90, m4 600 ; m3 open
      expect((await scalar(db, report, 'tickets')).value).toBe(4);
      expect((await scalar(db, report, 'open_tickets')).value).toBe(1);
      expect((await scalar(db, report, 'resolve_minutes_median')).value).toBeCloseTo(90, 9);
      // p90 at 0.9 × 2 = 1.8 → 90 + 0.8 × (600 − 90) = 498
      expect((await scalar(db, report, 'resolve_minutes_p90')).value).toBeCloseTo(498, 9);
    });

    it('the rest say which column they need', async () => {
      const cases: Array<[string, string]> = [
        ['first_response_minutes_median', 'first_response_at'],
        ['first_response_minutes_p90', 'first_response_at'],
        ['handle_seconds_mean', 'handle_seconds'],
        ['csat_mean', 'csat'],
        ['csat_satisfied_rate', 'csat'],
        ['self_service_rate', 'resolved_by'],
        ['fund_safety_hotline_share', 'fund_safety or issue_type or emergency_type'],
        ['pickup_within_20s', 'human_requested_at'],
        ['cross_border_resolution_rate', 'issue_type'],
        ['resolution_gap_pp', 'issue_type']
      ];
      for (const [id, column] of cases) {
        const r = await scalar(db, report, id);
        expect(r.value, id).toBeNull();
        expect(r.reason, id).toBe(`not available — needs column ${column}`);
      }
    });

    it('open_tickets needs status or resolved_at: without both every ticket would look open', async () => {
      const r = await scalar(db, report, 'open_tickets', {
        present: report.presentColumns.filter((c) => c !== 'resolved_at')
      });
      expect(r.reason).toBe('not available — needs column status or resolved_at');
    });
  });

  describe('codes outside the contract (open vocabularies)', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, OPEN_VOCABULARY_CSV);
      for (const statement of RECODE) await db.exec(statement);
    });

    it('a channel with no target gets a reason, not a figure; contract channels still get theirs', async () => {
      const r = await mapOf(db, report, 'sla_compliance_by_channel');
      expect(r.values).toEqual({ hotline: 0.5 });
      expect(r.reason).toBeNull();
      expect(r.keyReasons).toEqual({
        mail: 'set a target for channel mail (CLI: --sla-target mail=MINUTES)',
        web: 'set a target for channel web (CLI: --sla-target web=MINUTES)'
      });
    });

    it('a target set for the channel, in elapsed minutes', async () => {
      // mail 1440 min: u1 600 ✓, u2 1440 ✓ (exactly), u3 1500 ✗ → 2/3 ; web still unset
      const settings = withSettings({ channelSlaMinutes: { mail: 1440 } });
      const r = await mapOf(db, report, 'sla_compliance_by_channel', { settings });
      expect(r.values.mail).toBeCloseTo(2 / 3, 12);
      expect(r.counts.mail).toBe(3);
      expect(r.values.hotline).toBe(0.5);
      expect(Object.keys(r.keyReasons ?? {})).toEqual(['web']);
    });

    it('only unknown channels: no figure, and the reason says what to set', async () => {
      const r = await mapOf(db, report, 'sla_compliance_by_channel', {
        filters: { entry_channel: ['mail'] }
      });
      expect(r.values).toEqual({});
      expect(r.reason).toContain('set a target for channel mail');
    });

    it('counts and matrices keep the codes as written; every metric computes', async () => {
      expect((await mapOf(db, report, 'volume_by_channel')).values).toEqual({
        hotline: 2,
        mail: 3,
        web: 1
      });
      expect((await mapOf(db, report, 'routing_matrix')).values).toEqual({
        'hotline>hotline': 2,
        'mail>mail': 3,
        'web>unspecified': 1
      });
      const all = await computeMetrics(db, { present: report.presentColumns });
      expect(all).toHaveLength(METRICS.length);
      // resolved: k1 5 min, k2 5, u1 700, w1 20 → sorted 5 5 20 700 → median (5 + 20)/2 = 12.5
      expect((await scalar(db, report, 'resolve_minutes_median')).value).toBeCloseTo(12.5, 9);
      // domestic (region empty), not open: k1, k2, u1, w1 resolved, u2 unresolved → 4/5
      expect((await scalar(db, report, 'domestic_resolution_rate')).value).toBeCloseTo(4 / 5, 12);
    });

    it('filters by an unknown code', async () => {
      const r = await scalar(db, report, 'tickets', { filters: { platform: ['wearable'] } });
      expect(r.value).toBe(1);
    });
  });

  it('default settings have no target for any channel outside the contract', () => {
    expect(DEFAULT_SETTINGS.channelSlaMinutes).toEqual({});
    expect(SERVICE_IDS.every((id) => !HEADLINE_IDS.includes(id))).toBe(true);
  });
});
