import type { Rng } from '../../src/lib/random/rng';
import type { Channel, Platform, Region } from '../../src/lib/contract/columns';
import { intentFor, issueSpec } from './catalog';
import {
  CHANNEL_ISSUE_MULTIPLIERS,
  CHANNEL_WEIGHTS,
  CONSUMER_HOURS,
  CONSUMER_WEEKDAYS,
  DOMESTIC_ISSUES,
  ENTERPRISE_HOURS,
  ENTERPRISE_ISSUES,
  ENTERPRISE_WEEKDAYS,
  OVERSEAS,
  OVERSEAS_ISSUES,
  PLATFORM_WEIGHTS,
  REGION_SPECIALTY,
  TARGETS
} from './config';
import { Categorical, categorical, SystematicSampler } from './sampling';
import { Ticket, type Emergency, type Priority } from './ticket';
import { DAY, HOUR, ORIGIN, weekdayOf } from './time';

type OverseasRegion = Exclude<Region, 'domestic'>;
const OVERSEAS_REGIONS = Object.keys(OVERSEAS) as OverseasRegion[];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

function mergeWeights(
  base: Readonly<Record<string, number>>,
  multipliers: Readonly<Record<string, number>> = {},
  extra: Readonly<Record<string, number>> = {}
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, w] of Object.entries(base)) out[k] = w * (multipliers[k] ?? 1);
  for (const [k, w] of Object.entries(extra)) out[k] = (out[k] ?? 0) + w;
  return out;
}

function dayWeights(days: number, weekdays: readonly number[], holidayFactor: number): number[] {
  return Array.from({ length: days }, (_, d) => {
    const date = new Date(Date.UTC(ORIGIN.year, ORIGIN.month - 1, ORIGIN.day + d));
    const m = date.getUTCMonth() + 1;
    const dd = date.getUTCDate();
    const holiday = (m === 5 && dd <= 5) || (m === 4 && dd >= 4 && dd <= 6) ? holidayFactor : 1;
    return weekdays[weekdayOf(d)]! * holiday * (1 + (0.12 * d) / Math.max(1, days));
  });
}

function localHourWeights(offset: number, keep: (h: number) => boolean): number[] {
  return HOURS.map((h) => (keep(h) ? CONSUMER_HOURS[(((h + offset) % 24) + 24) % 24]! : 0));
}

const inStaffed = (h: number): boolean => h >= 9 && h < 21;

function emergencyFor(rng: Rng, issue: string): Emergency {
  const u = rng.next();
  switch (issue) {
    case 'account_security':
      return u < 0.35 ? 'account_stolen' : null;
    case 'unauthorized_payment':
      return u < 0.4 ? 'fund_loss' : null;
    case 'fund_safety':
      return u < 0.3 ? 'fund_loss' : null;
    case 'cross_border_payment':
      return u < 0.3 ? 'customs_dispute' : null;
    case 'customs_clearance':
      return u < 0.45 ? 'customs_dispute' : null;
    case 'system_error':
      return u < 0.6 ? 'system_failure' : null;
    default:
      return u < 0.058 ? 'other' : null;
  }
}

function priorityFor(rng: Rng, t: Ticket): Priority {
  const u = rng.next();
  if (t.emergency === 'account_stolen' || t.emergency === 'fund_loss') return 'P0';
  if (t.emergency === 'customs_dispute' || t.emergency === 'system_failure') return 'P1';
  if (t.emergency === 'other') return u < 0.3 ? 'P1' : 'P2';
  if (t.fundSafety) return u < 0.15 ? 'P0' : 'P1';
  if (t.entry === 'hotline') return u < 0.6 ? 'P1' : u < 0.9 ? 'P2' : 'P3';
  if (t.customer === 'enterprise') return u < 0.55 ? 'P1' : u < 0.92 ? 'P2' : 'P3';
  if (t.region !== 'domestic') return u < 0.15 ? 'P1' : u < 0.65 ? 'P2' : u < 0.97 ? 'P3' : null;
  return u < 0.03 ? 'P1' : u < 0.58 ? 'P2' : u < 0.95 ? 'P3' : null;
}

function crossBusinessRate(t: Ticket): number {
  let p = t.category === 'payment' ? 0.2 : t.category === 'account' ? 0.17 : 0.12;
  if (t.issue === 'account_security' || t.issue === 'cross_border_payment') p += 0.15;
  if (t.customer === 'enterprise') p += 0.1;
  return p;
}

