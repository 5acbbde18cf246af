import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, type LoadReport } from '../../src/lib/ingest/load/load';
import { LoadError } from '../../src/lib/ingest/load/load-error';
import { prepareFile } from '../../src/lib/ingest/load/prepare-file';
import { plainNumber, serialDateText } from '../../src/lib/ingest/read/sheet-cell';
import {
  spreadsheetToCsv,
  type SpreadsheetOptions
} from '../../src/lib/ingest/read/spreadsheet-source';
import { readZipDirectory } from '../../src/lib/ingest/read/zip-directory';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { DEFAULT_SETTINGS } from '../../src/lib/metrics/settings';
import { canonicalRows, dateCell, writeWorkbook, type Cell } from '../support/workbook';

async function csvOf(bytes: Uint8Array, options?: SpreadsheetOptions) {
  const sheet = await spreadsheetToCsv(bytes, options);
  if (!sheet) throw new Error('not recognised as a workbook');
  return { text: new TextDecoder().decode(sheet.bytes), workbook: sheet.workbook };
}

async function failure(run: () => Promise<unknown>): Promise<LoadError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('expected a LoadError');
}

/** A Zendesk "all tickets" export: typed dates in Created at, text dates in Updated at. */
const ZENDESK: Cell[][] = [
  ['Id', 'Subject', 'Status', 'Via', 'Created at', 'Updated at', 'Satisfaction score'],
  [
    1001,
    'Refund, "urgent"',
    'Solved',
    'Email',
    dateCell('2024-03-05 09:15:30'),
    '2024-03-05T10:00:00Z',
    5
  ],
  [
    1002,
    'Login fails',
    'Open',
    'Web form',
    dateCell('2024-03-06 23:59:59'),
    '2024-03-07T08:30:00Z',
    null
  ],
  [
    1003,
    'Card blocked\nagain',
    'Pending',
    'Chat',
    dateCell('2024-02-29 00:00:00'),
    '2024-03-01T12:00:00Z',
    3.5
  ]
];

