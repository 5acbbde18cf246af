import type { Db } from '../../db/types';
import type { PriorityTier } from '../model/types';

/** One ticket as the simulator and its scenarios need it. Times are local-clock seconds. */
export interface TicketRow {
  queue: string;
  created: number;
  /** Entered the human queue; null = never asked for a human. */
  requested: number | null;
  /** Priority tier: 0 = P0, 1 = P1, 2 = P2, 3 = P3 or none (the engine serves P2 and P3 as one class). */
  priority: PriorityTier;
  /** No user id: the caller was not identified (a patience segment of its own). */
  anonymous: boolean;
  handleSeconds: number | null;
  /** Asked for a human and was never picked up. */
  abandoned: boolean;
  waitSeconds: number | null;
  agentId: string | null;
  issueType: string | null;
  statusFollowups: number;
  statusLookups: number;
  aiConfidence: number | null;
  /** ai_intent ≠ true_intent; null when either is missing. */
  intentWrong: boolean | null;
  botAnswered: boolean;
  duplicateAnswer: boolean;
  enterprise: boolean;
  entryChannel: string;
  handlingChannel: string;
  region: string;
  status: string;
  resolvedBy: string | null;
  resolveMinutes: number | null;
  firstResponseMinutes: number | null;
  /** Hours the dataset's local clock is ahead of UTC at creation. */
  utcOffsetHours: number;
}

/** The queue key of the spec: hotline, then enterprise, then overseas:<region>, else domestic. */
export const QUEUE_SQL = `CASE WHEN handling_channel = 'hotline' THEN 'hotline'
  WHEN customer_type = 'enterprise' THEN 'enterprise'
  WHEN region <> 'domestic' THEN 'overseas:' || region
  ELSE 'domestic' END`;

/** Everything the simulator reads from the loaded `tickets` table (no values pasted into SQL). */
export const historySql = (hasUserId: boolean): string => `
SELECT
  ${QUEUE_SQL} AS queue,
  epoch_ms(created_local)::DOUBLE / 1000 AS created,
  epoch_ms(human_requested_local)::DOUBLE / 1000 AS requested,
  CASE priority WHEN 'P0' THEN 0 WHEN 'P1' THEN 1 WHEN 'P2' THEN 2 ELSE 3 END AS priority,
  ${hasUserId ? 'user_id IS NULL' : 'false'} AS anonymous,
  handle_seconds::DOUBLE AS handle_seconds,
  (human_requested_at IS NOT NULL AND agent_answered_at IS NULL) AS abandoned,
  wait_seconds::DOUBLE AS wait_seconds,
  agent_id,
  issue_type,
  coalesce(status_followups, 0)::DOUBLE AS status_followups,
  coalesce(status_lookups, 0)::DOUBLE AS status_lookups,
  ai_confidence::DOUBLE AS ai_confidence,
  CASE WHEN ai_intent IS NULL OR true_intent IS NULL THEN NULL ELSE ai_intent <> true_intent END AS intent_wrong,
  coalesce(bot_answered, false) AS bot_answered,
  coalesce(duplicate_answer, false) AS duplicate_answer,
  customer_type = 'enterprise' AS enterprise,
  entry_channel, handling_channel, region, status, resolved_by,
  resolve_minutes::DOUBLE AS resolve_minutes,
  first_response_minutes::DOUBLE AS first_response_minutes,
  (epoch_ms(created_local) - epoch_ms(created_at))::DOUBLE / 3600000 AS utc_offset_hours
FROM tickets
ORDER BY requested NULLS LAST, created`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Reads every ticket from the `tickets` table the ingest created. */
export async function loadHistory(db: Db): Promise<TicketRow[]> {
  const userId = await db.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = ?",
    ['user_id']
  );
  const rows = await db.query(historySql(userId.length > 0));
  return rows.map((r) => ({
    queue: String(r.queue),
    created: Number(r.created),
    requested: num(r.requested),
    priority: Number(r.priority) as PriorityTier,
    anonymous: r.anonymous === true,
    handleSeconds: num(r.handle_seconds),
    abandoned: r.abandoned === true,
    waitSeconds: num(r.wait_seconds),
    agentId: str(r.agent_id),
    issueType: str(r.issue_type),
    statusFollowups: Number(r.status_followups),
    statusLookups: Number(r.status_lookups),
    aiConfidence: num(r.ai_confidence),
    intentWrong:
      r.intent_wrong === null || r.intent_wrong === undefined ? null : r.intent_wrong === true,
    botAnswered: r.bot_answered === true,
    duplicateAnswer: r.duplicate_answer === true,
    enterprise: r.enterprise === true,
    entryChannel: String(r.entry_channel),
    handlingChannel: String(r.handling_channel),
    region: String(r.region),
    status: String(r.status),
    resolvedBy: str(r.resolved_by),
    resolveMinutes: num(r.resolve_minutes),
    firstResponseMinutes: num(r.first_response_minutes),
    utcOffsetHours: Number(r.utc_offset_hours ?? 0)
  }));
}
