/**
 * Every bound a user value is held to, shared by the page and the CLIs, each with its reason in
 * both languages: a value outside its bound is refused at the edge with that reason, never
 * passed on to fail somewhere deeper.
 */

const GiB = 1024 ** 3;

export interface NumberLimit {
  min: number;
  max: number;
  /** True when only whole numbers make sense. */
  whole: boolean;
  /** What the value is, as a user names it. */
  en: string;
  zh: string;
  /** Why the upper bound is what it is. */
  whyEn: string;
  whyZh: string;
}

const limit = (l: NumberLimit) => l;

export const LIMITS = {
  fileBytes: limit({
    min: 1,
    max: GiB,
    whole: true,
    en: 'file size in bytes',
    zh: '文件大小（字节）',
    whyEn: 'a browser tab holds the file, its text and the database in memory at once',
    whyZh: '浏览器标签页要同时在内存中保存文件、文本和数据库'
  }),
  decompressedBytes: limit({
    min: 0,
    max: GiB,
    whole: true,
    en: 'decompressed size in bytes',
    zh: '解压后大小（字节）',
    whyEn: 'the unpacked text is held in memory; a small archive can expand without bound',
    whyZh: '解压后的文本保存在内存中；很小的压缩包可以膨胀到无限大'
  }),
  gzipRatio: limit({
    min: 1,
    max: 200,
    whole: false,
    en: 'gzip expansion ratio',
    zh: 'gzip 膨胀倍数',
    whyEn:
      'ticket logs unpack to 5–30 times their gzip size; hundreds of times is a compression bomb that would fill memory or disk',
    whyZh: '工单日志解压后约为压缩文件的 5–30 倍；数百倍即为压缩炸弹，会耗尽内存或磁盘'
  }),
  replications: limit({
    min: 2,
    max: 2000,
    whole: true,
    en: 'replications',
    zh: '重复次数',
    whyEn:
      'past 2,000 replications the interval narrows by less than the model error, while the run takes hours',
    whyZh: '超过 2000 次后置信区间的收窄小于模型误差，运行却要数小时'
  }),
  seed: limit({
    min: 0,
    max: 2 ** 32 - 1,
    whole: true,
    en: 'seed',
    zh: '随机种子',
    whyEn: 'the generator is seeded with a 32-bit number',
    whyZh: '随机数生成器使用 32 位种子'
  }),
  agentsPerSlot: limit({
    min: 0,
    max: 10_000,
    whole: false,
    en: 'agents in one queue and hour',
    zh: '某队列某小时的坐席数',
    whyEn: 'no contact centre staffs more than 10,000 agents on one queue in one hour',
    whyZh: '没有客服中心会在一个小时内为一个队列安排超过 10000 名坐席'
  }),
  pickupThresholdSeconds: limit({
    min: 0,
    max: 86_400,
    whole: false,
    en: 'pickup threshold in seconds',
    zh: '接起阈值（秒）',
    whyEn: 'a pickup target longer than a day is not a pickup target',
    whyZh: '超过一天的接起目标不再是接起目标'
  }),
  slaTargetMinutes: limit({
    min: Number.MIN_VALUE,
    max: 525_600,
    whole: false,
    en: 'first-response target in minutes',
    zh: '首次响应目标（分钟）',
    whyEn: 'a first-response target longer than a year measures nothing',
    whyZh: '超过一年的首次响应目标没有衡量意义'
  }),
  callsPerInterval: limit({
    min: 0,
    max: 1_000_000,
    whole: false,
    en: 'calls per interval',
    zh: '每时段来电数',
    whyEn: 'a million calls in one interval is beyond any single queue',
    whyZh: '一个时段一百万通来电超出任何单一队列'
  }),
  intervalMinutes: limit({
    min: 1,
    max: 1440,
    whole: false,
    en: 'interval in minutes',
    zh: '时段长度（分钟）',
    whyEn: 'Erlang formulas assume steady arrivals within the interval, at most a day',
    whyZh: 'Erlang 公式假设时段内到达平稳，时段最长一天'
  }),
  handleSeconds: limit({
    min: 1,
    max: 86_400,
    whole: false,
    en: 'handle time in seconds',
    zh: '处理时长（秒）',
    whyEn: 'a handle time longer than a day is not one contact',
    whyZh: '超过一天的处理时长不是一次接触'
  }),
  patienceSeconds: limit({
    min: 1,
    max: 86_400,
    whole: false,
    en: 'patience in seconds',
    zh: '耐心时长（秒）',
    whyEn: 'no caller waits on the line for more than a day',
    whyZh: '没有来电者会在线等待超过一天'
  }),
  generatorRows: limit({
    min: 1,
    max: 10_000_000,
    whole: true,
    en: 'generated rows',
    zh: '生成行数',
    whyEn: 'the generator keeps every ticket in memory before writing (5M rows peaked at 3.4 GB)',
    whyZh: '生成器在写出前把所有工单保存在内存中（500 万行峰值 3.4 GB）'
  }),
  generatorDays: limit({
    min: 1,
    max: 3660,
    whole: true,
    en: 'generated days',
    zh: '生成天数',
    whyEn: 'ten years of days is more than any dashboard period',
    whyZh: '十年已超过任何看板周期'
  })
} as const;

