import { describe, expect, it } from 'vitest';
import { queueLabel } from '../../src/lib/i18n/queue-label';
import { codeLabel } from '../../src/lib/i18n/codes';

describe('queueLabel', () => {
  it('names a queue in the reader’s language, not by its code', () => {
    expect(queueLabel('hotline', 'zh')).toBe(codeLabel('hotline', 'zh'));
    expect(queueLabel('hotline', 'zh')).not.toBe('hotline');
    expect(queueLabel('overseas:europe', 'en')).toBe(
      `${codeLabel('overseas', 'en')} · ${codeLabel('europe', 'en')}`
    );
  });
});
