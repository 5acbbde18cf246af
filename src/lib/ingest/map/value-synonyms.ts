/** Source spellings of enum and boolean values, mapped onto the contract's codes. */
import { columnSpec, FALSE_WORDS, TRUE_WORDS } from '../../contract/columns';

type Table = Readonly<Record<string, readonly string[]>>;

const CHANNEL: Table = {
  help_feedback: [
    '帮助与反馈',
    '帮助和反馈',
    '帮助反馈',
    '设置-帮助与反馈',
    '我-设置-帮助与反馈',
    'app内反馈',
    '意见反馈',
    'help & feedback',
    'help and feedback',
    'help feedback',
    'in-app'
  ],
  mini_program: [
    '小程序',
    '客服小程序',
    '支付小程序',
    'mini program',
    'miniprogram',
    'mini-program',
    'applet'
  ],
  official_account: ['公众号', '服务号', '客服公众号', '订阅号', 'official account', 'oa'],
  hotline: [
    '热线',
    '电话',
    '客服热线',
    '95017',
    '电话客服',
    '呼叫中心',
    'phone',
    'hotline',
    'call',
    'call center',
    'voice',
    'ivr'
  ],
  overseas_support: [
    '海外',
    '海外客服',
    '国际版',
    '海外支持',
    'overseas',
    'overseas support',
    'international'
  ],
  enterprise_line: [
    '企业专线',
    '企业热线',
    '企业客户端',
    '企业版',
    '企业通道',
    'enterprise line',
    'enterprise',
    'b2b line'
  ]
};

