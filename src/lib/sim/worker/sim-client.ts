import type { BaselineInput, BaselineSummary, SimRequest, SimResponse } from './protocol';
import type { Scenario } from '../scenarios/scenario';
import type { WhatIfReport } from '../scenarios/what-if';

/** A failed request; `path` names the scenario field at fault, when one is. */
export class SimError extends Error {
  constructor(
    message: string,
    readonly path?: string
  ) {
    super(message);
  }
}

export type RunOutcome = { status: 'done'; report: WhatIfReport } | { status: 'cancelled' };

interface Pending {
  resolve: (value: SimResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/** The page's side of the simulation worker (browser only). */
export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SimResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new SimError(event.message || 'the simulation worker failed'));
    };
    return (this.worker = worker);
  }

  private receive(message: SimResponse): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === 'progress') {
      p.onProgress?.(message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'error') p.reject(new SimError(message.message, message.path));
    else p.resolve(message);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private request(
    make: (id: number) => SimRequest,
    onProgress?: Pending['onProgress']
  ): { id: number; answer: Promise<SimResponse> } {
    const id = this.nextId++;
    const answer = new Promise<SimResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
    });
    this.ensure().postMessage(make(id));
    return { id, answer };
  }

  /** Builds (or reuses) the baseline in the worker and returns what the page shows of it. */
  async prepare(input: BaselineInput): Promise<BaselineSummary> {
    const { answer } = this.request((id) => ({ type: 'prepare', id, input }));
    const reply = await answer;
    if (reply.type !== 'prepared') throw new SimError(`unexpected reply ${reply.type}`);
    return reply.summary;
  }

  /** Starts a run; `cancel(id)` stops it. */
  run(
    input: BaselineInput,
    scenario: Scenario | undefined,
    options: { replications: number; seed: number },
    onProgress: (done: number, total: number) => void
  ): { id: number; outcome: Promise<RunOutcome> } {
    const { id, answer } = this.request(
      (id) => ({ type: 'run', id, input, scenario, ...options }),
      onProgress
    );
    const outcome = answer.then((reply): RunOutcome => {
      if (reply.type === 'result') return { status: 'done', report: reply.report };
      if (reply.type === 'cancelled') return { status: 'cancelled' };
      throw new SimError(`unexpected reply ${reply.type}`);
    });
    return { id, outcome };
  }

  /**
   * Asks the worker to stop run `id`. The worker reads the message between time slices of the run
   * and answers `cancelled`; it keeps its cached baseline, so the next run starts at once.
   */
  cancel(id: number): void {
    if (!this.pending.has(id) || !this.worker) return;
    this.worker.postMessage({ type: 'cancel', id } satisfies SimRequest);
  }

  dispose(): void {
    this.failAll(new SimError('closed'));
  }
}
