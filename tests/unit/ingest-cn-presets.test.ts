/**
 * Presets for the Chinese platforms' documented ticket fields (智齿 Sobot getTicketList, 飞书服务台
 * tickets, 华为云 云客服 case list, 美洽 conversations). Each fixture is built here from a row plan; the expected figures are worked out in
 * JavaScript from the same plan, not from the loader, and the file goes through the page path
 * (loadTicketFile on native and wasm DuckDB) and the CLI path (loadForCli on a file on disk).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, rejectedRows, type LoadReport } from '../../src/lib/ingest/load/load';
import { suggestMapping } from '../../src/lib/ingest/map/suggest-mapping';
import { findPreset } from '../../src/lib/ingest/presets/presets';
import { computeMetrics } from '../../src/lib/metrics/compute';
import type { MapResult, ScalarResult } from '../../src/lib/metrics/types';
import { ENGINES } from '../support/engines';
import { gb18030 } from '../support/gb18030';

const MINUTE = 60_000;
const SHANGHAI_MS = 8 * 60 * MINUTE;

/** `yyyy-MM-dd HH:mm:ss` wall-clock time in Asia/Shanghai of an instant, as a console prints it. */
function shanghai(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

function median(values: readonly number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

function countBy(values: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------- Sobot getTicketList

const SOBOT_HEADER = [
  'ticketId',
  'ticketCode',
  'ticketTitle',
  'ticketContent',
  'ticketLevel',
  'ticketStatus',
  'startType',
  'startName',
  'dealUserName',
  'dealGroupName',
  'createTime',
  'updateTime',
  'ticketTypeName',
  'ticketFrom'
];

/** What each documented code means, written out again independently of the preset's tables. */
const SOBOT_STATUS: Record<number, 'open' | 'resolved' | 'deleted'> = {
  0: 'open',
  1: 'open',
  2: 'open',
  3: 'resolved',
  99: 'resolved',
  98: 'deleted'
};
const SOBOT_CHANNEL = [
  'ticket_center',
  'web',
  'h5',
  'wechat',
  'app',
  'weibo',
  'web',
  'customer_center',
  'hotline',
  'wechat',
  'h5',
  'app'
];
const SOBOT_PRIORITY = ['P3', 'P2', 'P1', 'P0'];

interface SobotRow {
  cells: string[];
  status: 'open' | 'resolved' | 'deleted';
  createdMs: number | null;
  channel: string;
  platform: string | null;
  priority: string | null;
  user: string | null;
}

/** 38 tickets: every status, level and source code, epoch ms mixed with console times, messy cells. */
function sobotRows(): SobotRow[] {
  const statuses = [3, 0, 1, 2, 3, 99, 3, 98, 99];
  const base = Date.UTC(2026, 2, 2, 1, 0, 0);
  const groups = ['售后组', '一线客服组', ''];
  const types = ['售后/退款/未到账', '账号/登录, 密码', '--', ''];
  const rows: SobotRow[] = [];
  for (let i = 0; i < 38; i++) {
    const status = statuses[i % statuses.length]!;
    const level = i % 5; // 4 → empty cell
    const from = i % 12;
    const createdMs = base + i * 37 * MINUTE;
    // every 7th row as the console prints it (Shanghai wall clock), one row without a time
    const created = i === 20 ? '--' : i % 7 === 3 ? shanghai(createdMs) : String(createdMs);
    const startType = i % 4 === 0 ? '0' : '1';
    const startName = i % 6 === 5 ? '' : `用户${i % 9}`;
    rows.push({
      cells: [
        `5f${(1000 + i).toString(16)}`,
        String(1500877900 + i),
        `工单 ${i}`,
        i % 5 === 2 ? '问题描述, 含 "引号"' : '问题描述',
        level === 4 ? '' : String(level),
        ` ${status} `,
        startType,
        startName,
        i % 8 === 6 ? '' : `客服${i % 4}`,
        groups[i % 3]!,
        created,
        i % 3 === 0 ? '--' : String(createdMs + 90 * MINUTE),
        types[i % 4]!,
        String(from)
      ],
      status: SOBOT_STATUS[status]!,
      createdMs: i === 20 ? null : createdMs,
      channel: SOBOT_CHANNEL[from]!,
      platform: from === 1 || from === 6 ? 'web' : from === 8 ? 'phone' : null,
      priority: level === 4 ? null : SOBOT_PRIORITY[level]!,
      user: startType === '1' && startName !== '' ? startName : null
    });
  }
  return rows;
}

// ---------------------------------------------------------------- Lark helpdesk tickets

const LARK_HEADER = [
  'ticket_id',
  'helpdesk_id',
  'guest.id',
  'ticket_type',
  'status',
  'score',
  'created_at',
  'updated_at',
  'closed_at',
  'channel',
  'solve',
  'agent_first_response_time',
  'agent_entry_time',
  'agent_owner.id'
];

interface LarkRow {
  cells: string[];
  status: 'open' | 'resolved' | 'unresolved' | 'unknown';
  resolveMinutes: number | null;
  firstResponseMinutes: number | null;
  csat: number | null;
  channel: string;
  resolvedBy: 'bot' | 'agent' | null;
}

/** 42 tickets: all documented status codes, solve 1/2/empty, scores, channels; one unknown status. */
function larkRows(): LarkRow[] {
  const statuses = [51, 50, 52, 2, 51, 3, 50, 51, 1, 52, 4, 5];
  const channels: Array<[string, string]> = [
    ['9', 'api'],
    ['2', 'qr_code'],
    ['14', 'share'],
    ['13', 'search'],
    ['0', 'other_0'],
    ['7', 'other_7']
  ];
  const base = Date.UTC(2026, 2, 9, 0, 30, 0);
  const rows: LarkRow[] = [];
  for (let i = 0; i < 42; i++) {
    const code = i === 41 ? 7 : statuses[i % statuses.length]!;
    const closed = code >= 50 && code <= 52;
    const solve = closed ? (i % 5 === 0 ? '1' : i % 7 === 0 ? '' : '2') : i % 2 ? '1' : '';
    const createdMs = base + i * 53 * MINUTE;
    const resolveMin = 15 + ((i * 37) % 400);
    const closedMs = createdMs + resolveMin * MINUTE;
    const botOnly = code === 50;
    const frMin = 2 + ((i * 7) % 25);
    const hasFirst = !botOnly && code !== 1;
    const [channelCode, channel] = channels[i % channels.length]!;
    const score = i % 4 === 3 ? '' : String((i % 4) + 1);
    const local = i % 8 === 5;
    const noTime = ['-1', '', '0', '--'][i % 4]!;
    const status: LarkRow['status'] =
      code === 7 ? 'unknown' : !closed ? 'open' : solve === '1' ? 'unresolved' : 'resolved';
    rows.push({
      cells: [
        String(7000000000000000000n + BigInt(i)),
        '6626871355780366330',
        `ou_g${i % 11}`,
        botOnly ? '1' : '2',
        String(code),
        score,
        local ? shanghai(createdMs) : String(createdMs),
        i % 3 ? String(closedMs + MINUTE) : '-1',
        closed ? (local ? shanghai(closedMs) : String(closedMs)) : noTime,
        channelCode,
        solve,
        hasFirst ? String(createdMs + frMin * MINUTE) : i % 2 ? '--' : '',
        hasFirst ? String(createdMs + MINUTE) : '',
        botOnly ? '' : `ou_a${i % 3}`
      ],
      status,
      resolveMinutes: status === 'resolved' ? resolveMin : null,
      firstResponseMinutes: hasFirst ? frMin : null,
      csat: score === '' ? null : ({ '1': 1, '2': 3, '3': 5 } as const)[score as '1' | '2' | '3'],
      channel,
      resolvedBy:
        status === 'resolved' ? (code === 50 ? 'bot' : code === 51 ? 'agent' : null) : null
    });
  }
  return rows;
}

// ---------------------------------------------------------------- Huawei Cloud AICC case list

const HUAWEI_HEADER = [
  'id',
  'caseNo',
  'title',
  'type',
  'typeName',
  'status',
  'state',
  'isUpgraded',
  'priority',
  'origin',
  'contactId',
  'ownerType',
  'ownerId',
  'closedDate',
  'creatorId',
  'createdDate'
];

interface HuaweiRow {
  cells: string[];
  status: 'open' | 'resolved' | 'unknown';
  createdMs: number;
  resolveMinutes: number | null;
  channel: string;
  priority: string | null;
  escalated: boolean | null;
}

/** 34 cases: documented state, priority and origin names and the request's codes; one odd state. */
function huaweiRows(): HuaweiRow[] {
  const states = ['Completed', 'Processing', 'Completed', 'Pending', 'completed', 'Processing'];
  const priorities: Array<[string, string | null]> = [
    ['Critical', 'P0'],
    ['High', 'P1'],
    ['Medium', 'P2'],
    ['Low', 'P3'],
    ['', null],
    ['3', 'P0'],
    ['0', 'P3']
  ];
  const origins: Array<[string, string]> = [
    ['Voice', 'phone'],
    ['Email', 'mail'],
    ['webchat', 'web'],
    ['Whatsapp', 'whatsapp'],
    ['1', 'phone'],
    ['2', 'web']
  ];
  const base = Date.UTC(2026, 3, 6, 1, 15, 0);
  const rows: HuaweiRow[] = [];
  for (let i = 0; i < 34; i++) {
    const state = i === 33 ? 'Canceled' : states[i % states.length]!;
    const completed = state.toLowerCase() === 'completed';
    const createdMs = base + i * 71 * MINUTE;
    const resolveMin = 30 + ((i * 53) % 900);
    const [priority, priorityCode] = priorities[i % priorities.length]!;
    const [origin, channel] = origins[i % origins.length]!;
    const upgraded = ['true', 'false', ''][i % 3]!;
    rows.push({
      cells: [
        `c6m8${String(i).padStart(6, '0')}`,
        String(35013 + i).padStart(30, '0'),
        `工单 ${i}`,
        'cvmC00000149NzxF1ePA',
        ['售后', '账号, 安全', ''][i % 3]!,
        'y',
        state,
        upgraded,
        priority,
        origin,
        `ciIy${i % 7}`,
        'user',
        `10gg${i % 4}`,
        completed
          ? i % 5 === 1
            ? String(createdMs + resolveMin * MINUTE)
            : shanghai(createdMs + resolveMin * MINUTE)
          : i % 2
            ? ''
            : '--',
        '10gd0',
        i % 6 === 4 ? String(createdMs) : shanghai(createdMs)
      ],
      status: state === 'Canceled' ? 'unknown' : completed ? 'resolved' : 'open',
      createdMs,
      resolveMinutes: completed ? resolveMin : null,
      channel,
      priority: priorityCode,
      escalated: upgraded === '' ? null : upgraded === 'true'
    });
  }
  return rows;
}

// ---------------------------------------------------------------- Meiqia conversations

const MEIQIA_HEADER = [
  'enterprise_id',
  'dev_client_id',
  'visitor_os',
  'visitor_browser',
  'agent_account',
  'agent_name',
  'agent_ID',
  'group_name',
  'conv_id',
  'conv_start_tm',
  'conv_end_tm',
  'conv_first_resp_wait_in_secs',
  'conv_agent_msg_count'
];

interface MeiqiaRow {
  cells: string[];
  rejected: boolean;
  createdMs: number;
  firstResponseMinutes: number | null;
  platform: string | null;
}

/** 36 conversations: console, epoch-ms and offset times mixed, ongoing chats, one bad wait. */
function meiqiaRows(): MeiqiaRow[] {
  // visitor_os as written → the platform code the contract's value names give it
  const systems: Array<[string, string | null]> = [
    ['iOS', 'ios'],
    ['Android', 'android'],
    ['Windows', 'windows'],
    ['Mac OS', 'mac'],
    ['HarmonyOS', 'harmonyos'],
    ['Linux', 'linux'],
    ['', null]
  ];
  const base = Date.UTC(2026, 4, 11, 0, 5, 0);
  const rows: MeiqiaRow[] = [];
  for (let i = 0; i < 36; i++) {
    const createdMs = base + i * 41 * MINUTE;
    const ongoing = i % 6 === 2;
    const chatMinutes = 3 + ((i * 11) % 45);
    const endMs = createdMs + chatMinutes * MINUTE;
    const waitSeconds = i % 7 === 4 ? null : 5 + ((i * 37) % 240);
    const written = (ms: number) =>
      i % 5 === 1
        ? String(ms)
        : i % 5 === 3
          ? new Date(ms + SHANGHAI_MS).toISOString().slice(0, 19) + '+08:00'
          : shanghai(ms);
    const [os, platform] = systems[i % systems.length]!;
    const bad = i === 30;
    rows.push({
      cells: [
        '8848',
        `dev-${i % 13}`,
        os,
        'Chrome',
        `agent${i % 3}@example.com`,
        `客服${i % 3}`,
        `a${i % 3}`,
        '售前',
        String(900000 + i),
        written(createdMs),
        ongoing ? ['', '--'][i % 2]! : written(endMs),
        bad ? 'abc' : waitSeconds === null ? '' : String(waitSeconds),
        String(i % 9)
      ],
      rejected: bad,
      createdMs,
      firstResponseMinutes: waitSeconds === null ? null : waitSeconds / 60,
      platform
    });
  }
  return rows;
}

// ---------------------------------------------------------------- shared checks

async function metrics(db: Db, report: LoadReport, ids: string[]) {
  const results = await computeMetrics(db, { present: report.presentColumns, ids });
  return Object.fromEntries(results.map((r) => [r.id, r])) as Record<
    string,
    ScalarResult & MapResult
  >;
}

const sobot = sobotRows();
const sobotAccepted = sobot.filter((r) => r.status !== 'deleted' && r.createdMs !== null);
const lark = larkRows();
const larkAccepted = lark.filter((r) => r.status !== 'unknown');

async function checkSobot(db: Db, report: LoadReport) {
  expect(report.presetId).toBe('sobot-tickets');
  expect(report.rows).toEqual({
    total: sobot.length,
    accepted: sobotAccepted.length,
    rejected: sobot.length - sobotAccepted.length,
    tickets: sobotAccepted.length
  });
  const reasons = (await rejectedRows(db, SOBOT_HEADER.length)).map((r) => r.reason);
  expect(reasons.filter((r) => r.includes('98')).length).toBe(
    sobot.filter((r) => r.status === 'deleted').length
  );
  expect(reasons.some((r) => r.includes('created_at'))).toBe(true);
  // every ticket's instant, whether the cell was epoch ms or a Shanghai console time
  const created = await db.query<{ id: string; ms: number }>(
    `SELECT ticket_id AS id, epoch_ms(created_at)::DOUBLE AS ms FROM tickets ORDER BY id`
  );
  expect(created).toEqual(
    sobotAccepted
      .map((r) => ({ id: r.cells[1]!, ms: r.createdMs! }))
      .sort((a, b) => a.id.localeCompare(b.id))
  );
  const [row] = await db.query<{ users: number }>(
    `SELECT count(user_id)::INTEGER AS users FROM tickets`
  );
  expect(row!.users).toBe(sobotAccepted.filter((r) => r.user !== null).length);
  const m = await metrics(db, report, [
    'tickets',
    'open_tickets',
    'volume_by_channel',
    'resolve_minutes_median'
  ]);
  expect(m.tickets!.value).toBe(sobotAccepted.length);
  expect(m.open_tickets!.value).toBe(sobotAccepted.filter((r) => r.status === 'open').length);
  expect(m.volume_by_channel!.counts).toEqual(countBy(sobotAccepted.map((r) => r.channel)));
  expect(m.resolve_minutes_median!.value).toBeNull();
  expect(m.resolve_minutes_median!.reason).toContain('resolved_at');
  const groups = await db.query<{ k: string | null; n: number }>(
    `SELECT priority AS k, count(*)::INTEGER AS n FROM tickets GROUP BY ALL
     UNION ALL SELECT 'platform:' || platform, count(*)::INTEGER FROM tickets WHERE platform IS NOT NULL GROUP BY ALL`
  );
  const got = Object.fromEntries(groups.map((g) => [g.k ?? 'none', g.n]));
  const want: Record<string, number> = {};
  for (const r of sobotAccepted) {
    want[r.priority ?? 'none'] = (want[r.priority ?? 'none'] ?? 0) + 1;
    if (r.platform) want[`platform:${r.platform}`] = (want[`platform:${r.platform}`] ?? 0) + 1;
  }
  expect(got).toEqual(want);
}

async function checkLark(db: Db, report: LoadReport) {
  expect(report.presetId).toBe('lark-helpdesk-tickets');
  expect(report.rows).toEqual({
    total: lark.length,
    accepted: larkAccepted.length,
    rejected: 1,
    tickets: larkAccepted.length
  });
  const [rejected] = await rejectedRows(db, LARK_HEADER.length);
  expect(rejected!.reason).toContain('status');
  const minutes = await db.query<{ id: string; resolve: number | null; first: number | null }>(
    `SELECT ticket_id AS id,
       CASE WHEN status = 'resolved' THEN resolve_minutes END::DOUBLE AS resolve,
       first_response_minutes::DOUBLE AS first FROM tickets ORDER BY id`
  );
  expect(minutes).toEqual(
    larkAccepted
      .map((r) => ({ id: r.cells[0]!, resolve: r.resolveMinutes, first: r.firstResponseMinutes }))
      .sort((a, b) => a.id.localeCompare(b.id))
  );
  const m = await metrics(db, report, [
    'tickets',
    'open_tickets',
    'resolve_minutes_median',
    'first_response_minutes_median',
    'csat_mean',
    'volume_by_channel'
  ]);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const csat = larkAccepted.flatMap((r) => (r.csat === null ? [] : [r.csat]));
  expect(m.tickets!.value).toBe(larkAccepted.length);
  expect(m.open_tickets!.value).toBe(larkAccepted.filter((r) => r.status === 'open').length);
  expect(m.resolve_minutes_median!.value).toBe(
    median(larkAccepted.flatMap((r) => (r.resolveMinutes === null ? [] : [r.resolveMinutes])))
  );
  expect(m.first_response_minutes_median!.value).toBe(
    median(
      larkAccepted.flatMap((r) => (r.firstResponseMinutes === null ? [] : [r.firstResponseMinutes]))
    )
  );
  expect(m.csat_mean!.value).toBeCloseTo(mean(csat), 9);
  expect(m.volume_by_channel!.counts).toEqual(countBy(larkAccepted.map((r) => r.channel)));
  const groups = await db.query<{ k: string; n: number }>(
    `SELECT status || '/' || coalesce(resolved_by, '-') AS k, count(*)::INTEGER AS n FROM tickets GROUP BY ALL`
  );
  expect(Object.fromEntries(groups.map((g) => [g.k, g.n]))).toEqual(
    countBy(larkAccepted.map((r) => `${r.status}/${r.resolvedBy ?? '-'}`))
  );
}

const huawei = huaweiRows();
const huaweiAccepted = huawei.filter((r) => r.status !== 'unknown');

async function checkHuawei(db: Db, report: LoadReport) {
  expect(report.presetId).toBe('huawei-aicc-cases');
  expect(report.rows).toEqual({
    total: huawei.length,
    accepted: huaweiAccepted.length,
    rejected: 1,
    tickets: huaweiAccepted.length
  });
  const [rejected] = await rejectedRows(db, HUAWEI_HEADER.length);
  expect(rejected!.reason).toContain('Canceled');
  const rows = await db.query<{
    id: string;
    ms: number;
    resolve: number | null;
    priority: string | null;
    escalated: boolean | null;
  }>(
    `SELECT ticket_id AS id, epoch_ms(created_at)::DOUBLE AS ms,
       CASE WHEN status = 'resolved' THEN resolve_minutes END::DOUBLE AS resolve, priority, escalated
     FROM tickets ORDER BY id`
  );
  expect(rows).toEqual(
    huaweiAccepted
      .map((r) => ({
        id: r.cells[1]!,
        ms: r.createdMs,
        resolve: r.resolveMinutes,
        priority: r.priority,
        escalated: r.escalated
      }))
      .sort((a, b) => a.id.localeCompare(b.id))
  );
  const m = await metrics(db, report, [
    'open_tickets',
    'resolve_minutes_median',
    'volume_by_channel'
  ]);
  expect(m.open_tickets!.value).toBe(huaweiAccepted.filter((r) => r.status === 'open').length);
  expect(m.resolve_minutes_median!.value).toBe(
    median(huaweiAccepted.flatMap((r) => (r.resolveMinutes === null ? [] : [r.resolveMinutes])))
  );
  expect(m.volume_by_channel!.counts).toEqual(countBy(huaweiAccepted.map((r) => r.channel)));
}

const meiqia = meiqiaRows();
const meiqiaAccepted = meiqia.filter((r) => !r.rejected);

async function checkMeiqia(db: Db, report: LoadReport) {
  expect(report.presetId).toBe('meiqia-conversations');
  expect(report.rows).toEqual({
    total: meiqia.length,
    accepted: meiqiaAccepted.length,
    rejected: 1,
    tickets: meiqiaAccepted.length
  });
  const [rejected] = await rejectedRows(db, MEIQIA_HEADER.length);
  expect(rejected!.reason).toContain('conv_first_resp_wait_in_secs');
  const rows = await db.query<{
    id: string;
    ms: number;
    resolve: number | null;
    first: number | null;
    platform: string | null;
  }>(
    `SELECT ticket_id AS id, epoch_ms(created_at)::DOUBLE AS ms,
       CASE WHEN status = 'resolved' THEN resolve_minutes END::DOUBLE AS resolve,
       first_response_minutes::DOUBLE AS first, platform
     FROM tickets ORDER BY id`
  );
  const near = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  expect(rows.map((r) => ({ ...r, first: near(r.first) }))).toEqual(
    meiqiaAccepted
      .map((r) => ({
        id: r.cells[8]!,
        ms: r.createdMs,
        resolve: null,
        first: near(r.firstResponseMinutes),
        platform: r.platform
      }))
      .sort((a, b) => a.id.localeCompare(b.id))
  );
  const m = await metrics(db, report, ['open_tickets', 'first_response_minutes_median']);
  // an ended chat is not a resolution: with neither status nor resolved_at, no backlog is claimed
  expect(m.open_tickets!.value).toBeNull();
  expect(m.open_tickets!.reason).toContain('status');
  expect(m.first_response_minutes_median!.value).toBeCloseTo(
    median(
      meiqiaAccepted.flatMap((r) =>
        r.firstResponseMinutes === null ? [] : [r.firstResponseMinutes]
      )
    )!,
    9
  );
}

// ---------------------------------------------------------------- the two load paths

const sobotText = toCsv(
  SOBOT_HEADER,
  sobot.map((r) => r.cells)
);
const huaweiText = toCsv(
  HUAWEI_HEADER,
  huawei.map((r) => r.cells)
);
const meiqiaText = toCsv(
  MEIQIA_HEADER,
  meiqia.map((r) => r.cells)
);
const larkText = toCsv(
  LARK_HEADER,
  lark.map((r) => r.cells)
);

describe('Chinese platform fixtures', () => {
  it('are what the tests say: GB18030 round-trips, both messy and mixed', () => {
    expect(new TextDecoder('gb18030').decode(gb18030(sobotText))).toBe(sobotText);
    expect(sobotText).toContain('--');
    expect(sobot.filter((r) => r.cells[10]!.includes(':')).length).toBeGreaterThan(3);
    expect(lark.filter((r) => r.cells[6]!.includes(':')).length).toBeGreaterThan(3);
  });
});

describe.each(ENGINES)('Chinese platform presets load on $name DuckDB (page path)', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('Sobot getTicketList fields, saved by Excel as GB18030: the hand-computed figures', async () => {
    const report = await loadTicketFile(db, { name: 'sobot.csv', bytes: gb18030(sobotText) });
    expect(report.encoding).toBe('gb18030');
    await checkSobot(db, report);
  });

  it('Huawei Cloud AICC case fields, saved as GB18030: the hand-computed figures', async () => {
    const report = await loadTicketFile(db, { name: 'cases.csv', bytes: gb18030(huaweiText) });
    expect(report.encoding).toBe('gb18030');
    await checkHuawei(db, report);
  });

  it('Meiqia conversation fields: the hand-computed figures', async () => {
    const report = await loadTicketFile(db, {
      name: 'meiqia.csv',
      bytes: new TextEncoder().encode(meiqiaText)
    });
    await checkMeiqia(db, report);
  });

  it('Lark helpdesk ticket fields: the hand-computed figures', async () => {
    const report = await loadTicketFile(db, {
      name: 'lark.csv',
      bytes: new TextEncoder().encode(larkText)
    });
    await checkLark(db, report);
  });
});

describe('Chinese platform presets load through the CLI path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cn-presets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for([
    ['sobot.csv', () => gb18030(sobotText), checkSobot],
    ['sobot-utf8.csv', () => new TextEncoder().encode(sobotText), checkSobot],
    ['lark.csv', () => new TextEncoder().encode(larkText), checkLark],
    ['huawei-cases.csv', () => new TextEncoder().encode(huaweiText), checkHuawei],
    ['meiqia.csv', () => gb18030(meiqiaText), checkMeiqia]
  ] as const)('%s', async ([name, bytes, check]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes());
    const { db, report } = await loadForCli(path);
    try {
      await check(db, report);
    } finally {
      await db.close();
    }
  });
});

