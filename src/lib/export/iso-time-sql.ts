/**
 * SQL for an exported instant: ISO 8601 in the dataset's zone with its offset at that instant
 * (`2026-05-17T15:59:46+08:00`, DST included), so a spreadsheet or a script reads the same
 * moment the screen shows. Uses the load's `to_local` macro; `column` is a contract column name.
 */
export function isoWithOffsetSql(column: string): string {
  const local = `to_local(${column})`;
  const minutes = `date_diff('minute', ${column}, ${local})`;
  const fraction = `CASE WHEN microsecond(${column}) % 1000000 = 0 THEN '' ELSE strftime(${column}, '.%f') END`;
  const offset =
    `CASE WHEN ${minutes} < 0 THEN '-' ELSE '+' END || ` +
    `lpad(CAST(abs(${minutes}) // 60 AS VARCHAR), 2, '0') || ':' || ` +
    `lpad(CAST(abs(${minutes}) % 60 AS VARCHAR), 2, '0')`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE strftime(${local}, '%Y-%m-%dT%H:%M:%S') || ${fraction} || ${offset} END`;
}
