/** The registry of built-in presets and the SQL shape they expect from the loader. */
import { anonymousBankPreset } from './preset-anonymous-bank';
import { freshdeskPreset } from './preset-freshdesk';
import { helpdeskPreset } from './preset-helpdesk';
import { huaweiCasePreset } from './preset-huawei-case';
import { jiraPreset } from './preset-jira';
import { larkHelpdeskPreset } from './preset-lark-helpdesk';
import { meiqiaPreset } from './preset-meiqia';
import { nyc311Preset } from './preset-nyc311';
import { serviceNowPreset } from './preset-servicenow';
import { serviceNowEventsPreset } from './preset-servicenow-events';
import { sobotPreset } from './preset-sobot';
import { volvoPreset } from './preset-volvo';
import { zendeskPreset } from './preset-zendesk';
import type { Preset, PresetPlan } from './preset-types';

export type { Preset, PresetPlan } from './preset-types';

/** Every built-in preset, most specific first. */
export const PRESETS: readonly Preset[] = [
  anonymousBankPreset,
  helpdeskPreset,
  volvoPreset,
  serviceNowEventsPreset,
  nyc311Preset,
  zendeskPreset,
  freshdeskPreset,
  serviceNowPreset,
  jiraPreset,
  sobotPreset,
  larkHelpdeskPreset,
  huaweiCasePreset,
  meiqiaPreset
];

/** The preset whose header this is, if any. */
export function findPreset(header: readonly string[]): Preset | undefined {
  return PRESETS.find((p) => p.matches(header));
}

/** The preset with this id; throws naming the id when unknown. */
export function presetById(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset)
    throw new Error(`unknown preset "${id}" (known: ${PRESETS.map((p) => p.id).join(', ')})`);
  return preset;
}

/**
 * Reference SQL for a plan's expressions over a relation of VARCHAR columns c0..cN:
 * one row per source row (or per group), with a `reject_reason` column (NULL = accepted).
 * Only expressions are projected; mapped columns are the loader's job.
 */
export function presetProjectionSql(plan: PresetPlan, from: string): string {
  const exprs = Object.entries(plan.expressions).map(([name, expr]) => `(${expr}) AS "${name}"`);
  const reasons = plan.rejectIf.map(
    (r) => `WHEN ${r.when} THEN '${r.reason.replaceAll("'", "''")}'`
  );
  const reject = reasons.length > 0 ? `CASE ${reasons.join(' ')} END` : 'CAST(NULL AS VARCHAR)';
  const group = plan.groupBy ? ` GROUP BY ${plan.groupBy}` : '';
  return `SELECT ${[...exprs, `${reject} AS reject_reason`].join(', ')} FROM ${from}${group}`;
}
