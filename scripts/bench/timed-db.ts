import type { Db, Row, SqlParam } from '../../src/lib/db/types';

/** One statement the wrapped database ran, and how long it took. */
export interface StatementTiming {
  sql: string;
  ms: number;
}

/** A `Db` that records the wall time of every statement it passes on (for profiles). */
export interface TimedDb extends Db {
  readonly timings: StatementTiming[];
}

const label = (sql: string): string => sql.replace(/\s+/g, ' ').trim().slice(0, 160);

export function timedDb(inner: Db): TimedDb {
  const timings: StatementTiming[] = [];
  async function timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings.push({ sql: label(sql), ms: performance.now() - started });
    }
  }
  return {
    engine: inner.engine,
    timings,
    query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]) {
      return timed(sql, () => inner.query<T>(sql, params));
    },
    exec: (sql) => timed(sql, () => inner.exec(sql)),
    registerFile: (name, bytes) =>
      timed(`registerFile ${name}`, () => inner.registerFile(name, bytes)),
    dropFile: (name) => timed(`dropFile ${name}`, () => inner.dropFile(name)),
    close: () => inner.close()
  };
}

/** The slowest statements first, merged by text. */
export function slowest(timings: readonly StatementTiming[], count = 8): StatementTiming[] {
  const merged = new Map<string, number>();
  for (const t of timings) merged.set(t.sql, (merged.get(t.sql) ?? 0) + t.ms);
  return [...merged.entries()]
    .map(([sql, ms]) => ({ sql, ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}
