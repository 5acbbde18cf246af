/** Preset for the Italian software-company helpdesk event log (4TU "Helpdesk"): events → tickets. */
import { columnFinder, type Preset, type PresetPlan } from './preset-types';

const REQUIRED = ['Case ID', 'Activity', 'Resource', 'Complete Timestamp', 'customer'];

function plan(header: readonly string[]): PresetPlan {
  const { col } = columnFinder(header);
  const activity = `trim(${col('Activity')})`;
  const ts = `coalesce(try_strptime(trim(${col('Complete Timestamp')}), '%Y/%m/%d %H:%M:%S.%f'), try_strptime(trim(${col('Complete Timestamp')}), '%Y/%m/%d %H:%M:%S'))`;
  const text = (expr: string): string => `strftime(${expr}, '%Y-%m-%d %H:%M:%S')`;
  const when = (cond: string): string => `min(${ts}) FILTER (WHERE ${cond})`;
  const resolvedWhen = `${activity} IN ('Resolve ticket', 'RESOLVED')`;
  const closedWhen = `${activity} IN ('Closed', 'INVALID', 'DUPLICATE')`;
  return {
    mapping: { columns: {}, values: {}, presetId: 'helpdesk-events', timestampFormats: {} },
    timeZone: 'Europe/Rome',
    groupBy: `trim(${col('Case ID')})`,
    expressions: {
      ticket_id: `any_value(trim(${col('Case ID')}))`,
      user_id: `arg_min(trim(${col('customer')}), ${ts})`,
      created_at: text(`min(${ts})`),
      entry_channel: "'help_feedback'",
      escalated: `CASE WHEN bool_or(${activity} = 'Require upgrade') THEN 'true' ELSE 'false' END`,
      human_requested_at: text(`min(${ts})`),
      agent_answered_at: text(when(`${activity} = 'Take in charge ticket'`)),
      agent_id: `coalesce(arg_max(trim(${col('Resource')}), ${ts}) FILTER (WHERE ${resolvedWhen}), arg_min(trim(${col('Resource')}), ${ts}) FILTER (WHERE ${activity} = 'Take in charge ticket'))`,
      status: `CASE WHEN bool_or(${resolvedWhen}) THEN 'resolved' WHEN bool_or(${closedWhen}) THEN 'unresolved' ELSE 'open' END`,
      resolved_at: text(`max(${ts}) FILTER (WHERE ${resolvedWhen})`),
      resolved_by: `CASE WHEN bool_or(${resolvedWhen}) THEN 'agent' END`
    },
    rejectIf: [
      {
        when: `count(*) FILTER (WHERE ${ts} IS NULL) > 0`,
        reason: 'an event of this case has an unreadable Complete Timestamp'
      }
    ]
  };
}

/** Helpdesk event log: one ticket per `Case ID`, built by aggregating its events. */
export const helpdeskPreset: Preset = {
  id: 'helpdesk-events',
  label: { zh: '意大利软件公司服务台事件日志', en: 'Italian software helpdesk event log' },
  notes: [
    'This is an event log (one row per activity), not a ticket log: events are grouped into one ticket per Case ID, so the load reports events read and tickets built.',
    'The log has no channel: entry_channel is set to help_feedback (ticket form) as an assumption.',
    'created_at = human_requested_at = first event; agent_answered_at = first "Take in charge ticket".',
    'status: resolved when a "Resolve ticket"/RESOLVED event exists (resolved_at = last one, resolved_by agent), else unresolved when Closed/INVALID/DUPLICATE, else open.',
    'agent_id = resource of the last resolve event, else of the first take-in-charge; escalated = any "Require upgrade".',
    'Anonymised attributes ("Value N": seriousness, product, service_level …) are kept out of the mapping.',
    'Timestamps are local (Europe/Rome assumed).'
  ],
  matches: (header) => {
    const { has } = columnFinder(header);
    return REQUIRED.every(has) && has('Variant index');
  },
  plan
};
