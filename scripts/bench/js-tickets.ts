import Papa from 'papaparse';
import { MOBILE_PLATFORMS } from '../../src/lib/contract/columns';

/** A ticket as a web developer would type it after parsing: only what the headline reads. */
export interface JsTicket {
  entry: string;
  handling: string;
  platform: string;
  customer: string;
  region: string;
  category: string | null;
  issue: string | null;
  fundSafety: boolean;
  routine: boolean;
  mobile: boolean;
  status: string;
  resolvedBy: string | null;
  humanRequested: boolean;
  /** Seconds from the human request to the agent; null when not picked up. */
  waitSeconds: number | null;
  /** Minutes from creation to resolution; null when not resolved. */
  resolveMinutes: number | null;
}

type CsvRow = Record<string, string>;

const MOBILE = new Set<string>(MOBILE_PLATFORMS);
const FUND_ISSUES = new Set(['fund_safety', 'unauthorized_payment']);
const FUND_EMERGENCIES = new Set(['account_stolen', 'fund_loss']);

const text = (v: string | undefined): string | null =>
  v === undefined || v.trim() === '' ? null : v.trim();
/** `YYYY-MM-DD HH:MM:SS`, naive: read as UTC (only differences are used). */
const epochMs = (v: string | undefined): number | null => {
  const t = text(v);
  return t === null ? null : Date.parse(`${t.replace(' ', 'T')}Z`);
};

function toTicket(r: CsvRow): JsTicket {
  const entry = r.entry_channel!;
  const issue = text(r.issue_type);
  const emergency = text(r.emergency_type);
  const priority = text(r.priority);
  const givenFund = text(r.fund_safety);
  const fundSafety =
    givenFund !== null
      ? givenFund === 'true'
      : (issue !== null && FUND_ISSUES.has(issue)) ||
        (emergency !== null && FUND_EMERGENCIES.has(emergency));
  const created = epochMs(r.created_at)!;
  const requested = epochMs(r.human_requested_at);
  const answered = epochMs(r.agent_answered_at);
  const resolved = epochMs(r.resolved_at);
  const platform = text(r.platform) ?? '';
  return {
    entry,
    handling: text(r.handling_channel) ?? entry,
    platform,
    customer: text(r.customer_type) ?? 'individual',
    region: text(r.region) ?? 'domestic',
    category: text(r.category),
    issue,
    fundSafety,
    routine:
      !fundSafety &&
      emergency === null &&
      (priority === null || priority === 'P2' || priority === 'P3'),
    mobile: MOBILE.has(platform),
    status: text(r.status) ?? (resolved !== null ? 'resolved' : 'open'),
    resolvedBy: text(r.resolved_by),
    humanRequested: requested !== null,
    waitSeconds: requested !== null && answered !== null ? (answered - requested) / 1000 : null,
    resolveMinutes: resolved !== null ? (resolved - created) / 1000 / 60 : null
  };
}

/** Parses canonical CSV text with papaparse (header row, strings) and types each row. */
export function parseTickets(csv: string): JsTicket[] {
  const parsed = Papa.parse<CsvRow>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(
      `papaparse: ${parsed.errors.length} errors, first: ${parsed.errors[0]!.message}`
    );
  }
  return parsed.data.map(toTicket);
}
