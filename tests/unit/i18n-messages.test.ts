import { describe, expect, it } from 'vitest';
import { BACKTEST_MESSAGES } from '../../src/lib/i18n/backtest-messages';
import { CARDS_MESSAGES } from '../../src/lib/i18n/cards-messages';
import { DATA_MESSAGES } from '../../src/lib/i18n/data-messages';
import { FAULT_MESSAGES } from '../../src/lib/i18n/fault-messages';
import { MESSAGES } from '../../src/lib/i18n/messages';
import { PAGE_MESSAGES } from '../../src/lib/i18n/page-messages';
import { POLISH_MESSAGES } from '../../src/lib/i18n/polish-messages';
import { SIMULATE_MESSAGES } from '../../src/lib/i18n/simulate-messages';
import { SPREADSHEET_MESSAGES } from '../../src/lib/i18n/spreadsheet-messages';
import { OPEN_MESSAGES } from '../../src/lib/i18n/open-messages';
import { NATIVE_MESSAGES } from '../../src/lib/i18n/native-messages';
import { LOAD_MESSAGES } from '../../src/lib/i18n/load-messages';

describe('interface messages', () => {
  it('no module overrides another module’s key (a spread silently keeps the last one)', () => {
    const modules = {
      SIMULATE_MESSAGES,
      BACKTEST_MESSAGES,
      PAGE_MESSAGES,
      DATA_MESSAGES,
      SPREADSHEET_MESSAGES,
      CARDS_MESSAGES,
      OPEN_MESSAGES,
      FAULT_MESSAGES,
      POLISH_MESSAGES,
      NATIVE_MESSAGES,
      LOAD_MESSAGES
    };
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, messages] of Object.entries(modules)) {
      for (const key of Object.keys(messages)) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${name}`);
        else owner.set(key, name);
      }
    }
    const total = Object.values(modules).reduce((n, m) => n + Object.keys(m).length, 0);
    expect(clashes).toEqual([]);
    expect(Object.keys(MESSAGES).length).toBeGreaterThan(total);
  });

  it('every message has both languages', () => {
    const missing = Object.entries(MESSAGES)
      .filter(([, text]) => !text.zh.trim() || !text.en.trim())
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });
});