describe('spreadsheet cells as CSV text', () => {
  it('a Zendesk-like sheet: typed date cells become naive timestamps, text dates stay text', async () => {
    const { text, workbook } = await csvOf(writeWorkbook([['Tickets', ZENDESK]]));
    expect(text).toBe(
      [
        'Id,Subject,Status,Via,Created at,Updated at,Satisfaction score',
        '1001,"Refund, ""urgent""",Solved,Email,2024-03-05 09:15:30,2024-03-05T10:00:00Z,5',
        '1002,Login fails,Open,Web form,2024-03-06 23:59:59,2024-03-07T08:30:00Z,',
        '1003,"Card blocked\nagain",Pending,Chat,2024-02-29 00:00:00,2024-03-01T12:00:00Z,3.5',
        ''
      ].join('\n')
    );
    expect(workbook).toEqual({
      format: 'xlsx',
      sheet: 'Tickets',
      sheets: [{ name: 'Tickets', rows: 3 }],
      notes: []
    });
  });

  it('reports the format, the sheet and the other sheets as encoding evidence', async () => {
    const bytes = writeWorkbook([
      ['Tickets', ZENDESK],
      ['Summary', [['Total'], [3]]]
    ]);
    const prepared = await prepareFile(bytes);
    expect(prepared.encoding).toBe('xlsx');
    expect(prepared.encodingEvidence).toBe("xlsx, sheet 'Tickets' (2 sheets: Tickets, Summary)");
    expect(prepared.header[4]).toBe('Created at');
    expect(prepared.sampleRows.map((r) => r[4])).toEqual([
      '2024-03-05 09:15:30',
      '2024-03-06 23:59:59',
      '2024-02-29 00:00:00'
    ]);
  });

  it('skips an empty first sheet, and a named sheet is read instead when asked', async () => {
    const bytes = writeWorkbook([
      ['Cover', []],
      ['Tickets', ZENDESK],
      [
        'By agent',
        [
          ['Agent', 'Solved'],
          ['ann', 2],
          ['bo', 1]
        ]
      ]
    ]);
    const first = await csvOf(bytes);
    expect(first.workbook.sheet).toBe('Tickets');
    expect(first.workbook.sheets).toEqual([
      { name: 'Cover', rows: 0 },
      { name: 'Tickets', rows: 3 },
      { name: 'By agent', rows: 2 }
    ]);
    const named = await csvOf(bytes, { sheet: 'By agent' });
    expect(named.text).toBe('Agent,Solved\nann,2\nbo,1\n');
    expect(named.workbook.sheet).toBe('By agent');
    const error = await failure(() => csvOf(bytes, { sheet: 'Nope' }));
    expect(error.kind).toBe('bad-setting');
    expect(error.message).toBe(
      'This workbook has no sheet named "Nope"; its sheets are "Cover", "Tickets", "By agent".'
    );
  });

  it('takes the first non-empty row as the header and leaves empty rows and columns out', async () => {
    const bytes = writeWorkbook([['S', [[], [null, 'a', 'b'], [null, 1, 2], [], [null, 3, 4]]]]);
    const { text, workbook } = await csvOf(bytes);
    expect(text).toBe('a,b\n1,2\n3,4\n');
    expect(workbook.notes).toEqual([
      'header on row 2',
      '1 empty row(s) between the rows left out',
      'columns from B'
    ]);
  });

  it('keeps long numeric ids as digits, never 1.23E+15, and numbers without grouping', async () => {
    const bytes = writeWorkbook([
      [
        'Ids',
        [
          ['order_id', 'zip', 'amount', 'ratio', 'tiny'],
          [
            1234567890123456,
            { t: 'n', v: 123, z: '00000' },
            { t: 'n', v: 1234567, z: '#,##0' },
            0.1 + 0.2,
            1.5e-7
          ],
          ['98765432109876543210', { t: 'n', v: 7, z: '00000' }, 1e21, 12.3, -0.5]
        ]
      ]
    ]);
    const { text } = await csvOf(bytes);
    expect(text).toBe(
      'order_id,zip,amount,ratio,tiny\n' +
        '1234567890123456,00123,1234567,0.3,0.00000015\n' +
        '98765432109876543210,00007,1000000000000000000000,12.3,-0.5\n'
    );
  });

  it('reads serial dates of a 1904 workbook from 1904-01-01', async () => {
    const bytes = writeWorkbook(
      [
        [
          'T',
          [
            ['created_at'],
            [dateCell('2024-01-01 12:00:00', true)],
            [{ t: 'n', v: 0, z: 'yyyy-mm-dd' }]
          ]
        ]
      ],
      'xlsx',
      { date1904: true }
    );
    const { text } = await csvOf(bytes);
    // 2024-01-01 is day 43,830 after 1904-01-01 (45,292 after 1899-12-30, less 1,462).
    expect(text).toBe('created_at\n2024-01-01 12:00:00\n1904-01-01 00:00:00\n');
  });

  it('counts 1900 serials with Excel’s leap-day quirk and rounds to the second', () => {
    expect(serialDateText(1, false)).toBe('1900-01-01 00:00:00');
    expect(serialDateText(59, false)).toBe('1900-02-28 00:00:00');
    expect(serialDateText(61, false)).toBe('1900-03-01 00:00:00');
    expect(serialDateText(45292.5, false)).toBe('2024-01-01 12:00:00');
    expect(serialDateText(45292 + 0.49999999, false)).toBe('2024-01-01 12:00:00');
    expect(serialDateText(-1, false)).toBeUndefined();
    expect(plainNumber(1e-7)).toBe('0.0000001');
  });

  it.each([
    ['ods', 'ods'],
    ['biff8', 'xls']
  ] as const)('reads a .%s workbook written by the library', async (bookType, format) => {
    const bytes = writeWorkbook([['Tickets', ZENDESK]], bookType);
    const { text, workbook } = await csvOf(bytes);
    expect(workbook.format).toBe(format);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Id,Subject,Status,Via,Created at,Updated at,Satisfaction score',
      '1001,"Refund, ""urgent""",Solved,Email,2024-03-05 09:15:30,2024-03-05T10:00:00Z,5'
    ]);
  });
});

