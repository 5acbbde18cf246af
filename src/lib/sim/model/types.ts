import type { HandleSampler } from './handle-sampler';
import type { Estimate } from './interval';
import type { SurvivalCurve } from './kaplan-meier';

/** Priority classes served in order: 0 = P0, 1 = P1, 2 = everything else. */
export type PriorityClass = 0 | 1 | 2;

/** A contact's priority as recorded: 0 = P0, 1 = P1, 2 = P2, 3 = P3 or none. */
export type PriorityTier = 0 | 1 | 2 | 3;

/** Patience segments: priority tier × identified (even) or anonymous (odd), see `patienceSegment`. */
export const PATIENCE_SEGMENTS = 8;

/** The patience segment of a contact of `tier`, anonymous (no user id) or not. */
export const patienceSegment = (tier: number, anonymous: boolean): number =>
  Math.min(tier, 3) * 2 + (anonymous ? 1 : 0);

/**
 * One queue's human-queue arrivals in time order. Times are local-clock seconds since
 * 1970-01-01 00:00 in the dataset's time zone (a naive local timestamp read as if UTC).
 */
export interface QueueArrivals {
  queue: string;
  time: Float64Array;
  /** Priority tier of each arrival (see `PriorityTier`). */
  priority: Uint8Array;
  /** 1 where the caller had no user id (default: all identified). */
  anonymous?: Uint8Array;
  /** Observed handle seconds; NaN when unknown (e.g. abandoned). */
  handleSeconds: Float64Array;
  abandoned: Uint8Array;
  /** Observed wait in queue; NaN when unknown. */
  waitSeconds: Float64Array;
  /** Expected number of copies of each arrival to replay (default 1); scenarios thin or grow volume here. */
  weight?: Float64Array;
  /** Multiplier on the sampled handle time of each arrival (default 1). */
  handleFactor?: Float64Array;
  /** The agent who served each arrival in the replayed history (null: not served or unknown). */
  agent?: (string | null)[];
}

/** Agents per queue and hour of week: 168 values from Monday 00:00; fractions are realised by seeded rounding. */
export interface StaffingTable {
  queues: Record<string, number[]>;
}

/** How service times are drawn for a queue. */
export type ServiceModel =
  { kind: 'empirical'; sampler: HandleSampler } | { kind: 'exponential'; meanSeconds: number };

/** How patience is drawn for a queue. */
export type PatienceModel =
  | { kind: 'kaplan-meier'; curve: SurvivalCurve }
  | { kind: 'exponential'; meanSeconds: number }
  | { kind: 'infinite' };

/** The estimated behaviour of one queue, shared by the baseline and every scenario run. */
export interface QueueModel {
  service: ServiceModel;
  /** Pooled patience, for every contact whose segment has none of its own. */
  patience: PatienceModel;
  /** Per patience segment (see `patienceSegment`), where the segment had enough history. */
  patienceBySegment?: (PatienceModel | undefined)[];
  /**
   * Seconds of queue credit a P2 contact gets over P3 ones in the shared "rest" class: it is
   * served before every P3 contact that arrived less than this long before it.
   */
  headStartSeconds?: number;
  /** Per agent, handle time relative to the queue's pools (see `estimateAgentSpeed`). */
  agentSpeed?: Record<string, number>;
  /** Agents pulled from other work once a caller has waited long (see `runQueue`). */
  surge?: SurgeModel;
}

/**
 * State-dependent capacity: once the longest-waiting caller has waited `afterSeconds`, the
 * queue is served by `factor` × the hour's agents (the on-duty agents doing other work join)
 * until nobody waits.
 */
export interface SurgeModel {
  afterSeconds: number;
  factor: number;
}

/** Everything one simulation run needs besides its options. */
export interface SimulationInput {
  queues: QueueArrivals[];
  models: Record<string, QueueModel>;
  staffing: StaffingTable;
  /** Pickup threshold in seconds (default 20). */
  thresholdSeconds?: number;
  /** Simulated window [start, end) in local seconds; default: whole hours around all arrivals. */
  window?: { start: number; end: number };
}

/** Replications, seed, and the hooks a Web Worker uses. */
export interface SimulationOptions {
  replications?: number;
  seed?: number;
  /** Checked between replications and every few thousand events; true stops the run. */
  shouldStop?: () => boolean;
  /** Fraction done in [0, 1]. */
  onProgress?: (fraction: number) => void;
}

/** KPI ids, as in the metric catalogue. */
export const KPI_IDS = [
  'pickup_within_20s',
  'avg_wait_seconds',
  'abandon_rate',
  'occupancy',
  'agent_hours',
  'human_requests'
] as const;
export type KpiId = (typeof KPI_IDS)[number];
export type KpiEstimates = Record<KpiId, Estimate>;
export type KpiValues = Record<KpiId, number>;

/** Priority classes as reported: P0, P1 and everything else. */
export type PriorityName = 'P0' | 'P1' | 'rest';

/** Per-priority figures (numbers per replication, estimates in results). */
export interface PriorityKpis<T> {
  pickup_within_20s: T;
  avg_wait_seconds: T;
  human_requests: T;
}

/** KPIs of one queue per hour of week (168 values each; NaN where there were no contacts). */
export interface SlotKpis {
  requests: number[];
  pickup_within_20s: number[];
  abandon_rate: number[];
  avg_wait_seconds: number[];
}

/** The outcome of a completed run. */
export interface SimulationResult {
  replications: number;
  seed: number;
  thresholdSeconds: number;
  kpis: KpiEstimates;
  byQueue: Record<string, KpiEstimates>;
  byPriority: Record<PriorityName, PriorityKpis<Estimate>>;
  /** Pickup within threshold ÷ requests, by hour of week of the request (NaN: no requests). */
  serviceLevelByHour: number[];
  /** Per queue and hour of week of the request: the backtest's calibration cells. */
  byQueueHour?: Record<string, SlotKpis>;
  /** Per queue, per replication: mean wait of served contacts by hour of week (NaN: none). */
  slotWaitByReplication?: Record<string, Float64Array[]>;
  /** Replayed arrivals over all replications, and simulation speed. */
  arrivalsSimulated: number;
  elapsedMs: number;
  arrivalsPerSecond: number;
}

/** A run either finishes or is cancelled by `shouldStop`. */
export type SimulationOutcome =
  | { status: 'done'; result: SimulationResult }
  | { status: 'cancelled'; completedReplications: number };
