import type { Category } from './ticket';

/** An issue type with its business cluster and how many FAQ intents it owns. */
export interface IssueSpec {
  code: string;
  category: Category;
  intents: number;
}

/** Issue types; their intent counts add up to the recogniser's 289 scenarios. */
export const ISSUES: readonly IssueSpec[] = [
  { code: 'payment_failure', category: 'payment', intents: 22 },
  { code: 'refund', category: 'payment', intents: 20 },
  { code: 'red_packet', category: 'payment', intents: 14 },
  { code: 'transfer_delay', category: 'payment', intents: 14 },
  { code: 'merchant_dispute', category: 'payment', intents: 12 },
  { code: 'cross_border_payment', category: 'payment', intents: 18 },
  { code: 'fund_safety', category: 'payment', intents: 10 },
  { code: 'unauthorized_payment', category: 'payment', intents: 10 },
  { code: 'wallet_limit', category: 'payment', intents: 10 },
  { code: 'login_problem', category: 'account', intents: 18 },
  { code: 'account_security', category: 'account', intents: 14 },
  { code: 'account_unblock', category: 'account', intents: 16 },
  { code: 'real_name', category: 'account', intents: 10 },
  { code: 'phone_change', category: 'account', intents: 8 },
  { code: 'chat_function', category: 'function', intents: 16 },
  { code: 'moments', category: 'function', intents: 10 },
  { code: 'mini_program_bug', category: 'function', intents: 12 },
  { code: 'status_query', category: 'function', intents: 8 },
  { code: 'customs_clearance', category: 'function', intents: 8 },
  { code: 'gdpr', category: 'account', intents: 7 },
  { code: 'ad_dispute', category: 'function', intents: 8 },
  { code: 'content_review', category: 'function', intents: 8 },
  { code: 'feature_request', category: 'function', intents: 8 },
  { code: 'system_error', category: 'function', intents: 8 }
];

/** Total number of distinct intents. */
export const INTENT_COUNT = ISSUES.reduce((n, s) => n + s.intents, 0);

const byCode = new Map<string, { spec: IssueSpec; first: number; cumulative: number[] }>();
{
  let first = 1;
  for (const spec of ISSUES) {
    let sum = 0;
    const cumulative: number[] = [];
    for (let i = 0; i < spec.intents; i++) cumulative.push((sum += 1 / Math.pow(i + 1, 0.8)));
    byCode.set(spec.code, { spec, first, cumulative });
    first += spec.intents;
  }
}

/** The issue spec for a code. */
export function issueSpec(code: string): IssueSpec {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`unknown issue type ${code}`);
  return entry.spec;
}

/** Intent numbers (1-based) owned by an issue type: [first, first + count). */
export function intentRange(code: string): { first: number; count: number } {
  const entry = byCode.get(code)!;
  return { first: entry.first, count: entry.spec.intents };
}

/** Draws an intent of the issue type from a Zipf-like popularity, given u in [0, 1). */
export function intentFor(code: string, u: number): number {
  const entry = byCode.get(code)!;
  const c = entry.cumulative;
  const r = u * c[c.length - 1]!;
  let i = 0;
  while (i < c.length - 1 && c[i]! <= r) i++;
  return entry.first + i;
}

/** The intent label, e.g. `intent_007`. */
export function intentLabel(n: number): string {
  return `intent_${String(n).padStart(3, '0')}`;
}
