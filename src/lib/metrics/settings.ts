import { DEFAULT_TIME_ZONE } from '../contract/columns';

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
  staffedHours: { start: 9, end: 21 },
  enterpriseWindow: { start: 9, end: 21, targetMinutes: 60 },
  timeZone: DEFAULT_TIME_ZONE
};
