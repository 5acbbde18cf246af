const m = (zh: string, en: string) => ({ zh, en });

/** Texts of reading Excel / OpenDocument workbooks. */
export const SPREADSHEET_MESSAGES = {
  openingWorkbook: m('正在解析工作簿 {name}…', 'Opening the workbook {name}…'),
  readingSheet: m(
    '正在读取工作表“{sheet}”：{done} / {total} 行',
    'Reading sheet “{sheet}”: {done} / {total} rows'
  ),
  sheetLabel: m('工作表', 'Sheet'),
  sheetOption: m('{name}（{rows} 行）', '{name} ({rows} rows)'),
  sheetOptionOne: m('{name}（1 行）', '{name} (1 row)'),
  workbookInfo: m('{format} 工作簿，共 {count} 个工作表', '{format} workbook, {count} sheet(s)'),
  sheetRead: m('读取工作表“{sheet}”', 'sheet “{sheet}”')
} as const;
