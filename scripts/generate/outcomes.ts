import type { Rng } from '../../src/lib/random/rng';
import { TARGETS } from './config';
import { lognormal, lognormalMean, median, SystematicSampler, uniform } from './sampling';
import type { Resolver, Ticket } from './ticket';
import { addWindowSeconds, HOUR, WINDOW_7X12, WORK_HOURS } from './time';

/** Resolution chance as a function of first-response delay in hours (the what-if relation). */
export function delayFactor(hours: number): number {
  return 0.3 + 0.7 * Math.exp(-hours / 20);
}

interface Plan {
  base: number;
  scalable: number;
  kind: 0 | 1 | 2;
}

function escalate(rng: Rng, tickets: Ticket[]): void {
  const other = new SystematicSampler(rng);
  for (const t of tickets) {
    const botOnly = t.botAnswered && t.humanRequested === null;
    if (t.emergency === 'other') t.escalated = other.take(TARGETS.nonstandardEscalation);
    else if (t.emergency !== null) t.escalated = rng.next() < 0.45;
    else if (t.overseas) t.escalated = rng.next() < (botOnly ? 0.08 : 0.45);
    else if (t.fundSafety) t.escalated = rng.next() < 0.2;
    else t.escalated = !botOnly && rng.next() < 0.04;
  }
}

function translate(rng: Rng, tickets: Ticket[]): void {
  const set = tickets.filter((t) => t.overseas && t.escalated && t.language !== 'zh');
  const raw = set.map(() => lognormalMean(rng, TARGETS.translationDelayHours, 0.55));
  const mean = raw.reduce((a, b) => a + b, 0) / Math.max(1, raw.length);
  set.forEach((t, i) => {
    t.translationHours = Math.round((raw[i]! * TARGETS.translationDelayHours * 10) / mean) / 10;
  });
}

function plan(rng: Rng, t: Ticket): Plan {
  const first = t.firstResponse ?? t.created;
  let end: number;
  let by: Resolver;
  if (t.answered !== null) {
    end = t.answered + t.handleSeconds!;
    if (rng.next() < 0.12 && t.emergency !== 'other') end += lognormal(rng, 4 * HOUR, 1.0);
    by = 'agent';
  } else if (t.abandonedAt !== null && t.entry !== 'overseas_support') {
    end = Math.max(first, t.abandonedAt) + lognormal(rng, 600, 0.6);
    by = 'agent';
  } else if (t.entry === 'hotline' && t.humanRequested === null) {
    end = first + uniform(rng, 60, 240);
    by = 'self_service';
  } else if (t.botAnswered && t.entry !== 'overseas_support') {
    const confirmed = t.customer === 'enterprise' || rng.next() < 0.35;
    end = first + lognormal(rng, 240, 0.8) + (confirmed ? uniform(rng, 0, 180) : 3600);
    by = t.entry === 'help_feedback' || t.entry === 'official_account' ? 'self_service' : 'bot';
  } else if (t.botAnswered) {
    end = first + lognormal(rng, 600, 0.8);
    by = 'bot';
  } else if (t.entry === 'help_feedback' || t.entry === 'official_account') {
    end = addWindowSeconds(WORK_HOURS, first, lognormal(rng, 3 * HOUR, 1.0));
    by = 'self_service';
  } else if (t.entry === 'overseas_support') {
    end = addWindowSeconds(WINDOW_7X12, first, lognormal(rng, 6 * HOUR, 0.9));
    by = 'agent';
  } else if (t.entry === 'mini_program') {
    end = first + lognormal(rng, 1200, 0.8);
    by = 'self_service';
  } else {
    end = first + lognormal(rng, 600, 0.8);
    by = 'agent';
  }
  if (t.escalated && t.emergency !== 'other') {
    end += lognormal(rng, 3 * HOUR, 0.9) + (t.translationHours ?? 0) * HOUR;
    by = 'expert';
  }
  t.plannedBy = t.escalated ? 'expert' : by;
  if (t.emergency === 'other' && t.escalated)
    return { base: end - t.created, scalable: lognormal(rng, 1, 0.5), kind: 1 };
  if (t.customer === 'enterprise')
    return { base: end - t.created, scalable: lognormal(rng, 1800, 1.0), kind: 2 };
  return { base: end - t.created, scalable: 0, kind: 0 };
}

function selfServed(t: Ticket): boolean {
  return t.routine && t.mobile && (t.plannedBy === 'bot' || t.plannedBy === 'self_service');
}

function fitScale(p: number[], idx: number[], raw: number[], target: number): void {
  const n = Math.max(1, raw.length);
  let c = target / Math.max(1e-9, raw.reduce((a, b) => a + b, 0) / n);
  for (let it = 0; it < 20; it++) {
    const mean = raw.reduce((a, r) => a + Math.min(0.98, c * r), 0) / n;
    c *= target / Math.max(1e-9, mean);
  }
  idx.forEach((i, j) => (p[i] = Math.min(0.98, c * raw[j]!)));
}

function fitUnresolved(p: number[], idx: number[], w: number[], unresolved: number): void {
  const total = w.reduce((a, b) => a + b, 0);
  let k = unresolved / Math.max(1e-9, total);
  for (let it = 0; it < 20; it++) {
    const got = w.reduce((a, x) => a + Math.min(0.95, k * x), 0);
    k *= unresolved / Math.max(1e-9, got);
  }
  idx.forEach((i, j) => (p[i] = 1 - Math.min(0.95, k * w[j]!)));
}

