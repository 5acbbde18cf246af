import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COLUMN_NAMES } from '../../src/lib/contract/columns';
import { generateTicketsCsv } from '../../scripts/generate/index';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function parse(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

const ms = (ts: string): number => Date.parse(ts.replace(' ', 'T') + 'Z');

describe('default dataset generator', () => {
  it('regenerates exactly the committed data/tickets.csv.gz', () => {
    const committed = gunzipSync(readFileSync('data/tickets.csv.gz')).toString('utf8');
    const regenerated = generateTicketsCsv();
    expect(sha(regenerated)).toBe(sha(committed));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateTicketsCsv({ rows: 3000, seed: 7 });
    const b = generateTicketsCsv({ rows: 3000, seed: 7 });
    const c = generateTicketsCsv({ rows: 3000, seed: 8 });
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  });

  it('keeps every row internally consistent', () => {
    const csv = generateTicketsCsv({ rows: 5000, seed: 11, days: 30 });
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.includes('\r')).toBe(false);
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(COLUMN_NAMES.join(','));
    const rows = parse(csv);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => r.ticket_id)).size).toBe(5000);
    const tsPattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    for (const r of rows) {
      for (const col of [
        'created_at',
        'human_requested_at',
        'agent_answered_at',
        'first_response_at',
        'resolved_at'
      ])
        if (r[col]) expect(r[col]).toMatch(tsPattern);
      const created = ms(r.created_at!);
      if (r.resolved_at) expect(ms(r.resolved_at)).toBeGreaterThanOrEqual(created);
      if (r.first_response_at) expect(ms(r.first_response_at)).toBeGreaterThanOrEqual(created);
      if (r.human_requested_at) expect(ms(r.human_requested_at)).toBeGreaterThanOrEqual(created);
      if (r.agent_answered_at) {
        expect(r.human_requested_at).not.toBe('');
        expect(ms(r.agent_answered_at)).toBeGreaterThanOrEqual(ms(r.human_requested_at!));
        expect(r.agent_id).not.toBe('');
        expect(Number(r.handle_seconds)).toBeGreaterThan(0);
      } else {
        expect(r.agent_id).toBe('');
        expect(r.handle_seconds).toBe('');
      }
      expect(['resolved', 'unresolved', 'open']).toContain(r.status);
      expect(r.status === 'resolved').toBe(r.resolved_at !== '');
      expect(r.resolved_by !== '').toBe(r.resolved_at !== '');
      if (r.duplicate_answer === 'true') {
        expect(r.bot_answered).toBe('true');
        expect(r.agent_answered_at).not.toBe('');
      }
      if (r.ai_confidence) expect(Number(r.ai_confidence)).toBeGreaterThanOrEqual(0);
      if (r.csat) expect([1, 2, 3, 4, 5]).toContain(Number(r.csat));
      for (const col of [
        'status_lookups',
        'status_followups',
        'load_ms',
        'translation_delay_hours'
      ])
        if (r[col]) expect(Number(r[col])).toBeGreaterThanOrEqual(0);
    }
  });
});
