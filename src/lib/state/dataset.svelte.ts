import defaultDatasetUrl from '../../../data/tickets.csv.gz?url';
import { browserDb, whyNotKept } from '../db/browser';
import { serverDataset, serverDb, serverToken } from '../db/remote';
import type { Db } from '../db/types';
import { loadTicketFileAtomically } from '../ingest/load/cancellable-load';
import type { LoadReport } from '../ingest/load/load';
import { LoadError } from '../ingest/load/load-error';
import type { Mapping } from '../ingest/map/mapping-types';
import {
  assertRowsFit,
  estimateRows,
  parseMemorySize,
  ROW_SAMPLE_BYTES,
  tabRowLimit
} from '../ingest/read/row-estimate';
import { assertFileSize, fileSizeLimit } from '../ingest/read/size-limit';
import type { SheetProgress } from '../ingest/read/spreadsheet-source';
import { workerSpreadsheetReader } from '../ingest/read/spreadsheet-worker-client';
import {
  forgetKeptDataset,
  keepDataset,
  keptDataset,
  persistKept,
  type KeptDataset
} from './kept-dataset';
import { browserMappings, type RememberedMappings } from './remembered-mappings';
import { bundledSnapshotSource, bundledSnapshot } from './bundled-source';
import { BUNDLED_NAME } from '../bundled/bundled-figures';

export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error';
/** Where the data shown came from: the bundled file, an upload, or the copy kept in the browser. */
export type DatasetOrigin = 'bundled' | 'upload' | 'restored';
export type LoadStep = 'engine' | 'read' | 'file' | 'cancelling' | null;
/** How the mapping of the loaded file was chosen. */
export type MappingOrigin = 'suggested' | 'remembered' | 'chosen';

export interface LoadChoices {
  /** A mapping to use (and remember for this header); otherwise a remembered or suggested one. */
  mapping?: Mapping;
  /** IANA zone of the file's offset-less timestamps; otherwise the preset's or the default. */
  timeZone?: string;
  /** The sheet of a workbook to read; otherwise its first sheet with data. */
  sheet?: string;
}

/**
 * The loaded file, readable again for a reload. Each read gives fresh bytes: the database
 * takes over (detaches) the buffers it is handed.
 */
interface Source {
  name: string;
  isDefault: boolean;
  read: () => Promise<Uint8Array>;
  /** A faster way to the same tables (the bundled dataset's build-time snapshot), for default choices. */
  snapshot?: { load: (db: Db) => Promise<LoadReport>; header: string[]; fileBytes: number };
  /** The first bytes only, to estimate the rows before the whole file is read. */
  head?: () => Promise<Uint8Array>;
}
/** The loaded ticket log: which file, how its rows were accounted for, and load progress. */
class DatasetState {
  status = $state<DatasetStatus>('idle');
  step = $state<LoadStep>(null);
  fileName = $state('');
  isDefault = $state(true);
  report = $state.raw<LoadReport | null>(null);
  error = $state.raw<LoadError | Error | null>(null);
  /** The bundled dataset is being loaded and nothing was loaded before: build-time figures hold. */
  bundledPending = $state(false);
  /** Bumped after every successful load so that views re-query. */
  version = $state(0);
  /** Size in bytes of the file now loaded. */
  fileSize = $state(0);
  mappingOrigin = $state<MappingOrigin>('suggested');
  /** Header fingerprint under which the loaded mapping is remembered, if it is. */
  rememberedAs = $state<string | null>(null);
  /** Why a remembered mapping for this header could not be used. */
  rememberedProblem = $state<string | null>(null);
  /** The user chose a time zone for this file (else the preset's or the default). */
  timeZoneChosen = $state(false);
  /** How far the workbook being read has come (spreadsheets only). */
  sheetProgress = $state.raw<SheetProgress | null>(null);
  /** The last load was cancelled; the data shown did not change. */
  cancelled = $state(false);
  /** Files asked for while another loads: each waits its turn, and the page says so. */
  queued = $state<string[]>([]);
  origin = $state<DatasetOrigin>('bundled');
  /** Why an upload is not kept in this browser (no OPFS, storage locked); null when it is. */
  notKeptReason = $state<string | null>(null);
  /** Milliseconds from opening the database to the kept dataset being shown again. */
  restoredMs = $state<number | null>(null);
  /** Largest file this tab accepts, in bytes. */
  readonly sizeLimit = fileSizeLimit(
    typeof navigator === 'undefined'
      ? undefined
      : (navigator as Navigator & { deviceMemory?: number }).deviceMemory
  );

  private source: Source | null = null;
  private choices: LoadChoices = {};
  private controller: AbortController | null = null;
  private previous: Promise<unknown> = Promise.resolve();
  private remembered: RememberedMappings | null = null;

