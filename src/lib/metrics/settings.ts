import { CHANNELS, DEFAULT_TIME_ZONE } from '../contract/columns';
import { parseLimited } from '../limits';

/** Targets and windows the metric definitions leave to the user; every one has a default. */
export interface MetricSettings {
  pickupThresholdSeconds: number;
  /** First-response targets per entry channel; business-day targets count Mon–Fri only. */
  slaTargets: {
    help_feedback: { businessDays: number };
    mini_program: { hours: number };
    official_account: { businessDays: number };
    hotline: { seconds: number };
    overseas_support: { businessDays: number };
  };
  /**
   * First-response targets, in elapsed minutes, for entry channels outside the contract's list
   * (`mail`, `chat` …). No default: such a channel gets no SLA figure until the user sets one.
   */
  channelSlaMinutes: Readonly<Record<string, number>>;
  /** Overseas staffed hours, [start, end) local hours, every day. */
  staffedHours: { start: number; end: number };
  /** Enterprise service window and first-response target. */
  enterpriseWindow: { start: number; end: number; targetMinutes: number };
  timeZone: string;
}

export const DEFAULT_SETTINGS: MetricSettings = {
  pickupThresholdSeconds: 20,
  slaTargets: {
    help_feedback: { businessDays: 2 },
    mini_program: { hours: 24 },
    official_account: { businessDays: 3 },
    hotline: { seconds: 60 },
    overseas_support: { businessDays: 3 }
  },
  channelSlaMinutes: {},
  staffedHours: { start: 9, end: 21 },
  enterpriseWindow: { start: 9, end: 21, targetMinutes: 60 },
  timeZone: DEFAULT_TIME_ZONE
};

/** Why a channel has no SLA figure: shown in place of its value. */
export const slaTargetMissing = (channel: string): string =>
  `set a target for channel ${channel} (CLI: --sla-target ${channel}=MINUTES)`;

/**
 * Reads `CHANNEL=MINUTES` (e.g. `mail=1440`): a first-response target for a channel outside the
 * contract's six, whose targets are their own settings with their own units.
 */
export function parseSlaTarget(text: string): { channel: string; minutes: number } {
  const match = /^([^=\s]+)=(.+)$/.exec(text.trim());
  if (!match) throw new Error(`--sla-target ${text}: expected CHANNEL=MINUTES, e.g. mail=1440`);
  const channel = match[1]!;
  const minutes = match[2]!;
  if ((CHANNELS as readonly string[]).includes(channel)) {
    throw new Error(
      `--sla-target ${text}: ${channel} is a contract channel with its own target (metrics.md); ` +
        'custom targets are for other channels'
    );
  }
  return { channel, minutes: parseLimited('slaTargetMinutes', minutes, `--sla-target ${text}`) };
}
