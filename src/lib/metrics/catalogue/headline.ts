import { raw, sql } from '../../db/sql';
import { cubeCount, cubeMean, cubeQuantile, cubeValueCount } from '../cube/cube-forms';
import { quantileFromCounts } from '../cube/quantile-from-counts';
import {
  aggregateWhere,
  countWhere,
  divide,
  ratePopulation,
  ratioOf,
  RESOLVED,
  RESOLVED_OR_NOT
} from '../define';
import type { MetricDef } from '../types';

const SELF_SERVED = "status = 'resolved' AND resolved_by IN ('bot', 'self_service')";
const RESOLVED_WITH_TIME = `${RESOLVED} AND resolve_minutes IS NOT NULL`;

function speedup(aggregate: 'median' | 'avg') {
  return {
    aggregates: () => ({
      enterprise: raw(
        aggregateWhere(
          aggregate,
          'resolve_minutes',
          `${RESOLVED_WITH_TIME} AND customer_type = 'enterprise'`
        )
      ),
      individual: raw(
        aggregateWhere(
          aggregate,
          'resolve_minutes',
          `${RESOLVED_WITH_TIME} AND customer_type = 'individual'`
        )
      ),
      n: countWhere(RESOLVED_WITH_TIME)
    }),
    cube: () => {
      const of = (customer: string) => `${RESOLVED} AND customer_type = '${customer}'`;
      const typical = (customer: string) =>
        aggregate === 'median'
          ? cubeQuantile('resolve', 'resolve_minutes', of(customer), 0.5)
          : cubeMean('resolve_minutes', of(customer));
      return {
        enterprise: typical('enterprise'),
        individual: typical('individual'),
        n: cubeValueCount('resolve_minutes', RESOLVED)
      };
    },
    population: () => ({ all: raw(RESOLVED_WITH_TIME) }),
    compute: (a: Record<string, number | null>) => {
      const ok = a.enterprise != null && a.individual != null && a.individual > 0;
      return { value: ok ? 1 - a.enterprise! / a.individual! : null, n: a.n ?? 0 };
    }
  };
}