describe('workbook size guard', () => {
  /** Rewrites the declared uncompressed size of one entry in the ZIP central directory. */
  function declareSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const name = new TextEncoder().encode(entry);
    for (let at = out.length - 46; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      const found = out.subarray(at + 46, at + 46 + length);
      if (length === name.length && found.every((b, i) => b === name[i])) {
        view.setUint32(at + 24, size, true);
        return out;
      }
    }
    throw new Error(`no entry ${entry}`);
  }

  it('sums the entries’ declared uncompressed sizes', () => {
    const bytes = writeWorkbook([['Tickets', ZENDESK]]);
    const entries = readZipDirectory(bytes);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(entries.every((e) => e.uncompressedSize > 0)).toBe(true);
  });

  it('refuses a workbook declaring 3.75 GiB unpacked before parsing it, naming the limit', async () => {
    const bomb = declareSize(
      writeWorkbook([['Tickets', ZENDESK]]),
      'xl/worksheets/sheet1.xml',
      0xf0000000
    );
    const read = vi.fn();
    const error = await failure(() => spreadsheetToCsv(bomb, { read }));
    expect(read).not.toHaveBeenCalled();
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('unpacks to 3.8 GiB');
    expect(error.message).toContain('files up to 1 GiB are loaded');
    const viaLoader = await failure(() => prepareFile(bomb));
    expect(viaLoader.kind).toBe('too-large');
  });

  it('refuses a workbook whose data inflates past the limit though it declares less', async () => {
    const rows: Cell[][] = [['ticket_id', 'note']];
    for (let i = 0; i < 20_000; i++) rows.push([`t${i}`, 'the same words again and again']);
    const honest = writeWorkbook([['Tickets', rows]], 'xlsx', { compression: true });
    const entries = readZipDirectory(honest);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.method).toBe(8);
    expect(sheet.compressedSize * 2).toBeLessThan(sheet.uncompressedSize);
    const lying = declareSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    const declared = readZipDirectory(lying).reduce((n, e) => n + e.uncompressedSize, 0);
    const limit = declared + 64 * 1024;
    await expect(
      spreadsheetToCsv(honest, { sizeLimit: sheet.uncompressedSize * 2 })
    ).resolves.not.toBeNull();
    const read = vi.fn();
    const error = await failure(() => spreadsheetToCsv(lying, { sizeLimit: limit, read }));
    expect(read).not.toHaveBeenCalled();
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('its data inflates past');
  });

  it('applies a smaller limit when given one', async () => {
    const bytes = writeWorkbook([['Tickets', ZENDESK]]);
    const unpacked = readZipDirectory(bytes).reduce((n, e) => n + e.uncompressedSize, 0);
    await expect(spreadsheetToCsv(bytes, { sizeLimit: unpacked })).resolves.not.toBeNull();
    const error = await failure(() => spreadsheetToCsv(bytes, { sizeLimit: unpacked - 1 }));
    expect(error.kind).toBe('too-large');
  });

  it('names a truncated ZIP and a ZIP that holds no workbook', async () => {
    const bytes = writeWorkbook([['Tickets', ZENDESK]]);
    const truncated = await failure(() => prepareFile(bytes.subarray(0, 200)));
    expect(truncated.message).toContain('ZIP archive (an .xlsx?) but it has no ZIP directory');
    const notBook = await failure(() => prepareFile(zipOf('data.csv')));
    expect(notBook.message).toContain('not an Excel (.xlsx) or OpenDocument (.ods) workbook');
  });
});

