import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { DEFAULT_SETTINGS } from '../../src/lib/metrics/settings';
import { ENGINES } from '../support/engines';
import { loadCsv, mapOf, scalar, withSettings } from '../fixtures/metrics/harness';
import { ROUTINE_CSV } from '../fixtures/metrics/fixtures';

const EMPTY = /no tickets in the denominator/;
const D = '2026-03-02 10:00:00';

// 2026-03-01 is a Sunday: 03-04 Wed, 03-05 Thu, 03-06 Fri, 03-07 Sat, 03-08 Sun, 03-09 Mon, 03-10 Tue.
const ENTERPRISE_SLA_CSV = [
  'ticket_id,created_at,entry_channel,customer_type,first_response_at',
  's1,2026-03-02 10:00:00,enterprise_line,enterprise,2026-03-02 10:59:00', // 59 min ✓
  's2,2026-03-02 10:00:00,enterprise_line,enterprise,2026-03-02 11:00:00', // exactly 60 ✓
  's3,2026-03-02 10:00:00,enterprise_line,enterprise,2026-03-02 11:01:00', // 61 ✗
  's4,2026-03-02 22:30:00,enterprise_line,enterprise,2026-03-03 09:45:00', // clock starts 09:00 → 45 ✓
  's5,2026-03-02 22:30:00,enterprise_line,enterprise,2026-03-03 10:01:00', // 61 ✗
  's6,2026-03-02 20:30:00,enterprise_line,enterprise,2026-03-03 09:20:00', // 30 + 20 = 50 ✓ (across midnight)
  's7,2026-03-02 20:30:00,enterprise_line,enterprise,2026-03-03 09:31:00', // 30 + 31 = 61 ✗
  's8,2026-03-03 03:00:00,enterprise_line,enterprise,2026-03-03 10:00:00', // 60 ✓ (opened before the window)
  's9,2026-03-02 10:00:00,hotline,individual,2026-03-02 15:00:00', // not enterprise: out
  's10,2026-03-02 10:00:00,enterprise_line,enterprise,', // no first response: out
  's11,2026-03-02T14:00:00Z,enterprise_line,enterprise,2026-03-03T01:30:00Z' // 22:00 → 09:30 local = 30 ✓
];

const SLA_CSV = [
  'ticket_id,created_at,entry_channel,first_response_at',
  // help_feedback, 2 business days = 2880 business minutes
  'h1,2026-03-06 17:00:00,help_feedback,2026-03-10 16:00:00', // Fri 7h + Mon 24h + Tue 16h = 47h ✓
  'h2,2026-03-06 17:00:00,help_feedback,2026-03-10 17:00:00', // 48h exactly ✓
  'h3,2026-03-06 17:00:00,help_feedback,2026-03-10 17:01:00', // 48h01 ✗
  'h4,2026-03-07 10:00:00,help_feedback,2026-03-10 23:59:00', // Sat 0 + Mon 24h + Tue 23h59 ✓
  'h5,2026-03-07 10:00:00,help_feedback,2026-03-11 00:01:00', // Mon 24 + Tue 24 + 1 min ✗
  // official_account, 3 business days
  'o1,2026-03-04 09:00:00,official_account,2026-03-09 09:00:00', // Wed 15h + Thu 24 + Fri 24 + Mon 9 = 72h ✓
  'o2,2026-03-04 09:00:00,official_account,2026-03-09 09:01:00', // 72h01 ✗
  // overseas_support, 3 business days
  'v1,2026-03-05 12:00:00,overseas_support,2026-03-08 12:00:00', // Thu 12h + Fri 24h + weekend 0 = 36h ✓
  // mini_program, 24 h elapsed
  'm1,2026-03-07 10:00:00,mini_program,2026-03-08 10:00:00', // 24h ✓
  'm2,2026-03-07 10:00:00,mini_program,2026-03-08 10:00:01', // 24h + 1 s ✗
  // hotline, 60 s
  'k1,2026-03-02 10:00:00,hotline,2026-03-02 10:01:00', // 60 s ✓
  'k2,2026-03-02 10:00:00,hotline,2026-03-02 10:01:01', // 61 s ✗
  'k3,2026-03-02 10:00:00,hotline,2026-03-02 10:00:07', // 7 s ✓
  'k4,2026-03-02 10:00:00,hotline,', // no first response: out
  // enterprise_line, 60 window minutes
  'e1,2026-03-02 22:30:00,enterprise_line,2026-03-03 09:45:00', // 45 ✓
  'e2,2026-03-02 10:00:00,enterprise_line,2026-03-02 11:01:00' // 61 ✗
];

