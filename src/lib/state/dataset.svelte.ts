import defaultDatasetUrl from '../../../data/tickets.csv.gz?url';
import { browserDb } from '../db/browser';
import type { Db } from '../db/types';
import { loadTicketFile, type LoadReport } from '../ingest/load';
import { LoadError } from '../ingest/load-error';

export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error';
export type LoadStep = 'engine' | 'file' | null;

/** The loaded ticket log: which file, how its rows were accounted for, and load progress. */
class DatasetState {
  status = $state<DatasetStatus>('idle');
  step = $state<LoadStep>(null);
  fileName = $state('');
  isDefault = $state(true);
  report = $state.raw<LoadReport | null>(null);
  error = $state.raw<LoadError | Error | null>(null);
  /** Bumped after every successful load so that views re-query. */
  version = $state(0);

  async loadDefault(): Promise<void> {
    await this.load('tickets.csv.gz', true, async () => {
      const response = await fetch(defaultDatasetUrl);
      if (!response.ok) throw new Error(`the bundled dataset is missing (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });
  }

  async loadFile(file: File): Promise<void> {
    await this.load(file.name, false, async () => new Uint8Array(await file.arrayBuffer()));
  }

  private async load(name: string, isDefault: boolean, read: () => Promise<Uint8Array>) {
    this.status = 'loading';
    this.error = null;
    this.fileName = name;
    try {
      this.step = 'engine';
      const [db, bytes] = await Promise.all([browserDb(), read()]);
      this.step = 'file';
      this.report = await loadTicketFile(db, { name, bytes });
      this.isDefault = isDefault;
      this.status = 'ready';
      this.version++;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      this.status = this.report ? 'ready' : 'error';
    } finally {
      this.step = null;
    }
  }

  db(): Promise<Db> {
    return browserDb();
  }
}

export const dataset = new DatasetState();
