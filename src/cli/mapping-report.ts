import { readUserFile } from './read-user-file';
import type { LoadReport } from '../lib/ingest/load/load';
import { mappingFromJson } from '../lib/ingest/map/mapping-json';
import type { Mapping } from '../lib/ingest/map/mapping-types';
import { PRESETS } from '../lib/ingest/presets/presets';

export function readMapping(path: string): Mapping {
  return mappingFromJson(readUserFile(path, `--mapping ${path}`).toString('utf8'));
}

/** Prints what the user should know about the load (ids from lines, constants, sentinels). */
export function explainNotices(report: LoadReport): void {
  if (report.notices.length === 0) return;
  const lines = report.notices.map((n) => `  ${n.en}`);
  process.stderr.write(`notes on this load:\n${lines.join('\n')}\n`);
}

/** Which load path ran: the typed fast path, or the text path and why. */
export function explainLoadPath(report: LoadReport): void {
  const path = report.loadPath;
  const line = path.kind === 'typed' ? 'typed fast path' : `text path (${path.reason})`;
  process.stderr.write(`load path: ${line}\n`);
}

/**
 * For a file that is not in the canonical layout: prints the mapping the loader chose on stderr,
 * and refuses to go on when values of a closed column (status, region, …) could not be mapped:
 * their rows would be rejected, so the user must decide. Open columns keep unknown codes.
 */
export function explainMapping(report: LoadReport): void {
  if (!report.suggested || report.canonicalHeader) return;
  const lines = report.evidence.map(
    (e) => `  ${e.sourceHeader || '(computed)'} → ${e.column}  (${e.reason})`
  );
  process.stderr.write(
    `mapping used${report.presetId ? ` (preset ${report.presetId})` : ''}:\n${lines.join('\n')}\n`
  );
  const notes = PRESETS.find((p) => p.id === report.presetId)?.notes ?? [];
  if (notes.length > 0) {
    process.stderr.write(`preset notes:\n${notes.map((n) => `  - ${n.en}`).join('\n')}\n`);
  }
  const unmatched = Object.entries(report.unmatchedValues).filter(([, v]) => v && v.length > 0);
  if (unmatched.length > 0) {
    const detail = unmatched.map(
      ([column, values]) => `${column}: ${values!.slice(0, 8).join(', ')}`
    );
    throw new Error(
      `could not map these values (give a mapping with --mapping FILE): ${detail.join('; ')}`
    );
  }
}

/** For an event log: how many events became how many tickets, and how the file was read. */
export function explainEventLog(report: LoadReport): void {
  const log = report.eventLog;
  if (!log) return;
  const rejected = log.ticketsRejected > 0 ? ` (${log.ticketsRejected} of them rejected)` : '';
  const lines = [
    `event log: ${log.events} events read → ${log.ticketsBuilt} tickets built${rejected}; ` +
      `${report.rows.accepted} events accepted, ${report.rows.rejected} rejected`,
    `  one ticket per "${log.caseColumn}", ordered by "${log.timeColumn ?? 'file order'}"` +
      (log.activityColumn ? `, activity "${log.activityColumn}"` : '')
  ];
  for (const [mark, values] of Object.entries(log.marks)) {
    lines.push(`  ${mark} ← ${(values ?? []).map((v) => `"${v}"`).join(', ')}`);
  }
  for (const line of log.detection) lines.push(`  detected: ${line}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}
