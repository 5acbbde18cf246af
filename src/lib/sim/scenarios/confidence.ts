import type { TicketRow } from '../history/load-history';

/** One point of the confidence-labelling trade-off curve. */
export interface ConfidencePoint {
  threshold: number;
  /** Self-service rate: resolved by bot/self-service without a human ÷ tickets with a confidence. */
  containment: number;
  /** Duplicate answers ÷ tickets the bot answered that an agent also answered. */
  duplicate_answer_rate: number;
  /** Wrong-intent bot answers still reaching users ÷ tickets with both intents. */
  misjudgment_reaching_users: number;
  /** Human requests, including low-confidence tickets routed straight to a human. */
  human_load: number;
  /** Filled by the caller's simulation when given. */
  pickup_within_20s?: number;
}

/**
 * The trade-off over τ: tickets with ai_confidence < τ skip the bot and go to a human.
 * `pickup` (optional) runs the simulation for a threshold and returns pickup within 20 s.
 */
export function confidenceCurve(
  rows: readonly TicketRow[],
  thresholds: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20),
  pickup?: (threshold: number) => number
): ConfidencePoint[] {
  return thresholds.map((tau) => {
    let scored = 0;
    let contained = 0;
    let bothAnswered = 0;
    let duplicates = 0;
    let intents = 0;
    let misjudged = 0;
    let human = 0;
    for (const r of rows) {
      const routed = r.aiConfidence !== null && r.aiConfidence < tau && r.botAnswered;
      const bot = r.botAnswered && !routed;
      if (r.requested !== null || routed) human++;
      if (r.aiConfidence === null) continue;
      scored++;
      if (
        !routed &&
        r.requested === null &&
        (r.resolvedBy === 'bot' || r.resolvedBy === 'self_service')
      )
        contained++;
      if (bot && r.requested !== null && !r.abandoned) {
        bothAnswered++;
        if (r.duplicateAnswer) duplicates++;
      }
      if (r.intentWrong !== null) {
        intents++;
        if (bot && r.intentWrong) misjudged++;
      }
    }
    const point: ConfidencePoint = {
      threshold: tau,
      containment: scored ? contained / scored : NaN,
      duplicate_answer_rate: bothAnswered ? duplicates / bothAnswered : NaN,
      misjudgment_reaching_users: intents ? misjudged / intents : NaN,
      human_load: human
    };
    if (pickup) point.pickup_within_20s = pickup(tau);
    return point;
  });
}