const TABLES: Readonly<Record<string, Table>> = {
  entry_channel: CHANNEL,
  handling_channel: CHANNEL,
  platform: {
    ios: ['苹果', 'iphone', 'ipad', 'ios', 'apple', 'iphone os', '苹果手机'],
    android: ['安卓', 'android', '安卓手机', 'andriod'],
    harmonyos: ['鸿蒙', 'harmonyos', 'harmony', 'harmony os', '鸿蒙系统', 'openharmony'],
    windows: ['windows', 'win', 'win10', 'win11', 'windows pc', 'windows电脑'],
    mac: ['mac', 'macos', 'mac os', 'os x', 'osx', '苹果电脑', 'macbook'],
    web: ['网页', 'web', '网页版', '浏览器', 'h5', 'browser', 'online', 'website'],
    wecom_pc: ['企业微信', 'wecom', '企业微信pc', 'wecom pc', 'wework'],
    phone: ['电话', 'phone', '座机', '手机通话', 'telephone', 'call']
  },
  customer_type: {
    individual: [
      '个人',
      '个人用户',
      '普通用户',
      '个人客户',
      'c端',
      'individual',
      'personal',
      'consumer',
      'retail'
    ],
    enterprise: [
      '企业',
      '企业用户',
      '企业客户',
      '商户',
      '商家',
      'b端',
      'enterprise',
      'business',
      'corporate',
      'merchant'
    ]
  },
  region: {
    domestic: [
      '国内',
      '中国大陆',
      '大陆',
      '中国',
      '境内',
      '内地',
      'domestic',
      'china',
      'cn',
      'mainland',
      'mainland china'
    ],
    southeast_asia: ['东南亚', 'southeast asia', 'south east asia', 'sea', 'asean'],
    europe: ['欧洲', 'europe', 'eu', 'emea-europe'],
    north_america: [
      '北美',
      'north america',
      'na',
      'us',
      'usa',
      'united states',
      'canada',
      '美国',
      '加拿大'
    ],
    middle_east: ['中东', 'middle east', 'mena', 'gulf'],
    other_overseas: [
      '其他海外',
      '海外其他',
      '海外',
      '境外',
      'other overseas',
      'overseas',
      'other',
      'international'
    ]
  },
  category: {
    payment: ['支付', '支付类', '支付问题', '付款', 'payment', 'payments', 'pay'],
    account: ['账号', '账户', '账号类', '账号问题', '帐号', 'account', 'accounts'],
    function: ['功能', '功能类', '产品功能', '功能问题', 'function', 'feature', 'functionality']
  },
  priority: {
    // 严重: Huawei Cloud AICC priority 3 (Critical); 标准: Udesk priority_id 3 (medium)
    P0: [
      'p0',
      '紧急',
      '特急',
      '最高',
      '严重',
      'critical',
      'urgent',
      'blocker',
      'major',
      '1 - critical'
    ],
    P1: ['p1', '高', '高优', '较高', 'high', '2 - high'],
    P2: ['p2', '中', '普通', '一般', '标准', 'medium', 'normal', 'moderate', '3 - moderate'],
    P3: ['p3', '低', '较低', 'low', 'minor', '4 - low', '5 - planning']
  },
  emergency_type: {
    account_stolen: [
      '盗号',
      '账号被盗',
      '帐号被盗',
      '被盗',
      'account stolen',
      'account takeover',
      'hacked'
    ],
    fund_loss: ['资金损失', '资损', '资金被盗', 'fund loss', 'money lost', 'financial loss'],
    customs_dispute: [
      '清关',
      '清关纠纷',
      '海关',
      'customs',
      'customs dispute',
      'customs clearance'
    ],
    system_failure: [
      '系统故障',
      '故障',
      '系统异常',
      '宕机',
      'system failure',
      'outage',
      'system outage'
    ],
    other: ['其他', '其它', '非标准', 'other', 'others', 'non-standard']
  },
  status: {
    resolved: [
      '已解决',
      '已完成',
      '已关闭',
      '已结单',
      '已办结',
      '完成',
      '解决',
      '已处理',
      '已完结',
      'resolved',
      'closed',
      'solved',
      'done',
      'completed',
      'fixed'
    ],
    unresolved: [
      '未解决',
      '无法解决',
      '关闭未解决',
      '未完成',
      'unresolved',
      'not resolved',
      'closed unresolved',
      'wont fix',
      "won't fix",
      'won’t fix',
      'wontfix',
      'rejected',
      'cancelled',
      'canceled',
      'cancel',
      'duplicate',
      '已取消',
      '已驳回',
      '重复',
      // Huawei Cloud ticket status 4 已撤销 (withdrawn), 12 无效 (invalid)
      '已撤销',
      '无效'
    ],
    open: [
      '处理中',
      '待处理',
      '进行中',
      '新建',
      '待回复',
      '排队中',
      '挂起',
      // the platforms' own status labels for unfinished tickets: Sobot ticketStatus 0/1/2
      // (blog.sobot.com/document/69), Udesk status_id 1/4 (udesk.cn/doc/apiv2/tickets), Huawei
      // Cloud OSM status 0/2/17 (support.huaweicloud.com/api-ticket/ShowCaseStatus), Lark
      // helpdesk status 1/4/5 (open.feishu.cn helpdesk-v1 ticket)
      '未受理',
      '受理中',
      '等待回复',
      '开启',
      '解决中',
      '待受理',
      '待确认结果',
      '待反馈',
      '已创建',
      '待定',
      '待用户响应',
      'open',
      'new',
      'pending',
      'in progress',
      'assigned',
      'on hold',
      'hold',
      'active',
      'waiting',
      'queued',
      'accepted',
      'started'
    ]
  },
  resolved_by: {
    bot: ['机器人', '智能客服', 'ai', '机器人解决', 'bot', 'chatbot', 'virtual agent'],
    self_service: [
      '自助',
      '自助服务',
      '帮助文档',
      '自助解决',
      '表单',
      'self service',
      'self-service',
      'faq',
      'help article',
      'form'
    ],
    agent: ['人工', '坐席', '客服', '人工客服', '人工解决', 'agent', 'human', 'staff'],
    expert: [
      '专家',
      '专家坐席',
      '二线',
      '技术专家',
      '专家团队',
      'expert',
      'specialist',
      'tier 2',
      'l2'
    ]
  }
};