/** An empty-content ZIP with one stored entry, written byte by byte. */
function zipOf(name: string): Uint8Array {
  const n = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + n.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(26, n.length, true);
  local.set(n, 30);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(28, n.length, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}

describe('the same data as CSV and as a workbook', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  async function loaded(name: string, bytes: Uint8Array) {
    const report = await loadTicketFile(db, { name, bytes });
    const metrics = await computeMetrics(db, {
      filters: {},
      settings: DEFAULT_SETTINGS,
      present: report.presentColumns
    });
    const tickets = await db.query('SELECT * EXCLUDE (__rec) FROM tickets ORDER BY ticket_id');
    return { report, metrics, tickets };
  }

  function sameLoad(a: LoadReport, b: LoadReport) {
    expect(b.rows).toEqual(a.rows);
    expect(b.header).toEqual(a.header);
    expect(b.presentColumns).toEqual(a.presentColumns);
    expect(b.dateRange).toEqual(a.dateRange);
  }

  it.each([
    ['xlsx', 800],
    ['ods', 400],
    ['biff8', 400]
  ] as const)(
    'gives identical tickets and metrics through the loader (%s, %i rows)',
    async (bookType, rows) => {
      const csv = generateTicketsCsv({ rows, seed: 5 });
      const fromCsv = await loaded('t.csv', new TextEncoder().encode(csv));
      const book = writeWorkbook(
        [
          ['Notes', []],
          ['Tickets', canonicalRows(csv)]
        ],
        bookType
      );
      const fromBook = await loaded('t.xlsx', book);
      expect(fromCsv.report.rows).toEqual({
        total: rows,
        accepted: rows,
        rejected: 0,
        tickets: rows
      });
      sameLoad(fromCsv.report, fromBook.report);
      expect(fromBook.report.workbook?.sheet).toBe('Tickets');
      expect(fromBook.tickets).toEqual(fromCsv.tickets);
      expect(toTwelveDigits(fromBook.metrics)).toEqual(toTwelveDigits(fromCsv.metrics));
      expect(
        fromCsv.metrics.filter((m) => 'value' in m && m.value !== null).length
      ).toBeGreaterThan(10);
    }
  );

  it('a real NYC 311 export saved as xlsx (typed dates) loads like its CSV, preset and all', async () => {
    const path = '../shared/evaldata/nyc311_sample_2024-05-27_1000rows.csv';
    if (!existsSync(path)) return console.warn(`skipping: ${path} not found`);
    const csv = readFileSync(path, 'utf8');
    const [header = [], ...rows] = Papa.parse<string[]>(csv.trim()).data;
    const cells = rows.map((row) =>
      row.map((value, i): Cell => {
        if (value === '') return null;
        // 2024-05-27T02:08:51.000 as Excel stores a date it recognised: a serial number.
        if (header[i]!.endsWith('_date')) return dateCell(value.slice(0, 19).replace('T', ' '));
        if (/^-?\d+(\.\d+)?$/.test(value) && header[i] !== 'incident_zip') return Number(value);
        return value;
      })
    );
    const fromCsv = await loaded('311.csv', new TextEncoder().encode(csv));
    const fromBook = await loaded('311.xlsx', writeWorkbook([['311', [header, ...cells]]]));
    expect(fromBook.report.presetId).toBe('nyc311');
    // the 14 UNKNOWN channels are kept as `unknown` (open vocabulary, contract v2)
    expect(fromBook.report.rows).toEqual({
      total: 1000,
      accepted: 1000,
      rejected: 0,
      tickets: 1000
    });
    sameLoad(fromCsv.report, fromBook.report);
    expect(fromBook.report.rejectedSample.map((r) => [r.line, r.reason])).toEqual(
      fromCsv.report.rejectedSample.map((r) => [r.line, r.reason])
    );
    expect(fromBook.metrics).toEqual(fromCsv.metrics);
  });
});

/** DuckDB sums in thread order, so the last bits of a float can differ between two equal loads. */
function toTwelveDigits(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(toTwelveDigits);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTwelveDigits(v)]));
  return value;
}
