import type { LoadReport } from '../lib/ingest/load/load';
import { metricById } from '../lib/metrics/catalogue';
import { formatValue } from '../lib/metrics/format';
import type { MetricResult } from '../lib/metrics/types';

type JsonValue = number | null | Record<string, number>;

/** The CLI's JSON: rows accounting, every metric by id, and why any metric is unavailable. */
export function toKpiJson(report: LoadReport, results: MetricResult[]) {
  const metrics: Record<string, JsonValue> = {};
  const unavailable: Record<string, string> = {};
  for (const result of results) {
    metrics[result.id] = 'values' in result ? (result.reason ? null : result.values) : result.value;
    if (result.reason) unavailable[result.id] = result.reason;
    if ('keyReasons' in result) {
      for (const [key, reason] of Object.entries(result.keyReasons ?? {})) {
        unavailable[`${result.id}.${key}`] = reason;
      }
    }
  }
  return { rows: report.rows, eventLog: report.eventLog, metrics, unavailable };
}

export function formatKpiTable(report: LoadReport, results: MetricResult[]): string {
  const { rows, eventLog } = report;
  const lines = [
    eventLog
      ? `${report.name}: ${rows.total} events read → ${eventLog.ticketsBuilt} tickets built; ${rows.accepted} events accepted, ${rows.rejected} rejected; ${rows.tickets} tickets loaded`
      : `${report.name}: ${rows.total} rows, ${rows.accepted} accepted, ${rows.rejected} rejected`
  ];
  for (const rejected of report.rejectedSample.slice(0, 5)) {
    lines.push(`  rejected line ${rejected.line}: ${rejected.reason}`);
  }
  lines.push('');
  const width = Math.max(...results.map((r) => r.id.length));
  for (const result of results) {
    const metric = metricById(result.id);
    const seed = metric.seed;
    if ('values' in result) {
      if (result.reason) {
        lines.push(`${result.id.padEnd(width)}  ${result.reason}`);
        continue;
      }
      lines.push(result.id);
      for (const [key, value] of Object.entries(result.values)) {
        const seedValue = seed && typeof seed === 'object' ? seed[key] : undefined;
        const seedText =
          seedValue === undefined ? '' : `  (seed ${formatValue(seedValue, metric.unit, 'en')})`;
        lines.push(
          `  ${key.padEnd(width - 2)}  ${formatValue(value, metric.unit, 'en')}${seedText}`
        );
      }
      for (const [key, reason] of Object.entries(result.keyReasons ?? {})) {
        lines.push(`  ${key.padEnd(width - 2)}  ${reason}`);
      }
    } else {
      const text =
        result.value === null ? result.reason : formatValue(result.value, metric.unit, 'en');
      const seedText =
        typeof seed === 'number' ? `  (seed ${formatValue(seed, metric.unit, 'en')})` : '';
      lines.push(
        `${result.id.padEnd(width)}  ${text}${result.value === null ? '' : `  n=${result.n}`}${seedText}`
      );
    }
  }
  return lines.join('\n');
}
