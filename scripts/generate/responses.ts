import type { Rng } from '../../src/lib/random/rng';
import { TARGETS } from './config';
import { lognormal, SystematicSampler, uniform } from './sampling';
import type { Ticket } from './ticket';
import { addWindowSeconds, HOUR, WINDOW_7X12, WORK_HOURS } from './time';

function urgent(t: Ticket): boolean {
  return t.priority === 'P0' || t.priority === 'P1' || t.emergency !== null;
}

function fallbackResponse(rng: Rng, t: Ticket): number {
  if (t.abandonedAt !== null && t.entry !== 'overseas_support') {
    const median = urgent(t) ? 40 * 60 : 2 * HOUR;
    return t.abandonedAt + Math.round(lognormal(rng, median, 0.8));
  }
  switch (t.entry) {
    case 'mini_program':
      return t.created + Math.round(lognormal(rng, 3 * HOUR, 1.3));
    case 'help_feedback':
      return Math.round(addWindowSeconds(WORK_HOURS, t.created, lognormal(rng, 5 * HOUR, 1.1)));
    case 'official_account':
      return Math.round(addWindowSeconds(WORK_HOURS, t.created, lognormal(rng, 8 * HOUR, 1.0)));
    case 'overseas_support': {
      let at = addWindowSeconds(WINDOW_7X12, t.created, lognormal(rng, 100 * 60, 0.9));
      if (rng.next() < 0.06) at += lognormal(rng, 30 * HOUR, 0.6);
      return Math.round(at);
    }
    default:
      return t.created + Math.round(lognormal(rng, 2 * HOUR, 0.8));
  }
}

function specialistMinutes(rng: Rng, late: boolean): number {
  if (late) return 60 + 1 + rng.exp(80);
  for (;;) {
    const r = lognormal(rng, 12, 0.8);
    if (r <= 58) return r;
  }
}

/**
 * Sets `first_response_at`: the earliest of the bot's answer, the IVR greeting, an agent
 * picking up, or the channel's own reply path (forms in working hours, overseas e-mail in
 * the 09–21 window, enterprise specialists against the 60-minute window SLA).
 */
export function firstResponses(rng: Rng, tickets: Ticket[]): void {
  const specialist: Ticket[] = [];
  let enterpriseTotal = 0;
  for (const t of tickets) {
    let first = Infinity;
    if (t.botAnswered) first = t.created + Math.round(uniform(rng, 2, 15));
    if (t.entry === 'hotline' && t.humanRequested === null)
      first = Math.min(first, t.created + Math.round(uniform(rng, 15, 50)));
    if (t.answered !== null) first = Math.min(first, t.answered);
    if (t.customer === 'enterprise') enterpriseTotal++;
    if (first === Infinity && t.customer === 'enterprise') {
      specialist.push(t);
      continue;
    }
    t.firstResponse = first === Infinity ? fallbackResponse(rng, t) : first;
  }
  const lateShare =
    specialist.length > 0 ? ((1 - TARGETS.enterpriseSla) * enterpriseTotal) / specialist.length : 0;
  const sampler = new SystematicSampler(rng);
  for (const t of specialist) {
    const minutes = specialistMinutes(rng, sampler.take(lateShare));
    t.firstResponse = Math.round(addWindowSeconds(WINDOW_7X12, t.created, minutes * 60));
  }
}