describe('Chinese platform presets are recognised from the header', () => {
  it.each([
    [SOBOT_HEADER, 'sobot-tickets'],
    [LARK_HEADER, 'lark-helpdesk-tickets'],
    [HUAWEI_HEADER, 'huawei-aicc-cases'],
    [MEIQIA_HEADER, 'meiqia-conversations'],
    [
      ['ticketId', 'helpdeskId', 'createdAt', 'closedAt', 'status', 'solve', 'score'],
      'lark-helpdesk-tickets'
    ]
  ])('%j → %s, whatever the column order and case', (header, id) => {
    expect(findPreset(header)?.id).toBe(id);
    expect(findPreset([...header].reverse().map((h) => h.toUpperCase()))?.id).toBe(id);
  });

  it('name the source field of each built column in the evidence', () => {
    const evidence = (header: string[]) =>
      Object.fromEntries(
        suggestMapping(header, []).evidence.map((e) => [e.column, e.sourceHeader])
      );
    expect(evidence(SOBOT_HEADER)).toMatchObject({
      ticket_id: 'ticketCode',
      created_at: 'createTime',
      entry_channel: 'ticketFrom',
      user_id: 'startName'
    });
    expect(evidence(LARK_HEADER)).toMatchObject({
      resolved_at: 'closed_at',
      first_response_at: 'agent_first_response_time',
      csat: 'score'
    });
    expect(evidence(HUAWEI_HEADER)).toMatchObject({
      resolved_at: 'closedDate',
      escalated: 'isUpgraded'
    });
    expect(evidence(MEIQIA_HEADER)).toMatchObject({
      platform: 'visitor_os'
    });
    expect(evidence(MEIQIA_HEADER)).not.toHaveProperty('resolved_at');
  });

  it('needs the vendor’s distinctive fields, not just common names', () => {
    expect(findPreset(['ticketId', 'ticketStatus', 'createTime'])).toBeUndefined();
    expect(findPreset(['ticket_id', 'status', 'created_at', 'closed_at', 'score'])).toBeUndefined();
    expect(findPreset(['caseNo', 'createdDate', 'status', 'priority'])).toBeUndefined();
    expect(findPreset(['conv_id', 'conv_start_tm', 'visitor_os'])).toBeUndefined();
  });

  it('name the seed figures each export cannot support', () => {
    const sobotPreset = findPreset(SOBOT_HEADER)!;
    const larkPreset = findPreset(LARK_HEADER)!;
    // no queue times in either API; Sobot also has no resolution or first-response time
    for (const preset of [
      sobotPreset,
      larkPreset,
      findPreset(HUAWEI_HEADER)!,
      findPreset(MEIQIA_HEADER)!
    ]) {
      expect(preset.unsupported).toContain('avg_wait_seconds');
      expect(preset.unsupported).toContain('pickup_within_20s');
      expect(preset.notes.some((n) => n.en.startsWith('unsupported:'))).toBe(true);
      expect(preset.notes.map((n) => n.en).join(' ')).toMatch(/https:\/\//);
    }
    expect(larkPreset.unsupported).toContain('self_service_rate');
    expect(larkPreset.notes.find((n) => n.en.startsWith('unsupported:'))?.en).toContain(
      'self_service_rate (needs platform)'
    );
  });
});
