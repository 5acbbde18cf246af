import { describe, expect, it } from 'vitest';
import { formatKpiTable, toKpiJson } from '../../src/cli/kpi-output';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import type { MetricResult } from '../../src/lib/metrics/types';

const report = {
  name: 'f.csv',
  rows: { total: 3, accepted: 3, rejected: 0 },
  rejectedSample: []
} as unknown as LoadReport;

const results: MetricResult[] = [
  { id: 'resolve_minutes_median', value: 185, n: 3, reason: null },
  {
    id: 'sla_compliance_by_channel',
    values: { hotline: 0.5 },
    counts: { hotline: 2 },
    reason: null,
    keyReasons: { mail: 'set a target for channel mail (CLI: --sla-target mail=MINUTES)' }
  }
];

describe('kpi output', () => {
  it('JSON lists a key without a figure under unavailable as <id>.<key>', () => {
    const json = toKpiJson(report, results);
    expect(json.metrics.sla_compliance_by_channel).toEqual({ hotline: 0.5 });
    expect(json.unavailable).toEqual({
      'sla_compliance_by_channel.mail':
        'set a target for channel mail (CLI: --sla-target mail=MINUTES)'
    });
  });

  it('the table prints durations and the reason beside the key', () => {
    const table = formatKpiTable(report, results);
    expect(table).toMatch(/resolve_minutes_median\s+3 h 5 min {2}n=3/);
    expect(table).toMatch(/ {2}mail\s+set a target for channel mail/);
  });
});
