import type { Rng } from '../../src/lib/random/rng';
import type { Channel } from '../../src/lib/contract/columns';
import { INTENT_COUNT, intentRange } from './catalog';
import { TARGETS } from './config';
import { sigmoid, SystematicSampler } from './sampling';
import type { Ticket } from './ticket';

const RECOGNISED: Readonly<Record<Channel, number>> = {
  mini_program: 1,
  help_feedback: 1,
  official_account: 1,
  overseas_support: 1,
  hotline: 0.4,
  enterprise_line: 0.7
};

const BOT_ANSWERS: Readonly<Record<Channel, number>> = {
  mini_program: 0.93,
  help_feedback: 0.6,
  official_account: 0.55,
  overseas_support: 0.45,
  hotline: 0.15,
  enterprise_line: 0.25
};

function wrongIntent(rng: Rng, t: Ticket): number {
  const { first, count } = intentRange(t.issue);
  if (count > 1 && rng.next() < 0.6) {
    const k = rng.int(count - 1);
    const candidate = first + k;
    return candidate >= t.trueIntent ? candidate + 1 : candidate;
  }
  const k = rng.int(INTENT_COUNT - 1) + 1;
  return k >= t.trueIntent ? k + 1 : k;
}

/**
 * Runs the level-1 recogniser: which tickets get an AI intent, whether it is right
 * (calibrated to the overall accuracy and the cross-business misjudgment rate),
 * its confidence, and whether the bot answered before a human.
 */
export function recogniseIntents(rng: Rng, tickets: Ticket[]): void {
  const recognised = tickets.map((t) => rng.next() < RECOGNISED[t.entry]);
  let nCross = 0;
  let nPlain = 0;
  tickets.forEach((t, i) => {
    if (recognised[i]) {
      if (t.crossBusiness) nCross++;
      else nPlain++;
    }
  });
  const wrongTotal = (1 - TARGETS.intentAccuracy) * (nCross + nPlain);
  const plainWrong = nPlain > 0 ? (wrongTotal - TARGETS.complexMisjudgment * nCross) / nPlain : 0;
  const crossSampler = new SystematicSampler(rng);
  const plainSampler = new SystematicSampler(rng);
  tickets.forEach((t, i) => {
    if (!recognised[i]) {
      t.aiIntent = null;
      t.aiCorrect = true;
      t.botAnswered = false;
      return;
    }
    const wrong = t.crossBusiness
      ? crossSampler.take(TARGETS.complexMisjudgment)
      : plainSampler.take(plainWrong);
    t.aiCorrect = !wrong;
    t.aiIntent = wrong ? wrongIntent(rng, t) : t.trueIntent;
    const z = rng.normal();
    t.aiConfidence = Math.round(1000 * sigmoid(wrong ? 0.1 + 0.9 * z : 2.3 + 0.8 * z)) / 1000;
    t.botAnswered = rng.next() < BOT_ANSWERS[t.entry];
  });
}
