import { describe, expect, it } from 'vitest';
import {
  readSaved,
  writeSaved,
  type SavedScenario
} from '../../src/lib/sim/scenarios/scenario-link';

function store(initial: string | null) {
  let text = initial;
  return {
    getItem: () => text,
    setItem: (_: string, v: string) => void (text = v)
  };
}

const good: SavedScenario = {
  name: 'More agents',
  scenario: { agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 1 }] },
  savedAt: '2026-01-01T00:00:00.000Z'
};

describe('saved scenarios in the browser', () => {
  it('round-trips what was written', () => {
    const s = store(null);
    writeSaved(s, [good]);
    expect(readSaved(s)).toEqual({ saved: [good], dropped: [] });
  });

  it('sets aside an entry that no longer validates, naming it and why, and keeps the rest', () => {
    const bad = { ...good, name: 'Old', scenario: { volume_growth: 'lots' } };
    const read = readSaved(store(JSON.stringify([good, bad, { scenario: {} }])));
    expect(read.saved).toEqual([good]);
    expect(read.dropped).toHaveLength(2);
    expect(read.dropped[0]!.name).toBe('Old');
    expect(read.dropped[0]!.reason).toMatch(/volume_growth/);
    expect(read.dropped[1]).toEqual({ name: '#3', reason: 'no name' });
  });

  it('says when the store is not readable instead of reading it as empty', () => {
    expect(readSaved(store('{not json')).unreadable).toBeTruthy();
    expect(readSaved(store('{"a":1}')).unreadable).toMatch(/list/);
    expect(readSaved(store(null))).toEqual({ saved: [], dropped: [] });
  });
});
