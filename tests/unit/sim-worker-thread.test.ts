import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { BaselineInput } from '../../src/lib/sim/worker/protocol';
import { encodeRows } from '../../src/lib/sim/history/row-columns';
import { loadHistory } from '../../src/lib/sim/history/load-history';
import { startSimThread, type SimThread } from '../support/sim-thread';

/** The real worker file in a thread with a browser-sized stack, fed the bundled dataset. */
describe('simulation worker in a thread, bundled dataset', () => {
  let thread: SimThread;
  let input: BaselineInput;
  beforeAll(async () => {
    const { db } = await loadForCli();
    try {
      input = { key: 'bundled', rows: encodeRows(await loadHistory(db)), thresholdSeconds: 20 };
    } finally {
      await db.close();
    }
    thread = await startSimThread(1);
  }, 120_000);
  afterAll(() => thread?.close());

  it.each(['18-24', '9-18', '0-6'])(
    'a night-shift run over local hours %s ends in a result, not a stack overflow',
    async (hours) => {
      const id = hours.length;
      thread.post({
        type: 'run',
        id,
        input,
        scenario: { night_shift: [{ region: 'europe', seats: 3, local_hours: hours }] },
        replications: 2,
        seed: 1
      });
      const reply = await thread.next(id);
      if (reply.type !== 'result') throw new Error(JSON.stringify(reply));
      const ns = reply.report.scenario!.nightShift!;
      expect(ns.offhours_gap_rate.scenario).toBeLessThanOrEqual(ns.offhours_gap_rate.baseline);
      expect(ns.overseas_first_response_minutes.baseline).toBeGreaterThan(0);
    },
    120_000
  );

  it('a cancel stops a long run within seconds, not minutes; the same worker then runs again', async () => {
    thread.post({ type: 'run', id: 50, input, replications: 2000, seed: 1 });
    let cancelledAt = 0;
    const reply = await thread.next(50, (m) => {
      if (m.type === 'progress' && m.done >= 1 && !cancelledAt) {
        cancelledAt = Date.now();
        thread.post({ type: 'cancel', id: 50 });
      }
    });
    expect(reply).toEqual({ type: 'cancelled', id: 50 });
    // Without pauses the reply would come only after all 2000 replications (minutes).
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
    thread.post({ type: 'run', id: 51, input, replications: 2, seed: 1 });
    expect((await thread.next(51)).type).toBe('result');
  }, 120_000);
});
