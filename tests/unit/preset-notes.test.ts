import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/lib/contract/columns';
import { PRESETS } from '../../src/lib/ingest/presets/presets';
import { unsupportedNote } from '../../src/lib/ingest/presets/preset-unsupported';

const HAN = /\p{Script=Han}/u;
const CHINESE_PUNCTUATION = /[，。；：（）]/;
/** What the user sees in the file or the contract: URLs, snake_case names, priority codes, `→` targets. */
const IDENTIFIER =
  /https?:\/\/[\w./-]+[\w/]|[A-Za-z]\w*_[\w<>]+(?:\.\w+)*|\bP[0-3]\b|(?<=→ )[\w<>]+/g;
/** English words that match IDENTIFIER but are prose (translated, e.g. 转为 snake_case, 空). */
const ENGLISH_PROSE = new Set(['snake_cased', 'empty']);

const notes = PRESETS.flatMap((preset) =>
  preset.notes.map((note, i) => ({ name: `${preset.id} #${i + 1}`, note }))
);

describe('preset notes speak both interface languages', () => {
  it('every preset explains itself', () => {
    for (const preset of PRESETS) expect(preset.notes.length, preset.id).toBeGreaterThan(0);
  });

  it.each(notes)('$name has Chinese and English text', ({ note }) => {
    expect(note.en.trim()).not.toBe('');
    expect(note.zh.trim()).not.toBe('');
    expect(note.zh).not.toBe(note.en);
    expect(note.zh).toMatch(HAN);
    // Chinese punctuation in the English text means the two were swapped or mixed up.
    expect(note.en).not.toMatch(CHINESE_PUNCTUATION);
  });

  it.each(notes)('$name keeps its column names and codes in Chinese', ({ note }) => {
    const identifiers = (note.en.match(IDENTIFIER) ?? []).filter((t) => !ENGLISH_PROSE.has(t));
    expect(identifiers.filter((t) => !note.zh.includes(t))).toEqual([]);
  });
});

describe('the unsupported note', () => {
  const idsIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

  it.each(PRESETS.filter((p) => p.unsupported !== undefined))(
    '$id names the same figures in both languages',
    (preset) => {
      const note = preset.notes.find((n) => n.en.startsWith('unsupported:'));
      expect(note).toBeDefined();
      expect(idsIn(note!.en, /(\w+) \(needs /g)).toEqual(preset.unsupported);
      expect(idsIn(note!.zh, /(\w+)（需要 /g)).toEqual(preset.unsupported);
      expect(preset.unsupported!.length).toBeGreaterThan(0);
    }
  );

  it('says "none" in both languages when every column is there', () => {
    const note = unsupportedNote(COLUMNS.map((c) => c.name));
    expect(note.en).toBe('unsupported: none, every seed figure has its columns.');
    expect(note.zh).toMatch(/^不支持的指标：无/);
  });

  it('lists either-or columns in each language', () => {
    const note = unsupportedNote(['ticket_id', 'created_at']);
    expect(note.en).toContain('(needs fund_safety or issue_type or emergency_type)');
    expect(note.zh).toContain('（需要 fund_safety 或 issue_type 或 emergency_type）');
  });
});