/** Draws the tickets' intake attributes (who, where, what, when), sorted by creation time. */
export function drawPopulation(rng: Rng, rows: number, days: number): Ticket[] {
  const channels = categorical(CHANNEL_WEIGHTS);
  const platforms = new Map<Channel, Categorical<Platform>>();
  for (const ch of Object.keys(PLATFORM_WEIGHTS) as Channel[])
    platforms.set(ch, categorical(PLATFORM_WEIGHTS[ch] as Record<Platform, number>));
  const domesticIssues = new Map<Channel, Categorical<string>>();
  for (const ch of Object.keys(CHANNEL_WEIGHTS) as Channel[])
    domesticIssues.set(
      ch,
      categorical(mergeWeights(DOMESTIC_ISSUES, CHANNEL_ISSUE_MULTIPLIERS[ch]))
    );
  const enterpriseIssues = categorical(ENTERPRISE_ISSUES);
  const regions = categorical(
    Object.fromEntries(OVERSEAS_REGIONS.map((r) => [r, OVERSEAS[r].weight])) as Record<
      OverseasRegion,
      number
    >
  );
  const regionIssues = new Map<OverseasRegion, Categorical<string>>();
  const languages = new Map<OverseasRegion, Categorical<string>>();
  const offHours = new Map<OverseasRegion, Categorical<number>>();
  const onHours = new Map<OverseasRegion, Categorical<number>>();
  const offShare = new Map<OverseasRegion, number>();
  let mixOff = 0;
  for (const r of OVERSEAS_REGIONS) {
    const spec = OVERSEAS[r];
    regionIssues.set(r, categorical(mergeWeights(OVERSEAS_ISSUES, {}, REGION_SPECIALTY[r])));
    languages.set(r, categorical(spec.languages));
    const off = localHourWeights(spec.offset, (h) => !inStaffed(h));
    const on = localHourWeights(spec.offset, inStaffed);
    offHours.set(r, new Categorical(HOURS, off));
    onHours.set(r, new Categorical(HOURS, on));
    const sOff = off.reduce((a, b) => a + b, 0);
    const share = sOff / (sOff + on.reduce((a, b) => a + b, 0));
    offShare.set(r, share);
    mixOff += spec.weight * share;
  }
  const offScale = TARGETS.offhoursGap / mixOff;
  const offSampler = new SystematicSampler(rng);
  const consumerDays = new Categorical(
    Array.from({ length: days }, (_, d) => d),
    dayWeights(days, CONSUMER_WEEKDAYS, 0.88)
  );
  const enterpriseDays = new Categorical(
    Array.from({ length: days }, (_, d) => d),
    dayWeights(days, ENTERPRISE_WEEKDAYS, 0.35)
  );
  const consumerHours = new Categorical(HOURS, CONSUMER_HOURS);
  const enterpriseHours = new Categorical(HOURS, ENTERPRISE_HOURS);
  const incidents = [
    { day: Math.floor(days * 0.18), hour: 10 },
    { day: Math.floor(days * 0.49), hour: 20 },
    { day: Math.floor(days * 0.85), hour: 14 }
  ];
  const domesticPool = Math.max(50, Math.round(rows * 0.5));
  const enterprisePool = Math.max(20, Math.round(rows * 0.006));

  const tickets: Ticket[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const t = new Ticket();
    t.entry = channels.pick(rng);
    t.customer =
      t.entry === 'enterprise_line' || (t.entry === 'hotline' && rng.next() < 0.06)
        ? 'enterprise'
        : 'individual';
    let overseasRegion: OverseasRegion | null = null;
    if (t.entry === 'overseas_support') {
      overseasRegion = regions.pick(rng);
      t.region = overseasRegion;
      t.language = languages.get(overseasRegion)!.pick(rng);
    }
    t.platform = platforms.get(t.entry)!.pick(rng);
    t.issue = overseasRegion
      ? regionIssues.get(overseasRegion)!.pick(rng)
      : t.customer === 'enterprise'
        ? enterpriseIssues.pick(rng)
        : domesticIssues.get(t.entry)!.pick(rng);
    t.category = issueSpec(t.issue).category;
    t.trueIntent = intentFor(t.issue, rng.next());
    t.emergency = emergencyFor(rng, t.issue);
    t.fundSafety =
      t.issue === 'fund_safety' ||
      t.issue === 'unauthorized_payment' ||
      t.emergency === 'account_stolen' ||
      t.emergency === 'fund_loss';
    t.writeFundSafety = rng.next() >= 0.08;
    t.priority = priorityFor(rng, t);
    t.crossBusiness = rng.next() < crossBusinessRate(t);

    if (t.emergency === 'system_failure' && !overseasRegion) {
      const inc = incidents[rng.int(incidents.length)]!;
      t.created = Math.floor(inc.day * DAY + inc.hour * HOUR + rng.next() * 2 * HOUR);
    } else if (overseasRegion) {
      const off = offSampler.take(offShare.get(overseasRegion)! * offScale);
      const hour = (off ? offHours : onHours).get(overseasRegion)!.pick(rng);
      t.created = Math.floor(consumerDays.pick(rng) * DAY + hour * HOUR + rng.next() * HOUR);
    } else if (t.customer === 'enterprise') {
      t.created = Math.floor(
        enterpriseDays.pick(rng) * DAY + enterpriseHours.pick(rng) * HOUR + rng.next() * HOUR
      );
    } else {
      t.created = Math.floor(
        consumerDays.pick(rng) * DAY + consumerHours.pick(rng) * HOUR + rng.next() * HOUR
      );
    }

    if (t.customer === 'enterprise') {
      t.userId = `E${String(1 + Math.floor(enterprisePool * Math.pow(rng.next(), 1.5))).padStart(5, '0')}`;
    } else if (overseasRegion) {
      const r = OVERSEAS_REGIONS.indexOf(overseasRegion);
      const pool = Math.max(20, Math.round(rows * 0.07 * OVERSEAS[overseasRegion].weight * 0.6));
      const idx = Math.floor(pool * Math.pow(rng.next(), 1.5));
      t.userId = `U${String(5_000_000 + r * 500_000 + idx).padStart(7, '0')}`;
    } else {
      t.userId = `U${String(1 + Math.floor(domesticPool * Math.pow(rng.next(), 1.7))).padStart(7, '0')}`;
    }
    tickets[i] = t;
  }
  tickets.sort((a, b) => a.created - b.created);
  const width = Math.max(7, String(rows).length);
  for (let i = 0; i < rows; i++) tickets[i]!.id = `T${String(i + 1).padStart(width, '0')}`;
  return tickets;
}
