import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  headerFingerprint,
  mappingFromJson,
  mappingToJson
} from '../../src/lib/ingest/map/mapping-json';
import { sniffCsv } from '../../src/lib/ingest/read/sniff';
import { closestHeader, suggestMapping } from '../../src/lib/ingest/map/suggest-mapping';
import { detectTimestampFormat } from '../../src/lib/ingest/load/timestamp-formats';

const EVALDATA = '../shared/evaldata';

function evalHead(file: string): { header: string[]; rows: string[][] } | undefined {
  const path = `${EVALDATA}/${file}`;
  if (!existsSync(path)) {
    console.warn(`skipping: ${path} not found`);
    return undefined;
  }
  const text = readFileSync(path, 'utf8').slice(0, 64 * 1024);
  const { header, sampleRows } = sniffCsv(text);
  return { header, rows: sampleRows };
}

describe('suggestMapping on Chinese exports', () => {
  const header = [
    '工单编号',
    '客户ID',
    '提交时间',
    '进线渠道',
    '处理渠道',
    '终端',
    '客户类型',
    '区域',
    '语言',
    '业务类型',
    '问题分类',
    '优先级',
    '紧急类型',
    '是否升级',
    '转人工时间',
    '应答时间',
    '处理时长（秒）',
    '客服工号',
    '首次响应时间',
    '工单状态',
    '关闭时间',
    '解决方式',
    '满意度'
  ];
  const rows = [
    [
      'W1',
      'U1',
      '2026/3/1 8:05',
      '小程序',
      '热线',
      '安卓',
      '个人',
      '国内',
      'zh',
      '支付',
      'fund_safety',
      '紧急',
      '资金损失',
      '是',
      '2026/3/1 8:06',
      '2026/3/1 8:07',
      '300',
      'A01',
      '2026/3/1 8:05',
      '已解决',
      '2026/3/1 8:30',
      '人工',
      '5'
    ],
    [
      'W2',
      'U2',
      '2026/3/1 9:10',
      '公众号',
      '',
      'iPhone',
      '企业',
      '东南亚',
      'th',
      '账号',
      'status_query',
      'P2',
      '',
      '否',
      '',
      '',
      '',
      '',
      '',
      '处理中',
      '',
      '',
      ''
    ],
    [
      'W3',
      'U3',
      '2026/3/1 9:30',
      '帮助与反馈',
      '',
      '鸿蒙',
      '个人',
      '欧洲',
      'fr',
      '功能',
      'gdpr',
      '低',
      '其他',
      '否',
      '',
      '',
      '',
      '',
      '',
      '未解决',
      '2026/3/2 9:00',
      '机器人',
      '3'
    ]
  ];
  const s = suggestMapping(header, rows);

  it('maps every column by its Chinese name', () => {
    const expected: Record<string, number> = {
      ticket_id: 0,
      user_id: 1,
      created_at: 2,
      entry_channel: 3,
      handling_channel: 4,
      platform: 5,
      customer_type: 6,
      region: 7,
      language: 8,
      category: 9,
      issue_type: 10,
      priority: 11,
      emergency_type: 12,
      escalated: 13,
      human_requested_at: 14,
      agent_answered_at: 15,
      handle_seconds: 16,
      agent_id: 17,
      first_response_at: 18,
      status: 19,
      resolved_at: 20,
      resolved_by: 21,
      csat: 22
    };
    expect(s.mapping.columns).toEqual(expected);
    expect(s.missingRequired).toEqual([]);
    expect(s.unambiguous).toBe(true);
  });

  it('builds value maps only for values that are not canonical', () => {
    expect(s.mapping.values.platform).toEqual({
      安卓: 'android',
      iphone: 'ios',
      鸿蒙: 'harmonyos'
    });
    expect(s.mapping.values.priority).toEqual({ 紧急: 'P0', 低: 'P3' });
    expect(s.mapping.values.status).toEqual({
      已解决: 'resolved',
      处理中: 'open',
      未解决: 'unresolved'
    });
    expect(s.mapping.values.escalated).toBeUndefined();
    expect(s.mapping.timestampFormats?.created_at).toBe('slash-ymd');
    expect(s.evidence.find((e) => e.column === 'platform')?.reason).toMatch(/3\/3 distinct values/);
  });

  it('uses values to pick between candidate columns and reports unmatched values', () => {
    const r = suggestMapping(
      ['单号', '渠道', '来源', '创建时间'],
      [
        ['1', '热线', '安卓', '2026-03-01 08:00'],
        ['2', '小程序', 'Windows', '2026-03-01 09:00'],
        ['3', '公众号', 'iOS', '2026-03-01 09:00']
      ]
    );
    expect(r.mapping.columns.entry_channel).toBe(1);
    expect(r.mapping.columns.platform).toBe(2);
    expect(r.evidence.find((e) => e.column === 'platform')?.confidence).toBe('values');
    expect(r.unmatchedValues).toEqual({});
    // platform is an open vocabulary (v2): an unknown code is kept, not unmatched
    const pc = suggestMapping(
      ['单号', '渠道', '平台', '创建时间'],
      [['1', '热线', 'PC', '2026-03-01 08:00']]
    );
    expect(pc.unmatchedValues).toEqual({});
    expect(pc.unambiguous).toBe(true);
    // region is closed: an unknown region is reported and makes the suggestion ambiguous
    const mars = suggestMapping(
      ['单号', '渠道', '地区', '创建时间'],
      [['1', '热线', '火星', '2026-03-01 08:00']]
    );
    expect(mars.unmatchedValues.region).toEqual(['火星']);
    expect(mars.unambiguous).toBe(false);
  });

  it('strips units and ignores case, spaces and underscores', () => {
    const r = suggestMapping(
      ['Ticket ID', 'CREATED_AT', 'Entry Channel', 'Handle Time [s]'],
      [['1', '2026-03-01', 'hotline', '3']]
    );
    expect(r.mapping.columns).toMatchObject({
      ticket_id: 0,
      created_at: 1,
      entry_channel: 2,
      handle_seconds: 3
    });
    expect(r.evidence.find((e) => e.column === 'ticket_id')?.confidence).toBe('exact');
  });

  it('names missing required columns and the closest header', () => {
    const r = suggestMapping(['编码', '备注'], [['1', 'x']]);
    expect(r.missingRequired).toEqual(['created_at']);
    expect(closestHeader('created_at', ['编码', '建单时间'])).toBe('建单时间');
  });
});

