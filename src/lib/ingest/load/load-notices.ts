/** Things a user should know about a load that are not rejected rows (v2 fallbacks, sentinels). */
import type { KeptCodes } from './kept-codes';
import type { AmbiguousNumbers } from './number-text-sql';
import { COLUMNS, columnSpec } from '../../contract/columns';
import type { Db } from '../../db/types';
import { join, raw, sql } from '../../db/sql';
import type { ColumnFallbacks } from '../map/column-fallbacks';
import { hasSource } from '../map/column-fallbacks';
import type { Mapping } from '../map/mapping-types';
import {
  rawWithConstants,
  sentinelTimestampSql,
  timestampSourceText,
  type NormaliseOptions
} from './normalise-sql';

export interface LoadNotice {
  /** Stable key (e.g. `ticket-id-from-line`, `sentinel-resolved_at`). */
  id: string;
  en: string;
  zh: string;
  count?: number;
}

/** Source cells that held no value where the loader had to supply or drop one. */
export interface SourceGaps {
  /** Per timestamp column: non-empty placeholders for "no time" (`1900-01-01`, `NULL`, …). */
  sentinels: Partial<Record<string, number>>;
  /** Rows of a file with a ticket id column whose id cell is blank (named after their line). */
  blankIds: number;
}

/** What validating the rows as tickets found beside the rejected rows (the text path). */
export interface NormaliseOutcome {
  /** Per enum column: source values no code matched. */
  unmatchedValues: Partial<Record<string, string[]>>;
  gaps: SourceGaps;
  /** The satisfaction column holds a three-step survey's words, read as 5 / 3 / 1. */
  csatThreeStep: boolean;
  /** How `1,234` was read, where the file's other numbers told. */
  ambiguousNumbers: AmbiguousNumbers | null;
}

/** What the typed path can report: it only runs when there are no gaps. */
export const NO_GAPS: SourceGaps = { sentinels: {}, blankIds: 0 };

/** Counts the gaps over `raw` (text path), before the rows are normalised. */
export async function countSourceGaps(db: Db, options: NormaliseOptions): Promise<SourceGaps> {
  const idIndex = options.mapping.columns.ticket_id;
  const blankIds =
    idIndex === undefined
      ? raw('0 AS __blank_ids')
      : raw(`count(*) FILTER (WHERE NULLIF(trim(c${idIndex}), '') IS NULL) AS __blank_ids`);
  const counts = COLUMNS.filter((c) => c.type === 'ts').flatMap((spec) => {
    const text = timestampSourceText(spec, options);
    return text === null
      ? []
      : [
          {
            column: spec.name,
            sql: raw(`count(*) FILTER (WHERE ${sentinelTimestampSql(text)}) AS ${spec.name}`)
          }
        ];
  });
  const query = sql`SELECT ${join(
    [blankIds, ...counts.map((c) => c.sql)],
    ', '
  )} FROM ${rawWithConstants(options)} raw`;
  const [row] = await db.query<Record<string, number>>(query.text, query.params);
  const sentinels: Partial<Record<string, number>> = {};
  for (const { column } of counts) {
    const n = Number(row?.[column] ?? 0);
    if (n > 0) sentinels[column] = n;
  }
  return { sentinels, blankIds: Number(row?.__blank_ids ?? 0) };
}

/**
 * Per optional timestamp column the file supplies: accepted tickets with no time in it (empty
 * or a placeholder). Counted on `tickets`, so both load paths report the same.
 */
export async function countEmptyTimestamps(
  db: Db,
  mapping: Mapping,
  expressions: Partial<Record<string, string>> | undefined
): Promise<Partial<Record<string, number>>> {
  const columns = COLUMNS.filter(
    (c) => c.type === 'ts' && !c.required && hasSource(mapping, expressions, c.name)
  ).map((c) => c.name);
  if (columns.length === 0) return {};
  const [row] = await db.query<Record<string, number>>(
    `SELECT ${columns.map((c) => `count(*) - count(${c}) AS ${c}`).join(', ')} FROM tickets`
  );
  const out: Partial<Record<string, number>> = {};
  for (const column of columns) {
    const n = Number(row?.[column] ?? 0);
    if (n > 0) out[column] = n;
  }
  return out;
}

const KEPT_CODES_SHOWN = 12;

const quote = (text: string) => `"${text.slice(0, 80)}"`;

