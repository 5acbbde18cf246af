import { MOBILE_PLATFORMS } from '../../contract/columns';

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * The derived helpers of the data contract, computed once at load so that every metric
 * reads the same definitions. Input: the parsed, valid rows (`checked`).
 */
export const DERIVED_SELECT = `
SELECT
  __rec,
  ticket_id, user_id, created_at, entry_channel,
  coalesce(handling_channel, entry_channel) AS handling_channel,
  platform,
  coalesce(customer_type, 'individual') AS customer_type,
  coalesce(region, 'domestic') AS region,
  language, category, issue_type,
  coalesce(fund_safety,
    coalesce(issue_type IN ('fund_safety', 'unauthorized_payment'), false)
    OR coalesce(emergency_type IN ('account_stolen', 'fund_loss'), false)) AS fund_safety,
  cross_business, priority, emergency_type, escalated, ai_intent, true_intent, ai_confidence,
  bot_answered, duplicate_answer, human_requested_at, agent_answered_at, handle_seconds, agent_id,
  first_response_at,
  coalesce(status, CASE WHEN resolved_at IS NOT NULL THEN 'resolved' ELSE 'open' END) AS status,
  resolved_at, resolved_by, translation_delay_hours, status_lookups, status_followups, load_ms, csat
FROM checked WHERE __reason = ''`;

export const HELPERS_SELECT = `
SELECT *,
  coalesce(list_contains(${list(MOBILE_PLATFORMS)}, platform), false) AS is_mobile,
  region <> 'domestic' AS is_overseas,
  fund_safety AS is_fund_safety,
  NOT fund_safety AND emergency_type IS NULL AND (priority IS NULL OR priority IN ('P2', 'P3')) AS is_routine,
  epoch(agent_answered_at - human_requested_at) AS wait_seconds,
  epoch(resolved_at - created_at) / 60.0 AS resolve_minutes,
  epoch(first_response_at - created_at) / 60.0 AS first_response_minutes,
  to_local(created_at) AS created_local,
  to_local(human_requested_at) AS human_requested_local,
  to_local(first_response_at) AS first_response_local,
  to_local(resolved_at) AS resolved_local
FROM (${DERIVED_SELECT})`;
