import { join, raw, sql, type Sql } from '../../db/sql';
import { countWhere, meanOf, ratioOf } from '../define';
import { cubeCount, cubeMap } from '../cube/cube-forms';
import { businessClock, dailyWindowClock } from '../time-windows';
import { slaTargetMissing, type MetricSettings } from '../settings';
import type { MetricDef } from '../types';

const SELF_SERVED = "status = 'resolved' AND resolved_by IN ('bot', 'self_service')";

const businessMinutes = `(${businessClock('first_response_local')} - ${businessClock('created_local')})`;

/**
 * Whether a ticket's first response met its entry channel's target, on that target's clock
 * (NULL for a channel without a target); read on tickets with a first response.
 */
export function slaMet(s: MetricSettings): Sql {
  const targets = s.slaTargets;
  const w = s.enterpriseWindow;
  const windowMinutes = sql`(${dailyWindowClock('first_response_local', w.start, w.end)} - ${dailyWindowClock('created_local', w.start, w.end)})`;
  const custom = Object.entries(s.channelSlaMinutes).map(
    ([channel, minutes]) => sql` WHEN ${channel} THEN first_response_minutes <= ${minutes}`
  );
  return sql`CASE entry_channel
          WHEN 'help_feedback' THEN ${raw(businessMinutes)} <= 1440 * ${targets.help_feedback.businessDays}
          WHEN 'official_account' THEN ${raw(businessMinutes)} <= 1440 * ${targets.official_account.businessDays}
          WHEN 'overseas_support' THEN ${raw(businessMinutes)} <= 1440 * ${targets.overseas_support.businessDays}
          WHEN 'mini_program' THEN first_response_minutes <= 60 * ${targets.mini_program.hours}
          WHEN 'hotline' THEN first_response_minutes * 60 <= ${targets.hotline.seconds}
          WHEN 'enterprise_line' THEN ${windowMinutes} <= ${w.targetMinutes}${join(custom, '')}
        END`;
}

/** Whether each ticket's first response met its channel's target, on that target's clock. */
function slaCompliance(s: MetricSettings) {
  return sql`, r AS (
      SELECT entry_channel AS key, ${slaMet(s)} AS met
      FROM t WHERE first_response_at IS NOT NULL)
    SELECT key, avg(CASE WHEN met THEN 1.0 WHEN NOT met THEN 0.0 END) AS value,
      CAST(count(*) AS DOUBLE) AS n
    FROM r GROUP BY key ORDER BY key`;
}

