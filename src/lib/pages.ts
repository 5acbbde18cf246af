import type { MessageKey } from './i18n/messages';

/** Every page of the menu, in menu order. */
export const NAV_PAGES: ReadonlyArray<{ href: string; label: MessageKey }> = [
  { href: '/', label: 'overview' },
  { href: '/breakdown', label: 'plNavBreakdown' },
  { href: '/channels', label: 'navChannels' },
  { href: '/platforms', label: 'navPlatforms' },
  { href: '/routing', label: 'navRouting' },
  { href: '/emergencies', label: 'navEmergencies' },
  { href: '/overseas', label: 'navOverseas' },
  { href: '/enterprise', label: 'navEnterprise' },
  { href: '/improvements', label: 'navImprovements' },
  { href: '/metrics', label: 'navMetrics' },
  { href: '/simulate', label: 'simulate' },
  { href: '/data', label: 'navData' }
];

/** Pages that work on the whole dataset: the filter bar would offer filters they ignore. */
export const UNFILTERED_PAGES: readonly string[] = ['/simulate', '/data'];

/** The pages whose opening view has figure cards (`[data-metric]`). */
export const KPI_PAGES = [
  '/',
  '/channels',
  '/platforms',
  '/routing',
  '/emergencies',
  '/overseas',
  '/enterprise',
  '/improvements',
  '/metrics'
];