function resolveChances(tickets: Ticket[], open: boolean[]): number[] {
  const p = new Array<number>(tickets.length).fill(0);
  const delayHours = (t: Ticket): number =>
    t.firstResponse === null ? 72 : (t.firstResponse - t.created) / HOUR;
  const cb: number[] = [];
  const cbRaw: number[] = [];
  const os: number[] = [];
  const osRaw: number[] = [];
  const selfA: number[] = [];
  const selfW: number[] = [];
  const rest: number[] = [];
  const restW: number[] = [];
  let routine = 0;
  tickets.forEach((t, i) => {
    if (open[i]) return;
    if (t.routine) routine++;
    const g = delayFactor(delayHours(t)) * (t.abandonedAt !== null ? 0.8 : 1);
    if (t.issue === 'cross_border_payment') {
      cb.push(i);
      cbRaw.push(g * (t.overseas ? 1 : 1.15));
    } else if (t.overseas) {
      os.push(i);
      osRaw.push(g * (t.plannedBy === 'bot' ? 1.3 : 1));
    } else if (selfServed(t)) {
      selfA.push(i);
      selfW.push(t.aiCorrect ? 1 : 2);
    } else {
      let w = 1;
      if (t.abandonedAt !== null) w *= 4;
      if (t.fundSafety) w *= 2.5;
      if (t.emergency !== null) w *= 2;
      if (!t.aiCorrect) w *= 1.5;
      if (t.answered !== null) w *= 0.7;
      if (!t.mobile) w *= t.platform === 'web' ? 3 : 2;
      rest.push(i);
      restW.push(w);
    }
  });
  fitScale(p, cb, cbRaw, TARGETS.crossBorderResolution);
  fitScale(p, os, osRaw, 0.72);
  const domCb = cb.filter((i) => !tickets[i]!.overseas);
  const domestic = selfA.length + rest.length + domCb.length;
  const cbResolved = domCb.reduce((a, i) => a + p[i]!, 0);
  const unresolved = domestic - TARGETS.domesticResolution * domestic - (domCb.length - cbResolved);
  let others = 0;
  for (const i of [...cb, ...os]) if (selfServed(tickets[i]!)) others += p[i]!;
  const selfUnresolved = Math.max(
    0,
    Math.min(unresolved, selfA.length + others - TARGETS.selfServiceRate * routine)
  );
  fitUnresolved(p, selfA, selfW, selfUnresolved);
  fitUnresolved(p, rest, restW, unresolved - selfUnresolved);
  return p;
}

function enterpriseScale(
  tickets: Ticket[],
  resolved: boolean[],
  minutes: (i: number, sEnt: number) => number
): number {
  const individual: number[] = [];
  const ent: number[] = [];
  tickets.forEach((t, i) => {
    if (!resolved[i]) return;
    if (t.customer === 'enterprise') ent.push(i);
    else individual.push(minutes(i, 0));
  });
  const target = (1 - TARGETS.enterpriseSpeedup) * median(individual);
  const at = (s: number): number => median(ent.map((i) => minutes(i, s)));
  if (at(0) >= target) return 0;
  let lo = 0;
  let hi = 1;
  while (at(hi) < target && hi < 1e4) hi *= 2;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    if (at(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Decides escalation, translation waits, resolved/unresolved/open and resolution times.
 * Resolution chances are calibrated per group (cross-border, other overseas, domestic);
 * overseas chances fall with first-response delay. Still open = would close after the
 * extract time.
 */
export function decideOutcomes(rng: Rng, tickets: Ticket[], days: number): void {
  escalate(rng, tickets);
  translate(rng, tickets);
  const extractAt = days * 86400;
  const plans = tickets.map((t) => plan(rng, t));
  const closeAt = (i: number, sOther: number, sEnt: number): number => {
    const pl = plans[i]!;
    const s = pl.kind === 1 ? sOther : pl.kind === 2 ? sEnt : 0;
    return tickets[i]!.created + Math.round(pl.base + s * pl.scalable);
  };
  const open = tickets.map((_, i) => closeAt(i, 2700, 1) > extractAt);
  const chances = resolveChances(tickets, open);
  const samplers = [0, 1, 2, 3].map(() => new SystematicSampler(rng));
  const resolved = tickets.map((t, i) => {
    if (open[i]) return false;
    const g = t.issue === 'cross_border_payment' ? 0 : t.overseas ? 1 : selfServed(t) ? 2 : 3;
    return samplers[g]!.take(chances[i]!);
  });
  let otherBase = 0;
  let otherScalable = 0;
  let otherCount = 0;
  plans.forEach((pl, i) => {
    if (pl.kind !== 1 || !resolved[i]) return;
    otherBase += pl.base;
    otherScalable += pl.scalable;
    otherCount++;
  });
  const sOther =
    otherCount > 0
      ? Math.max(
          0,
          (TARGETS.nonstandardEscalatedMinutes * 60 * otherCount - otherBase) / otherScalable
        )
      : 0;
  const sEnt = enterpriseScale(
    tickets,
    resolved,
    (i, se) => (closeAt(i, sOther, se) - tickets[i]!.created) / 60
  );
  tickets.forEach((t, i) => {
    const close = closeAt(i, sOther, sEnt);
    if (open[i] || close > extractAt) {
      t.status = 'open';
      t.resolved = null;
      t.resolvedBy = null;
    } else if (resolved[i]) {
      t.status = 'resolved';
      t.resolved = close;
      t.resolvedBy = t.plannedBy;
    } else {
      t.status = 'unresolved';
      t.resolved = null;
      t.resolvedBy = null;
    }
    t.plannedClose = close;
  });
}
