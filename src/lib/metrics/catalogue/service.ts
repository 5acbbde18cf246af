import { raw } from '../../db/sql';
import { cubeCount } from '../cube/cube-forms';
import { countWhere, divide, meanOf, quantileOf, ratePopulation, RESOLVED } from '../define';
import type { MetricDef } from '../types';

const ALL = 'TRUE';

/**
 * The figures every ticket system's own reports lead with (metrics.md v2, "Service basics"):
 * computable from any export, so a file without the seed's columns still gets an overview.
 */
export const SERVICE_METRICS: MetricDef[] = [
  {
    id: 'tickets',
    shape: 'scalar',
    label: { zh: '工单数', en: 'Tickets' },
    unit: 'count',
    definition: { zh: '当前筛选下的工单数。', en: 'Number of tickets after the filters.' },
    requires: [],
    sections: ['service'],
    seed: null,
    population: () => ({ all: raw(ALL) }),
    aggregates: () => ({ n: countWhere(ALL) }),
    cube: () => ({ n: cubeCount(ALL) }),
    compute: (a) => ({ value: a.n ? a.n : null, n: a.n ?? 0 })
  },
  {
    id: 'open_tickets',
    shape: 'scalar',
    label: { zh: '未结工单', en: 'Open tickets' },
    unit: 'count',
    definition: {
      zh: '状态为处理中（open）的工单数，即数据截止时的积压。没有状态列时，无解决时间的工单视为未结。',
      en: 'Tickets with status = open: the backlog at the end of the data. Without a status column, a ticket with no resolved_at is open.'
    },
    requires: ['status|resolved_at'],
    sections: ['service'],
    seed: null,
    backlog: true,
    population: () => ({ all: raw("status = 'open'") }),
    aggregates: () => ({ open: countWhere("status = 'open'"), n: countWhere(ALL) }),
    cube: () => ({ open: cubeCount("status = 'open'"), n: cubeCount(ALL) }),
    compute: (a) => ({ value: a.n ? (a.open ?? null) : null, n: a.n ?? 0 })
  },
  {
    id: 'first_response_minutes_median',
    shape: 'scalar',
    label: { zh: '首次响应时长中位数', en: 'Median first response time' },
    unit: 'minutes',
    definition: {
      zh: '有首次响应的工单，首响时长（首次响应时间 − 创建时间）的中位数（连续分位数）。',
      en: 'Median of first_response_at − created_at over tickets that have a first response (continuous quantile).'
    },
    requires: ['first_response_at'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'first_response_at',
    ...quantileOf('first_response_minutes', ALL, 0.5)
  },
  {
    id: 'first_response_minutes_p90',
    shape: 'scalar',
    label: { zh: '首次响应时长P90', en: 'First response time, 90th percentile' },
    unit: 'minutes',
    definition: {
      zh: '有首次响应的工单，首响时长的第90百分位数（连续分位数）。',
      en: '90th percentile of first_response_at − created_at over tickets that have a first response (continuous quantile).'
    },
    requires: ['first_response_at'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'first_response_at',
    ...quantileOf('first_response_minutes', ALL, 0.9)
  },
  {
    id: 'resolve_minutes_median',
    shape: 'scalar',
    label: { zh: '解决时长中位数', en: 'Median time to resolve' },
    unit: 'minutes',
    definition: {
      zh: '已解决且有解决时间的工单，解决时长（解决时间 − 创建时间）的中位数；未结与未解决工单不计入。',
      en: 'Median of resolved_at − created_at over resolved tickets that have a resolved_at; open and unresolved tickets are left out.'
    },
    requires: ['resolved_at'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'status resolved and resolved_at',
    leavesOutOpen: true,
    ...quantileOf('resolve_minutes', RESOLVED, 0.5)
  },
  {
    id: 'resolve_minutes_p90',
    shape: 'scalar',
    label: { zh: '解决时长P90', en: 'Time to resolve, 90th percentile' },
    unit: 'minutes',
    definition: {
      zh: '已解决且有解决时间的工单，解决时长的第90百分位数（连续分位数）；未结与未解决工单不计入。',
      en: '90th percentile of resolved_at − created_at over resolved tickets that have a resolved_at (continuous quantile); open and unresolved tickets are left out.'
    },
    requires: ['resolved_at'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'status resolved and resolved_at',
    leavesOutOpen: true,
    ...quantileOf('resolve_minutes', RESOLVED, 0.9)
  },
  {
    id: 'handle_seconds_mean',
    shape: 'scalar',
    label: { zh: '平均处理时长（AHT）', en: 'Average handle time (AHT)' },
    unit: 'seconds',
    definition: {
      zh: '有处理时长的工单，处理时长（秒）的平均值。',
      en: 'Mean handle_seconds over tickets that have one.'
    },
    requires: ['handle_seconds'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'handle_seconds',
    ...meanOf('handle_seconds', ALL)
  },
  {
    id: 'csat_mean',
    shape: 'scalar',
    label: { zh: '平均满意度', en: 'Mean CSAT' },
    unit: 'score',
    definition: {
      zh: '有满意度评分（1–5）的工单，评分的平均值。',
      en: 'Mean csat (1–5) over tickets that have one.'
    },
    requires: ['csat'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'csat',
    ...meanOf('csat', ALL)
  },
  {
    id: 'csat_satisfied_rate',
    shape: 'scalar',
    label: { zh: '满意率（4–5分）', en: 'Satisfied (CSAT 4–5)' },
    unit: 'ratio',
    definition: {
      zh: '满意度 ≥ 4 的工单 ÷ 有满意度评分的工单。',
      en: 'Tickets with csat ≥ 4 ÷ tickets with a csat.'
    },
    requires: ['csat'],
    sections: ['service'],
    seed: null,
    emptyWhat: 'csat',
    population: () => ratePopulation(raw('csat >= 4'), raw('csat IS NOT NULL')),
    aggregates: () => ({
      num: countWhere('csat >= 4'),
      den: countWhere('csat IS NOT NULL')
    }),
    cube: () => ({
      num: cubeCount('csat >= 4'),
      den: cubeCount('csat IS NOT NULL')
    }),
    compute: (a) => divide(a.num, a.den)
  }
];

export const SERVICE_IDS = SERVICE_METRICS.map((m) => m.id);
