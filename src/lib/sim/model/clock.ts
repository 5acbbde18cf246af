/** Hours in a week; staffing and service level by hour are indexed 0..167 from Monday 00:00. */
export const HOURS_PER_WEEK = 168;

/** Hour of week (0 = Monday 00:00) of a local-clock time in seconds since 1970-01-01 00:00. */
export function hourOfWeek(localSeconds: number): number {
  const hourIndex = Math.floor(localSeconds / 3600);
  return (((hourIndex + 72) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/** Slot index for weekday 1–7 (Mon–Sun) and hour 0–23. */
export function slotOf(weekday: number, hour: number): number {
  return (weekday - 1) * 24 + hour;
}
