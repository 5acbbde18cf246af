/** Preset for the Italian software-company helpdesk event log (4TU "Helpdesk"): events → tickets. */
import { foldedExpressions } from '../events/event-folding';
import { columnFinder, type Preset, type PresetPlan } from './preset-types';
import { utcTimestampSql } from '../load/timestamp-formats';

const REQUIRED = ['Case ID', 'Activity', 'Resource', 'Complete Timestamp', 'customer'];

const MARKS = {
  answered: ['Take in charge ticket'],
  resolved: ['Resolve ticket', 'RESOLVED'],
  closed: ['Closed', 'INVALID', 'DUPLICATE']
};

function plan(header: readonly string[]): PresetPlan {
  const { col, index } = columnFinder(header);
  const resource = `NULLIF(trim(${col('Resource')}), '')`;
  return {
    mapping: { columns: {}, values: {}, presetId: 'helpdesk-events', timestampFormats: {} },
    timeZone: 'Europe/Rome',
    groupBy: `trim(${col('Case ID')})`,
    events: {
      time: utcTimestampSql('slash-ymd', col('Complete Timestamp'), 'from_local'),
      activity: col('Activity'),
      marks: MARKS,
      columns: {
        case: index('Case ID'),
        time: index('Complete Timestamp'),
        activity: index('Activity')
      }
    },
    expressions: {
      ...foldedExpressions(MARKS, new Set()),
      user_id: `arg_min(NULLIF(trim(${col('customer')}), ''), __seq)`,
      escalated: `CASE WHEN bool_or(trim(${col('Activity')}) = 'Require upgrade') THEN 'true' ELSE 'false' END`,
      agent_id: `coalesce(arg_max(${resource}, __seq) FILTER (WHERE __m_resolved), arg_min(${resource}, __seq) FILTER (WHERE __m_answered))`,
      resolved_by: `CASE WHEN bool_or(__m_resolved) THEN 'agent' END`
    },
    rejectIf: []
  };
}

/** Helpdesk event log: one ticket per `Case ID`, built by aggregating its events. */
export const helpdeskPreset: Preset = {
  id: 'helpdesk-events',
  label: { zh: '意大利软件公司服务台事件日志', en: 'Italian software helpdesk event log' },
  notes: [
    'This is an event log (one row per activity), not a ticket log: events are grouped into one ticket per Case ID, so the load reports events read and tickets built.',
    'The log has no channel: entry_channel is the constant "unspecified" (set a constant in the mapping to change it).',
    'created_at = human_requested_at = first event; agent_answered_at = first "Take in charge ticket".',
    'status: resolved when a "Resolve ticket"/RESOLVED event exists (resolved_at = last one, resolved_by agent), else unresolved when Closed/INVALID/DUPLICATE, else open.',
    'agent_id = resource of the last resolve event, else of the first take-in-charge; escalated = any "Require upgrade".',
    'An event with no Case ID or an unreadable Complete Timestamp is rejected on its own line; its case is built from its other events.',
    'Anonymised attributes ("Value N": seriousness, product, service_level …) are kept out of the mapping.',
    'Timestamps are local (Europe/Rome assumed).'
  ],
  matches: (header) => {
    const { has } = columnFinder(header);
    return REQUIRED.every(has) && has('Variant index');
  },
  plan
};