const BOOL: Table = {
  true: [...TRUE_WORDS, '有', '已升级', '是的', 't', '对', '✓'],
  false: [...FALSE_WORDS, '无', '未升级', '不是', 'f']
};

/** The key of a Mapping value map: trimmed of spaces, tabs and line breaks, lower-cased. */
export function valueKey(raw: string): string {
  return raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').toLowerCase();
}

/** SQL computing {@link valueKey} of a VARCHAR expression, for looking values up in a value map. */
export function valueKeySql(colExpr: string): string {
  return `lower(trim(${colExpr}, ' ' || chr(9) || chr(10) || chr(13)))`;
}

const lookups = new Map<string, Map<string, string>>();

function lookup(column: string): Map<string, string> | undefined {
  const spec = columnSpec(column);
  const table = spec?.type === 'bool' ? BOOL : TABLES[column];
  if (!table) return undefined;
  let map = lookups.get(column);
  if (!map) {
    map = new Map();
    for (const [code, words] of Object.entries(table)) {
      map.set(valueKey(code), code);
      for (const w of words) if (!map.has(valueKey(w))) map.set(valueKey(w), code);
    }
    lookups.set(column, map);
  }
  return map;
}

/** The canonical code (or `true`/`false` for bool columns) a source value stands for, if known. */
export function matchValue(column: string, raw: string): string | undefined {
  return lookup(column)?.get(valueKey(raw.normalize('NFKC')));
}

/** True when the value already is a canonical code exactly as the contract writes it. */
export function isCanonicalValue(column: string, raw: string): boolean {
  const spec = columnSpec(column);
  const value = raw.trim();
  if (spec?.type === 'bool') {
    const key = value.toLowerCase();
    return (
      (TRUE_WORDS as readonly string[]).includes(key) ||
      (FALSE_WORDS as readonly string[]).includes(key)
    );
  }
  return spec?.codes?.includes(value) ?? false;
}

/** Canonical targets a value map of this column may use (the known codes of an open column). */
export function allowedTargets(column: string): readonly string[] | undefined {
  const spec = columnSpec(column);
  if (spec?.type === 'bool') return ['true', 'false'];
  return spec?.codes;
}

/** True for an enum whose unknown codes are kept as written (v2 open vocabulary). */
export function isOpenColumn(column: string): boolean {
  const spec = columnSpec(column);
  return spec?.type === 'enum' && spec.open === true;
}

const MAX_CODE_LENGTH = 100;

/**
 * True when a value map (or constant) of this column may produce `target`: a listed code, or,
 * for an open column, any code already in kept form (trimmed, lower-cased, short).
 */
export function isAllowedTarget(column: string, target: string): boolean {
  if (allowedTargets(column)?.includes(target)) return true;
  return (
    isOpenColumn(column) &&
    target !== '' &&
    target.length <= MAX_CODE_LENGTH &&
    target === valueKey(target)
  );
}

export interface ValueMapResult {
  /** Source value key → canonical code, only for values not already canonical. */
  map: Record<string, string>;
  /** Distinct source values (as written) that matched nothing. */
  unmatched: string[];
  /** Distinct non-empty values that are canonical or matched. */
  matched: number;
  distinct: number;
}

/**
 * Builds the value map for one enum/bool column from distinct source values. The loader
 * may call it with every distinct value of the file, not only the sample.
 */
export function buildValueMap(column: string, values: Iterable<string>): ValueMapResult {
  const map: Record<string, string> = {};
  const unmatched: string[] = [];
  const seen = new Set<string>();
  let matched = 0;
  for (const raw of values) {
    const key = valueKey(raw);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    if (isCanonicalValue(column, raw)) {
      matched++;
      continue;
    }
    const code = matchValue(column, raw);
    if (code === undefined) unmatched.push(raw.trim());
    else {
      map[key] = code;
      matched++;
    }
  }
  return { map, unmatched, matched, distinct: seen.size };
}