describe('suggestMapping on id-and-text exports (v2)', () => {
  it.each([
    [['编号', '用户', '主题', '时间', '内容', '回复', '回复时间']],
    [['ID', '留言人', '标题', '留言时间', '留言内容', '回复内容', '回复时间']]
  ])('maps a message board %j: id, user, time, reply time; the rest stay extra', (header) => {
    const rows = [
      ['101', 'u1', '路灯不亮', '2024-05-01 08:00:00', '…', '已安排', '2024-05-02 09:30:00']
    ];
    const r = suggestMapping(header, rows);
    expect(r.mapping.columns).toEqual({
      ticket_id: 0,
      user_id: 1,
      created_at: 3,
      first_response_at: 6
    });
    expect(r.missingRequired).toEqual([]);
  });

  it('never lets 时间 take 回复时间 (or the reverse) when only one is there', () => {
    const replyOnly = suggestMapping(['编号', '回复时间'], [['1', '2024-05-02 09:30:00']]);
    expect(replyOnly.mapping.columns).toEqual({ ticket_id: 0, first_response_at: 1 });
    expect(replyOnly.missingRequired).toEqual(['created_at']);
    const timeOnly = suggestMapping(
      ['编号', '时间', '更新时间'],
      [['1', '2024-05-01', '2024-05-03']]
    );
    expect(timeOnly.mapping.columns).toEqual({ ticket_id: 0, created_at: 1 });
  });

  it('takes a ServiceNow number as the ticket id only when no better id column exists', () => {
    const sn = suggestMapping(
      ['number', 'opened_at', 'state', 'priority', 'contact_type', 'assigned_to'],
      [['INC0010001', '2024-05-01 08:00:00', 'Closed', '2 - High', 'phone', 'Beth']]
    );
    expect(sn.mapping.columns).toMatchObject({
      ticket_id: 0,
      created_at: 1,
      status: 2,
      entry_channel: 4,
      agent_id: 5
    });
    const both = suggestMapping(
      ['number', 'ticket_id', 'created'],
      [['3', 'T-1', '2024-05-01 08:00:00']]
    );
    expect(both.mapping.columns.ticket_id).toBe(1);
  });
});

