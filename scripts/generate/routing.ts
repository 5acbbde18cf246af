import type { Rng } from '../../src/lib/random/rng';
import { TARGETS } from './config';
import { lognormal, SystematicSampler, uniform } from './sampling';
import type { Ticket } from './ticket';
import { inWindow, WINDOW_7X12 } from './time';

/**
 * Intelligent routing: fund-safety requests go to the 95017 hotline (calibrated to the
 * seed's share), live-chat requests from Help & Feedback are served by the mini-program
 * agents; everything else is handled where it came in.
 */
export function routeTickets(rng: Rng, tickets: Ticket[]): void {
  let fund = 0;
  let fundOnHotline = 0;
  for (const t of tickets) {
    t.handling = t.entry;
    if (t.fundSafety) {
      fund++;
      if (t.entry === 'hotline') fundOnHotline++;
    }
  }
  const wanted = Math.round(TARGETS.fundSafetyHotlineShare * fund) - fundOnHotline;
  const p = fund > fundOnHotline ? wanted / (fund - fundOnHotline) : 0;
  const sampler = new SystematicSampler(rng);
  for (const t of tickets) {
    if (t.fundSafety && t.entry !== 'hotline' && sampler.take(p)) t.handling = 'hotline';
  }
}

function humanShare(t: Ticket): number {
  const routine = t.routine;
  const wrong = t.aiIntent !== null && !t.aiCorrect ? 1 : 0;
  switch (t.entry) {
    case 'mini_program':
      return (routine ? 0.02 : 0.5) + 0.25 * wrong + (t.botAnswered ? 0 : 0.2);
    case 'help_feedback':
      return (routine ? 0.01 : 0.25) + 0.08 * wrong;
    case 'official_account':
      return (routine ? 0.01 : 0.2) + 0.08 * wrong;
    case 'overseas_support':
      return inWindow(WINDOW_7X12, t.created) ? (routine ? 0.2 : 0.5) + 0.15 * wrong : 0;
    case 'enterprise_line':
      return inWindow(WINDOW_7X12, t.created) ? 0.55 : 0.04;
    default:
      return 1;
  }
}

/**
 * Decides which tickets ask for a human and when they enter the queue
 * (`human_requested_at`); hotline IVR can settle some routine calls itself.
 */
export function requestHumans(rng: Rng, tickets: Ticket[]): void {
  for (const t of tickets) {
    t.humanRequested = null;
    if (t.handling === 'hotline') {
      if (t.entry === 'hotline') {
        if (t.routine && rng.next() < 0.25) continue;
        t.humanRequested = t.created + Math.round(uniform(rng, 5, 25));
      } else {
        t.humanRequested = t.created + Math.round(lognormal(rng, 150, 0.6));
      }
      continue;
    }
    if (t.emergency === 'other') {
      t.humanRequested = t.created + Math.round(lognormal(rng, 90, 0.6));
      continue;
    }
    if (rng.next() < humanShare(t)) {
      if (t.entry === 'help_feedback') t.handling = 'mini_program';
      const median =
        t.entry === 'enterprise_line' ? 60 : t.entry === 'overseas_support' ? 120 : 100;
      t.humanRequested = t.created + Math.round(lognormal(rng, median, 0.7));
    }
  }
}