export const OPERATIONS_METRICS: MetricDef[] = [
  {
    id: 'volume_by_channel',
    shape: 'map',
    label: { zh: '各进线渠道工单量', en: 'Tickets per entry channel' },
    unit: 'count',
    definition: { zh: '按进线渠道统计的工单数。', en: 'Tickets per entry_channel.' },
    requires: [],
    sections: ['channels'],
    seed: null,
    query: () =>
      raw(
        'SELECT entry_channel AS key, CAST(count(*) AS DOUBLE) AS value, CAST(count(*) AS DOUBLE) AS n FROM t GROUP BY 1 ORDER BY 1'
      ),
    cube: () => cubeMap('entry_channel', 'CAST(sum(n) AS DOUBLE)')
  },
  {
    id: 'volume_by_handling_channel',
    shape: 'map',
    label: { zh: '各处理渠道工单量', en: 'Tickets per handling channel' },
    unit: 'count',
    definition: {
      zh: '智能路由后按最终处理渠道统计的工单数（为空时同进线渠道）。',
      en: 'Tickets per handling_channel after routing (empty = the entry channel).'
    },
    requires: [],
    sections: ['channels'],
    seed: null,
    query: () =>
      raw(
        'SELECT handling_channel AS key, CAST(count(*) AS DOUBLE) AS value, CAST(count(*) AS DOUBLE) AS n FROM t GROUP BY 1 ORDER BY 1'
      ),
    cube: () => cubeMap('handling_channel', 'CAST(sum(n) AS DOUBLE)')
  },
  {
    id: 'routing_matrix',
    shape: 'map',
    label: { zh: '路由矩阵（进线→处理）', en: 'Routing matrix (entry → handling)' },
    unit: 'count',
    definition: {
      zh: '按“进线渠道>处理渠道”统计的工单数。',
      en: 'Tickets per entry_channel>handling_channel pair.'
    },
    requires: [],
    sections: ['channels'],
    seed: null,
    query: () =>
      raw(
        "SELECT entry_channel || '>' || handling_channel AS key, CAST(count(*) AS DOUBLE) AS value, CAST(count(*) AS DOUBLE) AS n FROM t GROUP BY 1 ORDER BY 1"
      ),
    cube: () => cubeMap("entry_channel || '>' || handling_channel", 'CAST(sum(n) AS DOUBLE)')
  },
  {
    id: 'sla_compliance_by_channel',
    shape: 'map',
    label: { zh: '各渠道首响SLA达标率', en: 'First-response SLA met, per channel' },
    unit: 'ratio',
    definition: {
      zh: '有首次响应的工单中，首响时长在渠道目标内的比例：帮助与反馈2个工作日、小程序24小时、公众号3个工作日、热线60秒、海外3个工作日、企业专线按7×12服务窗口60分钟。工作日为数据时区的周一至周五。其他渠道需先设定目标（分钟，无默认值）。',
      en: 'Tickets with a first response whose first_response_at − created_at is within the channel target: help_feedback 2 business days, mini_program 24 h, official_account 3 business days, hotline 60 s, overseas_support 3 business days, enterprise_line 60 min counted inside the 7×12 window. Business days are Mon–Fri in the dataset time zone. Any other channel needs a target in minutes (a setting with no default).'
    },
    requires: ['first_response_at'],
    sections: ['channels'],
    seed: null,
    query: slaCompliance,
    cube: () =>
      cubeMap(
        'entry_channel',
        'CAST(sum(CASE WHEN sla_met THEN n ELSE 0 END) AS DOUBLE) / CAST(sum(CASE WHEN sla_met IS NOT NULL THEN n END) AS DOUBLE)',
        { where: 'has_first_response' }
      ),
    nullKeyReason: slaTargetMissing
  },
  {
    id: 'avg_wait_seconds',
    shape: 'scalar',
    label: { zh: '平均等待时长（ASA）', en: 'Average speed of answer' },
    unit: 'seconds',
    definition: {
      zh: '已接通转人工请求的平均等待秒数（接通时间 − 转人工时间）。',
      en: 'Mean wait_seconds (agent_answered_at − human_requested_at) of picked-up human requests.'
    },
    requires: ['human_requested_at', 'agent_answered_at'],
    sections: ['channels', 'routing'],
    seed: 180,
    ...meanOf('wait_seconds', 'human_requested_at IS NOT NULL', 'has_human_request')
  },
  {
    id: 'miniprogram_load_seconds',
    shape: 'map',
    label: { zh: '小程序平均加载时长', en: 'Mini-program mean load time' },
    unit: 'seconds',
    definition: {
      zh: '进线渠道为小程序的工单，按平台计算的 load_ms 平均值 ÷ 1000。',
      en: 'Mean load_ms ÷ 1000 of entry_channel = mini_program, per platform.'
    },
    requires: ['load_ms', 'platform'],
    sections: ['platforms'],
    seed: { ios: 1.2, android: 1.5, harmonyos: 1.1 },
    tolerance: 0.05,
    query: () =>
      raw(`SELECT platform AS key, avg(load_ms) / 1000.0 AS value, CAST(count(*) AS DOUBLE) AS n
        FROM t WHERE entry_channel = 'mini_program' AND load_ms IS NOT NULL AND platform IS NOT NULL
        GROUP BY 1 ORDER BY 1`),
    cube: () =>
      cubeMap(
        'platform',
        'CAST(sum(load_ms_sum) AS DOUBLE) / CAST(sum(load_ms_n) AS DOUBLE) / 1000.0',
        {
          where: "entry_channel = 'mini_program' AND platform IS NOT NULL",
          n: 'CAST(sum(load_ms_n) AS DOUBLE)',
          having: 'sum(load_ms_n) > 0'
        }
      )
  },
  {
    id: 'self_service_rate_by_platform',
    shape: 'map',
    label: { zh: '各平台自助解决率', en: 'Self-service rate per platform' },
    unit: 'ratio',
    definition: {
      zh: '各平台常规工单中由机器人或自助服务解决的比例（不含移动端条件；未结工单不计入）。',
      en: 'Per platform: routine tickets resolved by the bot or self-service ÷ routine tickets (no mobile condition; open tickets left out).'
    },
    requires: ['resolved_by', 'platform'],
    sections: ['platforms'],
    seed: null,
    query: () =>
      raw(`SELECT platform AS key,
          count(*) FILTER (WHERE ${SELF_SERVED}) / count(*) AS value, CAST(count(*) AS DOUBLE) AS n
        FROM t WHERE is_routine AND status <> 'open' AND platform IS NOT NULL GROUP BY 1 ORDER BY 1`),
    cube: () =>
      cubeMap(
        'platform',
        `CAST(sum(CASE WHEN ${SELF_SERVED} THEN n ELSE 0 END) AS DOUBLE) / CAST(sum(n) AS DOUBLE)`,
        { where: "is_routine AND status <> 'open' AND platform IS NOT NULL" }
      )
  },
  {
    id: 'tier_funnel',
    shape: 'map',
    label: { zh: '三级分流漏斗', en: 'Service tier funnel' },
    unit: 'count',
    definition: {
      zh: '全部工单 → 机器人已答复 → 转人工 → 坐席接通 → 接通后由坐席/专家解决。最后一级只计已接通的转人工请求：工单型渠道（如海外、企业专线）中坐席直接处理、从未转人工的工单不在这条路径上，计入它们会使最后一级大于“坐席接通”。',
      en: 'All tickets → bot_answered → human_requested_at set → picked up → resolved by agent/expert after that pickup. The last stage counts picked-up human requests only: tickets that agents work directly without a transfer (work-item channels such as overseas support or the enterprise line) are not on this path, and counting them made the last stage larger than “picked up”.'
    },
    requires: ['bot_answered', 'human_requested_at'],
    sections: ['routing'],
    seed: null,
    query: () =>
      raw(`SELECT key, value, value AS n FROM (
        SELECT 1 AS k, 'all' AS key, CAST(count(*) AS DOUBLE) AS value FROM t
        UNION ALL SELECT 2, 'bot_answered', ${countWhere('bot_answered').text} FROM t
        UNION ALL SELECT 3, 'human_requested', ${countWhere('human_requested_at IS NOT NULL').text} FROM t
        UNION ALL SELECT 4, 'picked_up', ${countWhere('human_requested_at IS NOT NULL AND agent_answered_at IS NOT NULL').text} FROM t
        UNION ALL SELECT 5, 'resolved_by_human', ${countWhere("human_requested_at IS NOT NULL AND agent_answered_at IS NOT NULL AND status = 'resolved' AND resolved_by IN ('agent', 'expert')").text} FROM t
      ) ORDER BY k`),
    cube: () => {
      // As over the tickets: count(*) is 0 with no tickets, count_if is NULL (that stage is left out).
      const stages: Array<[string, string]> = [
        ['all', 'TRUE'],
        ['bot_answered', 'bot_answered'],
        ['human_requested', 'has_human_request'],
        ['picked_up', 'has_human_request AND has_agent_answer'],
        [
          'resolved_by_human',
          "has_human_request AND has_agent_answer AND status = 'resolved' AND resolved_by IN ('agent', 'expert')"
        ]
      ];
      const columns = stages.map(([, condition], i) =>
        i === 0
          ? 'CAST(coalesce(sum(n), 0) AS DOUBLE) AS s0'
          : `${cubeCount(condition).text} AS s${i}`
      );
      const rows = stages.map(([key], i) => `('${key}', s${i}, ${i + 1})`);
      return raw(`SELECT key, value, value AS n, ord FROM (
          SELECT ${columns.join(', ')} FROM c WHERE cube_set = 'main'
        ), LATERAL (VALUES ${rows.join(', ')}) AS stage(key, value, ord)`);
    }
  },
  {
    id: 'intent_accuracy',
    shape: 'scalar',
    label: { zh: 'NLP意图识别准确率', en: 'NLP intent accuracy' },
    unit: 'ratio',
    definition: {
      zh: 'AI识别意图与结单确认意图一致的比例（两者均有值的工单）。',
      en: 'ai_intent = true_intent ÷ rows where both are set.'
    },
    requires: ['ai_intent', 'true_intent'],
    sections: ['routing'],
    seed: 0.927,
    tolerance: 0.005,
    ...ratioOf(
      'ai_intent = true_intent',
      'ai_intent IS NOT NULL AND true_intent IS NOT NULL',
      'rest',
      {
        numerator: 'intent_match',
        denominator: 'intent_match IS NOT NULL'
      }
    )
  },
  {
    id: 'intent_coverage',
    shape: 'scalar',
    label: { zh: '覆盖问题场景数', en: 'Intent scenarios covered' },
    unit: 'count',
    definition: { zh: '不同的确认意图数量。', en: 'Distinct true_intent values.' },
    requires: ['true_intent'],
    sections: ['routing'],
    seed: 289,
    tolerance: 0,
    population: () => ({ all: raw('true_intent IS NOT NULL') }),
    aggregates: () => ({
      distinct: raw('CAST(count(DISTINCT true_intent) AS DOUBLE)'),
      n: countWhere('true_intent IS NOT NULL')
    }),
    cube: () => ({
      distinct: raw(
        "(SELECT CAST(count(DISTINCT true_intent) AS DOUBLE) FROM c WHERE cube_set = 'intent')"
      ),
      n: raw(
        "(SELECT CAST(coalesce(sum(n), 0) AS DOUBLE) FROM c WHERE cube_set = 'intent' AND true_intent IS NOT NULL)"
      )
    }),
    compute: (a) => ({ value: a.n ? (a.distinct ?? null) : null, n: a.n ?? 0 })
  },
  {
    id: 'complex_misjudgment_rate',
    shape: 'scalar',
    label: { zh: '复杂场景误判率', en: 'Misjudgment in complex scenarios' },
    unit: 'ratio',
    definition: {
      zh: '跨业务工单中AI识别意图与确认意图不一致的比例（两者均有值）。',
      en: 'ai_intent ≠ true_intent ÷ rows where both are set and cross_business.'
    },
    requires: ['ai_intent', 'true_intent', 'cross_business'],
    sections: ['routing'],
    seed: 0.132,
    tolerance: 0.01,
    ...ratioOf(
      'ai_intent <> true_intent',
      'ai_intent IS NOT NULL AND true_intent IS NOT NULL AND cross_business',
      'numerator',
      { numerator: 'NOT intent_match', denominator: 'intent_match IS NOT NULL AND cross_business' }
    )
  },
  {
    id: 'duplicate_answer_rate',
    shape: 'scalar',
    label: { zh: '人机重复解答率', en: 'Duplicate answers, bot then human' },
    unit: 'ratio',
    definition: {
      zh: '机器人已答复且坐席接通的工单中，坐席重复了机器人答案的比例。',
      en: 'duplicate_answer ÷ tickets with bot_answered and an agent_answered_at.'
    },
    requires: ['bot_answered', 'agent_answered_at', 'duplicate_answer'],
    sections: ['routing', 'improvements'],
    seed: 0.17,
    tolerance: 0.01,
    ...ratioOf('duplicate_answer', 'bot_answered AND agent_answered_at IS NOT NULL', 'numerator', {
      numerator: 'duplicate_answer',
      denominator: 'bot_answered AND has_agent_answer'
    })
  }
];