  /** Shows the dataset kept in this browser, if there is one; else loads the bundled one. */
  async loadDefault(): Promise<void> {
    const token = serverToken();
    if (token) return this.openServer(token);
    const restored = this.previous.then(() => this.restoreKept());
    this.previous = restored.catch(() => undefined);
    if (await restored) return;
    this.bundledPending = this.version === 0;
    try {
      await this.load(bundledSource(), null, {});
    } finally {
      this.bundledPending = false;
    }
  }

  /** Removes the kept upload from this browser and shows the bundled data again. */
  async forgetKept(): Promise<void> {
    await this.load(bundledSource(), null, {});
  }

  /**
   * Loads an uploaded file; a file larger than `sizeLimit` is refused before it is read. The
   * File is kept: a reload reads the same bytes again (or fails if the file changed on disk).
   */
  async loadFile(file: File, choices: LoadChoices = {}): Promise<void> {
    const read = async () => new Uint8Array(await file.arrayBuffer());
    const head = async () => new Uint8Array(await file.slice(0, ROW_SAMPLE_BYTES).arrayBuffer());
    await this.load({ name: file.name, isDefault: false, read, head }, file.size, choices);
  }

  /** Loads the current file's bytes again with another mapping and/or time zone. */
  async reload(choices: LoadChoices): Promise<void> {
    if (!this.source) return this.fileNotAtHand();
    const merged = { ...this.choices, ...choices };
    await this.load(this.source, null, merged, { remember: choices.mapping !== undefined });
  }

  /** Loads another sheet of the current workbook; its header gets its own (remembered or suggested) mapping. */
  async chooseSheet(sheet: string): Promise<void> {
    if (!this.source) return this.fileNotAtHand();
    await this.load(this.source, null, { timeZone: this.choices.timeZone, sheet });
  }

  /** Forgets the remembered mapping of the loaded header and loads the file with a suggestion. */
  async forgetMapping(): Promise<void> {
    if (this.report) this.mappings().forget(this.report.header);
    this.choices = { timeZone: this.choices.timeZone, sheet: this.choices.sheet };
    if (this.source) await this.load(this.source, null, this.choices);
  }

  /** Stops the load in progress; the data loaded before stays as it was. */
  cancel(): void {
    if (!this.controller || this.controller.signal.aborted) return;
    this.step = 'cancelling';
    this.controller.abort(new DOMException('The load was cancelled', 'AbortError'));
  }

  db(): Promise<Db> {
    const token = serverToken();
    return token ? Promise.resolve(serverDb(token)) : browserDb();
  }

  /** On `npm run serve`: the server loaded the data; the page takes its report. */
  private async openServer(token: string): Promise<void> {
    this.status = 'loading';
    this.step = 'engine';
    try {
      const { report, bytes } = await serverDataset(token);
      Object.assign(this, { report, fileName: report.name, fileSize: bytes, isDefault: false });
      this.status = 'ready';
      this.version++;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      this.status = 'error';
    } finally {
      this.step = null;
    }
  }

  /** After a reload the kept tickets are shown, but the file they came from is not at hand. */
  private fileNotAtHand(): void {
    this.error = new LoadError(
      'bad-setting',
      `"${this.fileName}" was restored from this browser's copy; upload the file again to read it with another mapping, time zone or sheet.`
    );
  }

  /** True when the kept dataset is shown: no file is read, its tables are already there. */
  private async restoreKept(): Promise<boolean> {
    this.status = 'loading';
    this.step = 'engine';
    const db = await browserDb();
    const started = performance.now();
    let kept: KeptDataset | null;
    try {
      kept = whyNotKept() === null ? await keptDataset(db) : null;
    } catch (error) {
      // A copy this version cannot read is shown as such, and the bundled data loads instead.
      this.notKeptReason = `the copy kept in this browser could not be read (${String(error).slice(0, 160)})`;
      return false;
    }
    if (!kept) return false;
    this.report = kept.report;
    this.fileName = kept.report.name;
    this.fileSize = kept.fileSize;
    this.isDefault = false;
    this.origin = 'restored';
    this.notKeptReason = null;
    this.source = null;
    this.restoredMs = performance.now() - started;
    this.status = 'ready';
    this.step = null;
    this.version++;
    return true;
  }

  private mappings(): RememberedMappings {
    this.remembered ??= browserMappings();
    return this.remembered;
  }

  private async load(
    source: Source,
    size: number | null,
    choices: LoadChoices,
    { remember = false } = {}
  ): Promise<void> {
    const waiting = this.status === 'loading';
    if (waiting) this.queued = [...this.queued, source.name];
    const run = this.previous.then(() => {
      if (waiting) {
        const at = this.queued.indexOf(source.name);
        this.queued = this.queued.filter((_, i) => i !== at);
      }
      return this.run(source, size, choices, remember);
    });
    // The next load waits for this one to settle; its error is reported by `run` itself.
    this.previous = run.catch(() => undefined);
    await run;
  }

