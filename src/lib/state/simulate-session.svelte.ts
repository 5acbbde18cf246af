import { untrack } from 'svelte';
import { i18n } from '../i18n/i18n.svelte';
import type { BacktestReport } from '../sim/backtest/backtest-report';
import { loadHistory } from '../sim/history/load-history';
import { encodeRows, type RowColumns } from '../sim/history/row-columns';
import { DEFAULT_THRESHOLD_SECONDS } from '../sim/model/engine';
import type { SimulationResult } from '../sim/model/types';
import { SIM_KPIS } from '../sim/scenarios/kpi-format';
import { ScenarioError, validateScenario, type Scenario } from '../sim/scenarios/scenario';
import {
  readSaved,
  scenarioFromParams,
  scenarioLink,
  writeSaved,
  type SavedScenario
} from '../sim/scenarios/scenario-link';
import type { WhatIfReport } from '../sim/scenarios/what-if';
import type { BaselineInput, BaselineSummary } from '../sim/worker/protocol';
import { SimClient, SimError } from '../sim/worker/sim-client';
import { dataset } from './dataset.svelte';

/** A user-facing note: an error (alert) or a confirmation (status). */
export interface Note {
  error: boolean;
  text: string;
}

/** The text a failed simulation request shows: the scenario field at fault, when one is. */
function messageOf(e: unknown): string {
  if (e instanceof SimError && e.path)
    return i18n.t('simScenarioInvalid', {
      path: e.path,
      detail: e.message.replace(/^scenario field [^:]+: /, '')
    });
  return e instanceof Error ? e.message : String(e);
}

/**
 * One /simulate session: the history handed to the worker, the backtest, the scenario being
 * built, its run (progress, cancel), and saving and sharing it. Create it while a component
 * initialises (it owns effects: a new dataset re-prepares, a new threshold or split re-runs the
 * backtest); `dispose` when that component goes.
 */
export class SimulateSession {
  private readonly client = new SimClient();
  private rows: RowColumns | null = null;
  private staffingVersion = 0;
  /** Threshold and split the backtest on show was prepared for. */
  private preparedFor = '';

  staffingOverride = $state.raw<Record<string, number[]> | null>(null);
  summary = $state.raw<BaselineSummary | null>(null);
  prepareError = $state<string | null>(null);
  backtest = $state.raw<SimulationResult | null>(null);
  backtestReport = $state.raw<BacktestReport | undefined>(undefined);
  /** YYYY-MM-DD or '': the out-of-sample split, as the CLI's `--fit-until`. */
  fitUntil = $state('');