export const HEADLINE_METRICS: MetricDef[] = [
  {
    id: 'self_service_rate',
    shape: 'scalar',
    label: { zh: '常规咨询移动端自助解决率', en: 'Routine requests self-served on mobile' },
    unit: 'ratio',
    definition: {
      zh: '常规工单（非资金安全、非紧急、优先级为空或P2/P3）中，在移动端（iOS/安卓/鸿蒙）由机器人或自助服务解决的比例。未结（open）工单不计入。',
      en: 'Routine tickets (not fund-safety, not an emergency, priority empty or P2/P3) resolved by the bot or self-service on mobile (iOS, Android, HarmonyOS) ÷ routine tickets. Open tickets are left out.'
    },
    requires: ['resolved_by', 'platform'],
    sections: ['headline', 'channels'],
    seed: 0.83,
    tolerance: 0.01,
    ...ratioOf(`${SELF_SERVED} AND is_mobile`, `is_routine AND status <> 'open'`)
  },
  {
    id: 'fund_safety_hotline_share',
    shape: 'scalar',
    label: { zh: '资金安全请求转专线比例', en: 'Fund-safety requests routed to the hotline' },
    unit: 'ratio',
    definition: {
      zh: '涉及资金安全的工单中，智能路由后由95017专线处理的比例。资金安全标记为空时按问题类型/紧急类型推导。',
      en: 'Fund-safety tickets whose handling channel (after routing) is the hotline ÷ fund-safety tickets. When fund_safety is empty it is derived from issue_type / emergency_type.'
    },
    requires: ['fund_safety|issue_type|emergency_type'],
    sections: ['headline', 'channels'],
    seed: 0.79,
    tolerance: 0.01,
    ...ratioOf("handling_channel = 'hotline'", 'is_fund_safety')
  },
  {
    id: 'pickup_within_20s',
    shape: 'scalar',
    label: { zh: '转人工20秒内接通率', en: 'Human transfers picked up within 20 s' },
    unit: 'ratio',
    definition: {
      zh: '转人工请求中，从转人工到坐席接通不超过阈值（默认20秒）的比例；放弃（未接通）的请求计为未接通。',
      en: 'Human requests picked up by an agent within the threshold (default 20 s) ÷ all human requests; abandoned requests count as not picked up.'
    },
    requires: ['human_requested_at', 'agent_answered_at'],
    sections: ['headline', 'routing'],
    seed: 0.67,
    tolerance: 0.01,
    population: (s) =>
      ratePopulation(
        sql`wait_seconds <= ${s.pickupThresholdSeconds}`,
        raw('human_requested_at IS NOT NULL')
      ),
    aggregates: (s) => ({
      num: sql`CAST(count_if(human_requested_at IS NOT NULL AND wait_seconds <= ${s.pickupThresholdSeconds}) AS DOUBLE)`,
      den: countWhere('human_requested_at IS NOT NULL')
    }),
    cube: () => ({
      num: cubeCount('has_human_request AND wait_within_threshold'),
      den: cubeCount('has_human_request')
    }),
    compute: (a) => divide(a.num, a.den)
  },
  {
    id: 'pickup_within_20s_excl_abandoned',
    shape: 'scalar',
    variantOf: 'pickup_within_20s',
    label: { zh: '20秒接通率（不含放弃）', en: 'Picked up within 20 s, abandoned left out' },
    unit: 'ratio',
    definition: {
      zh: '已接通的转人工请求中，等待不超过阈值的比例（放弃的请求不计入分母）。',
      en: 'Picked-up human requests whose wait is within the threshold ÷ picked-up human requests (abandoned ones left out).'
    },
    requires: ['human_requested_at', 'agent_answered_at'],
    sections: ['headline', 'routing'],
    seed: null,
    population: (s) =>
      ratePopulation(
        sql`wait_seconds <= ${s.pickupThresholdSeconds}`,
        raw('wait_seconds IS NOT NULL')
      ),
    aggregates: (s) => ({
      num: sql`CAST(count_if(wait_seconds IS NOT NULL AND wait_seconds <= ${s.pickupThresholdSeconds}) AS DOUBLE)`,
      den: countWhere('wait_seconds IS NOT NULL')
    }),
    cube: () => ({
      num: cubeCount('wait_within_threshold'),
      den: cubeCount('wait_within_threshold IS NOT NULL')
    }),
    compute: (a) => divide(a.num, a.den)
  },
  {
    id: 'cross_border_resolution_rate',
    shape: 'scalar',
    label: { zh: '跨境支付问题解决率', en: 'Cross-border payment resolution rate' },
    unit: 'ratio',
    definition: {
      zh: '问题类型为跨境支付的工单：已解决 ÷（已解决 + 未解决）。',
      en: 'Among issue_type = cross_border_payment: resolved ÷ (resolved + unresolved).'
    },
    requires: ['issue_type'],
    sections: ['headline', 'overseas'],
    seed: 0.61,
    tolerance: 0.01,
    ...ratioOf(RESOLVED, `issue_type = 'cross_border_payment' AND ${RESOLVED_OR_NOT}`)
  },
  {
    id: 'domestic_resolution_rate',
    shape: 'scalar',
    label: { zh: '国内问题解决率', en: 'Domestic resolution rate' },
    unit: 'ratio',
    definition: {
      zh: '地区为国内（为空视为国内）的工单：已解决 ÷（已解决 + 未解决）。',
      en: 'Among region = domestic (empty counts as domestic): resolved ÷ (resolved + unresolved).'
    },
    requires: [],
    sections: ['headline', 'overseas'],
    seed: 0.89,
    tolerance: 0.01,
    ...ratioOf(RESOLVED, `region = 'domestic' AND ${RESOLVED_OR_NOT}`)
  },
  {
    id: 'resolution_gap_pp',
    shape: 'scalar',
    label: { zh: '国内与跨境解决率差距', en: 'Domestic vs cross-border resolution gap' },
    unit: 'pp',
    definition: {
      zh: '（国内解决率 − 跨境支付解决率）× 100，单位：百分点。',
      en: '(domestic_resolution_rate − cross_border_resolution_rate) × 100, in percentage points.'
    },
    requires: ['issue_type'],
    sections: ['headline', 'overseas'],
    seed: 28,
    tolerance: 1,
    // The tickets behind either rate; failing = those left unresolved. A ticket in both groups
    // is one ticket here but is counted in both denominators of n.
    population: () =>
      ratePopulation(
        raw(RESOLVED),
        raw(`(region = 'domestic' OR issue_type = 'cross_border_payment') AND ${RESOLVED_OR_NOT}`)
      ),
    aggregates: () => ({
      dom_num: countWhere(`region = 'domestic' AND ${RESOLVED}`),
      dom_den: countWhere(`region = 'domestic' AND ${RESOLVED_OR_NOT}`),
      cb_num: countWhere(`issue_type = 'cross_border_payment' AND ${RESOLVED}`),
      cb_den: countWhere(`issue_type = 'cross_border_payment' AND ${RESOLVED_OR_NOT}`)
    }),
    cube: () => ({
      dom_num: cubeCount(`region = 'domestic' AND ${RESOLVED}`),
      dom_den: cubeCount(`region = 'domestic' AND ${RESOLVED_OR_NOT}`),
      cb_num: cubeCount(`issue_type = 'cross_border_payment' AND ${RESOLVED}`),
      cb_den: cubeCount(`issue_type = 'cross_border_payment' AND ${RESOLVED_OR_NOT}`)
    }),
    compute: (a) => {
      const domestic = divide(a.dom_num, a.dom_den).value;
      const crossBorder = divide(a.cb_num, a.cb_den).value;
      const n = (a.dom_den ?? 0) + (a.cb_den ?? 0);
      return {
        value: domestic != null && crossBorder != null ? (domestic - crossBorder) * 100 : null,
        n
      };
    }
  },
  {
    id: 'enterprise_speedup',
    shape: 'scalar',
    label: { zh: '企业用户解决提速', en: 'Enterprise resolution speed-up' },
    unit: 'ratio',
    definition: {
      zh: '1 − 企业用户解决时长中位数 ÷ 个人用户解决时长中位数（仅已解决工单；解决时长 = 解决时间 − 创建时间）。',
      en: '1 − median resolve time of enterprise ÷ median of individual, resolved tickets only (resolve time = resolved_at − created_at).'
    },
    requires: ['resolved_at'],
    sections: ['headline', 'enterprise'],
    seed: 0.57,
    tolerance: 0.01,
    ...speedup('median')
  },
  {
    id: 'enterprise_speedup_mean',
    shape: 'scalar',
    variantOf: 'enterprise_speedup',
    label: { zh: '企业提速（均值口径）', en: 'Enterprise speed-up (means)' },
    unit: 'ratio',
    definition: {
      zh: '同上，但用平均解决时长代替中位数。',
      en: 'As enterprise_speedup, with mean resolve times instead of medians.'
    },
    requires: ['resolved_at'],
    sections: ['headline', 'enterprise'],
    seed: null,
    ...speedup('avg')
  },
  {
    id: 'enterprise_speedup_mix_adjusted',
    shape: 'scalar-query',
    variantOf: 'enterprise_speedup',
    label: { zh: '企业提速（结构调整后）', en: 'Enterprise speed-up (mix-adjusted)' },
    unit: 'ratio',
    definition: {
      zh: '1 − 企业解决时长中位数 ÷ 按企业工单的（业务集群 × 处理渠道）结构加权的个人中位数；只用两类用户都有的单元格；剔除结构差异后的提速。',
      en: '1 − enterprise median ÷ individual medians per (category × handling channel) cell, weighted by the enterprise tickets in each cell, over cells both groups share: the speed-up left once the mix is the same.'
    },
    requires: ['resolved_at'],
    sections: ['headline', 'enterprise'],
    seed: null,
    query: () =>
      raw(`, r AS (SELECT category, handling_channel, customer_type, resolve_minutes FROM t WHERE ${RESOLVED_WITH_TIME}),
      cells AS (
        SELECT category, handling_channel,
          count_if(customer_type = 'enterprise') AS enterprise_n,
          median(CASE WHEN customer_type = 'individual' THEN resolve_minutes END) AS individual_median
        FROM r GROUP BY category, handling_channel),
      comparable AS (SELECT * FROM cells WHERE individual_median IS NOT NULL AND enterprise_n > 0)
      SELECT CASE WHEN sum(enterprise_n) > 0
          THEN 1 - (SELECT median(resolve_minutes) FROM r JOIN comparable c
              ON r.category IS NOT DISTINCT FROM c.category
              AND r.handling_channel IS NOT DISTINCT FROM c.handling_channel
            WHERE r.customer_type = 'enterprise')
            / (sum(enterprise_n * individual_median) / sum(enterprise_n)) END AS value,
        CAST(coalesce(sum(enterprise_n), 0) AS DOUBLE) AS n
      FROM comparable`),
    cube: () => mixAdjustedOnCube()
  }
];

