/** Proposes a Mapping from a file's header names and sample values. */
import { COLUMNS, columnSpec, REQUIRED_COLUMNS, type ColumnSpec } from '../../contract/columns';
import type { Mapping, MappingEvidence, SuggestedMapping } from './mapping-types';
import { findPreset } from '../presets/presets';
import type { Preset, PresetPlan } from '../presets/preset-types';
import { columnsContainedIn, columnsNamed, HEADER_SYNONYMS, normaliseName } from './synonyms';
import { COLUMN_UNITS, headerUnit } from '../load/duration-sql';
import { detectFileTimestampFormats, detectTimestampFormatDetail } from '../load/timestamp-formats';
import { buildValueMap, isOpenColumn } from './value-synonyms';

/** A header with all of these is written in the contract's own vocabulary. */
const CONTRACT_CORE = ['ticket_id', 'created_at', 'entry_channel'];

interface Candidate {
  column: string;
  index: number;
  score: number;
  confidence: MappingEvidence['confidence'];
  reason: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function columnValues(rows: readonly (readonly string[])[], index: number): string[] {
  return rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
}

let columnKeys: Array<{ spec: ColumnSpec; name: string; zh: string; en: string }> | undefined;

function nameCandidates(header: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  columnKeys ??= COLUMNS.map((spec) => ({
    spec,
    name: normaliseName(spec.name),
    zh: normaliseName(spec.label.zh),
    en: normaliseName(spec.label.en)
  }));
  const keys = columnKeys;
  header.forEach((name, index) => {
    const key = normaliseName(name);
    if (key === '') return;
    for (const { spec, ...names } of keys) {
      if (key === names.name) {
        out.push({
          column: spec.name,
          index,
          score: 100,
          confidence: 'exact',
          reason: `header "${name}" is the canonical name`
        });
      } else if (key === names.zh || key === names.en) {
        out.push({
          column: spec.name,
          index,
          score: 95,
          confidence: 'synonym',
          reason: `header "${name}" is the column's label`
        });
      }
    }
    for (const { column, rank } of columnsNamed(name)) {
      out.push({
        column,
        index,
        score: 90 - rank,
        confidence: 'synonym',
        reason: `header "${name}" is a known name for ${column}`
      });
    }
    for (const { column, rank } of columnsContainedIn(name)) {
      const synonym = HEADER_SYNONYMS[column]?.[rank] ?? column;
      out.push({
        column,
        index,
        score: 40 - rank / 2,
        confidence: 'synonym',
        reason: `header "${name}" contains "${synonym}"`
      });
    }
  });
  return out;
}

function valueAdjustment(
  spec: ColumnSpec,
  values: readonly string[]
): { delta: number; note: string } {
  if (values.length === 0) return { delta: 0, note: '' };
  if (spec.type === 'enum' || spec.type === 'bool') {
    const r = buildValueMap(spec.name, values);
    const frac = r.matched / r.distinct;
    return {
      delta: 20 * frac - (frac === 0 ? 60 : 0),
      note: `${r.matched}/${r.distinct} distinct values recognised`
    };
  }
  if (spec.type === 'ts') {
    const d = detectTimestampFormatDetail(values);
    const frac = d.matched / d.total;
    return {
      delta: 10 * frac - (frac === 0 ? 60 : 0),
      note: `${d.matched}/${d.total} values read as ${d.format}`
    };
  }
  if (spec.type === 'num' || spec.type === 'int') {
    const frac = values.filter((v) => NUMBER.test(v)).length / values.length;
    return { delta: 5 * frac - (frac === 0 ? 60 : 0), note: `${Math.round(frac * 100)}% numeric` };
  }
  return { delta: 0, note: '' };
}

function valueOnlyCandidates(
  header: readonly string[],
  rows: readonly (readonly string[])[]
): Candidate[] {
  const out: Candidate[] = [];
  for (const spec of COLUMNS) {
    if (spec.type !== 'enum') continue;
    header.forEach((name, index) => {
      const r = buildValueMap(spec.name, columnValues(rows, index));
      if (r.distinct >= 2 && r.matched === r.distinct) {
        out.push({
          column: spec.name,
          index,
          score: 30,
          confidence: 'values',
          reason: `all ${r.distinct} distinct values of "${name}" are ${spec.name} values`
        });
      }
    });
  }
  return out;
}

function assign(candidates: Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  const usedColumns = new Set<string>();
  const usedIndices = new Set<number>();
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (c.score <= 0 || usedColumns.has(c.column) || usedIndices.has(c.index)) continue;
    chosen.push(c);
    usedColumns.add(c.column);
    usedIndices.add(c.index);
  }
  return chosen;
}

function fromPreset(
  preset: Preset,
  header: readonly string[],
  rows: readonly (readonly string[])[]
): SuggestedMapping {
  const plan = preset.plan(header, rows);
  const evidence: MappingEvidence[] = [];
  for (const [column, index] of Object.entries(plan.mapping.columns)) {
    if (index === undefined || plan.expressions[column] !== undefined) continue;
    evidence.push({
      column,
      sourceIndex: index,
      sourceHeader: header[index] ?? '',
      reason: `preset ${preset.id}`,
      confidence: 'preset'
    });
  }
  for (const [column, expr] of Object.entries(plan.expressions)) {
    const ref = /\bc(\d+)\b/.exec(expr ?? '');
    const index = ref ? Number(ref[1]) : (eventSource(plan, column) ?? -1);
    evidence.push({
      column,
      sourceIndex: index,
      sourceHeader: header[index] ?? '(constant)',
      reason: `preset ${preset.id}: computed by its SQL`,
      confidence: 'preset'
    });
  }
  const mapped = new Set(evidence.map((e) => e.column));
  const missingRequired = REQUIRED_COLUMNS.filter((c) => !mapped.has(c));
  return {
    mapping: plan.mapping,
    evidence,
    missingRequired,
    unmatchedValues: {},
    unambiguous: missingRequired.length === 0
  };
}

