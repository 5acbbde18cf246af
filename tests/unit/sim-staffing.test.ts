import { describe, expect, it } from 'vitest';
import { parseHours, parseWeekdays } from '../../src/lib/sim/staffing/selectors';
import {
  parseStaffingCsv,
  serialiseStaffingCsv,
  StaffingCsvError
} from '../../src/lib/sim/staffing/staffing-csv';
import { inferStaffingFromAgents } from '../../src/lib/sim/staffing/staffing';
import { MONDAY } from '../fixtures/sim/poisson';

const QUEUES = ['hotline', 'domestic'];

describe('staffing CSV', () => {
  it('applies wildcards, ranges and later lines over earlier ones', () => {
    const t = parseStaffingCsv(
      'queue,weekday,hour,agents\n*,*,*,2\nhotline,1-5,9-17,10\ndomestic,7,23,4.5\n',
      QUEUES
    );
    expect(t.queues.hotline![9]).toBe(10);
    expect(t.queues.hotline![16]).toBe(10);
    expect(t.queues.hotline![17]).toBe(2);
    expect(t.queues.hotline![5 * 24 + 10]).toBe(2);
    expect(t.queues.domestic![167]).toBe(4.5);
  });

  it('round-trips through its own CSV form', () => {
    const t = parseStaffingCsv('*,*,*,3\nhotline,*,22-6,1', QUEUES);
    expect(t.queues.hotline![23]).toBe(1);
    expect(t.queues.hotline![5]).toBe(1);
    expect(t.queues.hotline![6]).toBe(3);
    expect(parseStaffingCsv(serialiseStaffingCsv(t), QUEUES)).toEqual(t);
  });

  it.each([
    ['*,*,*,2\nhotline,8,9,1', 2, 'weekday'],
    ['*,*,*,2\nhotline,1,25,1', 2, 'hour'],
    ['*,*,*,2\nhotline,1,9-x,1', 2, 'hour'],
    ['queue,weekday,hour,agents\n*,*,*,-1', 2, 'agents'],
    ['*,*,*,two', 1, 'agents'],
    ['*,*,*,2\nhotlin,1,9,1', 2, 'queue'],
    ['*,*,*,2\n\n*,*,*', 3, 'agents']
  ])('rejects %j naming line %i and field %s', (csv, line, field) => {
    try {
      parseStaffingCsv(csv, QUEUES);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StaffingCsvError);
      const err = e as StaffingCsvError;
      expect([err.line, err.field]).toEqual([line, field]);
      expect(err.message).toContain(`line ${line}, field ${field}`);
    }
  });

  it('refuses a table that leaves hours uncovered, unless a base table fills them', () => {
    expect(() => parseStaffingCsv('hotline,*,*,1', QUEUES)).toThrow(
      /queue "domestic" has no agents/
    );
    const base = parseStaffingCsv('*,*,*,1', QUEUES);
    expect(parseStaffingCsv('hotline,1,9,5', QUEUES, base).queues.domestic![0]).toBe(1);
  });
});

describe('selectors', () => {
  it('reads hours and weekdays', () => {
    expect(parseHours('9-12')).toEqual([9, 10, 11]);
    expect(parseHours('20-24')).toEqual([20, 21, 22, 23]);
    expect(parseHours(7)).toEqual([7]);
    expect(parseWeekdays('6-7')).toEqual([6, 7]);
    expect(typeof parseWeekdays('0')).toBe('string');
  });
});

describe('staffing from agent activity', () => {
  it('counts distinct agents per clock hour and averages over weeks', () => {
    const week = 7 * 86_400;
    const work = [
      { queue: 'hotline', agent: 'a', start: MONDAY + 9 * 3600, seconds: 300 },
      { queue: 'hotline', agent: 'a', start: MONDAY + 9 * 3600 + 600, seconds: 300 },
      { queue: 'hotline', agent: 'b', start: MONDAY + 9 * 3600 + 3500, seconds: 300 },
      { queue: 'hotline', agent: 'c', start: MONDAY + week + 9 * 3600, seconds: 60 }
    ];
    const t = inferStaffingFromAgents(work, ['hotline'], { start: MONDAY, end: MONDAY + 2 * week });
    expect(t.queues.hotline![9]).toBe(1.5);
    expect(t.queues.hotline![10]).toBe(0.5);
    expect(t.queues.hotline![11]).toBe(0);
  });
});
