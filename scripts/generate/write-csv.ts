import { COLUMN_NAMES } from '../../src/lib/contract/columns';
import { intentLabel } from './catalog';
import type { Ticket } from './ticket';
import { formatTs } from './time';

type Cell = (t: Ticket) => string;

const ts = (v: number | null): string => (v === null ? '' : formatTs(v));
const bool = (v: boolean): string => (v ? 'true' : 'false');
const num = (v: number | null): string => (v === null ? '' : String(v));

/** Quotes a field per RFC 4180 only when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const CELLS: Readonly<Record<string, Cell>> = {
  ticket_id: (t) => csvField(t.id),
  user_id: (t) => csvField(t.userId),
  created_at: (t) => formatTs(t.created),
  entry_channel: (t) => t.entry,
  handling_channel: (t) => t.handling,
  platform: (t) => t.platform,
  customer_type: (t) => t.customer,
  region: (t) => t.region,
  language: (t) => t.language,
  category: (t) => t.category,
  issue_type: (t) => t.issue,
  fund_safety: (t) => (t.writeFundSafety ? bool(t.fundSafety) : ''),
  cross_business: (t) => bool(t.crossBusiness),
  priority: (t) => t.priority ?? '',
  emergency_type: (t) => t.emergency ?? '',
  escalated: (t) => bool(t.escalated),
  ai_intent: (t) => (t.aiIntent === null ? '' : intentLabel(t.aiIntent)),
  true_intent: (t) => (t.status === 'open' ? '' : intentLabel(t.trueIntent)),
  ai_confidence: (t) => (t.aiIntent === null ? '' : t.aiConfidence.toFixed(3)),
  bot_answered: (t) => bool(t.botAnswered),
  duplicate_answer: (t) => bool(t.duplicate),
  human_requested_at: (t) => ts(t.humanRequested),
  agent_answered_at: (t) => ts(t.answered),
  handle_seconds: (t) => num(t.handleSeconds),
  agent_id: (t) => t.agentId ?? '',
  first_response_at: (t) => ts(t.firstResponse),
  status: (t) => t.status,
  resolved_at: (t) => ts(t.resolved),
  resolved_by: (t) => t.resolvedBy ?? '',
  translation_delay_hours: (t) =>
    t.translationHours === null ? '' : t.translationHours.toFixed(1),
  status_lookups: (t) => String(t.statusLookups),
  status_followups: (t) => String(t.statusFollowups),
  load_ms: (t) => num(t.loadMs),
  csat: (t) => num(t.csat)
};

const ORDERED: readonly Cell[] = COLUMN_NAMES.map((name) => {
  const cell = CELLS[name];
  if (!cell) throw new Error(`no generator for column ${name}`);
  return cell;
});

const LINES_PER_CHUNK = 4096;

/**
 * Canonical CSV in pieces of a few thousand lines (the header first): `\n` line ends, empty =
 * null. A writer streams them, so no one string holds the file (V8 caps strings near 512 MB).
 */
export function* csvChunks(tickets: readonly Ticket[]): Generator<string> {
  yield COLUMN_NAMES.join(',') + '\n';
  const n = ORDERED.length;
  const cells: string[] = new Array(n);
  for (let start = 0; start < tickets.length; start += LINES_PER_CHUNK) {
    const end = Math.min(tickets.length, start + LINES_PER_CHUNK);
    const lines: string[] = new Array(end - start);
    for (let i = start; i < end; i++) {
      const t = tickets[i]!;
      for (let c = 0; c < n; c++) cells[c] = ORDERED[c]!(t);
      lines[i - start] = cells.join(',');
    }
    yield lines.join('\n') + '\n';
  }
}

/** Renders tickets as one canonical CSV text (small logs; large ones stream `csvChunks`). */
export function toCsv(tickets: readonly Ticket[]): string {
  return [...csvChunks(tickets)].join('');
}
