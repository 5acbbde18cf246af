/**
 * Satisfaction written as words (非常满意 … 非常不满意, very satisfied … very dissatisfied) is read
 * on the 1–5 scale, and a dash in a number cell is no value; a word off the scale is still
 * rejected with its text. A three-step survey (满意 / 一般 / 不满意, 好评 / 中评 / 差评, good / bad)
 * sits at the scale's top, middle and bottom, and the load report says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, rejectedRows } from '../../src/lib/ingest/load/load';
import { ENGINES } from '../support/engines';
import { gb18030 } from '../support/gb18030';

const WORDS: Array<[string, number | null]> = [
  ['非常满意', 5],
  ['满意', 4],
  ['一般', 3],
  ['不满意', 2],
  ['非常不满意', 1],
  ['Very satisfied', 5],
  ['dissatisfied', 2],
  ['4', 4],
  ['--', null],
  ['', null],
  ['—', null]
];

const LINES = WORDS.map(
  ([word], i) =>
    `GD${100 + i},2026-03-0${1 + (i % 5)} 10:00:00,已解决,2026-03-0${1 + (i % 5)} 11:00:00,${word}`
);
const HEADER = '工单编号,创建时间,工单状态,解决时间,满意度';
const OFF_SCALE = 'GD999,2026-03-06 10:00:00,已解决,2026-03-06 11:00:00,超级满意';
const TEXT = [HEADER, ...LINES, OFF_SCALE].join('\r\n') + '\r\n';

describe.each(ENGINES)('satisfaction words on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('reads each word as its score and a dash as no score', async () => {
    const report = await loadTicketFile(db, { name: 'survey.csv', bytes: gb18030(TEXT) });
    expect(report.rows).toMatchObject({
      total: WORDS.length + 1,
      accepted: WORDS.length,
      rejected: 1
    });
    const got = await db.query<{ id: string; csat: number | null }>(
      'SELECT ticket_id AS id, csat FROM tickets ORDER BY id'
    );
    expect(got).toEqual(WORDS.map(([, score], i) => ({ id: `GD${100 + i}`, csat: score })));
    const [rejected] = await rejectedRows(db, report.header.length);
    expect(rejected!.reason).toContain('超级满意');
    expect(report.notices.map((n) => n.id)).not.toContain('csat-three-step');
  });

  const threeStep = async (words: string[]) => {
    const lines = words.map(
      (word, i) => `GD${100 + i},2026-03-02 10:00:00,已解决,2026-03-02 11:00:00,${word}`
    );
    const bytes = gb18030([HEADER, ...lines].join('\r\n') + '\r\n');
    const report = await loadTicketFile(db, { name: 'survey.csv', bytes });
    const got = await db.query<{ csat: number | null }>(
      'SELECT csat FROM tickets ORDER BY ticket_id'
    );
    const notices = report.notices.map((n) => n.id).filter((id) => id.startsWith('csat'));
    return { scores: got.map((r) => r.csat), notices };
  };

  it('reads a three-step survey as 5 / 3 / 1 and says so', async () => {
    expect(await threeStep(['满意', '一般', '不满意', '未评价', '满意'])).toEqual({
      scores: [5, 3, 1, null, 5],
      notices: ['csat-three-step']
    });
    expect((await threeStep(['好评', '中评', '差评'])).scores).toEqual([5, 3, 1]);
    expect((await threeStep(['Good', 'bad', 'good'])).scores).toEqual([5, 1, 5]);
  });

  it('keeps the five-step reading when one five-step word or a number is in the column', async () => {
    expect(await threeStep(['满意', '一般', '非常满意', '不满意'])).toEqual({
      scores: [4, 3, 5, 2],
      notices: []
    });
    expect((await threeStep(['满意', '一般', '2'])).scores).toEqual([4, 3, 2]);
  });
});