/** For a column folded from events, the event column it comes from (case, time or activity). */
function eventSource(plan: PresetPlan, column: string): number | undefined {
  const events = plan.events;
  if (!events) return undefined;
  if (column === 'ticket_id') return events.columns.case;
  if (column === 'status') return events.columns.activity;
  return columnSpec(column)?.type === 'ts' ? events.columns.time : undefined;
}

/**
 * Suggests a source column for every canonical column (a built-in preset wins when the
 * header is a known log), value maps for enum/bool columns and timestamp formats.
 */
export function suggestMapping(
  header: readonly string[],
  sampleRows: readonly (readonly string[])[]
): SuggestedMapping {
  const preset = findPreset(header);
  if (preset) return fromPreset(preset, header, sampleRows);
  const scored = nameCandidates(header).map((c) => {
    const spec = columnSpec(c.column);
    const adj = spec
      ? valueAdjustment(spec, columnValues(sampleRows, c.index))
      : { delta: 0, note: '' };
    return {
      ...c,
      score: c.score + adj.delta,
      reason: adj.note ? `${c.reason}; ${adj.note}` : c.reason
    };
  });
  // A file in the contract's own vocabulary keeps its other columns as unknown extras:
  // guessing from look-alike names there would silently feed metrics from the wrong column.
  const contractFile = CONTRACT_CORE.every((c) => header.includes(c));
  const chosen = contractFile
    ? assign(scored.filter((c) => c.confidence === 'exact'))
    : assign([...scored, ...valueOnlyCandidates(header, sampleRows)]);
  const mapping: Mapping = { columns: {}, values: {}, timestampFormats: {} };
  const unmatchedValues: Partial<Record<string, string[]>> = {};
  let allValuesMatched = true;
  const evidence: MappingEvidence[] = chosen.map((c) => {
    mapping.columns[c.column] = c.index;
    const spec = columnSpec(c.column);
    const values = columnValues(sampleRows, c.index);
    if (spec?.type === 'enum' || spec?.type === 'bool') {
      const r = buildValueMap(c.column, values);
      if (Object.keys(r.map).length > 0) mapping.values[c.column] = r.map;
      if (r.unmatched.length > 0 && !isOpenColumn(c.column)) {
        unmatchedValues[c.column] = r.unmatched;
        allValuesMatched = false;
      }
    }
    return {
      column: c.column,
      sourceIndex: c.index,
      sourceHeader: header[c.index] ?? '',
      reason: c.reason,
      confidence: c.confidence
    };
  });
  mapping.timestampFormats = detectFileTimestampFormats(
    chosen
      .filter((c) => columnSpec(c.column)?.type === 'ts')
      .map((c) => [c.column, columnValues(sampleRows, c.index)] as const)
  );
  for (const c of chosen) {
    const unit = COLUMN_UNITS[c.column] && headerUnit(header[c.index] ?? '');
    if (unit && unit !== COLUMN_UNITS[c.column])
      mapping.units = { ...mapping.units, [c.column]: unit };
  }
  for (const e of evidence) {
    const reading = readingNote(mapping, e.column);
    if (reading) e.reason += `; ${reading}`;
  }
  const missingRequired = REQUIRED_COLUMNS.filter((c) => mapping.columns[c] === undefined);
  return {
    mapping,
    evidence,
    missingRequired,
    unmatchedValues,
    unambiguous: missingRequired.length === 0 && allValuesMatched
  };
}

const ORDER_WORDS: Partial<Record<string, string>> = {
  mdy: 'dates read month/day/year (3/1 = 1 March) for the whole file',
  dmy: 'dates read day/month/year (3/1 = 3 January) for the whole file'
};

/** How the loader will read a mapped column's values, where that is not plain. */
function readingNote(mapping: Mapping, column: string): string | undefined {
  const order = ORDER_WORDS[mapping.timestampFormats?.[column] ?? ''];
  if (order) return order;
  const unit = mapping.units?.[column];
  return unit ? `numbers in ${unit}, converted to ${COLUMN_UNITS[column]}` : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** The header name closest to a canonical column's names, for "missing column" messages. */
export function closestHeader(column: string, header: readonly string[]): string | undefined {
  const spec = columnSpec(column);
  const names = [
    column,
    spec?.label.zh ?? '',
    spec?.label.en ?? '',
    ...(HEADER_SYNONYMS[column] ?? [])
  ].map(normaliseName);
  let best: { name: string; d: number } | undefined;
  for (const h of header) {
    const key = normaliseName(h);
    if (key === '') continue;
    const d = Math.min(...names.map((n) => distance(key, n) / Math.max(key.length, n.length, 1)));
    if (!best || d < best.d) best = { name: h, d };
  }
  return best?.name;
}
