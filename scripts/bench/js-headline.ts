import { mean, median, rollup } from 'd3-array';
import type { JsTicket } from './js-tickets';

/** The headline metrics of the catalogue, re-implemented in plain JS (+ d3-array). */
export type HeadlineValues = Record<string, number | null>;

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

function countRatio(
  tickets: readonly JsTicket[],
  den: (t: JsTicket) => boolean,
  num: (t: JsTicket) => boolean
) {
  let d = 0;
  let n = 0;
  for (const t of tickets) {
    if (!den(t)) continue;
    d++;
    if (num(t)) n++;
  }
  return { num: n, den: d };
}

const decided = (t: JsTicket) => t.status === 'resolved' || t.status === 'unresolved';
const resolvedWithTime = (t: JsTicket) => t.status === 'resolved' && t.resolveMinutes !== null;
const minutes = (ts: readonly JsTicket[]) => ts.map((t) => t.resolveMinutes!);

function speedup(ent: number | undefined, ind: number | undefined): number | null {
  return ent !== undefined && ind !== undefined && ind > 0 ? 1 - ent / ind : null;
}

/** 1 − enterprise median ÷ individual medians per (category × handling channel), enterprise-weighted. */
function mixAdjusted(resolved: readonly JsTicket[]): number | null {
  const cells = rollup(
    resolved,
    (ts) => ({
      enterprise: ts.filter((t) => t.customer === 'enterprise'),
      individualMedian: median(minutes(ts.filter((t) => t.customer === 'individual')))
    }),
    (t) => `${t.category ?? '\0'}|${t.handling}`
  );
  let weight = 0;
  let weighted = 0;
  const enterpriseMinutes: number[] = [];
  for (const cell of cells.values()) {
    if (cell.individualMedian === undefined || cell.enterprise.length === 0) continue;
    weight += cell.enterprise.length;
    weighted += cell.enterprise.length * cell.individualMedian;
    enterpriseMinutes.push(...minutes(cell.enterprise));
  }
  const ent = median(enterpriseMinutes);
  return weight > 0 && ent !== undefined ? 1 - ent / (weighted / weight) : null;
}

export function headlineJs(tickets: readonly JsTicket[]): HeadlineValues {
  const selfServed = countRatio(
    tickets,
    (t) => t.routine && t.status !== 'open',
    (t) =>
      t.status === 'resolved' &&
      (t.resolvedBy === 'bot' || t.resolvedBy === 'self_service') &&
      t.mobile
  );
  const hotline = countRatio(
    tickets,
    (t) => t.fundSafety,
    (t) => t.handling === 'hotline'
  );
  const pickup = countRatio(
    tickets,
    (t) => t.humanRequested,
    (t) => t.waitSeconds !== null && t.waitSeconds <= 20
  );
  const pickedUp = countRatio(
    tickets,
    (t) => t.waitSeconds !== null,
    (t) => t.waitSeconds! <= 20
  );
  const isResolved = (t: JsTicket) => t.status === 'resolved';
  const crossBorder = countRatio(
    tickets,
    (t) => t.issue === 'cross_border_payment' && decided(t),
    isResolved
  );
  const domestic = countRatio(tickets, (t) => t.region === 'domestic' && decided(t), isResolved);
  const cb = ratio(crossBorder.num, crossBorder.den);
  const dom = ratio(domestic.num, domestic.den);
  const resolved = tickets.filter(resolvedWithTime);
  const enterprise = minutes(resolved.filter((t) => t.customer === 'enterprise'));
  const individual = minutes(resolved.filter((t) => t.customer === 'individual'));
  return {
    self_service_rate: ratio(selfServed.num, selfServed.den),
    fund_safety_hotline_share: ratio(hotline.num, hotline.den),
    pickup_within_20s: ratio(pickup.num, pickup.den),
    pickup_within_20s_excl_abandoned: ratio(pickedUp.num, pickedUp.den),
    cross_border_resolution_rate: cb,
    domestic_resolution_rate: dom,
    resolution_gap_pp: dom !== null && cb !== null ? (dom - cb) * 100 : null,
    enterprise_speedup: speedup(median(enterprise), median(individual)),
    enterprise_speedup_mean: speedup(mean(enterprise), mean(individual)),
    enterprise_speedup_mix_adjusted: mixAdjusted(resolved)
  };
}
