import type { Filters } from '../../../src/lib/metrics/filters';

/** The filter changes both the engine-level and the UI-level filter timings walk through. */
export function filterSequence(range: { from: string; to: string } | null): Filters[] {
  const day = (iso: string, plus: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
  const from = range ? day(range.from, 10) : undefined;
  const to = range ? day(range.from, 40) : undefined;
  return [
    { entry_channel: ['hotline'] },
    { entry_channel: ['hotline', 'mini_program'] },
    { entry_channel: ['hotline', 'mini_program'], region: ['southeast_asia'] },
    { entry_channel: ['mini_program'], region: ['southeast_asia'] },
    { entry_channel: ['mini_program'], region: ['southeast_asia'], from },
    { entry_channel: ['mini_program'], region: ['southeast_asia'], from, to },
    { entry_channel: ['mini_program'], region: ['southeast_asia', 'europe'], from, to },
    { entry_channel: ['mini_program'], region: ['europe'], from, to },
    { entry_channel: ['mini_program', 'help_feedback'], region: ['europe'], from, to },
    { entry_channel: ['mini_program', 'help_feedback'], region: ['europe'], to },
    {},
    { region: ['domestic'] }
  ];
}
