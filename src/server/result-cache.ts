import type { Row } from '../lib/db/types';

/**
 * Answers of queries already run, by their text and parameters. The served database is
 * read-only, so an answer never goes stale: going back to a filter state (a reset, a toggle)
 * costs no scan. The least recently used answers go first once `maxBytes` of JSON is held.
 */
export class ResultCache {
  private readonly entries = new Map<string, { rows: Row[]; bytes: number }>();
  private bytes = 0;
  hits = 0;

  constructor(private readonly maxBytes = 64 * 2 ** 20) {}

  key(sql: string, params: unknown): string {
    return JSON.stringify([sql, params]);
  }

  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.rows;
  }

  set(key: string, rows: Row[]): void {
    const bytes = key.length + JSON.stringify(rows).length;
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { rows, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
