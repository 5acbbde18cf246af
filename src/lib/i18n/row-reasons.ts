import type { Lang } from './i18n.svelte';

type Rule = [RegExp, (...parts: string[]) => string];

/** The loader's reasons for rejecting a row (see `normalise-sql`, `load`) and their Chinese. */
const RULES: Rule[] = [
  [/^unknown (\S+)(.*)$/, (c, v) => `${c} 的代码未知${v}`],
  [/^not a yes\/no value: (\S+)(.*)$/, (c, v) => `${c} 不是"是/否"值${v}`],
  [/^not a number ≥ (.+?): (\S+)(.*)$/, (min, c, v) => `${c} 不是 ≥ ${min} 的数字${v}`],
  [/^not (.+?): (\S+)(.*)$/, (r, c, v) => `${c} 不在 ${r} 范围内${v}`],
  [/^unreadable timestamp (\S+)(.*)$/, (c, v) => `${c} 的时间无法读取${v}`],
  [/^missing (\S+)$/, (c) => `缺少 ${c}`],
  [/^(\S+) before (\S+)$/, (a, b) => `${a} 早于 ${b}`],
  [
    /^duplicate ticket_id(.*) \(first seen on an earlier row\)$/,
    (v) => `工单号重复${v}（前面的行已出现）`
  ],
  [
    /^wrong number of fields: expected (\d+), found (\d+)$/,
    (e, f) => `字段数不对：应为 ${e} 个，实为 ${f} 个`
  ],
  [/^line too long: (.+), the limit is (.+) per line$/, (s, l) => `行太长：${s}，每行上限 ${l}`],
  [/^unreadable row: (.*)$/, (m) => `无法读取的行：${m}`],
  [
    /^a field holds a NUL byte \(binary data, not text\)$/,
    () => '字段含 NUL 字节（二进制数据，不是文本）'
  ],
  [
    /^a totals row, not a ticket: left out of the figures \(nothing to fix, or delete it from the export\)$/,
    () => '合计行，不是工单：不计入指标（无需修改，也可从导出中删除）'
  ],
  [/^"(.+)" is not a number$/, (h) => `“${h}”不是数字`],
  [
    /^PHANTOM call: a virtual call the log documentation says to ignore$/,
    () => 'PHANTOM 呼叫：日志说明要求忽略的虚拟呼叫'
  ],
  [
    /^ticketStatus 98 \(已删除\): a deleted ticket$/,
    () => 'ticketStatus 98（已删除）：已删除的工单'
  ],
  [
    /^the header line again \(exports joined end to end\?\): left out of the figures, nothing to fix$/,
    () => '再次出现的表头行（多个导出首尾相接？）：不计入指标，无需修改'
  ]
];

function localisePart(part: string): string {
  for (const [pattern, zh] of RULES) {
    const m = pattern.exec(part);
    if (m) return zh(...m.slice(1));
  }
  return part;
}

/**
 * A rejected row's reason in the reader's language; the downloaded CSV keeps the English text.
 * A reason names several problems separated by `; `; a phrase it does not know stays as it is.
 */
export function localiseRowReason(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  return reason.split('; ').map(localisePart).join('；');
}