export async function loadNotices(
  db: Db,
  input: {
    mapping: Mapping;
    expressions: Partial<Record<string, string>> | undefined;
    fallbacks: ColumnFallbacks;
    gaps: SourceGaps;
    emptyTimestamps: Partial<Record<string, number>>;
    keptCodes: KeptCodes;
    accepted: number;
    csatThreeStep: boolean;
    ambiguousNumbers: AmbiguousNumbers | null;
  }
): Promise<LoadNotice[]> {
  const { mapping, fallbacks, accepted } = input;
  const notices: LoadNotice[] = [];
  if (fallbacks.idsFromLines) {
    notices.push({
      id: 'ticket-id-from-line',
      en: 'No ticket id column: each ticket is named after its line in the file (L2 = line 2).',
      zh: '文件没有工单号列：每张工单以所在行号命名（L2 即第 2 行）。',
      count: accepted
    });
  }
  const channel = fallbacks.defaults.entry_channel;
  if (channel !== undefined) {
    notices.push({
      id: 'entry-channel-constant',
      en: `No entry_channel column: every ticket's entry channel is ${quote(channel)}. Map a column or set a constant in the mapping to change it.`,
      zh: `文件没有进线渠道列：所有工单的进线渠道记为 ${quote(channel)}。可在映射中指定一列或设置一个常量。`,
      count: accepted
    });
  }
  for (const [column, value] of Object.entries(mapping.constants ?? {})) {
    if (value === undefined || mapping.columns[column] !== undefined) continue;
    notices.push({
      id: `constant-${column}`,
      en: `${column} is the constant ${quote(value)} for every row (set in the mapping).`,
      zh: `${column} 对每一行都取常量 ${quote(value)}（在映射中设置）。`,
      count: accepted
    });
  }
  if (input.gaps.blankIds > 0) {
    const n = input.gaps.blankIds;
    notices.push({
      id: 'ticket-id-blank',
      en: `${n.toLocaleString('en')} row${n === 1 ? ' has' : 's have'} an empty ticket id: named after ${n === 1 ? 'its' : 'their'} line in the file (L2 = line 2).`,
      zh: `${n.toLocaleString('en')} 行的工单号为空：以所在行号命名（L2 即第 2 行）。`,
      count: n
    });
  }
  for (const [column, n] of Object.entries(input.gaps.sentinels)) {
    if (!n) continue;
    const required = columnSpec(column)?.required === true;
    notices.push({
      id: `sentinel-${column}`,
      en:
        `${column}: ${n.toLocaleString('en')} placeholder value${n === 1 ? '' : 's'} (1900-01-01…, 0000-00-00…, ?, NULL, N/A, -) read as no time` +
        (required ? '; a row without created_at is rejected as missing it.' : '.'),
      zh:
        `${column}：${n.toLocaleString('en')} 个占位值（1900-01-01…、0000-00-00…、?、NULL、N/A、-）按空值读取` +
        (required ? '；缺少创建时间的行被拒绝。' : '。'),
      count: n
    });
  }
  for (const [column, n] of Object.entries(input.emptyTimestamps)) {
    if (!n) continue;
    notices.push({
      id: `empty-${column}`,
      en: `${column}: no time on ${n.toLocaleString('en')} of ${accepted.toLocaleString('en')} accepted tickets (empty or a placeholder).`,
      zh: `${column}：${accepted.toLocaleString('en')} 张已接受工单中有 ${n.toLocaleString('en')} 张没有该时间（为空或占位值）。`,
      count: n
    });
  }
  if (input.csatThreeStep) {
    notices.push({
      id: 'csat-three-step',
      en: 'csat: the survey answers on three steps (满意 / 一般 / 不满意, 好评 / 中评 / 差评 or good / bad), read as 5 / 3 / 1 on the 1–5 scale; the satisfied share (4–5) counts the top step only.',
      zh: 'csat：满意度为三级评价（满意 / 一般 / 不满意、好评 / 中评 / 差评 或 good / bad），按 1–5 分制记为 5 / 3 / 1；满意率（4–5 分）只统计最高一级。'
    });
  }
  if (input.ambiguousNumbers === 'thousands') {
    notices.push({
      id: 'numbers-thousands',
      en: 'Numbers such as 1,234 read as 1234: this file writes decimals with a point (12.5, 1,234.5), so its commas group thousands.',
      zh: '形如 1,234 的数字按 1234 读取：此文件的小数用小数点书写（12.5、1,234.5），其中的逗号是千位分隔符。'
    });
  } else if (input.ambiguousNumbers === 'decimal-comma') {
    notices.push({
      id: 'numbers-decimal-comma',
      en: 'Numbers such as 1,234 read as 1.234: this file writes decimals with a comma (0,85, 1.234,5).',
      zh: '形如 1,234 的数字按 1.234 读取：此文件的小数用逗号书写（0,85、1.234,5）。'
    });
  }
  for (const [column, kept] of Object.entries(input.keptCodes)) {
    if (!kept) continue;
    const listed = kept.codes.slice(0, KEPT_CODES_SHOWN).map((c) => c.value);
    const shown = listed.join(', ') + (kept.distinct > listed.length ? ', …' : '');
    const n = kept.distinct;
    notices.push({
      id: `kept-codes-${column}`,
      en: `${column}: ${n} code${n === 1 ? '' : 's'} the contract does not list, kept as written: ${shown}. The seed's figures count only the contract's codes: map them in the mapping's value map (the Data page, or "values" in a mapping JSON).`,
      zh: `${column}：${n} 个契约未列出的代码按原样保留：${shown}。种子文档的指标只统计契约中的代码：请在映射的值映射中对应（数据页，或映射 JSON 的 "values"）。`,
      count: n
    });
  }
  return notices;
}
