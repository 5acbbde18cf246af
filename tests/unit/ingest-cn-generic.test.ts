/**
 * A generic Chinese console export (工单号, 创建时间, 关闭时间, 处理人, 渠道, 状态, 满意度评分 …) with the
 * platforms' own status and priority labels and `--` for missing times loads with no preset: every
 * row is accepted and the figures match a count made here from the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { suggestMapping } from '../../src/lib/ingest/map/suggest-mapping';
import { ENGINES } from '../support/engines';
import { gb18030 } from '../support/gb18030';

const HEADER =
  '工单号,创建时间,关闭时间,处理人,渠道,状态,满意度评分,优先级,首次响应时间,受理客服组';

/** [status label, status code, priority label, priority code]: labels as the platforms write them. */
const LABELS: Array<[string, string, string, string | null]> = [
  ['未受理', 'open', '紧急', 'P0'], // Sobot ticketStatus 0
  ['受理中', 'open', '高', 'P1'], // Sobot 1
  ['等待回复', 'open', '标准', 'P2'], // Sobot 2; Udesk priority 标准
  ['已解决', 'resolved', '低', 'P3'],
  ['已关闭', 'resolved', '严重', 'P0'], // Huawei priority 严重
  ['开启', 'open', '中', 'P2'], // Udesk status_id 1
  ['解决中', 'open', '', null], // Udesk 4
  ['待受理', 'open', '中', 'P2'], // Huawei OSM 0
  ['已撤销', 'unresolved', '中', 'P2'], // Huawei OSM 4
  ['已完结', 'resolved', '高', 'P1'],
  ['待用户响应', 'open', '低', 'P3'] // Lark 5
];

interface Row {
  line: string;
  status: string;
  priority: string | null;
  resolveMinutes: number | null;
  hasFirstResponse: boolean;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 33; i++) {
    const [label, status, priorityLabel, priority] = LABELS[i % LABELS.length]!;
    const day = 1 + Math.floor(i / 10);
    const minute = (i * 17) % 60;
    const created = `2026-03-${String(day).padStart(2, '0')} ${String(8 + (i % 9)).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
    const resolveMinutes = 20 + ((i * 29) % 300);
    const closedAt = new Date(Date.parse(`${created.replace(' ', 'T')}Z`) + resolveMinutes * 60_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const closed = status === 'resolved' || status === 'unresolved';
    const dash = ['--', '—', '——', ''][i % 4]!;
    const first =
      i % 3 === 0 ? dash : created.replace(':00:00', ':05:00').replace(/:(\d\d):00$/, ':$1:30');
    out.push({
      line: [
        `GD${1000 + i}`,
        created,
        closed ? closedAt : dash,
        ['张三', '李四', '王五'][i % 3],
        ['微信', '电话', '在线', '邮件'][i % 4],
        label,
        i % 5 === 0 ? '' : String((i % 5) + 1),
        priorityLabel,
        first,
        ['一组', '二组'][i % 2]
      ].join(','),
      status,
      priority,
      resolveMinutes: status === 'resolved' ? resolveMinutes : null,
      hasFirstResponse: i % 3 !== 0
    });
  }
  return out;
}

const ROWS = rows();
const TEXT = [HEADER, ...ROWS.map((r) => r.line)].join('\r\n') + '\r\n';

function median(values: number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

describe.each(ENGINES)('a generic Chinese export on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it.each([
    ['UTF-8', () => new TextEncoder().encode(TEXT)],
    ['GB18030', () => gb18030(TEXT)]
  ])('%s: every row accepted, labels and dashes read, figures as counted', async (_, bytes) => {
    const report = await loadTicketFile(db, { name: 'export.csv', bytes: bytes() });
    expect(report.presetId).toBeNull();
    expect(report.unmatchedValues).toEqual({});
    expect(report.rows).toEqual({
      total: ROWS.length,
      accepted: ROWS.length,
      rejected: 0,
      tickets: ROWS.length
    });
    // dashes are counted as "no time", like the contract's other placeholders
    const dashes = (column: number) =>
      ROWS.filter((r) => ['--', '—', '——'].includes(r.line.split(',')[column]!)).length;
    expect(report.sentinelTimestamps).toEqual({
      resolved_at: dashes(2),
      first_response_at: dashes(8)
    });
    const got = await db.query<{ id: string; status: string; priority: string | null }>(
      'SELECT ticket_id AS id, status, priority FROM tickets ORDER BY id'
    );
    expect(got).toEqual(
      ROWS.map((r) => ({ id: r.line.split(',')[0]!, status: r.status, priority: r.priority })).sort(
        (a, b) => a.id.localeCompare(b.id)
      )
    );
    const [m] = await db.query<{ resolve: number; first: number }>(
      `SELECT median(resolve_minutes) FILTER (WHERE status = 'resolved')::DOUBLE AS resolve,
         count(first_response_at)::INTEGER AS first FROM tickets`
    );
    expect(m).toEqual({
      resolve: median(ROWS.flatMap((r) => (r.resolveMinutes === null ? [] : [r.resolveMinutes]))),
      first: ROWS.filter((r) => r.hasFirstResponse).length
    });
  });
});

describe('console headers with an agent and its group', () => {
  it('take the agent (受理客服), not the group before it, as agent_id', () => {
    const header = ['工单编号', '创建时间', '工单状态', '受理客服组', '受理客服', '工单来源'];
    const evidence = Object.fromEntries(
      suggestMapping(header, []).evidence.map((e) => [e.column, e.sourceHeader])
    );
    expect(evidence).toMatchObject({
      ticket_id: '工单编号',
      created_at: '创建时间',
      status: '工单状态',
      agent_id: '受理客服',
      entry_channel: '工单来源'
    });
  });
});
