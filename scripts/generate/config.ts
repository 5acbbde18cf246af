import type { Channel, Platform, Region } from '../../src/lib/contract/columns';

/** Seed values from the metric catalogue that the generator calibrates to. */
export const TARGETS = {
  selfServiceRate: 0.83,
  fundSafetyHotlineShare: 0.79,
  pickupWithin20s: 0.67,
  crossBorderResolution: 0.61,
  domesticResolution: 0.89,
  enterpriseSpeedup: 0.57,
  intentAccuracy: 0.927,
  complexMisjudgment: 0.132,
  duplicateAnswer: 0.17,
  nonstandardEscalation: 0.34,
  nonstandardEscalatedMinutes: 58,
  translationDelayHours: 48,
  offhoursGap: 0.42,
  enterpriseSla: 0.993,
  statusAwareness: 0.31
} as const;

/** Default generator options. */
export const DEFAULTS = { rows: 120_000, seed: 20260301, days: 92 } as const;

/** Share of tickets per entry channel. */
export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  mini_program: 0.4,
  help_feedback: 0.29,
  official_account: 0.09,
  hotline: 0.12,
  overseas_support: 0.06,
  enterprise_line: 0.04
};

/** Platform mix per entry channel. */
export const PLATFORM_WEIGHTS: Readonly<Record<Channel, Partial<Record<Platform, number>>>> = {
  mini_program: { ios: 0.41, android: 0.43, harmonyos: 0.14, windows: 0.012, mac: 0.008 },
  help_feedback: { ios: 0.38, android: 0.42, harmonyos: 0.15, windows: 0.02, mac: 0.01, web: 0.02 },
  official_account: {
    ios: 0.39,
    android: 0.43,
    harmonyos: 0.14,
    windows: 0.02,
    mac: 0.005,
    web: 0.015
  },
  hotline: { phone: 1 },
  overseas_support: { ios: 0.45, android: 0.45, web: 0.06, windows: 0.03, mac: 0.01 },
  enterprise_line: {
    wecom_pc: 0.6,
    windows: 0.08,
    mac: 0.04,
    ios: 0.12,
    android: 0.13,
    harmonyos: 0.03
  }
};

/** Overseas region mix, offset of local time from Asia/Shanghai in hours, and languages. */
export const OVERSEAS: Readonly<
  Record<
    Exclude<Region, 'domestic'>,
    { weight: number; offset: number; languages: Record<string, number> }
  >
> = {
  southeast_asia: { weight: 0.38, offset: -1, languages: { th: 0.35, vi: 0.3, en: 0.2, zh: 0.15 } },
  europe: {
    weight: 0.25,
    offset: -6,
    languages: { en: 0.4, fr: 0.2, de: 0.2, es: 0.15, zh: 0.05 }
  },
  north_america: { weight: 0.17, offset: -12, languages: { en: 0.7, es: 0.2, zh: 0.1 } },
  middle_east: { weight: 0.12, offset: -5, languages: { ar: 0.7, en: 0.25, zh: 0.05 } },
  other_overseas: { weight: 0.08, offset: 1, languages: { en: 0.7, zh: 0.2, es: 0.1 } }
};

/** Relative contact volume by local hour of day (consumer pattern). */
export const CONSUMER_HOURS = [
  1.2, 0.7, 0.4, 0.3, 0.3, 0.4, 0.8, 1.6, 3.0, 4.6, 5.4, 5.5, 4.8, 4.6, 5.0, 5.2, 5.1, 4.8, 4.5,
  4.9, 5.6, 5.8, 4.8, 2.8
];
/** Relative contact volume by hour of day (enterprise pattern). */
export const ENTERPRISE_HOURS = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.6, 1.8, 4.5, 5.5, 5.2, 3.6, 4.4, 5.2, 5.3, 5.0, 4.4, 2.6,
  1.2, 0.8, 0.5, 0.3, 0.2
];
/** Relative volume by weekday, Monday first. */
export const CONSUMER_WEEKDAYS = [1.08, 1.04, 1.02, 1.0, 1.02, 0.9, 0.94];
export const ENTERPRISE_WEEKDAYS = [1.1, 1.05, 1.0, 1.0, 0.95, 0.3, 0.22];

