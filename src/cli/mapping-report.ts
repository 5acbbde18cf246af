import { readFileSync } from 'node:fs';
import type { LoadReport } from '../lib/ingest/load';
import { mappingFromJson } from '../lib/ingest/mapping-json';
import type { Mapping } from '../lib/ingest/mapping-types';
import { PRESETS } from '../lib/ingest/presets';

export function readMapping(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read mapping file ${path}`);
  }
  return mappingFromJson(text);
}

/**
 * For a file that is not in the canonical layout: prints the mapping the loader chose on stderr,
 * and refuses to go on when some values could not be mapped (the user must decide).
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
    process.stderr.write(`preset notes:\n${notes.map((n) => `  - ${n}`).join('\n')}\n`);
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
