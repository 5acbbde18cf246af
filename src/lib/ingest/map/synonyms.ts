/** Header names real customer-service exports use for each canonical column (zh and en). */

/**
 * Normalises a header name for matching: NFKC (full-width → ASCII), lower case, units in
 * brackets removed (`处理时长(秒)`, `（秒）`, `[s]`), spaces, `_`, `-`, `.`, `/` and `:` removed.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【{][^)\]】}]*[)\]】}]/g, '')
    .replace(/[\s_\-./:：·]+/g, '');
}

/**
 * Synonyms per canonical column, most specific first. Matching is on {@link normaliseName},
 * so `Ticket ID`, `ticket_id` and `TicketId` are one entry.
 */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  ticket_id: [
    '工单号',
    '工单编号',
    '工单id',
    '单号',
    '会话id',
    '会话编号',
    '服务单号',
    '事件单号',
    '编号',
    'ticket id',
    'ticket no',
    'ticket number',
    'case id',
    'case number',
    'sr number',
    'sr_number',
    'request id',
    'incident id',
    'issue id',
    'call id',
    'unique key',
    '留言编号',
    '信件编号',
    'id',
    'number'
  ],
  user_id: [
    '用户id',
    '客户id',
    '用户编号',
    '客户编号',
    '用户账号',
    '客户号',
    '会员id',
    'openid',
    'uid',
    'customer id',
    'customer_id',
    'client id',
    'requester id',
    'caller id',
    'account id',
    '留言人',
    '留言用户',
    '提问人',
    '来信人',
    '用户名',
    'user name',
    'caller',
    'user',
    '用户'
  ],
  created_at: [
    '创建时间',
    '提交时间',
    '进线时间',
    '工单创建时间',
    '发起时间',
    '开始时间',
    '受理时间',
    '报障时间',
    'created',
    'created at',
    'created date',
    'create time',
    'creation time',
    'open date',
    'opened at',
    'opened',
    'submitted at',
    'start time',
    'sys created on',
    'created on',
    '留言时间',
    '提问时间',
    '来信时间',
    'timestamp',
    '时间'
  ],
  entry_channel: [
    '进线渠道',
    '来源渠道',
    '渠道',
    '入口渠道',
    '接入渠道',
    '来源',
    '入口',
    '咨询渠道',
    'entry channel',
    'source channel',
    'channel',
    'source',
    'origin',
    'open data channel type',
    'contact type',
    'via'
  ],
  handling_channel: [
    '处理渠道',
    '受理渠道',
    '服务渠道',
    '分配渠道',
    'handling channel',
    'handled via',
    'routed channel'
  ],
  platform: [
    '平台',
    '终端',
    '设备',
    '设备类型',
    '客户端',
    '操作系统',
    '系统',
    'platform',
    'device',
    'device type',
    'os',
    'client'
  ],
  customer_type: [
    '用户类型',
    '客户类型',
    '用户类别',
    '客户类别',
    '用户身份',
    'customer type',
    'user type',
    'customer segment',
    'segment'
  ],
  region: [
    '地区',
    '区域',
    '国家',
    '国家地区',
    '国家/地区',
    '大区',
    'region',
    'country',
    'area',
    'market',
    'geo'
  ],
  language: ['语言', '语种', '会话语言', 'language', 'lang', 'locale'],
  category: [
    '业务类型',
    '业务集群',
    '业务线',
    '业务分类',
    '一级分类',
    '业务',
    'category',
    'business',
    'business line',
    'service type'
  ],
  issue_type: [
    '问题类型',
    '问题分类',
    '二级分类',
    '问题',
    '工单类型',
    '诉求类型',
    'issue type',
    'issue',
    'problem type',
    'complaint type',
    'type',
    'subcategory'
  ],
  fund_safety: ['涉及资金安全', '资金安全', '是否涉及资金', '涉资', 'fund safety', 'money at risk'],
  cross_business: ['跨业务', '是否跨业务', '复杂场景', 'cross business', 'multi business'],
  priority: ['优先级', '紧急程度', '级别', '工单级别', 'priority', 'severity', 'impact', 'urgency'],
  emergency_type: [
    '紧急类型',
    '紧急事件类型',
    '应急类型',
    '紧急原因',
    'emergency type',
    'emergency'
  ],
  escalated: [
    '是否升级',
    '升级',
    '已升级',
    '是否转二线',
    'escalated',
    'escalation',
    'is escalated'
  ],
  ai_intent: [
    'ai识别意图',
    '识别意图',
    '机器人意图',
    '预测意图',
    'ai intent',
    'predicted intent',
    'nlp intent',
    'bot intent'
  ],
  true_intent: [
    '实际意图',
    '真实意图',
    '最终意图',
    '结单意图',
    'true intent',
    'actual intent',
    'final intent'
  ],
  ai_confidence: [
    'ai置信度',
    '置信度',
    '识别置信度',
    'ai confidence',
    'confidence',
    'intent confidence'
  ],
  bot_answered: [
    '机器人已答复',
    '机器人答复',
    '机器人是否回答',
    '机器人应答',
    'bot answered',
    'bot replied'
  ],
  duplicate_answer: ['重复解答', '重复回答', '重复答复', 'duplicate answer', 'repeated answer'],
  human_requested_at: [
    '转人工时间',
    '排队开始',
    '排队开始时间',
    '进入排队时间',
    '请求人工时间',
    '入队时间',
    'human requested at',
    'transfer time',
    'queue start',
    'queued at',
    'q start',
    'handoff time'
  ],
  agent_answered_at: [
    '接通时间',
    '应答时间',
    '人工接通时间',
    '坐席接入时间',
    '接起时间',
    '人工应答时间',
    'agent answered at',
    'answered at',
    'answer time',
    'pickup time',
    'ser start',
    'service start',
    'accepted at'
  ],
  handle_seconds: [
    '处理时长',
    '通话时长',
    '服务时长',
    '处理耗时',
    '会话时长',
    '人工处理时长',
    'handle seconds',
    'handle time',
    'handling time',
    'aht',
    'talk time',
    'service time',
    'ser time',
    'duration'
  ],
  agent_id: [
    '坐席id',
    '坐席',
    '坐席工号',
    '客服工号',
    '客服',
    '客服id',
    '处理人',
    '受理人',
    '受理客服',
    '处理客服',
    '处理坐席',
    '负责人',
    'agent id',
    'agent',
    'assignee',
    'owner',
    'server',
    'resource',
    'handler',
    'assigned to',
    'owner first name'
  ],
  first_response_at: [
    '首次响应时间',
    '首响时间',
    '首次回复时间',
    '首次应答时间',
    'first response at',
    'first response time',
    'first reply at',
    'first replied at',
    '回复时间',
    '答复时间',
    '回复日期'
  ],
  status: [
    '状态',
    '工单状态',
    '处理状态',
    '解决状态',
    'status',
    'state',
    'ticket status',
    'outcome'
  ],
  resolved_at: [
    '解决时间',
    '关闭时间',
    '结单时间',
    '完成时间',
    '办结时间',
    '结案时间',
    'resolved at',
    'resolved',
    'resolution time',
    'closed at',
    'closed date',
    'closed',
    'close time',
    'solved at',
    'completed at',
    'end time'
  ],
  resolved_by: [
    '解决方式',
    '解决渠道',
    '解决人类型',
    '结单方式',
    'resolved by',
    'resolution type',
    'resolution channel',
    'solved by'
  ],
  translation_delay_hours: [
    '翻译等待',
    '翻译等待时长',
    '翻译耗时',
    'translation delay',
    'translation delay hours',
    'translation wait'
  ],
  status_lookups: [
    '进度查询次数',
    '查询次数',
    '状态查询次数',
    'status lookups',
    'status checks',
    'lookups'
  ],
  status_followups: [
    '催单次数',
    '催办次数',
    '催促次数',
    'status followups',
    'status follow ups',
    'follow ups',
    'reminders'
  ],
  load_ms: [
    '加载耗时',
    '加载时长',
    '加载时间',
    '页面加载耗时',
    'load ms',
    'load time',
    'page load'
  ],
  csat: [
    '满意度',
    '满意度评分',
    '评分',
    '评价',
    '用户评分',
    '满意度打分',
    'csat',
    'satisfaction',
    'rating',
    'score'
  ]
};

