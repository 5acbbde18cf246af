const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet will show as text: formula starts are neutralised with a quote. */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' && !Number.isFinite(value) ? '' : String(value);
  if (FORMULA_START.test(text) && !(typeof value === 'number')) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const lines = [header.map(safeCell).join(',')];
  for (const row of rows) lines.push(row.map(safeCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Hands a text file to the browser's download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