const OFFHOURS_CSV = [
  'ticket_id,created_at,entry_channel,region,translation_delay_hours',
  'o1,2026-03-02 08:59:59,overseas_support,europe,10', // off-hours
  'o2,2026-03-02 09:00:00,overseas_support,southeast_asia,20', // staffed (inclusive)
  'o3,2026-03-02 20:59:00,overseas_support,north_america,', // staffed
  'o4,2026-03-02 21:00:00,overseas_support,middle_east,60', // off-hours (exclusive)
  'o5,2026-03-02T01:00:00Z,overseas_support,other_overseas,', // 09:00 local: staffed
  'o6,2026-03-02T00:59:00Z,overseas_support,europe,', // 08:59 local: off-hours
  'd1,2026-03-02 03:00:00,hotline,domestic,100', // domestic: out
  'd2,2026-03-02 23:00:00,hotline,,' // null region = domestic: out
];

const AWARENESS_ROWS: Array<
  [id: string, user: string, channel: string, lookups: string, followups: string]
> = [
  ['a1', 'u1', 'help_feedback', '0', '2'],
  ['a2', 'u1', 'official_account', '2', '0'],
  ['a3', 'u2', 'overseas_support', '0', '1'],
  ['a4', 'u2', 'help_feedback', '0', ''],
  ['a5', 'u3', 'enterprise_line', '1', '3'],
  ['a6', 'u4', 'mini_program', '5', '0'],
  ['a7', 'u4', 'hotline', '0', ''],
  ['a8', 'u5', 'mini_program', '3', ''],
  ['a9', 'u5', 'help_feedback', '0', '']
];
const AWARENESS_WITH_USERS = [
  'ticket_id,user_id,created_at,entry_channel,status_lookups,status_followups',
  ...AWARENESS_ROWS.map(
    ([id, user, channel, lookups, followups]) =>
      `${id},${user},${D},${channel},${lookups},${followups}`
  )
];
const AWARENESS_NO_USERS = [
  'ticket_id,created_at,entry_channel,status_lookups,status_followups',
  ...AWARENESS_ROWS.map(
    ([id, , channel, lookups, followups]) => `${id},${D},${channel},${lookups},${followups}`
  )
];

const LOAD_CSV = [
  'ticket_id,created_at,entry_channel,platform,load_ms',
  `l1,${D},mini_program,ios,1000`,
  `l2,${D},mini_program,ios,1400`, // ios (1000 + 1400)/2/1000 = 1.2
  `l3,${D},mini_program,android,1500`, // android 1.5
  `l4,${D},mini_program,harmonyos,`, // no load_ms: out
  `l5,${D},mini_program,harmonyos,1100`, // harmonyos 1.1
  `l6,${D},hotline,ios,9000`, // not mini_program: out
  `l7,${D},mini_program,,5000` // no platform: out
];

const FUNNEL_CSV = [
  'ticket_id,created_at,entry_channel,bot_answered,duplicate_answer,human_requested_at,agent_answered_at,status,resolved_at,resolved_by',
  `b1,${D},mini_program,yes,,,,resolved,2026-03-02 10:05:00,bot`,
  `b2,${D},mini_program,1,y,2026-03-02 10:01:00,2026-03-02 10:01:30,resolved,2026-03-02 10:20:00,agent`,
  `b3,${D},mini_program,true,no,2026-03-02 10:01:00,2026-03-02 10:01:30,resolved,2026-03-02 10:20:00,expert`,
  `b4,${D},mini_program,false,,2026-03-02 10:01:00,2026-03-02 10:01:30,resolved,2026-03-02 10:20:00,agent`,
  `b5,${D},mini_program,否,,2026-03-02 10:01:00,,open,,`,
  `b6,${D},help_feedback,,,,,resolved,2026-03-02 10:20:00,self_service`,
  `b7,${D},mini_program,是,是,2026-03-02 10:01:00,2026-03-02 10:01:30,unresolved,,`
];

