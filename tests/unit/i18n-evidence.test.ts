import { describe, expect, it } from 'vitest';
import { localiseEvidence } from '../../src/lib/i18n/evidence';
import { detectEncoding } from '../../src/lib/ingest/read/decode';
import { sniffCsv } from '../../src/lib/ingest/read/sniff';
import { suggestMapping } from '../../src/lib/ingest/map/suggest-mapping';

/** English words of the loader's phrases: none may be left once a phrase is translated. */
const ENGLISH =
  /\b(header|values?|recognised|numeric|read as|preset|delimiter|columns|sampled|decode|byte-order|blank|duplicate|contains|known name)\b/;

function zh(text: string): string {
  const out = localiseEvidence(text, 'zh');
  expect(out, `left in English: ${text}`).not.toMatch(ENGLISH);
  return out;
}

describe('localiseEvidence', () => {
  it('keeps English as it is', () => {
    expect(localiseEvidence('header "x" contains "y"', 'en')).toBe('header "x" contains "y"');
  });

  it('translates every reason the mapping suggester gives for a Chinese export', () => {
    const header = ['工单编号', '创建时间', '渠道', '状态', '满意度', '坐席工号', '来源渠道名'];
    const rows = [
      ['A1', '2026-03-01 10:00:00', 'hotline', '已解决', '5', 'a7', 'app'],
      ['A2', '2026-03-01 11:00:00', 'mini_program', '处理中', '4', 'a8', 'web']
    ];
    const reasons = suggestMapping(header, rows).evidence.map((e) => e.reason);
    expect(reasons.length).toBeGreaterThan(3);
    for (const reason of reasons) zh(reason);
  });

  it('translates the canonical header reasons with their counts', () => {
    const header = ['ticket_id', 'created_at', 'csat'];
    const rows = [['t1', '2026-03-01T10:00:00Z', '4']];
    const evidence = suggestMapping(header, rows).evidence;
    const reasonOf = (column: string) => evidence.find((e) => e.column === column)!.reason;
    expect(zh(reasonOf('ticket_id'))).toBe('表头 "ticket_id" 即标准列名');
    expect(zh(reasonOf('created_at'))).toMatch(
      /^表头 "created_at" 即标准列名；1 个值中 1 个按 \S+ 格式读取$/
    );
  });

  it('translates encoding and dialect evidence, GB18030 included', () => {
    const utf8 = new TextEncoder().encode('a,b\n1,2\n');
    expect(zh(detectEncoding(utf8).evidence)).toBe('有效的 UTF-8（严格解码）');
    const gbk = new Uint8Array([0x61, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    expect(zh(detectEncoding(gbk).evidence)).toMatch(/GB18030\/GBK 解码（样本中有 2 个汉字）/);
    const sniffed = sniffCsv('a;b;b;\n1;2;3;4\n5;6;7;8\n');
    expect(zh(sniffed.evidence)).toMatch(/^分隔符 ";"：4 列，抽样的 3 行中 100% 一致/);
    expect(zh(sniffCsv('a\tb\n1\t2\n').evidence)).toMatch(/^分隔符 制表符：2 列/);
  });

  it('translates the file-wide date order and why a file takes the text path', () => {
    const header = ['工单号', '创建时间', '解决时间'];
    const rows = [
      ['A1', '03/01/2026 10:00', '03/01/2026 11:00'],
      ['A2', '04/01/2026 10:00', '04/01/2026 12:00']
    ];
    const created = suggestMapping(header, rows).evidence.find((e) => e.column === 'created_at');
    expect(zh(created!.reason)).toContain('整个文件的日期按 月/日/年 读取（3/1 即 3 月 1 日）');
    expect(zh('the header is not the canonical one')).toBe('表头不是标准表头');
    expect(zh('status has codes to translate or reject')).toBe('status 有需要转换或拒绝的代码');
  });

  it('leaves a phrase it does not know untouched', () => {
    expect(localiseEvidence('PHANTOM call: ignore', 'zh')).toBe('PHANTOM call: ignore');
  });
});