/** Issue-type weights for domestic consumers, before channel multipliers. */
export const DOMESTIC_ISSUES: Readonly<Record<string, number>> = {
  payment_failure: 10,
  refund: 9,
  red_packet: 6,
  transfer_delay: 5,
  merchant_dispute: 4,
  cross_border_payment: 1.1,
  fund_safety: 2.4,
  unauthorized_payment: 2.0,
  wallet_limit: 3,
  login_problem: 8,
  account_security: 3.5,
  account_unblock: 6,
  real_name: 3,
  phone_change: 2.5,
  chat_function: 7,
  moments: 4,
  mini_program_bug: 5,
  status_query: 4,
  customs_clearance: 1.2,
  ad_dispute: 0.6,
  content_review: 1.0,
  feature_request: 2.5,
  system_error: 1.6
};

/** Channel-specific multipliers on the domestic issue weights. */
export const CHANNEL_ISSUE_MULTIPLIERS: Readonly<Partial<Record<Channel, Record<string, number>>>> =
  {
    hotline: {
      fund_safety: 6,
      unauthorized_payment: 6,
      account_security: 4,
      payment_failure: 0.2,
      refund: 0.15,
      red_packet: 0.08,
      transfer_delay: 0.2,
      merchant_dispute: 0.2,
      wallet_limit: 0.1,
      login_problem: 0.15,
      chat_function: 0.03,
      moments: 0.03,
      mini_program_bug: 0.03,
      feature_request: 0.02,
      status_query: 0.1,
      real_name: 0.15,
      phone_change: 0.2,
      account_unblock: 0.3,
      content_review: 0.1,
      ad_dispute: 0.1
    },
    official_account: {
      account_security: 2,
      customs_clearance: 4,
      account_unblock: 2,
      real_name: 2
    },
    help_feedback: {
      chat_function: 1.6,
      moments: 1.6,
      mini_program_bug: 1.6,
      feature_request: 2,
      status_query: 1.5
    },
    mini_program: { payment_failure: 1.5, refund: 1.5, red_packet: 1.5, transfer_delay: 1.5 }
  };

/** Issue-type weights for overseas users (shared part). */
export const OVERSEAS_ISSUES: Readonly<Record<string, number>> = {
  cross_border_payment: 20,
  transfer_delay: 6,
  payment_failure: 6,
  refund: 3,
  login_problem: 7,
  account_unblock: 7,
  account_security: 3,
  fund_safety: 1,
  unauthorized_payment: 1,
  real_name: 2,
  chat_function: 5,
  moments: 2,
  mini_program_bug: 2,
  status_query: 3,
  customs_clearance: 3,
  feature_request: 1,
  system_error: 1
};

/** The regional specialty each overseas region adds to the shared mix. */
export const REGION_SPECIALTY: Readonly<
  Record<Exclude<Region, 'domestic'>, Record<string, number>>
> = {
  southeast_asia: { cross_border_payment: 22, transfer_delay: 6 },
  europe: { gdpr: 26 },
  north_america: { ad_dispute: 26 },
  middle_east: { content_review: 30 },
  other_overseas: { cross_border_payment: 6, gdpr: 2, ad_dispute: 2 }
};

/** Issue-type weights for enterprise customers. */
export const ENTERPRISE_ISSUES: Readonly<Record<string, number>> = {
  payment_failure: 8,
  refund: 5,
  merchant_dispute: 8,
  wallet_limit: 6,
  login_problem: 8,
  account_unblock: 8,
  real_name: 6,
  account_security: 3,
  chat_function: 6,
  mini_program_bug: 6,
  feature_request: 5,
  system_error: 3,
  status_query: 4,
  fund_safety: 1.5,
  unauthorized_payment: 1
};

/** Mean support mini-program load time in ms per platform. */
export const LOAD_MS: Readonly<Partial<Record<Platform, number>>> = {
  ios: 1200,
  android: 1500,
  harmonyos: 1100,
  windows: 900,
  mac: 950
};
