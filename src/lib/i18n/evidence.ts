import type { Lang } from './i18n.svelte';

type Rule = [RegExp, (...parts: string[]) => string];

/** The loader's English evidence phrases (mapping, encoding, dialect, workbook) and their Chinese. */
const RULES: Rule[] = [
  [/^header "(.*)" is the canonical name$/, (h) => `表头 "${h}" 即标准列名`],
  [/^header "(.*)" is the column's label$/, (h) => `表头 "${h}" 与该列的标签一致`],
  [/^header "(.*)" is a known name for (\S+)$/, (h, c) => `表头 "${h}" 是 ${c} 的常见名称`],
  [/^header "(.*)" contains "(.*)"$/, (h, s) => `表头 "${h}" 含 "${s}"`],
  [/^(\d+)\/(\d+) distinct values recognised$/, (m, d) => `${d} 个不同取值中 ${m} 个可识别`],
  [/^(\d+)\/(\d+) values read as (\S+)$/, (m, t, f) => `${t} 个值中 ${m} 个按 ${f} 格式读取`],
  [/^(\d+)% numeric$/, (p) => `${p}% 为数字`],
  [
    /^all (\d+) distinct values of "(.*)" are (\S+) values$/,
    (n, h, c) => `"${h}" 的 ${n} 个不同取值都是 ${c} 的取值`
  ],
  [/^preset (\S+): computed by its SQL$/, (p) => `预设 ${p}：由预设的 SQL 计算`],
  [/^preset (\S+)$/, (p) => `预设 ${p}`],
  [/^saved mapping$/, () => '已保存的映射'],
  [
    /^event log: folded from the case's events, computed by its SQL$/,
    () => '事件日志：由同一案例的事件汇总，用 SQL 计算'
  ],
  [
    /^dates read month\/day\/year \(3\/1 = 1 March\) for the whole file$/,
    () => '整个文件的日期按 月/日/年 读取（3/1 即 3 月 1 日）'
  ],
  [
    /^dates read day\/month\/year \(3\/1 = 3 January\) for the whole file$/,
    () => '整个文件的日期按 日/月/年 读取（3/1 即 1 月 3 日）'
  ],
  // why a file takes the text path, not the typed one
  [/^a preset or event log rebuilds the columns$/, () => '预设或事件日志重建了各列'],
  [/^the header is not the canonical one$/, () => '表头不是标准表头'],
  [/^the header repeats a column name$/, () => '表头中有重复的列名'],
  [/^a saved or chosen mapping is applied$/, () => '使用了已保存或选定的映射'],
  [/^columns are built from expressions or constants$/, () => '有列由表达式或常量生成'],
  [/^(\S+) has codes to translate or reject$/, (c) => `${c} 有需要转换或拒绝的代码`],
  [/^(\S+) has placeholder dates$/, (c) => `${c} 含占位日期`],
  [/^(\S+) has fractions$/, (c) => `${c} 含小数`],
  [/^(\S+) has values out of range$/, (c) => `${c} 有超出范围的值`],
  [/^ticket ids are blank or repeated$/, () => '工单号有空值或重复'],
  [/^a row fails a cross-column check$/, () => '有行未通过跨列检查'],
  [/^a required value is missing$/, () => '缺少必填值'],
  [/^valid UTF-8 \(strict decode\)$/, () => '有效的 UTF-8（严格解码）'],
  [/^empty file$/, () => '空文件'],
  [/^(\S+) byte-order mark \((.+)\)$/, (e, b) => `${e} 字节顺序标记（${b}）`],
  [/^no BOM$/, () => '无字节顺序标记'],
  [
    /^NUL bytes at every other position look like (\S+)$/,
    (e) => `每隔一个字节是 NUL，看起来是 ${e}`
  ],
  [/^not valid UTF-8 \((.+)\)$/, (w) => `不是有效的 UTF-8（${w}）`],
  [
    /^decodes cleanly as GB18030\/GBK \((\d+) CJK characters in the sample\)$/,
    (n) => `可完整按 GB18030/GBK 解码（样本中有 ${n} 个汉字）`
  ],
  [
    /^delimiter (.+): (\d+) columns, (\d+)% of (\d+) sampled lines agree$/,
    (d, c, p, n) => `分隔符 ${d === 'tab' ? '制表符' : d}：${c} 列，抽样的 ${n} 行中 ${p}% 一致`
  ],
  [/^the first data row is longer than the sampled head$/, () => '第一行数据比抽样的文件开头还长'],
  [
    /^no delimiter splits the lines: read as a single column$/,
    () => '没有分隔符能拆分各行：按单列读取'
  ],
  [/^duplicate header names: (.+)$/, (names) => `表头名称重复：${names}`],
  [/^(\d+) blank header name\(s\)$/, (n) => `${n} 个表头名称为空`],
  [
    /^(\S+), sheet '(.*)' \((?:1 sheet|(\d+) sheets: (.*))\)$/,
    (f, s, n, all) => `${f}，工作表 '${s}'（${n ? `共 ${n} 个：${all}` : '共 1 个'}）`
  ],
  [/^header on row (\d+)$/, (r) => `表头在第 ${r} 行`],
  [/^(\d+) empty row\(s\) between the rows left out$/, (n) => `略过了行间的 ${n} 个空行`],
  [/^columns from (\S+)$/, (c) => `从 ${c} 列开始`],
  [/^the sheet is empty$/, () => '工作表为空'],
  [
    /^"(.*)" repeats in the sample: (\d+) rows, (\d+) distinct values$/,
    (h, r, d) => `"${h}" 在样本中重复：${r} 行只有 ${d} 个不同取值`
  ],
  [
    /^"(.*)" is the event time: (\d+)\/(\d+) sample values read as (\S+), changing within (\d+) of (\d+) cases$/,
    (h, m, t, f, c, n) =>
      `"${h}" 是事件时间：样本 ${t} 个值中 ${m} 个按 ${f} 读取，${n} 个案例中有 ${c} 个在案例内变化`
  ]
];

function localisePart(part: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(part);
    if (match) return render(...match.slice(1).map((p) => p ?? ''));
  }
  return part;
}

/**
 * Evidence the loader writes in English ("header "x" is the canonical name; 200/200 values read
 * as iso"), in the reader's language. Phrases it does not know stay as they are: a vendor's note
 * quotes field names that have no translation.
 */
export function localiseEvidence(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.split('; ').map(localisePart).join('；');
}