/**
 * The mix-adjusted speed-up from the cube's counts per resolve time: the same cells, medians
 * and weights as the query over the tickets.
 */
function mixAdjustedOnCube() {
  const cell = ['category', 'handling_channel'];
  const sameCell = cell.map((k) => `r.${k} IS NOT DISTINCT FROM m.${k}`).join(' AND ');
  const comparable = `r AS (SELECT category, handling_channel, customer_type, resolve_minutes AS v, n
        FROM c WHERE cube_set = 'resolve' AND ${RESOLVED} AND resolve_minutes IS NOT NULL),
      medians AS (${quantileFromCounts(
        "SELECT category, handling_channel, v, sum(n) AS n FROM r WHERE customer_type = 'individual' GROUP BY ALL",
        0.5,
        cell
      )}),
      comparable AS (
        SELECT m.category, m.handling_channel, m.q AS individual_median,
          CAST(sum(CASE WHEN r.customer_type = 'enterprise' THEN r.n ELSE 0 END) AS BIGINT) AS enterprise_n
        FROM medians m JOIN r ON ${sameCell}
        WHERE m.q IS NOT NULL GROUP BY ALL HAVING enterprise_n > 0)`;
  const enterpriseMedian = `(SELECT q FROM (${quantileFromCounts(
    `SELECT r.v, sum(r.n) AS n FROM r JOIN comparable m ON ${sameCell} WHERE r.customer_type = 'enterprise' GROUP BY r.v`,
    0.5
  )}))`;
  return {
    value: raw(`(WITH ${comparable}
      SELECT CASE WHEN sum(enterprise_n) > 0
        THEN 1 - ${enterpriseMedian} / (sum(enterprise_n * individual_median) / sum(enterprise_n)) END
      FROM comparable)`),
    n: raw(`(WITH ${comparable}
      SELECT CAST(coalesce(sum(enterprise_n), 0) AS DOUBLE) FROM comparable)`)
  };
}