  scenario = $state<Scenario>({
    name: '+2 agents',
    agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }]
  });
  linkNote = $state<string | null>(null);
  replications = $state(20);
  seed = $state(1);
  running = $state<{ id: number; done: number; total: number } | null>(null);
  result = $state.raw<WhatIfReport | null>(null);
  /** `runKey` of the run that made `result`. */
  private resultKey = $state<string | null>(null);
  saveNote = $state<Note | null>(null);
  runError = $state<string | null>(null);
  cancelled = $state(false);
  shareUrl = $state('');
  saved = $state<SavedScenario[]>([]);
  /** What reading the saved list set aside (entries no longer valid, or an unreadable store). */
  savedNote = $state<string | null>(null);

  /** The scenario's service-level threshold, as the CLI takes it (20 s when unset). */
  readonly threshold = $derived(
    typeof this.scenario.service_level_seconds === 'number' &&
      this.scenario.service_level_seconds > 0
      ? this.scenario.service_level_seconds
      : DEFAULT_THRESHOLD_SECONDS
  );
  private readonly currentKey = $derived.by(() => {
    try {
      return this.runKey(validateScenario($state.snapshot(this.scenario)));
    } catch (error) {
      // A scenario still being edited matches no run; anything else is a bug.
      if (error instanceof ScenarioError) return null;
      throw error;
    }
  });
  /** The results on show were made by other settings than the ones now in the builder. */
  readonly stale = $derived(!!this.result && this.currentKey !== this.resultKey);
  /** Weeks the history spans (agent-hours per week). */
  readonly weeks = $derived(
    this.summary ? (this.summary.window.end - this.summary.window.start) / (7 * 86_400) : 1
  );
  readonly percent = $derived(
    this.running && this.running.total
      ? Math.round((100 * this.running.done) / this.running.total)
      : 0
  );

  constructor() {
    $effect(() => {
      const version = dataset.version;
      if (version === 0 || !dataset.report) return;
      untrack(() => this.loadDataset(version));
    });
    $effect(() => {
      const wanted = `${this.threshold}|${this.fitUntil}`;
      if (!this.summary || wanted === this.preparedFor) return;
      untrack(() => this.prepare());
    });
  }

  dispose(): void {
    this.client.dispose();
  }

  private runKey(plain: Scenario): string {
    return JSON.stringify({ plain, replications: this.replications, seed: this.seed });
  }

  private inputOf(): BaselineInput | null {
    return (
      this.rows && {
        key: `${dataset.version}:${this.staffingVersion}:${this.threshold}`,
        rows: this.rows,
        thresholdSeconds: this.threshold,
        ...(this.staffingOverride ? { staffing: this.staffingOverride } : {}),
        ...(this.fitUntil ? { fitUntil: this.fitUntil } : {})
      }
    );
  }

  private async loadDataset(version: number): Promise<void> {
    this.summary = null;
    this.prepareError = null;
    this.result = null;
    try {
      const history = await loadHistory(await dataset.db());
      if (version !== dataset.version) return;
      this.rows = encodeRows(history);
      this.staffingOverride = null;
      this.staffingVersion++;
      await this.prepare();
    } catch (e) {
      this.prepareError = messageOf(e);
    }
  }

  /** Builds the baseline in the worker and runs its backtest (at the current threshold and split). */
  async prepare(): Promise<void> {
    const input = this.inputOf();
    if (!input) return;
    this.preparedFor = `${this.threshold}|${this.fitUntil}`;
    this.summary = null;
    this.backtest = null;
    this.backtestReport = undefined;
    this.prepareError = null;
    try {
      this.summary = await this.client.prepare(input);
      const { outcome } = this.client.run(
        input,
        undefined,
        { replications: 20, seed: 1 },
        () => {}
      );
      const out = await outcome;
      if (out.status === 'done') {
        this.backtest = out.report.baseline.simulated;
        this.backtestReport = out.report.backtest;
      }
    } catch (e) {
      this.prepareError = messageOf(e);
    }
  }

  /** Restores the saved list and a scenario shared by link (call once the page is mounted). */
  restore(storage: Storage, params: URLSearchParams): void {
    const read = readSaved(storage);
    this.saved = read.saved;
    this.savedNote = read.unreadable
      ? i18n.t('simSavedUnreadable', { detail: read.unreadable })
      : read.dropped.length
        ? i18n.t('simSavedDropped', {
            count: String(read.dropped.length),
            list: read.dropped.map((d) => `${d.name} (${d.reason})`).join('; ')
          })
        : null;
    try {
      const fromLink = scenarioFromParams(params);
      if (fromLink) {
        this.scenario = fromLink;
        this.linkNote = i18n.t('simRestoredFromLink');
      }
    } catch (e) {
      this.linkNote = i18n.t('simLinkInvalid', {
        detail: e instanceof Error ? e.message : String(e)
      });
    }
  }

  applyStaffing(table: Record<string, number[]> | null): void {
    this.staffingOverride = table;
    this.staffingVersion++;
    this.result = null;
    this.prepare();
  }

  async run(): Promise<void> {
    const input = this.inputOf();
    if (!input || this.running) return;
    this.runError = null;
    this.saveNote = null;
    this.cancelled = false;
    let plain: Scenario;
    try {
      plain = validateScenario($state.snapshot(this.scenario));
    } catch (e) {
      this.runError =
        e instanceof ScenarioError ? messageOf(new SimError(e.message, e.path)) : messageOf(e);
      return;
    }
    const { replications, seed } = this;
    const { id, outcome } = this.client.run(input, plain, { replications, seed }, (done, total) => {
      if (this.running?.id === id) this.running = { id, done, total };
    });
    this.running = { id, done: 0, total: replications * 2 };
    try {
      const out = await outcome;
      if (out.status === 'done') {
        this.result = out.report;
        this.resultKey = this.runKey(plain);
      } else this.cancelled = true;
    } catch (e) {
      this.runError = messageOf(e);
    } finally {
      this.running = null;
    }
  }

  cancel(): void {
    if (this.running) this.client.cancel(this.running.id);
  }

  /** Saves the scenario with its last run's figures; refuses one whose results are not on show. */
  save(storage: Storage): void {
    let plain: Scenario;
    try {
      plain = validateScenario($state.snapshot(this.scenario));
    } catch (e) {
      this.saveNote = { error: true, text: messageOf(e) };
      return;
    }
    const r = this.result;
    if (!r?.scenario || this.stale) {
      this.saveNote = { error: true, text: i18n.t('simSaveNeedsRun') };
      return;
    }
    const name = plain.name?.trim() || `${i18n.t('simScenario')} ${this.saved.length + 1}`;
    const entry: SavedScenario = {
      name,
      scenario: { ...plain, name },
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once as text, never mutated
      savedAt: new Date().toISOString(),
      kpis: Object.fromEntries(
        SIM_KPIS.map((k) => [
          k,
          {
            baseline: r.baseline.simulated.kpis[k].mean,
            scenario: r.scenario!.simulated.kpis[k].mean,
            lo: r.scenario!.simulated.kpis[k].lo,
            hi: r.scenario!.simulated.kpis[k].hi
          }
        ])
      )
    };
    const next = [...this.saved.filter((s) => s.name !== name), entry];
    if (!this.store(storage, next)) return;
    this.saved = next;
    this.saveNote = { error: false, text: i18n.t('simSaved', { name }) };
  }

  load(s: SavedScenario): void {
    this.scenario = structuredClone($state.snapshot(s.scenario));
    this.result = null;
    this.saveNote = null;
  }

  remove(storage: Storage, index: number): void {
    const next = this.saved.filter((_, j) => j !== index);
    if (this.store(storage, next)) this.saved = next;
  }

  /** Writes the list; a full or blocked store is said, not swallowed. */
  private store(storage: Storage, list: SavedScenario[]): boolean {
    try {
      writeSaved(storage, list);
      this.savedNote = null;
      return true;
    } catch (e) {
      if (!(e instanceof DOMException)) throw e;
      this.saveNote = { error: true, text: i18n.t('simSaveFailed', { detail: e.message }) };
      return false;
    }
  }

  async share(base: string, clipboard: Pick<Clipboard, 'writeText'> | undefined): Promise<void> {
    this.shareUrl = scenarioLink(base, validateScenario($state.snapshot(this.scenario)));
    try {
      if (!clipboard) throw new DOMException('no clipboard', 'NotAllowedError');
      await clipboard.writeText(this.shareUrl);
      this.linkNote = i18n.t('simLinkCopied');
    } catch (e) {
      if (!(e instanceof DOMException)) throw e;
      // the link is on show to copy by hand
      this.linkNote = null;
    }
  }
}
