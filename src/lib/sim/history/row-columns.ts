import type { PriorityTier } from '../model/types';
import type { TicketRow } from './load-history';

/**
 * Ticket rows as columns, for posting to a Web Worker: numbers in typed arrays (NaN = null),
 * booleans as 0/1/2 (2 = null), strings as codes into one shared dictionary (-1 = null).
 * Structured clone copies typed arrays as flat buffers instead of 120k small objects.
 */
export interface RowColumns {
  length: number;
  strings: string[];
  numbers: Record<NumberField, Float64Array>;
  flags: Record<FlagField, Uint8Array>;
  codes: Record<StringField, Int32Array>;
}

const NUMBER_FIELDS = [
  'created',
  'requested',
  'priority',
  'handleSeconds',
  'waitSeconds',
  'statusFollowups',
  'statusLookups',
  'aiConfidence',
  'resolveMinutes',
  'firstResponseMinutes',
  'utcOffsetHours'
] as const;
const FLAG_FIELDS = [
  'abandoned',
  'anonymous',
  'intentWrong',
  'botAnswered',
  'duplicateAnswer',
  'enterprise'
] as const;
const STRING_FIELDS = [
  'queue',
  'agentId',
  'issueType',
  'entryChannel',
  'handlingChannel',
  'region',
  'status',
  'resolvedBy'
] as const;

type NumberField = (typeof NUMBER_FIELDS)[number];
type FlagField = (typeof FLAG_FIELDS)[number];
type StringField = (typeof STRING_FIELDS)[number];

/** Packs rows into columns. */
export function encodeRows(rows: readonly TicketRow[]): RowColumns {
  const n = rows.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const code = (s: string | null): number => {
    if (s === null) return -1;
    let c = index.get(s);
    if (c === undefined) {
      c = strings.length;
      strings.push(s);
      index.set(s, c);
    }
    return c;
  };
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map((f) => [f, Float64Array.from(rows, (r) => (r[f] as number | null) ?? NaN)])
  ) as RowColumns['numbers'];
  const flags = Object.fromEntries(
    FLAG_FIELDS.map((f) => [
      f,
      Uint8Array.from(rows, (r) => {
        const v = r[f] as boolean | null;
        return v === null ? 2 : v ? 1 : 0;
      })
    ])
  ) as RowColumns['flags'];
  const codes = Object.fromEntries(
    STRING_FIELDS.map((f) => [f, Int32Array.from(rows, (r) => code(r[f] as string | null))])
  ) as RowColumns['codes'];
  return { length: n, strings, numbers, flags, codes };
}

/** Unpacks columns into rows (the inverse of `encodeRows`). */
export function decodeRows(c: RowColumns): TicketRow[] {
  const num = (f: NumberField, i: number): number | null => {
    const v = c.numbers[f][i]!;
    return Number.isNaN(v) ? null : v;
  };
  const str = (f: StringField, i: number): string | null => {
    const k = c.codes[f][i]!;
    return k < 0 ? null : c.strings[k]!;
  };
  const rows: TicketRow[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const wrong = c.flags.intentWrong[i]!;
    rows[i] = {
      queue: str('queue', i) ?? '',
      created: c.numbers.created[i]!,
      requested: num('requested', i),
      priority: c.numbers.priority[i]! as PriorityTier,
      anonymous: c.flags.anonymous[i] === 1,
      handleSeconds: num('handleSeconds', i),
      abandoned: c.flags.abandoned[i] === 1,
      waitSeconds: num('waitSeconds', i),
      agentId: str('agentId', i),
      issueType: str('issueType', i),
      statusFollowups: c.numbers.statusFollowups[i]!,
      statusLookups: c.numbers.statusLookups[i]!,
      aiConfidence: num('aiConfidence', i),
      intentWrong: wrong === 2 ? null : wrong === 1,
      botAnswered: c.flags.botAnswered[i] === 1,
      duplicateAnswer: c.flags.duplicateAnswer[i] === 1,
      enterprise: c.flags.enterprise[i] === 1,
      entryChannel: str('entryChannel', i) ?? '',
      handlingChannel: str('handlingChannel', i) ?? '',
      region: str('region', i) ?? '',
      status: str('status', i) ?? '',
      resolvedBy: str('resolvedBy', i),
      resolveMinutes: num('resolveMinutes', i),
      firstResponseMinutes: num('firstResponseMinutes', i),
      utcOffsetHours: c.numbers.utcOffsetHours[i]!
    };
  }
  return rows;
}
