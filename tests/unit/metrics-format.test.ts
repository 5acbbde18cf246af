import { describe, expect, it } from 'vitest';
import { formatMinutes, formatValue } from '../../src/lib/metrics/format';
import { parseSlaTarget } from '../../src/lib/metrics/settings';
import { localiseReason } from '../../src/lib/i18n/reasons';

describe('durations in minutes read as people say them', () => {
  it.each([
    [0.2, '12 s', '12 秒'],
    [4.25, '4.3 min', '4.3 分钟'],
    [58, '58 min', '58 分钟'],
    [60, '1 h', '1 小时'],
    [185, '3 h 5 min', '3 小时 5 分钟'],
    [239.7, '4 h', '4 小时'],
    [1439.8, '1.0 d', '1.0 天'],
    [3456, '2.4 d', '2.4 天'],
    [200 * 1440, '200 d', '200 天']
  ])('%s min → %s', (minutes, en, zh) => {
    expect(formatMinutes(minutes, 'en')).toBe(en);
    expect(formatMinutes(minutes, 'zh')).toBe(zh);
    expect(formatValue(minutes, 'minutes', 'en')).toBe(en);
  });

  it('CSAT scores keep two decimals, no unit', () => {
    expect(formatValue(19 / 6, 'score', 'en')).toBe('3.17');
  });
});

describe('SLA targets for channels outside the contract', () => {
  it('reads CHANNEL=MINUTES', () => {
    expect(parseSlaTarget('mail=1440')).toEqual({ channel: 'mail', minutes: 1440 });
    expect(parseSlaTarget(' chat=2.5 ')).toEqual({ channel: 'chat', minutes: 2.5 });
  });

  it.each([
    ['mail', /expected CHANNEL=MINUTES/],
    ['mail=', /expected CHANNEL=MINUTES/],
    ['mail=abc', /expected a number > 0 and ≤ 525,600 \(first-response target in minutes\)/],
    ['mail=0', /expected a number > 0 and ≤ 525,600 \(first-response target in minutes\)/],
    ['mail=-5', /expected a number > 0 and ≤ 525,600 \(first-response target in minutes\)/],
    ['hotline=5', /contract channel with its own target/]
  ])('rejects %s', (text, message) => {
    expect(() => parseSlaTarget(text)).toThrow(message);
  });

  it('the reasons read in Chinese too', () => {
    expect(
      localiseReason('set a target for channel mail (CLI: --sla-target mail=MINUTES)', 'zh')
    ).toBe('请为渠道 mail 设定首响目标（命令行：--sla-target mail=MINUTES）');
    expect(localiseReason('no tickets with csat in the current filters', 'zh')).toBe(
      '当前筛选下没有含 csat 的工单'
    );
  });
});