describe('suggestMapping on the real logs', () => {
  it('recognises the Anonymous Bank log as a preset', () => {
    const f = evalHead('anonymous_bank_february_1999.txt');
    if (!f) return;
    const r = suggestMapping(f.header, f.rows);
    expect(r.mapping.presetId).toBe('anonymous-bank');
    expect(r.missingRequired).toEqual([]);
    expect(r.evidence.every((e) => e.confidence === 'preset')).toBe(true);
  });

  it.each(['nyc311_sample_2024-05-27_1000rows.csv', 'nyc311_sample_2022-05-01_924rows.csv'])(
    'recognises NYC 311 (%s)',
    (file) => {
      const f = evalHead(file);
      if (!f) return;
      const r = suggestMapping(f.header, f.rows);
      expect(r.mapping.presetId).toBe('nyc311');
      expect(r.mapping.columns.ticket_id).toBe(f.header.findIndex((h) => /unique.key/i.test(h)));
      const expected = file.includes('2022') ? 'mdy-ampm' : 'iso';
      expect(r.mapping.timestampFormats?.created_at).toBe(expected);
    }
  );

  it('recognises the helpdesk event log as a grouping preset', () => {
    const f = evalHead('helpdesk_italian_sw_finale.csv');
    if (!f) return;
    expect(suggestMapping(f.header, f.rows).mapping.presetId).toBe('helpdesk-events');
  });

  it('recognises the Volvo incident log (BPI 2013) as a grouping preset', () => {
    const f = evalHead('bpi2013_volvo_incidents_events.csv');
    if (!f) return;
    const r = suggestMapping(f.header, f.rows);
    expect(r.mapping.presetId).toBe('volvo-incidents');
    expect(r.mapping.columns).toEqual({ priority: 4, agent_id: 11 });
    expect(r.mapping.values.priority).toMatchObject({ medium: 'P2', major: 'P0' });
    expect(r.missingRequired).toEqual([]);
  });
});

