import { COLUMNS } from '../../contract/columns';
import type { Db } from '../../db/types';
import { ident } from '../../db/sql';

/** A code of an open column that is none of the contract's codes, kept as the file wrote it. */
export interface KeptCode {
  value: string;
  tickets: number;
}

/** Per open column: its most frequent own codes (at most {@link KEPT_CODES_LISTED}) and how many there are. */
export type KeptCodes = Partial<Record<string, { codes: KeptCode[]; distinct: number }>>;

const OPEN_CODED = COLUMNS.filter((c) => c.type === 'enum' && c.open && c.codes);
export const KEPT_CODES_LISTED = 200;

/**
 * The open columns' own codes (a team's `CH01`, `WEB`), counted on `tickets`: they load as
 * written, but the seed's figures only count the contract's codes, so the user is shown them
 * to map.
 */
export async function keptCodes(db: Db, present: readonly string[]): Promise<KeptCodes> {
  const kept: KeptCodes = {};
  for (const spec of OPEN_CODED) {
    if (!present.includes(spec.name)) continue;
    const codes = spec.codes ?? [];
    const column = ident(spec.name);
    const rows = await db.query<{ value: string; tickets: number; distinct_codes: number }>(
      `SELECT ${column} AS value, count(*)::INTEGER AS tickets,
              (count(*) OVER ())::INTEGER AS distinct_codes
       FROM tickets
       WHERE ${column} IS NOT NULL AND ${column} NOT IN (${codes.map(() => '?').join(', ')})
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${KEPT_CODES_LISTED}`,
      codes
    );
    if (rows.length === 0) continue;
    kept[spec.name] = {
      codes: rows.map(({ value, tickets }) => ({ value, tickets })),
      distinct: rows[0]!.distinct_codes
    };
  }
  return kept;
}
