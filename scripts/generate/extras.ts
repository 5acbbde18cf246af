import type { Rng } from '../../src/lib/random/rng';
import type { Channel } from '../../src/lib/contract/columns';
import { LOAD_MS, TARGETS } from './config';
import { lognormalMean, poisson, SystematicSampler } from './sampling';
import type { Ticket } from './ticket';
import { DAY } from './time';

const TICKETED: ReadonlySet<Channel> = new Set<Channel>([
  'help_feedback',
  'official_account',
  'overseas_support',
  'enterprise_line'
]);

/** Marks human answers that repeated the bot's; likelier when the bot was wrong or unsure. */
export function markDuplicates(rng: Rng, tickets: Ticket[]): void {
  const eligible = tickets.filter((t) => t.botAnswered && t.answered !== null);
  const weight = (t: Ticket): number => 1 + (t.aiCorrect ? 0 : 1.5) + (1 - t.aiConfidence);
  const mean = eligible.reduce((a, t) => a + weight(t), 0) / Math.max(1, eligible.length);
  const sampler = new SystematicSampler(rng);
  for (const t of tickets) t.duplicate = false;
  for (const t of eligible)
    t.duplicate = sampler.take((TARGETS.duplicateAnswer * weight(t)) / mean);
}

/**
 * Status lookups and follow-up contacts: a share of users (the seed's 31%) know the status
 * lookup and use it on their ticketed requests; the others chase by contacting again.
 */
export function statusBehaviour(rng: Rng, tickets: Ticket[]): void {
  const aware = new Map<string, boolean>();
  const sampler = new SystematicSampler(rng);
  for (const t of tickets) {
    if (!TICKETED.has(t.entry) || aware.has(t.userId)) continue;
    aware.set(t.userId, sampler.take(TARGETS.statusAwareness));
  }
  const seen = new Set<string>();
  for (const t of tickets) {
    t.statusLookups = 0;
    t.statusFollowups = 0;
    if (!TICKETED.has(t.entry)) continue;
    const knows = aware.get(t.userId) === true;
    const long = t.status !== 'resolved' || t.plannedClose - t.created > DAY;
    if (knows) {
      const firstOne = !seen.has(t.userId);
      seen.add(t.userId);
      if (firstOne || rng.next() < 0.7) t.statusLookups = 1 + poisson(rng, long ? 1.5 : 0.5);
      t.statusFollowups = long ? poisson(rng, 0.2) : 0;
    } else {
      t.statusFollowups = long ? poisson(rng, 1.1) : rng.next() < 0.05 ? 1 : 0;
    }
  }
}

/** Mini-program load times (per-platform means from the seed) and satisfaction scores. */
export function sessionAndCsat(rng: Rng, tickets: Ticket[]): void {
  for (const t of tickets) {
    const mean = LOAD_MS[t.platform];
    t.loadMs =
      t.entry === 'mini_program' && mean ? Math.round(lognormalMean(rng, mean, 0.35)) : null;
    t.csat = null;
    if (t.status === 'open' || rng.next() >= 0.4) continue;
    let score = t.status === 'resolved' ? 4.3 : 2.2;
    if (t.answered !== null && t.answered - t.humanRequested! > 60) score -= 0.6;
    if (t.abandonedAt !== null) score -= 0.5;
    if (t.duplicate) score -= 0.5;
    if (t.resolved !== null && t.resolved - t.created > 2 * DAY) score -= 0.4;
    score += 0.8 * rng.normal();
    t.csat = Math.max(1, Math.min(5, Math.round(score)));
  }
}