const INTENT_CSV = [
  'ticket_id,created_at,entry_channel,ai_intent,true_intent,cross_business',
  `n1,${D},mini_program,a,a,false`,
  `n2,${D},mini_program,a,b,true`,
  `n3,${D},mini_program,b,b,true`,
  `n4,${D},mini_program,c,c,`,
  `n5,${D},mini_program,,d,true`,
  `n6,${D},mini_program,e,,true`,
  `n7,${D},mini_program,x,y,yes`
];

const EMERGENCY_CSV = [
  'ticket_id,created_at,entry_channel,emergency_type,priority,escalated,status,resolved_at',
  `x1,${D},hotline,other,P1,true,resolved,2026-03-02 10:30:00`, // escalated, 30 min
  `x2,${D},hotline,other,P0,yes,resolved,2026-03-02 11:30:00`, // escalated, 90 min
  `x3,${D},hotline,other,P1,false,resolved,2026-03-02 10:10:00`, // not escalated
  `x4,${D},hotline,other,,y,open,`, // escalated, open: out of the mean
  `x5,${D},hotline,account_stolen,P0,,resolved,2026-03-02 10:20:00`,
  `x6,${D},hotline,account_stolen,P0,,open,`,
  `x7,${D},hotline,fund_loss,,,open,`,
  `x8,${D},hotline,,P3,,open,`, // not an emergency
  `x9,${D},hotline,other,P1,no,unresolved,`
];

