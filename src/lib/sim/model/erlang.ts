/**
 * Erlang C (M/M/N) and Erlang A (M/M/N+M) formulas, in a numerically stable form
 * (recursive Erlang B; the Erlang A stationary tail is summed relative to state N).
 * Rates and times share one unit (seconds in this codebase).
 */

/** Offered load and staffing of one interval. */
export interface ErlangInput {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Mean handle time, seconds. */
  handleSeconds: number;
  agents: number;
}

/** What Erlang C predicts for one interval. */
export interface ErlangCResult {
  /** Probability an arrival has to wait (Erlang C). */
  pWait: number;
  /** Share answered within the threshold. */
  serviceLevel: number;
  /** Mean wait over all arrivals, seconds. */
  asa: number;
  occupancy: number;
}

/** What Erlang A predicts for one interval. */
export interface ErlangAResult extends ErlangCResult {
  pAbandon: number;
}

/** Erlang B blocking probability for load `a` Erlangs and `n` servers (recursive, stable). */
export function erlangB(a: number, n: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability of waiting; 1 when the queue is unstable (n ≤ a). */
export function erlangCWait(a: number, n: number): number {
  if (n <= a) return 1;
  const b = erlangB(a, n);
  return (n * b) / (n - a * (1 - b));
}

function check(input: ErlangInput): number {
  const { arrivalRate, handleSeconds, agents } = input;
  if (!(arrivalRate >= 0) || !(handleSeconds > 0) || !(agents >= 0) || !Number.isInteger(agents))
    throw new Error('Erlang: need arrivalRate ≥ 0, handleSeconds > 0 and a whole agents ≥ 0');
  return arrivalRate * handleSeconds;
}

/** Erlang C measures for threshold `thresholdSeconds`. */
export function erlangC(input: ErlangInput, thresholdSeconds: number): ErlangCResult {
  const a = check(input);
  const n = input.agents;
  if (n <= a) return { pWait: 1, serviceLevel: 0, asa: Infinity, occupancy: 1 };
  const pWait = erlangCWait(a, n);
  const decay = ((n - a) * thresholdSeconds) / input.handleSeconds;
  return {
    pWait,
    serviceLevel: 1 - pWait * Math.exp(-decay),
    asa: (pWait * input.handleSeconds) / (n - a),
    occupancy: a / n
  };
}

/** Unnormalised stationary probabilities of M/M/N+M for states ≥ N, relative to state N. */
function tailRelative(lambda: number, mu: number, theta: number, n: number): Float64Array {
  const terms: number[] = [1];
  let p = 1;
  for (let k = 1; k < 100_000; k++) {
    p *= lambda / (n * mu + k * theta);
    terms.push(p);
    if (p < 1e-16 * terms.length && lambda < n * mu + k * theta) break;
  }
  return Float64Array.from(terms);
}

/** Probability of being served within t, starting with j callers ahead (uniformisation). */
function servedWithin(
  t: number,
  maxAhead: number,
  serviceRate: number,
  theta: number
): Float64Array {
  const out = new Float64Array(maxAhead + 1);
  if (t <= 0) return out;
  const lambdaU = serviceRate + (maxAhead + 1) * theta;
  const mean = lambdaU * t;
  let f = new Float64Array(maxAhead + 1);
  let next = new Float64Array(maxAhead + 1);
  let logPois = -mean;
  let cumulative = 0;
  const kMax = Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
  for (let k = 0; k <= kMax; k++) {
    const weight = Math.exp(logPois);
    cumulative += weight;
    for (let j = 0; j <= maxAhead; j++) out[j] = out[j]! + weight * f[j]!;
    for (let j = 0; j <= maxAhead; j++) {
      const advance = serviceRate + j * theta;
      const stay = 1 - (advance + theta) / lambdaU;
      const ahead = j === 0 ? 1 : f[j - 1]!;
      next[j] = (advance / lambdaU) * ahead + stay * f[j]!;
    }
    [f, next] = [next, f];
    logPois += Math.log(mean) - Math.log(k + 1);
    if (cumulative > 1 - 1e-13) break;
  }
  return out;
}

/**
 * Erlang A (M/M/N+M) with exponential patience of mean `patienceSeconds`.
 * `serviceLevel` = answered within the threshold ÷ all arrivals (abandoned count as not);
 * `asa` = mean time in queue over all arrivals (served and abandoned).
 */
export function erlangA(
  input: ErlangInput,
  patienceSeconds: number,
  thresholdSeconds: number
): ErlangAResult {
  const a = check(input);
  if (!(patienceSeconds > 0)) throw new Error('Erlang A: patienceSeconds must be > 0');
  if (!Number.isFinite(patienceSeconds))
    return { ...erlangC(input, thresholdSeconds), pAbandon: 0 };
  const n = input.agents;
  const lambda = input.arrivalRate;
  const mu = 1 / input.handleSeconds;
  const theta = 1 / patienceSeconds;
  if (lambda === 0) return { pWait: 0, pAbandon: 0, serviceLevel: 1, asa: 0, occupancy: 0 };
  // states 0..N-1 relative to state N: pi_k / pi_N = N!/(k! a^(N-k))
  let below = 0;
  let rel = 1;
  for (let k = n - 1; k >= 0; k--) {
    rel *= (k + 1) / a;
    below += rel;
  }
  const tail = tailRelative(lambda, mu, theta, n);
  let tailSum = 0;
  let queueMean = 0;
  for (let j = 0; j < tail.length; j++) {
    tailSum += tail[j]!;
    queueMean += j * tail[j]!;
  }
  const norm = below + tailSum;
  const pWait = tailSum / norm;
  const meanQueue = queueMean / norm;
  const pAbandon = (theta * meanQueue) / lambda;
  const ahead = servedWithin(thresholdSeconds, tail.length - 1, n * mu, theta);
  let waitingServed = 0;
  for (let j = 0; j < tail.length; j++) waitingServed += (tail[j]! / norm) * ahead[j]!;
  return {
    pWait,
    pAbandon,
    serviceLevel: 1 - pWait + waitingServed,
    asa: meanQueue / lambda,
    occupancy: n === 0 ? 0 : ((1 - pAbandon) * a) / n
  };
}

/** A staffing target: service level at a threshold, optionally capped occupancy. */
export interface StaffingTarget {
  serviceLevel: number;
  thresholdSeconds: number;
  maxOccupancy?: number;
}

/** Smallest N meeting the target under Erlang C. */
export function agentsForServiceLevelC(
  arrivalRate: number,
  handleSeconds: number,
  target: StaffingTarget
): number {
  return smallestAgents(arrivalRate, handleSeconds, target, (agents) =>
    erlangC({ arrivalRate, handleSeconds, agents }, target.thresholdSeconds)
  );
}

/** Smallest N meeting the target under Erlang A with mean patience `patienceSeconds`. */
export function agentsForServiceLevelA(
  arrivalRate: number,
  handleSeconds: number,
  patienceSeconds: number,
  target: StaffingTarget
): number {
  return smallestAgents(arrivalRate, handleSeconds, target, (agents) =>
    erlangA({ arrivalRate, handleSeconds, agents }, patienceSeconds, target.thresholdSeconds)
  );
}

/** No staffing within 10,000 agents above the offered load meets the target. */
export class TargetUnreachableError extends Error {
  constructor() {
    super('staffing target not reachable');
    this.name = 'TargetUnreachableError';
  }
}

function smallestAgents(
  arrivalRate: number,
  handleSeconds: number,
  target: StaffingTarget,
  measure: (agents: number) => ErlangCResult
): number {
  if (!(target.serviceLevel >= 0 && target.serviceLevel < 1))
    throw new Error('staffing target: serviceLevel must be in [0, 1)');
  if (arrivalRate === 0) return 0;
  const load = arrivalRate * handleSeconds;
  for (let agents = Math.max(1, Math.floor(load)); agents < load + 10_000; agents++) {
    const m = measure(agents);
    if (m.serviceLevel >= target.serviceLevel && m.occupancy <= (target.maxOccupancy ?? 1))
      return agents;
  }
  throw new TargetUnreachableError();
}
