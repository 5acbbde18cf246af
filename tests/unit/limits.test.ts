import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../src/lib/errors/engine-error';
import { LIMITS, LimitError, dateProblem, numberProblem, parseLimited } from '../../src/lib/limits';

describe('limit table', () => {
  it('every limit has a bound, a name and a reason in both languages', () => {
    for (const [name, l] of Object.entries(LIMITS)) {
      expect(l.min, name).toBeLessThan(l.max);
      for (const text of [l.en, l.zh, l.whyEn, l.whyZh])
        expect(text.length, name).toBeGreaterThan(3);
    }
  });

  it('refuses absurd numbers with the flag, the bound and the reason', () => {
    expect(() => parseLimited('replications', '1000000000', '--replications 1000000000')).toThrow(
      /^--replications 1000000000: at most 2,000 replications: past 2,000/
    );
    expect(() => parseLimited('agentsPerSlot', '1e308', 'agents')).toThrow(LimitError);
    expect(() => parseLimited('agentsPerSlot', 'Infinity', 'agents')).toThrow(
      /^agents: expected a number from 0 to 10,000 \(agents in one queue and hour\)$/
    );
    expect(() => parseLimited('replications', '2.5', 'r')).toThrow(/whole number/);
    expect(() => parseLimited('replications', '', 'r')).toThrow(/^r: expected a whole number/);
    expect(() => parseLimited('replications', '1', 'r')).toThrow(/whole number from 2 to 2,000/);
    expect(parseLimited('replications', ' 2000 ', 'r')).toBe(2000);
    expect(parseLimited('agentsPerSlot', '2.5', 'a')).toBe(2.5);
    expect(numberProblem('slaTargetMinutes', 0)).toMatch(/> 0 and ≤ 525,600/);
    expect(numberProblem('slaTargetMinutes', 0.5)).toBeNull();
  });

  it('dates are calendar days in words', () => {
    expect(dateProblem('2026-02-30')).toBe('2026-02 has 28 days, so there is no day 30');
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2026-13-45')).toMatch(/no month 13/);
    expect(dateProblem('2026-2-3')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('1899-12-31')).toMatch(/dates run from 1900-01-01/);
  });
});

describe('engine errors', () => {
  it('tells DuckDB’s own text (error class, SQL) from messages written for people', () => {
    expect(
      isEngineError(
        'Conversion Error: invalid date field format: "2026-02-30"\n\nLINE 1: WITH t AS (SELECT * FROM tickets WHERE created_local >= CAST($1 AS DATE)'
      )
    ).toBe(true);
    expect(isEngineError('TransactionContext Error: Current transaction is aborted')).toBe(true);
    expect(isEngineError('Binder Error: Referenced column "x" not found')).toBe(true);
    expect(isEngineError('not available — needs column resolved_at')).toBe(false);
    expect(isEngineError('"a.csv" is 2 GiB; this tab loads files up to 1 GiB.')).toBe(false);
  });
});
