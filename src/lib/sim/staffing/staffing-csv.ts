import { numberProblem } from '../../limits';
import { HOURS_PER_WEEK } from '../model/clock';
import { parseHours, parseWeekdays, slotsOf } from './selectors';
import type { StaffingTable } from '../model/types';

/** A staffing CSV that cannot be read; `line` is 1-based, `field` the column at fault. */
export class StaffingCsvError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    detail: string
  ) {
    super(`staffing CSV line ${line}, field ${field}: ${detail}`);
  }
}

const HEADER = ['queue', 'weekday', 'hour', 'agents'];

/**
 * Reads `queue,weekday,hour,agents` (weekday 1–7 Mon–Sun, hour 0–23; `*` and ranges as in
 * selectors.ts). Lines apply in order, so a specific line after a wildcard overrides it.
 * Slots no line covers keep `base`; without a base every slot of every queue must be covered.
 */
export function parseStaffingCsv(
  text: string,
  queues: readonly string[],
  base?: StaffingTable
): StaffingTable {
  const table: Record<string, number[]> = {};
  const covered: Record<string, boolean[]> = {};
  for (const q of queues) {
    table[q] = base?.queues[q]?.slice() ?? new Array<number>(HOURS_PER_WEEK).fill(0);
    covered[q] = new Array<boolean>(HOURS_PER_WEEK).fill(Boolean(base?.queues[q]));
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const cells = raw.split(',').map((c) => c.trim());
    if (index === 0 && cells.map((c) => c.toLowerCase()).join(',') === HEADER.join(',')) return;
    if (cells.length !== 4)
      throw new StaffingCsvError(
        lineNo,
        'agents',
        `expected 4 fields (${HEADER.join(',')}), got ${cells.length}`
      );
    const [queue, weekday, hour, agents] = cells as [string, string, string, string];
    if (queue === '') throw new StaffingCsvError(lineNo, 'queue', 'empty');
    if (queue !== '*' && !queues.includes(queue))
      throw new StaffingCsvError(
        lineNo,
        'queue',
        `unknown queue "${queue}" (known: ${queues.join(', ')})`
      );
    const days = parseWeekdays(weekday);
    if (typeof days === 'string') throw new StaffingCsvError(lineNo, 'weekday', days);
    const hours = parseHours(hour);
    if (typeof hours === 'string') throw new StaffingCsvError(lineNo, 'hour', hours);
    const value = agents === '' ? Number.NaN : Number(agents);
    const problem = numberProblem('agentsPerSlot', value);
    if (problem) throw new StaffingCsvError(lineNo, 'agents', `"${agents}": ${problem}`);
    for (const q of queue === '*' ? queues : [queue]) {
      for (const s of slotsOf(days, hours)) {
        table[q]![s] = value;
        covered[q]![s] = true;
      }
    }
  });
  for (const q of queues) {
    const missing = covered[q]!.indexOf(false);
    if (missing >= 0)
      throw new StaffingCsvError(
        lines.length,
        'queue',
        `queue "${q}" has no agents for weekday ${Math.floor(missing / 24) + 1} hour ${missing % 24} (add a line, e.g. "${q},*,*,0")`
      );
  }
  return { queues: table };
}

/** Writes a table as `queue,weekday,hour,agents`, one line per queue and hour of week. */
export function serialiseStaffingCsv(table: StaffingTable): string {
  const out = [HEADER.join(',')];
  for (const [queue, slots] of Object.entries(table.queues)) {
    slots.forEach((agents, s) => {
      out.push(`${queue},${Math.floor(s / 24) + 1},${s % 24},${Math.round(agents * 100) / 100}`);
    });
  }
  return out.join('\n') + '\n';
}