export type LimitName = keyof typeof LIMITS;

/** The first and last calendar day a date filter may name. */
export const DATE_RANGE = { from: '1900-01-01', to: '2199-12-31' } as const;

/** A refused value: `message` names the value, what was expected and why. */
export class LimitError extends Error {
  constructor(
    readonly limitName: LimitName | 'date',
    message: string
  ) {
    super(message);
  }
}

const plain = (n: number): string =>
  Number.isInteger(n) ? n.toLocaleString('en') : String(Number(n.toPrecision(6)));

/** Why a number was refused, in English or Chinese, or null when it is within its limit. */
export function numberProblem(
  name: LimitName,
  value: number,
  lang: 'en' | 'zh' = 'en'
): string | null {
  const l = LIMITS[name];
  const max = plain(l.max);
  if (Number.isFinite(value) && value > l.max)
    return lang === 'zh' ? `${l.zh}最多 ${max}：${l.whyZh}` : `at most ${max} ${l.en}: ${l.whyEn}`;
  const ok = Number.isFinite(value) && value >= l.min && (!l.whole || Number.isInteger(value));
  if (ok) return null;
  const positive = l.min === Number.MIN_VALUE;
  if (lang === 'zh') {
    const range = positive ? `大于 0 且不超过 ${max}` : `在 ${plain(l.min)} 到 ${max} 之间`;
    return `${l.zh}应为${range}的${l.whole ? '整数' : '数字'}`;
  }
  const range = positive ? `> 0 and ≤ ${max}` : `from ${plain(l.min)} to ${max}`;
  return `expected ${l.whole ? 'a whole number' : 'a number'} ${range} (${l.en})`;
}

/**
 * Reads a number typed by a user (a flag, a CSV cell, a form field) and holds it to its limit;
 * throws a LimitError whose message starts with `label` (e.g. `--replications 1e9`).
 */
export function parseLimited(name: LimitName, raw: string, label: string): number {
  const text = raw.trim();
  const value = text === '' ? Number.NaN : Number(text);
  const problem = numberProblem(name, value);
  if (problem) throw new LimitError(name, `${label}: ${problem}`);
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What is wrong with a date text: not `YYYY-MM-DD`, no such month, no such day, out of range. */
export type DateIssue =
  { kind: 'format' } | { kind: 'month' } | { kind: 'day'; days: number } | { kind: 'range' };

/** Why a text is not a usable calendar day, or null when it is one. */
export function dateIssue(text: string): DateIssue | null {
  const match = ISO_DATE.exec(text);
  if (!match) return { kind: 'format' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { kind: 'month' };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { kind: 'day', days };
  if (text < DATE_RANGE.from || text > DATE_RANGE.to) return { kind: 'range' };
  return null;
}

/** `dateIssue` in English words, or null when the text is a usable calendar day. */
export function dateProblem(text: string): string | null {
  const issue = dateIssue(text);
  if (!issue) return null;
  switch (issue.kind) {
    case 'format':
      return 'expected a date as YYYY-MM-DD';
    case 'month':
      return `there is no month ${text.slice(5, 7)} (months run 01–12)`;
    case 'day':
      return `${text.slice(0, 7)} has ${issue.days} days, so there is no day ${text.slice(8)}`;
    case 'range':
      return `dates run from ${DATE_RANGE.from} to ${DATE_RANGE.to}`;
  }
}