describe.each(ENGINES)('catalogue metrics on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('the catalogue has exactly the ids of metrics.md', () => {
    expect(METRICS.map((m) => m.id).sort()).toEqual(
      [
        'tickets',
        'open_tickets',
        'first_response_minutes_median',
        'first_response_minutes_p90',
        'resolve_minutes_median',
        'resolve_minutes_p90',
        'handle_seconds_mean',
        'csat_mean',
        'csat_satisfied_rate',
        'self_service_rate',
        'fund_safety_hotline_share',
        'pickup_within_20s',
        'pickup_within_20s_excl_abandoned',
        'cross_border_resolution_rate',
        'domestic_resolution_rate',
        'resolution_gap_pp',
        'enterprise_speedup',
        'enterprise_speedup_mean',
        'enterprise_speedup_mix_adjusted',
        'volume_by_channel',
        'volume_by_handling_channel',
        'routing_matrix',
        'sla_compliance_by_channel',
        'avg_wait_seconds',
        'miniprogram_load_seconds',
        'self_service_rate_by_platform',
        'tier_funnel',
        'intent_accuracy',
        'intent_coverage',
        'complex_misjudgment_rate',
        'duplicate_answer_rate',
        'emergency_volume',
        'nonstandard_escalation_rate',
        'nonstandard_escalated_resolve_minutes',
        'resolution_rate_by_region',
        'translation_delay_hours',
        'offhours_gap_rate',
        'enterprise_sla_rate',
        'status_awareness_rate',
        'status_followup_contacts'
      ].sort()
    );
  });

  describe('enterprise_sla_rate', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, ENTERPRISE_SLA_CSV);
    });

    it('counts only 09:00–21:00 minutes; clock starts when the window opens', async () => {
      // enterprise with a first response: s1..s8, s11 → 9 ; met: s1, s2, s4, s6, s8, s11 → 6/9
      const r = await scalar(db, report, 'enterprise_sla_rate');
      expect(r.value).toBeCloseTo(6 / 9, 12);
      expect(r.n).toBe(9);
    });

    it('target setting: 45 minutes', async () => {
      // ≤ 45: s4 (45), s11 (30), s6 (50 ✗) → s4, s11 → 2/9
      const settings = withSettings({ enterpriseWindow: { start: 9, end: 21, targetMinutes: 45 } });
      expect((await scalar(db, report, 'enterprise_sla_rate', { settings })).value).toBeCloseTo(
        2 / 9,
        12
      );
    });

    it('is null with a reason when no enterprise ticket is in the filter', async () => {
      const r = await scalar(db, report, 'enterprise_sla_rate', {
        filters: { customer_type: ['individual'] }
      });
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(EMPTY);
    });
  });

  describe('sla_compliance_by_channel', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, SLA_CSV);
    });

    it('business days over a weekend, elapsed hours, seconds and the enterprise window', async () => {
      const r = await mapOf(db, report, 'sla_compliance_by_channel');
      // help_feedback: h1 ✓ h2 ✓ h3 ✗ h4 ✓ h5 ✗ → 3/5 ; official_account o1 ✓ o2 ✗ → 1/2
      // overseas_support v1 ✓ → 1 ; mini_program m1 ✓ m2 ✗ → 1/2 ; hotline k1 ✓ k2 ✗ k3 ✓ → 2/3 (k4 out)
      // enterprise_line e1 ✓ e2 ✗ → 1/2
      expect(Object.keys(r.values).sort()).toEqual([
        'enterprise_line',
        'help_feedback',
        'hotline',
        'mini_program',
        'official_account',
        'overseas_support'
      ]);
      expect(r.values.help_feedback).toBeCloseTo(3 / 5, 12);
      expect(r.values.official_account).toBeCloseTo(1 / 2, 12);
      expect(r.values.overseas_support).toBeCloseTo(1, 12);
      expect(r.values.mini_program).toBeCloseTo(1 / 2, 12);
      expect(r.values.hotline).toBeCloseTo(2 / 3, 12);
      expect(r.values.enterprise_line).toBeCloseTo(1 / 2, 12);
      expect(r.counts).toEqual({
        enterprise_line: 2,
        help_feedback: 5,
        hotline: 3,
        mini_program: 2,
        official_account: 2,
        overseas_support: 1
      });
    });

    it('targets are settings', async () => {
      // help_feedback 3 business days: h3 (48h01) and h5 (48h01) now pass → 5/5
      // hotline 61 s: k2 passes → 3/3 ; mini_program 25 h: m2 passes → 2/2
      const settings = withSettings({
        slaTargets: {
          ...DEFAULT_SETTINGS.slaTargets,
          help_feedback: { businessDays: 3 },
          hotline: { seconds: 61 },
          mini_program: { hours: 25 }
        }
      });
      const r = await mapOf(db, report, 'sla_compliance_by_channel', { settings });
      expect(r.values.help_feedback).toBeCloseTo(1, 12);
      expect(r.values.hotline).toBeCloseTo(1, 12);
      expect(r.values.mini_program).toBeCloseTo(1, 12);
    });
  });

  describe('overseas', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, OFFHOURS_CSV);
    });

    it('offhours_gap_rate: 09:00 inclusive, 21:00 exclusive, local hours', async () => {
      // overseas o1..o6 → 6 ; off-hours o1 (08:59:59), o4 (21:00), o6 (08:59 local) → 3/6
      const r = await scalar(db, report, 'offhours_gap_rate');
      expect(r.value).toBeCloseTo(3 / 6, 12);
      expect(r.n).toBe(6);
    });

    it('staffed hours are a setting', async () => {
      // 08:00–22:00: no overseas ticket outside → 0/6 (a real zero)
      const settings = withSettings({ staffedHours: { start: 8, end: 22 } });
      const r = await scalar(db, report, 'offhours_gap_rate', { settings });
      expect(r.value).toBe(0);
      expect(r.n).toBe(6);
    });

    it('translation_delay_hours: mean over overseas tickets where it is set', async () => {
      // overseas with a value: o1 10, o2 20, o4 60 → 90/3 = 30 (d1 100 is domestic)
      const r = await scalar(db, report, 'translation_delay_hours');
      expect(r.value).toBeCloseTo(30, 12);
      expect(r.n).toBe(3);
    });

    it('offhours_gap_rate and translation delay are null with a reason without overseas tickets', async () => {
      const ask = { filters: { region: ['domestic'] } };
      for (const id of ['offhours_gap_rate', 'translation_delay_hours']) {
        const r = await scalar(db, report, id, ask);
        expect(r.value, id).toBeNull();
        expect(r.reason, id).toMatch(EMPTY);
      }
    });
  });

  describe('status awareness and follow-ups', () => {
    it('status_awareness_rate per user when user_id is present', async () => {
      const report = await loadCsv(db, AWARENESS_WITH_USERS);
      // ticketed users: u1 (a1, a2), u2 (a3, a4), u3 (a5), u5 (a9) → 4 (u4 only mini_program/hotline)
      // aware: u1 (a2 lookups 2), u3 (a5 lookups 1) → 2 ; u5's lookup is on mini_program a8 → not aware
      // 2/4
      const r = await scalar(db, report, 'status_awareness_rate');
      expect(r.value).toBeCloseTo(2 / 4, 12);
    });

    it('status_awareness_rate per ticket when the file has no user_id column', async () => {
      const report = await loadCsv(db, AWARENESS_NO_USERS);
      expect(report.presentColumns).not.toContain('user_id');
      // ticketed tickets: a1, a2, a3, a4, a5, a9 → 6 ; lookups > 0: a2, a5 → 2/6
      const r = await scalar(db, report, 'status_awareness_rate');
      expect(r.value).toBeCloseTo(2 / 6, 12);
    });

    it('status_followup_contacts: total and share of all contacts', async () => {
      const report = await loadCsv(db, AWARENESS_WITH_USERS);
      // total = 2 + 0 + 1 + 3 + 0 = 6 ; share = 6 / (9 tickets + 6) = 0.4
      const r = await mapOf(db, report, 'status_followup_contacts');
      expect(r.values.total).toBe(6);
      expect(r.values.share).toBeCloseTo(6 / 15, 12);
    });
  });

  describe('mini-program and platforms', () => {
    it('miniprogram_load_seconds per platform', async () => {
      const report = await loadCsv(db, LOAD_CSV);
      const r = await mapOf(db, report, 'miniprogram_load_seconds');
      // ios (1000 + 1400)/2/1000 = 1.2 ; android 1.5 ; harmonyos 1.1 (l4 empty, l6 hotline, l7 no platform out)
      expect(Object.keys(r.values).sort()).toEqual(['android', 'harmonyos', 'ios']);
      expect(r.values.ios).toBeCloseTo(1.2, 12);
      expect(r.values.android).toBeCloseTo(1.5, 12);
      expect(r.values.harmonyos).toBeCloseTo(1.1, 12);
      expect(r.counts).toEqual({ android: 1, harmonyos: 1, ios: 2 });
    });

    it('self_service_rate_by_platform drops the mobile condition', async () => {
      const report = await loadCsv(db, ROUTINE_CSV);
      const r = await mapOf(db, report, 'self_service_rate_by_platform');
      // routine non-open per platform: ios t1 ✓, t12 ✓ → 2/2 ; windows t2 ✓ → 1/1
      // android t3 ✗, t5 ✗, t13 ✓ → 1/3 ; harmonyos t4 ✓ → 1/1
      expect(r.values.ios).toBeCloseTo(1, 12);
      expect(r.values.windows).toBeCloseTo(1, 12);
      expect(r.values.android).toBeCloseTo(1 / 3, 12);
      expect(r.values.harmonyos).toBeCloseTo(1, 12);
      expect(r.counts).toEqual({ android: 3, harmonyos: 1, ios: 2, windows: 1 });
    });

    it('volume_by_handling_channel and routing_matrix use handling = entry when null', async () => {
      const report = await loadCsv(db, ROUTINE_CSV);
      // handling: hotline = t8, t14, t15, t17 → 4 ; mini_program = t1,t3..t7,t9..t12 (10) + t16 → 11 ;
      // help_feedback = t2, t13 → 2
      const handling = await mapOf(db, report, 'volume_by_handling_channel');
      expect(handling.values).toEqual({ help_feedback: 2, hotline: 4, mini_program: 11 });
      const matrix = await mapOf(db, report, 'routing_matrix');
      // mini_program>hotline: t8, t15 ; hotline>mini_program: t16 ; hotline>hotline: t14, t17
      expect(matrix.values).toEqual({
        'help_feedback>help_feedback': 2,
        'hotline>hotline': 2,
        'hotline>mini_program': 1,
        'mini_program>hotline': 2,
        'mini_program>mini_program': 10
      });
    });
  });

  describe('routing', () => {
    it('tier_funnel counts', async () => {
      const report = await loadCsv(db, FUNNEL_CSV);
      // all 7 ; bot_answered (yes, 1, true, 是): b1, b2, b3, b7 → 4
      // human_requested: b2, b3, b4, b5, b7 → 5 ; picked up: b2, b3, b4, b7 → 4
      // resolved by agent/expert: b2, b3, b4 → 3
      const r = await mapOf(db, report, 'tier_funnel');
      expect(r.values).toEqual({
        all: 7,
        bot_answered: 4,
        human_requested: 5,
        picked_up: 4,
        resolved_by_human: 3
      });
    });

    it('duplicate_answer_rate', async () => {
      const report = await loadCsv(db, FUNNEL_CSV);
      // bot answered AND agent answered: b2, b3, b7 → 3 ; duplicate: b2 (y), b7 (是) → 2/3
      const r = await scalar(db, report, 'duplicate_answer_rate');
      expect(r.value).toBeCloseTo(2 / 3, 12);
      expect(r.n).toBe(3);
    });

    it('avg_wait_seconds over picked-up requests', async () => {
      const report = await loadCsv(db, FUNNEL_CSV);
      // b2, b3, b4, b7 each 30 s → 30 (b5 abandoned: out)
      const r = await scalar(db, report, 'avg_wait_seconds');
      expect(r.value).toBeCloseTo(30, 12);
      expect(r.n).toBe(4);
    });

    it('intent_accuracy, intent_coverage, complex_misjudgment_rate', async () => {
      const report = await loadCsv(db, INTENT_CSV);
      // both set: n1 (a=a), n2 (a≠b), n3 (b=b), n4 (c=c), n7 (x≠y) → 3/5
      const accuracy = await scalar(db, report, 'intent_accuracy');
      expect(accuracy.value).toBeCloseTo(3 / 5, 12);
      expect(accuracy.n).toBe(5);
      // distinct true_intent: a, b, c, d, y → 5
      expect((await scalar(db, report, 'intent_coverage')).value).toBe(5);
      // both set and cross_business: n2 (≠), n3 (=), n7 (≠) → 2/3
      const complex = await scalar(db, report, 'complex_misjudgment_rate');
      expect(complex.value).toBeCloseTo(2 / 3, 12);
      expect(complex.n).toBe(3);
    });
  });

  describe('emergencies', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, EMERGENCY_CSV);
    });

    it('emergency_volume per type × priority (none for empty priority)', async () => {
      // account_stolen/P0: x5, x6 ; fund_loss/none: x7 ; other/P0: x2 ; other/P1: x1, x3, x9 ; other/none: x4
      const r = await mapOf(db, report, 'emergency_volume');
      expect(r.values).toEqual({
        'account_stolen/P0': 2,
        'fund_loss/none': 1,
        'other/P0': 1,
        'other/P1': 3,
        'other/none': 1
      });
    });

    it('nonstandard_escalation_rate', async () => {
      // other: x1, x2, x3, x4, x9 → 5 ; escalated: x1, x2, x4 → 3/5
      const r = await scalar(db, report, 'nonstandard_escalation_rate');
      expect(r.value).toBeCloseTo(3 / 5, 12);
      expect(r.n).toBe(5);
    });

    it('nonstandard_escalated_resolve_minutes', async () => {
      // escalated other, not open, with a resolve time: x1 30, x2 90 → 60
      const r = await scalar(db, report, 'nonstandard_escalated_resolve_minutes');
      expect(r.value).toBeCloseTo(60, 12);
      expect(r.n).toBe(2);
    });
  });

  it('resolution_rate_by_region', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,region,status',
      `g1,${D},hotline,,resolved`,
      `g2,${D},hotline,domestic,unresolved`,
      `g3,${D},hotline,domestic,resolved`,
      `g4,${D},hotline,domestic,open`,
      `g5,${D},overseas_support,europe,resolved`,
      `g6,${D},overseas_support,europe,open`,
      `g7,${D},overseas_support,middle_east,unresolved`
    ]);
    // domestic: g1 R, g2 U, g3 R → 2/3 (g4 open) ; europe g5 R → 1/1 (g6 open) ; middle_east 0/1
    const r = await mapOf(db, report, 'resolution_rate_by_region');
    expect(r.values.domestic).toBeCloseTo(2 / 3, 12);
    expect(r.values.europe).toBeCloseTo(1, 12);
    expect(r.values.middle_east).toBe(0);
    expect(r.counts).toEqual({ domestic: 3, europe: 1, middle_east: 1 });
  });

  describe('missing columns and empty denominators', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, [
        'ticket_id,created_at,entry_channel',
        `z1,${D},hotline`,
        `z2,${D},mini_program`
      ]);
    });

    it('a metric whose optional column is absent says which column it needs', async () => {
      const cases: Array<[string, string]> = [
        ['status_awareness_rate', 'status_lookups'],
        ['status_followup_contacts', 'status_followups'],
        ['translation_delay_hours', 'translation_delay_hours'],
        ['enterprise_sla_rate', 'first_response_at'],
        ['sla_compliance_by_channel', 'first_response_at'],
        ['miniprogram_load_seconds', 'load_ms'],
        ['tier_funnel', 'bot_answered'],
        ['intent_accuracy', 'ai_intent'],
        ['intent_coverage', 'true_intent'],
        ['complex_misjudgment_rate', 'ai_intent'],
        ['duplicate_answer_rate', 'bot_answered'],
        ['emergency_volume', 'emergency_type'],
        ['nonstandard_escalation_rate', 'emergency_type'],
        ['nonstandard_escalated_resolve_minutes', 'emergency_type'],
        ['pickup_within_20s', 'human_requested_at'],
        ['self_service_rate', 'resolved_by'],
        ['cross_border_resolution_rate', 'issue_type'],
        ['enterprise_speedup', 'resolved_at'],
        ['fund_safety_hotline_share', 'fund_safety']
      ];
      for (const [id, column] of cases) {
        const metric = METRICS.find((m) => m.id === id);
        const result =
          metric?.shape === 'map' ? await mapOf(db, report, id) : await scalar(db, report, id);
        expect(result.reason, id).toContain(`needs column ${column}`);
        if ('value' in result) expect(result.value, id).toBeNull();
        else expect(result.values, id).toEqual({});
      }
    });

    it('metrics that need no optional column run, and empty ones are null, never 0', async () => {
      // z1, z2 both open (no status, no resolved_at) → domestic resolution 0/0 → null
      const domestic = await scalar(db, report, 'domestic_resolution_rate');
      expect(domestic.value).toBeNull();
      expect(domestic.reason).toMatch(EMPTY);
      // no overseas tickets → null
      const off = await scalar(db, report, 'offhours_gap_rate');
      expect(off.value).toBeNull();
      expect(off.reason).toMatch(EMPTY);
      // resolution_rate_by_region: no resolved/unresolved ticket → empty map with a reason
      const byRegion = await mapOf(db, report, 'resolution_rate_by_region');
      expect(byRegion.values).toEqual({});
      expect(byRegion.reason).toMatch(EMPTY);
    });

    it('a filter that matches nothing gives null with a reason for every metric', async () => {
      const full = await loadCsv(db, FUNNEL_CSV);
      const filters = { from: '2030-01-01', to: '2030-01-02' };
      for (const id of [
        'tier_funnel',
        'duplicate_answer_rate',
        'avg_wait_seconds',
        'pickup_within_20s'
      ]) {
        const metric = METRICS.find((m) => m.id === id);
        if (metric?.shape === 'map') {
          const r = await mapOf(db, full, id, { filters });
          // the funnel is all counts: with no tickets every stage is 0, or the map is empty with a reason
          if (Object.keys(r.values).length === 0) expect(r.reason, id).toMatch(EMPTY);
          else expect(r.values.all, id).toBe(0);
        } else {
          const r = await scalar(db, full, id, { filters });
          expect(r.value, id).toBeNull();
          expect(r.reason, id).toMatch(EMPTY);
        }
      }
    });

    it('intent metrics with the columns present but every value empty are null, not 0', async () => {
      const r = await loadCsv(db, [
        'ticket_id,created_at,entry_channel,ai_intent,true_intent,cross_business',
        `q1,${D},hotline,,,`
      ]);
      for (const id of ['intent_accuracy', 'intent_coverage', 'complex_misjudgment_rate']) {
        const m = await scalar(db, r, id);
        expect(m.value, id).toBeNull();
        expect(m.reason, id).toMatch(EMPTY);
      }
    });
  });

  describe('a DST zone (Europe/Berlin, DST starts 2026-03-29 02:00 → 03:00)', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(
        db,
        [
          'ticket_id,created_at,entry_channel,region',
          'b1,2026-03-29 10:00:00,hotline,', // CEST +02:00 → 08:00Z
          'b2,2026-03-28 10:00:00,hotline,', // CET +01:00 → 09:00Z
          'b3,2026-03-29 01:30:00,hotline,', // still CET → 00:30Z
          'z1,2026-03-29T07:30:00Z,overseas_support,europe', // 09:30 CEST: staffed
          'z2,2026-03-28T07:30:00Z,overseas_support,europe', // 08:30 CET: off-hours
          'z3,2026-03-29T19:30:00Z,overseas_support,europe', // 21:30 CEST: off-hours
          'z4,2026-03-28T19:30:00Z,overseas_support,europe' // 20:30 CET: staffed
        ],
        { timeZone: 'Europe/Berlin' }
      );
    });

    it('converts naive local times with the offset in force on that day', async () => {
      expect(report.timeZone).toBe('Europe/Berlin');
      const rows = await db.query<{ ticket_id: string; created_at: number; created_local: number }>(
        "SELECT ticket_id, created_at, created_local FROM tickets WHERE ticket_id LIKE 'b%' ORDER BY ticket_id"
      );
      expect(rows).toEqual([
        {
          ticket_id: 'b1',
          created_at: Date.UTC(2026, 2, 29, 8),
          created_local: Date.UTC(2026, 2, 29, 10)
        },
        {
          ticket_id: 'b2',
          created_at: Date.UTC(2026, 2, 28, 9),
          created_local: Date.UTC(2026, 2, 28, 10)
        },
        {
          ticket_id: 'b3',
          created_at: Date.UTC(2026, 2, 29, 0, 30),
          created_local: Date.UTC(2026, 2, 29, 1, 30)
        }
      ]);
    });

    it('offhours_gap_rate uses local hours on both sides of the change', async () => {
      // overseas z1..z4 → 4 ; off-hours z2 (08:30), z3 (21:30) → 2/4
      const r = await scalar(db, report, 'offhours_gap_rate');
      expect(r.value).toBeCloseTo(2 / 4, 12);
      expect(r.n).toBe(4);
    });

    it('date filter uses Berlin days', async () => {
      // 03-29 local: b1, b3, z1, z3 → hotline 2, overseas_support 2
      const r = await mapOf(db, report, 'volume_by_channel', {
        filters: { from: '2026-03-29', to: '2026-03-29' }
      });
      expect(r.values).toEqual({ hotline: 2, overseas_support: 2 });
    });
  });
});
