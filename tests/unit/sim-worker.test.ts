import { describe, expect, it } from 'vitest';
import type { TicketRow } from '../../src/lib/sim/history/load-history';
import type { BaselineInput, SimRequest, SimResponse } from '../../src/lib/sim/worker/protocol';
import { decodeRows, encodeRows } from '../../src/lib/sim/history/row-columns';
import { createSimHandler } from '../../src/lib/sim/worker/worker-handler';
import { runWhatIf } from '../../src/lib/sim/scenarios/what-if';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import { mmnHistory } from '../fixtures/sim/mmn-history';
import { cliWhatIf } from '../../src/cli/what-if-run';

/** A known M/M/8+M hotline week as ticket rows, with agent ids. */
function hotlineRows(): TicketRow[] {
  const h = mmnHistory({ perHour: 120, handle: 180, agents: 8, days: 7, patience: 300, seed: 3 });
  const q = h.queue;
  const agentAt = new Map(h.work.map((w) => [w.start.toFixed(3), w.agent]));
  return Array.from(q.time, (t, i) => {
    const abandoned = q.abandoned[i] === 1;
    const wait = q.waitSeconds[i]!;
    return {
      queue: 'hotline',
      created: t - 60,
      requested: t,
      priority: 2,
      anonymous: false,
      handleSeconds: abandoned ? null : q.handleSeconds[i]!,
      abandoned,
      waitSeconds: wait,
      agentId: abandoned ? null : (agentAt.get((t + wait).toFixed(3)) ?? null),
      issueType: i % 5 === 0 ? 'status_query' : 'payment',
      statusFollowups: 1,
      statusLookups: i % 3 === 0 ? 1 : 0,
      aiConfidence: ((i * 7919) % 100) / 100,
      intentWrong: i % 10 === 0 ? true : i % 10 === 1 ? null : false,
      botAnswered: true,
      duplicateAnswer: i % 10 === 0,
      enterprise: false,
      entryChannel: 'hotline',
      handlingChannel: 'hotline',
      region: 'domestic',
      status: 'resolved',
      resolvedBy: abandoned ? null : 'agent',
      resolveMinutes: abandoned ? null : 12.5,
      firstResponseMinutes: 5,
      utcOffsetHours: 8
    } satisfies TicketRow;
  });
}

const rows = hotlineRows();
const input: BaselineInput = { key: 'week', rows: encodeRows(rows), thresholdSeconds: 20 };

function session() {
  const sent: SimResponse[] = [];
  const handle = createSimHandler((m) => sent.push(m));
  return { sent, handle };
}

describe('row columns', () => {
  it('round-trip every field, nulls included', () => {
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });
});

