import type { MessageKey } from '../../i18n/messages';
import type { TestKind } from '../../metrics/compare/significance';

/** The definition line naming the test a change is judged by. */
export const TEST_NOTE: Record<TestKind, MessageKey> = {
  'two-proportion': 'cardsTestTwoProportion',
  'mann-whitney': 'cardsTestMannWhitney',
  welch: 'cardsTestWelch',
  poisson: 'cardsTestPoisson',
  gap: 'cardsTestGap',
  backlog: 'cardsTestBacklog',
  censored: 'cardsTestCensored',
  none: 'cardsTestNone'
};
