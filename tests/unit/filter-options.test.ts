import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { filterOptions, orderCodes } from '../../src/lib/queries/filter-options';
import { filtersFromParams } from '../../src/lib/state/url-filters';
import { ENGINES } from '../support/engines';
import { loadCsv } from '../fixtures/metrics/harness';

const D = '2026-03-02 10:00:00';

describe('filter options', () => {
  it('contract codes first in their order, then the others as written, sorted', () => {
    expect(
      orderCodes(
        ['web', 'hotline', 'mail', 'help_feedback', 'mail'],
        ['help_feedback', 'mini_program', 'hotline']
      )
    ).toEqual(['help_feedback', 'hotline', 'mail', 'web']);
  });

  it('URL filters keep open channel and platform codes, closed lists stay closed', () => {
    const f = filtersFromParams(
      new URLSearchParams(
        'entry_channel=mail,hotline&platform=<b>x</b>&region=mars&customer_type=enterprise'
      )
    );
    expect(f.entry_channel).toEqual(['mail', 'hotline']);
    expect(f.platform).toEqual(['<b>x</b>']); // only ever a bound parameter and text
    expect(f.region).toBeUndefined();
    expect(f.customer_type).toEqual(['enterprise']);
  });
});

describe.each(ENGINES)('filter options on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await loadCsv(db, [
      'ticket_id,created_at,entry_channel,platform,region',
      `c1,${D},hotline,phone,`,
      `c2,${D},mini_program,ios,europe`,
      `c3,${D},mini_program,android,`
    ]);
    // codes the open-vocabulary loader keeps as written
    await db.exec(
      "UPDATE tickets SET entry_channel = 'mail', platform = 'web_chat' WHERE ticket_id = 'c3'"
    );
  });
  afterAll(() => db.close());

  it('lists the codes present in the data, unknown ones included', async () => {
    expect(await filterOptions(db)).toEqual({
      entry_channel: ['mini_program', 'hotline', 'mail'],
      platform: ['ios', 'phone', 'web_chat'],
      region: ['domestic', 'europe'],
      customer_type: ['individual']
    });
  });
});
