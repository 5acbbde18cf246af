import { raw, sql, type Sql } from '../../db/sql';
import {
  countWhere,
  divide,
  meanOf,
  ratePopulation,
  ratioOf,
  RESOLVED,
  RESOLVED_OR_NOT,
  TICKETED_CHANNELS
} from '../define';
import { cubeCount, cubeMap } from '../cube/cube-forms';
import { dailyWindowClock, localHour } from '../time-windows';
import type { MetricSettings } from '../settings';
import type { MetricDef } from '../types';

/** Created outside the overseas staffed hours (local clock). */
export const createdOffHours = (s: MetricSettings): Sql =>
  sql`(${raw(localHour('created_local'))} < ${s.staffedHours.start} OR ${raw(localHour('created_local'))} >= ${s.staffedHours.end})`;

/** First response within the enterprise target, counting minutes inside the daily window only. */
export function enterpriseWindowMet(s: MetricSettings): Sql {
  const w = s.enterpriseWindow;
  return sql`(${dailyWindowClock('first_response_local', w.start, w.end)} - ${dailyWindowClock('created_local', w.start, w.end)}) <= ${w.targetMinutes}`;
}

export const PROGRAMME_METRICS: MetricDef[] = [
  {
    id: 'emergency_volume',
    shape: 'map',
    label: { zh: '紧急事件量（类型×优先级）', en: 'Emergencies by type × priority' },
    unit: 'count',
    definition: {
      zh: '按“紧急类型/优先级”统计的工单数（优先级为空记为 none）。',
      en: 'Tickets per emergency_type/priority (empty priority shown as none).'
    },
    requires: ['emergency_type'],
    sections: ['emergencies'],
    seed: null,
    query: () =>
      raw(`SELECT emergency_type || '/' || coalesce(priority, 'none') AS key,
          CAST(count(*) AS DOUBLE) AS value, CAST(count(*) AS DOUBLE) AS n
        FROM t WHERE emergency_type IS NOT NULL GROUP BY 1 ORDER BY 1`),
    cube: () =>
      cubeMap("emergency_type || '/' || coalesce(priority, 'none')", 'CAST(sum(n) AS DOUBLE)', {
        where: 'emergency_type IS NOT NULL'
      })
  },
  {
    id: 'nonstandard_escalation_rate',
    shape: 'scalar',
    label: { zh: '非标准紧急事件升级率', en: 'Non-standard emergencies escalated' },
    unit: 'ratio',
    definition: {
      zh: '紧急类型为“其他”（非标准紧急事件）的工单中被升级处理的比例。',
      en: 'escalated ÷ tickets with emergency_type = other (non-standard emergencies).'
    },
    requires: ['emergency_type', 'escalated'],
    sections: ['emergencies'],
    seed: 0.34,
    tolerance: 0.01,
    ...ratioOf('escalated', "emergency_type = 'other'", 'none')
  },
  {
    id: 'nonstandard_escalated_resolve_minutes',
    shape: 'scalar',
    label: { zh: '升级后平均解决时长', en: 'Escalated non-standard: mean resolve time' },
    unit: 'minutes',
    definition: {
      zh: '被升级的非标准紧急事件的平均解决时长（分钟，未结工单不计入）。',
      en: 'Mean resolve_minutes of escalated emergency_type = other tickets (open tickets left out).'
    },
    requires: ['emergency_type', 'escalated', 'resolved_at'],
    sections: ['emergencies'],
    seed: 58,
    tolerance: 2,
    ...meanOf('resolve_minutes', "emergency_type = 'other' AND escalated AND status <> 'open'")
  },
  {
    id: 'resolution_rate_by_region',
    shape: 'map',
    label: { zh: '各地区解决率', en: 'Resolution rate per region' },
    unit: 'ratio',
    definition: {
      zh: '各地区：已解决 ÷（已解决 + 未解决）。',
      en: 'Per region: resolved ÷ (resolved + unresolved).'
    },
    requires: [],
    sections: ['overseas'],
    seed: { domestic: 0.89 },
    tolerance: 0.01,
    query: () =>
      raw(`SELECT region AS key, count(*) FILTER (WHERE ${RESOLVED}) / count(*) AS value,
          CAST(count(*) AS DOUBLE) AS n
        FROM t WHERE ${RESOLVED_OR_NOT} GROUP BY 1 ORDER BY 1`),
    cube: () =>
      cubeMap(
        'region',
        `CAST(sum(CASE WHEN ${RESOLVED} THEN n ELSE 0 END) AS DOUBLE) / CAST(sum(n) AS DOUBLE)`,
        { where: RESOLVED_OR_NOT }
      )
  },
  {
    id: 'translation_delay_hours',
    shape: 'scalar',
    label: { zh: '平均语言转译延迟', en: 'Mean translation delay' },
    unit: 'hours',
    definition: {
      zh: '海外工单（有转译等待记录者）的平均转译等待小时数。',
      en: 'Mean translation_delay_hours of overseas tickets where it is set.'
    },
    requires: ['translation_delay_hours'],
    sections: ['overseas'],
    seed: 48,
    tolerance: 2,
    ...meanOf('translation_delay_hours', 'is_overseas')
  },
  {
    id: 'offhours_gap_rate',
    shape: 'scalar',
    label: { zh: '海外时差响应空白', en: 'Overseas off-hours gap' },
    unit: 'ratio',
    definition: {
      zh: '在值守时段（默认每天09:00–21:00，数据时区）以外创建的海外工单 ÷ 海外工单。',
      en: 'Overseas tickets created outside staffed hours (default 09:00 inclusive to 21:00 exclusive, every day, dataset time zone) ÷ overseas tickets.'
    },
    requires: [],
    sections: ['overseas', 'improvements'],
    seed: 0.42,
    tolerance: 0.01,
    population: (s) => ratePopulation(createdOffHours(s), raw('is_overseas'), 'numerator'),
    aggregates: (s) => ({
      num: sql`CAST(count(*) FILTER (WHERE is_overseas AND ${createdOffHours(s)}) AS DOUBLE)`,
      den: countWhere('is_overseas')
    }),
    cube: () => ({
      num: cubeCount('is_overseas AND created_off_hours'),
      den: cubeCount('is_overseas')
    }),
    compute: (a) => divide(a.num, a.den)
  },
  {
    id: 'enterprise_sla_rate',
    shape: 'scalar',
    label: { zh: '企业服务SLA达标率', en: 'Enterprise SLA met' },
    unit: 'ratio',
    definition: {
      zh: '有首次响应的企业工单中，仅计7×12服务窗口（默认09:00–21:00）内分钟的首响时长不超过目标（默认60分钟）的比例；窗口外创建的工单从下一次窗口开启时计时。',
      en: 'Enterprise tickets with a first response whose response time, counted only in minutes of the 7×12 window (default 09:00–21:00), is ≤ the target (default 60 min) ÷ enterprise tickets with a first response. A ticket opened outside the window starts its clock when the window next opens.'
    },
    requires: ['first_response_at'],
    sections: ['enterprise'],
    seed: 0.993,
    tolerance: 0.003,
    population: (s) =>
      ratePopulation(
        enterpriseWindowMet(s),
        raw("customer_type = 'enterprise' AND first_response_at IS NOT NULL")
      ),
    aggregates: (s) => {
      const base = "customer_type = 'enterprise' AND first_response_at IS NOT NULL";
      return {
        num: sql`CAST(count(*) FILTER (WHERE ${raw(base)} AND ${enterpriseWindowMet(s)}) AS DOUBLE)`,
        den: countWhere(base)
      };
    },
    cube: () => ({
      num: cubeCount('enterprise_window_met'),
      den: cubeCount("customer_type = 'enterprise' AND has_first_response")
    }),
    compute: (a) => divide(a.num, a.den)
  },
  {
    id: 'status_awareness_rate',
    shape: 'scalar',
    label: { zh: '工单状态查询知晓率', en: 'Users who know how to check status' },
    unit: 'ratio',
    definition: {
      zh: '在工单型渠道（帮助与反馈、公众号、海外、企业专线）有工单的用户中，至少一张工单查询过进度的用户比例；文件无用户ID列时按工单计。',
      en: 'Among tickets entering by help_feedback, official_account, overseas_support or enterprise_line: users with status_lookups > 0 on at least one such ticket ÷ users with such a ticket (per ticket when the file has no user_id column).'
    },
    requires: ['status_lookups'],
    sections: ['improvements'],
    seed: 0.31,
    tolerance: 0.01,
    // Drilled per ticket: failing = ticketed-channel tickets with no status lookup.
    population: () => ratePopulation(raw('status_lookups > 0'), raw(TICKETED_CHANNELS)),
    aggregates: (_s, present) => {
      const unit = present.has('user_id') ? 'DISTINCT user_id' : '*';
      return {
        num: raw(
          `CAST(count(${unit}) FILTER (WHERE ${TICKETED_CHANNELS} AND status_lookups > 0) AS DOUBLE)`
        ),
        den: raw(`CAST(count(${unit}) FILTER (WHERE ${TICKETED_CHANNELS}) AS DOUBLE)`)
      };
    },
    cube: (_s, present) => {
      if (!present.has('user_id')) {
        return {
          num: cubeCount(`${TICKETED_CHANNELS} AND has_status_lookup`),
          den: cubeCount(TICKETED_CHANNELS)
        };
      }
      const users = (condition: string) =>
        raw(
          `(SELECT CAST(count(DISTINCT user_id) AS DOUBLE) FROM c WHERE cube_set = 'user' AND ${condition})`
        );
      return {
        num: users('is_ticketed_channel AND has_status_lookup'),
        den: users('is_ticketed_channel')
      };
    },
    compute: (a) => divide(a.num, a.den)
  },
  {
    id: 'status_followup_contacts',
    shape: 'map',
    label: { zh: '催单（查询进度）来电量', en: 'Contacts made only to chase status' },
    unit: 'count',
    definition: {
      zh: 'total = status_followups 之和；share = total ÷（工单数 + total），即催单在全部接触中的占比。',
      en: 'total = sum of status_followups; share = total ÷ (tickets + total), its share of all contacts.'
    },
    requires: ['status_followups'],
    sections: ['improvements'],
    seed: null,
    query: () =>
      raw(`SELECT * FROM (
          SELECT 'total' AS key, CAST(coalesce(sum(status_followups), 0) AS DOUBLE) AS value, CAST(count(*) AS DOUBLE) AS n FROM t
          UNION ALL
          SELECT 'share', coalesce(sum(status_followups), 0) / (count(*) + coalesce(sum(status_followups), 0)), CAST(count(*) AS DOUBLE) FROM t
        ) WHERE n > 0 ORDER BY key DESC`),
    cube: () =>
      raw(`SELECT key, value, n, ord FROM (
          SELECT coalesce(sum(status_followups_sum), 0) AS total, sum(n) AS tickets
          FROM c WHERE cube_set = 'main'
        ), LATERAL (VALUES
          ('total', CAST(total AS DOUBLE), CAST(tickets AS DOUBLE), 1),
          ('share', total / (tickets + total), CAST(tickets AS DOUBLE), 2)
        ) AS part(key, value, n, ord) WHERE n > 0`)
  }
];