describe('simulation worker protocol', () => {
  it('prepare answers with the inferred staffing and the scenario assumptions', async () => {
    const { sent, handle } = session();
    await handle({ type: 'prepare', id: 1, input });
    expect(sent).toHaveLength(1);
    const reply = sent[0]!;
    if (reply.type !== 'prepared') throw new Error(`got ${reply.type}`);
    expect(reply.id).toBe(1);
    expect(reply.summary.queues).toEqual(['hotline']);
    expect(reply.summary.staffingSource).toEqual({ hotline: 'agent_id' });
    expect(reply.summary.staffing.hotline).toHaveLength(168);
    expect(reply.summary.humanRequests).toBe(rows.length);
    expect(reply.summary.confidenceCurve.length).toBeGreaterThan(2);
  });

  it('run posts progress up to the total, then the same report as runWhatIf', async () => {
    const { sent, handle } = session();
    const scenario = { agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 1 }] };
    await handle({ type: 'run', id: 7, input, scenario, replications: 4, seed: 11 });
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress[0]).toEqual({ type: 'progress', id: 7, done: 0, total: 8 });
    expect(progress.at(-1)).toEqual({ type: 'progress', id: 7, done: 8, total: 8 });
    const dones = progress.map((m) => (m.type === 'progress' ? m.done : -1));
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const last = sent.at(-1)!;
    if (last.type !== 'result') throw new Error(`got ${last.type}`);
    const direct = runWhatIf(prepareBaseline(rows, 20), scenario as never, {
      replications: 4,
      seed: 11
    });
    if ('cancelled' in direct) throw new Error('cancelled');
    expect(last.report.scenario!.simulated.kpis).toEqual(direct.scenario!.simulated.kpis);
    expect(last.report.baseline.simulated.kpis).toEqual(direct.baseline.simulated.kpis);
    expect(last.report.scenario!.simulated.kpis.pickup_within_20s.mean).toBeGreaterThan(
      last.report.baseline.simulated.kpis.pickup_within_20s.mean
    );
  });

  it('with fitUntil, the backtest is split as the CLI splits it (same out-of-sample figures)', async () => {
    const { sent, handle } = session();
    const split = { ...input, fitUntil: '2026-03-05' };
    await handle({ type: 'run', id: 9, input: split, replications: 3, seed: 5 });
    const last = sent.at(-1)!;
    if (last.type !== 'result') throw new Error(`got ${last.type}`);
    const cli = cliWhatIf(rows, undefined, { replications: 3, seed: 5, fitUntil: '2026-03-05' });
    expect(last.report.backtest!.fitUntil).toBe('2026-03-05');
    expect(last.report.backtest!.marginSource).toBe('out_of_sample');
    expect(last.report.backtest!.outOfSample!.kpis).toEqual(cli.report.backtest!.outOfSample!.kpis);
    expect(last.report.backtest!.inSample.requests).toBeLessThan(rows.length);
  });

  it('without fitUntil, a history of two weeks or more is split on the day the CLI would pick', async () => {
    const WEEK = 7 * 86_400;
    const later = rows.map((r) => ({
      ...r,
      created: r.created + WEEK,
      requested: r.requested! + WEEK
    }));
    const twoWeeks = [...rows, ...later];
    const { sent, handle } = session();
    const long = { key: 'two-weeks', rows: encodeRows(twoWeeks), thresholdSeconds: 20 };
    await handle({ type: 'run', id: 11, input: long, replications: 2, seed: 5 });
    const last = sent.at(-1)!;
    if (last.type !== 'result') throw new Error(`got ${last.type}`);
    const cli = cliWhatIf(twoWeeks, undefined, { replications: 2, seed: 5 });
    expect(cli.holdout).toBe('automatic');
    const day = new Date(Math.floor(later[0]!.requested! / 86_400) * 86_400_000);
    expect(last.report.backtest!.fitUntil).toBe(day.toISOString().slice(0, 10));
    expect(last.report.backtest!.marginSource).toBe('out_of_sample');
    expect(last.report.backtest!.outOfSample!.kpis).toEqual(cli.report.backtest!.outOfSample!.kpis);
    // one week is too short to hold days out: judged in sample, as before
    const { sent: one, handle: h1 } = session();
    await h1({ type: 'run', id: 12, input, replications: 2, seed: 5 });
    const r1 = one.at(-1)!;
    if (r1.type !== 'result') throw new Error(`got ${r1.type}`);
    expect(r1.report.backtest!.marginSource).toBe('in_sample');
  });

  it('a cancel read during a pause stops the run with a cancelled reply; the handler goes on', async () => {
    const sent: SimResponse[] = [];
    let pauses = 0;
    // As in the worker: the cancel message is delivered while the run is paused between slices.
    const handle = createSimHandler(
      (m) => sent.push(m),
      async () => {
        pauses++;
        if (pauses === 2) await handle({ type: 'cancel', id: 3 });
      }
    );
    await handle({ type: 'run', id: 3, input, replications: 400, seed: 1 });
    expect(pauses).toBe(2);
    expect(sent.at(-1)).toEqual({ type: 'cancelled', id: 3 });
    expect(sent.some((m) => m.type === 'result')).toBe(false);
    const last = sent.filter((m) => m.type === 'progress').at(-1);
    expect(last && last.type === 'progress' && last.done).toBeLessThan(400);
    // The handler is usable again afterwards, for the same id too.
    sent.length = 0;
    await handle({ type: 'run', id: 3, input, replications: 2, seed: 1 });
    expect(sent.at(-1)!.type).toBe('result');
  });

  it('requests are answered in order, one at a time', async () => {
    const { sent, handle } = session();
    const first = handle({ type: 'run', id: 1, input, replications: 60, seed: 1 });
    const second = handle({ type: 'prepare', id: 2, input });
    await Promise.all([first, second]);
    const answers = sent.filter((m) => m.type !== 'progress').map((m) => [m.type, m.id]);
    expect(answers).toEqual([
      ['result', 1],
      ['prepared', 2]
    ]);
  });

  it('rejects a bad scenario with the field named, and a bad input with a message', async () => {
    const { sent, handle } = session();
    await handle({
      type: 'run',
      id: 5,
      input,
      scenario: { volume_growth: 99 } as never,
      replications: 2,
      seed: 1
    });
    expect(sent.at(-1)).toMatchObject({ type: 'error', id: 5, path: 'volume_growth' });
    const empty: BaselineInput = { key: 'empty', rows: encodeRows([]), thresholdSeconds: 20 };
    await handle({ type: 'prepare', id: 6, input: empty });
    expect(sent.at(-1)).toMatchObject({ type: 'error', id: 6 });
    expect((sent.at(-1) as { message: string }).message).toMatch(/no human requests/);
  });

  it('refuses replications past the limit table before running, with the reason', async () => {
    const { sent, handle } = session();
    await handle({ type: 'run', id: 8, input, replications: 1_000_000_000, seed: 1 });
    expect(sent.filter((m) => m.type === 'progress')).toEqual([]);
    expect(sent.at(-1)).toMatchObject({ type: 'error', id: 8 });
    expect((sent.at(-1) as { message: string }).message).toMatch(
      /^replications 1000000000: at most 2,000 replications/
    );
  });

  it('same request, same seed: identical reports', async () => {
    const a = session();
    const b = session();
    const run: SimRequest = { type: 'run', id: 1, input, replications: 3, seed: 9 };
    await a.handle(run);
    await b.handle(run);
    const [x, y] = [a.sent.at(-1), b.sent.at(-1)];
    if (x?.type !== 'result' || y?.type !== 'result') throw new Error('no result');
    expect(x.report.baseline.simulated.kpis).toEqual(y.report.baseline.simulated.kpis);
    expect(x.report.baseline.simulated.serviceLevelByHour).toEqual(
      y.report.baseline.simulated.serviceLevelByHour
    );
  });
});