interface IndexedSynonym {
  column: string;
  rank: number;
}

let index: Map<string, IndexedSynonym[]> | undefined;

/** Every canonical column whose synonyms normalise to `name`, best rank first. */
export function columnsNamed(name: string): IndexedSynonym[] {
  if (!index) {
    index = new Map();
    for (const [column, names] of Object.entries(HEADER_SYNONYMS)) {
      names.forEach((synonym, rank) => {
        const key = normaliseName(synonym);
        const list = index?.get(key) ?? [];
        if (!list.some((s) => s.column === column)) list.push({ column, rank });
        index?.set(key, list);
      });
    }
  }
  return index.get(normaliseName(name)) ?? [];
}

/**
 * Synonyms too generic to look for inside a longer header: `时间` names the creation time only
 * when it is the whole header, never `回复时间` or `更新时间`; `用户` never `用户类型`.
 */
const WHOLE_NAME_ONLY = new Set(['时间', '用户', 'number']);

let containable: Array<{ column: string; rank: number; key: string; cjk: boolean }> | undefined;

/** Synonyms (normalised) that `name` contains, for headers like `工单创建时间` or `最后处理坐席`. */
export function columnsContainedIn(name: string): IndexedSynonym[] {
  containable ??= Object.entries(HEADER_SYNONYMS).flatMap(([column, names]) =>
    names.flatMap((synonym, rank) => {
      const key = normaliseName(synonym);
      if (WHOLE_NAME_ONLY.has(key)) return [];
      return [{ column, rank, key, cjk: /[\u4e00-\u9fff]/.test(key) }];
    })
  );
  const key = normaliseName(name);
  return containable
    .filter((s) => s.key !== key && key.includes(s.key) && s.key.length >= (s.cjk ? 2 : 5))
    .map(({ column, rank }) => ({ column, rank }));
}