describe('mapping persistence', () => {
  const mapping = {
    columns: { ticket_id: 0, platform: 2 },
    values: { platform: { 安卓: 'android' } },
    timestampFormats: { created_at: 'slash-ymd' as const }
  };

  it('round-trips through JSON', () => {
    expect(mappingFromJson(mappingToJson(mapping), 3)).toEqual(mapping);
    expect(mappingFromJson(mappingToJson({ ...mapping, presetId: 'nyc311' })).presetId).toBe(
      'nyc311'
    );
  });

  it('round-trips constants, storing each as the code the loader will use', () => {
    const withConstants = {
      ...mapping,
      constants: { entry_channel: 'hotline', region: 'europe', handling_channel: 'email' }
    };
    expect(mappingFromJson(mappingToJson(withConstants), 3)).toEqual(withConstants);
    // a known synonym becomes its code, an open code is lower-cased: read like a file's value
    const read = mappingFromJson(
      '{"columns":{},"values":{},"constants":{"entry_channel":"电话","platform":" KaiOS ","region":"欧洲"}}'
    );
    expect(read.constants).toEqual({
      entry_channel: 'hotline',
      platform: 'kaios',
      region: 'europe'
    });
  });

  it('keeps prototype-like keys out of the parsed mapping', () => {
    expect(() =>
      mappingFromJson('{"columns":{},"values":{},"constants":{"__proto__":"x"}}')
    ).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"columns":{"tiket_id":0},"values":{}}', /unknown canonical column "tiket_id"/],
    ['{"columns":{"ticket_id":-1},"values":{}}', /bad source index -1 for column "ticket_id"/],
    ['{"columns":{"ticket_id":1.5},"values":{}}', /bad source index/],
    ['{"columns":{"ticket_id":9},"values":{}}', /bad source index 9/],
    [
      '{"columns":{},"values":{"region":{"x":"mars"}}}',
      /unknown target code "mars" for column "region"/
    ],
    [
      '{"columns":{},"values":{"platform":{"x":"Black Berry"}}}',
      /unknown target code "Black Berry" for column "platform"/
    ],
    ['{"columns":{},"values":{},"constants":{"region":"mars"}}', /"mars" is not a region code/],
    ['{"columns":{},"values":{},"constants":{"tiket":"x"}}', /unknown canonical column "tiket"/],
    ['{"columns":{},"values":{},"constants":{"csat":"9"}}', /"9" of "csat" is out of range/],
    ['{"columns":{},"values":{},"constants":{"entry_channel":""}}', /is empty/],
    ['{"columns":{},"values":{},"constants":{"entry_channel":7}}', /must be a string/],
    [
      '{"columns":{"entry_channel":1},"values":{},"constants":{"entry_channel":"hotline"}}',
      /both a source column and a constant/
    ],
    ['{"columns":{},"values":{},"constants":{"__proto__":"x"}}', /key "__proto__" is not allowed/],
    [
      '{"columns":{},"values":{},"constants":{"constructor":"x"}}',
      /key "constructor" is not allowed/
    ],
    [
      '{"columns":{"__proto__":0},"values":{}}',
      /key "__proto__" is not allowed in mapping.columns/
    ],
    ['{"columns":{},"values":{"status":{"__proto__":"open"}}}', /key "__proto__" is not allowed/],
    ['{"columns":{},"values":{"prototype":{}}}', /key "prototype" is not allowed/],
    ['{"columns":{},"values":{},"__proto__":{"polluted":1}}', /key "__proto__" is not allowed/],
    ['{"columns":{},"values":{"ticket_id":{"x":"y"}}}', /not an enum or bool column/],
    ['{"columns":{},"values":{},"presetId":"nope"}', /unknown preset "nope"/],
    [
      '{"columns":{},"values":{},"timestampFormats":{"created_at":"ddmmyy"}}',
      /unknown timestamp format "ddmmyy"/
    ],
    ['not json', /not valid JSON/]
  ])('rejects %s', (json, message) => {
    expect(() => mappingFromJson(json, 3)).toThrow(message);
  });

  it('fingerprints normalised headers stably', () => {
    const a = headerFingerprint(['工单号', 'Created At']);
    expect(a).toBe(headerFingerprint([' 工单号 ', 'created_at']));
    expect(a).not.toBe(headerFingerprint(['Created At', '工单号']));
    expect(a).toMatch(/^h2-[0-9a-f]{14}$/);
  });
});

describe('detectTimestampFormat', () => {
  it.each([
    [['2026-03-01T08:15:30+08:00', '2026-03-01 08:15:30'], 'iso'],
    [['2026/3/1 8:05', '2026/03/01 18:05:07'], 'slash-ymd'],
    [['05/01/2022 12:00:00 AM'], 'mdy-ampm'],
    [['1700000000'], 'epoch-s'],
    [['1700000000123'], 'epoch-ms'],
    [['', 'garbage'], 'iso']
  ] as const)('%j → %s', (samples, format) => {
    expect(detectTimestampFormat(samples)).toBe(format);
  });
});

describe('a file in the contract vocabulary', () => {
  it('keeps look-alike extra columns unmapped instead of guessing', () => {
    const header = ['ticket_id', 'created_at', 'entry_channel', 'agent_mood', 'user_id_hash'];
    const { mapping } = suggestMapping(header, [
      ['t1', '2026-03-01 10:00:00', 'hotline', 'ok', 'x']
    ]);
    expect(mapping.columns).toEqual({ ticket_id: 0, created_at: 1, entry_channel: 2 });
  });
});