  private async run(
    source: Source,
    size: number | null,
    choices: LoadChoices,
    remember: boolean
  ): Promise<void> {
    const { name, isDefault } = source;
    const controller = new AbortController();
    const signal = controller.signal;
    this.controller = controller;
    this.status = 'loading';
    this.error = null;
    this.cancelled = false;
    this.fileName = name;
    try {
      this.step = 'engine';
      const db = await untilAborted(browserDb(), signal);
      // Rows first: past the tab's rows, the row count says more than the byte size.
      if (size !== null && source.head) {
        const rows = estimateRows(await source.head(), size);
        assertRowsFit(name, rows, tabRowLimit(await memoryLimitBytes(db)));
      }
      if (size !== null) assertFileSize(name, size, this.sizeLimit);
      const snapshot =
        source.snapshot &&
        Object.keys(choices).length === 0 &&
        !this.mappings().lookup(source.snapshot.header)
          ? source.snapshot
          : null;
      this.step = 'read';
      const bytes = snapshot ? null : await untilAborted(source.read(), signal);
      const byteCount = bytes?.length ?? snapshot?.fileBytes ?? 0;
      this.step = 'file';
      let rememberedUsed: string | null = null;
      let problem: string | null = null;
      const mapping =
        choices.mapping ??
        ((header: readonly string[]) => {
          const found = this.mappings().lookup(header);
          if (found && 'mapping' in found) rememberedUsed = found.fingerprint;
          if (found && 'problem' in found) problem = found.problem;
          return found && 'mapping' in found ? found.mapping : undefined;
        });
      const report = snapshot
        ? await loadSnapshot(db, snapshot)
        : await loadTicketFileAtomically(
            db,
            { name, bytes: bytes! },
            {
              mapping,
              timeZone: choices.timeZone,
              completeValues: true,
              spreadsheet: {
                sheet: choices.sheet,
                sizeLimit: this.sizeLimit,
                read: workerSpreadsheetReader(signal, (progress) => (this.sheetProgress = progress))
              }
            },
            signal,
            (conn, loaded) =>
              isDefault || whyNotKept() !== null
                ? forgetKeptDataset(conn)
                : keepDataset(conn, {
                    report: loaded,
                    fileSize: byteCount,
                    savedAt: new Date().toISOString()
                  })
          );
      if (whyNotKept() === null) await persistKept(db);
      this.source = source;
      this.choices = rememberedUsed ? { ...choices, mapping: report.mapping } : choices;
      this.fileSize = byteCount;
      this.timeZoneChosen = choices.timeZone !== undefined;
      this.rememberedProblem = problem;
      if (remember) {
        this.rememberedAs = this.mappings().remember(report.header, report.mapping);
        this.mappingOrigin = 'chosen';
      } else if (rememberedUsed) {
        this.rememberedAs = rememberedUsed;
        this.mappingOrigin = 'remembered';
      } else if (choices.mapping === undefined) {
        this.rememberedAs = null;
        this.mappingOrigin = 'suggested';
      }
      this.report = report;
      this.isDefault = isDefault;
      this.origin = isDefault ? 'bundled' : 'upload';
      this.notKeptReason = isDefault ? null : whyNotKept();
      this.restoredMs = null;
      this.fileName = name;
      this.status = 'ready';
      this.version++;
    } catch (error) {
      if (signal.aborted) this.cancelled = true;
      else this.error = error instanceof Error ? error : new Error(String(error));
      this.status = this.report ? 'ready' : signal.aborted ? 'idle' : 'error';
    } finally {
      this.step = null;
      this.sheetProgress = null;
      this.controller = null;
    }
  }
}

/** The bundled tables from the build's snapshot; an upload kept in this browser is forgotten. */
async function loadSnapshot(
  db: Db,
  snapshot: NonNullable<Source['snapshot']>
): Promise<LoadReport> {
  const report = await snapshot.load(db);
  await forgetKeptDataset(db);
  return report;
}

/** The database's memory limit in bytes (duckdb-wasm sets it from the tab's heap). */
async function memoryLimitBytes(db: Db): Promise<number> {
  const [row] = await db.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
  const bytes = parseMemorySize(row?.v ?? '');
  if (bytes === null) throw new Error(`unexpected memory_limit setting: ${row?.v}`);
  return bytes;
}

/** The bundled dataset: the CSV is fetched only when the snapshot cannot stand in for it (a time zone or mapping chosen). */
function bundledSource(): Source {
  let download: Promise<Uint8Array> | undefined;
  const read = async () => {
    download ??= fetch(defaultDatasetUrl).then(async (response) => {
      if (!response.ok) throw new Error(`the bundled dataset is missing (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });
    return (await download).slice();
  };
  const snapshot = {
    load: bundledSnapshotSource(),
    header: bundledSnapshot.report.header,
    fileBytes: bundledSnapshot.fileBytes
  };
  return { name: BUNDLED_NAME, isDefault: true, read, snapshot };
}

/** Resolves like `promise`, or rejects with the abort reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export const dataset = new DatasetState();
