/** Seconds in one hour and one day. */
export const HOUR = 3600;
export const DAY = 86400;

/** Calendar origin of the dataset: day 0 is 2026-03-01 (a Sunday), naive Asia/Shanghai time. */
export const ORIGIN = { year: 2026, month: 3, day: 1 } as const;

/** Hour-of-week offset of the origin (Mon 00:00 = 0), so day 0 (Sunday) starts at 144. */
const ORIGIN_HOW = 6 * 24;

const dayLabels: string[] = [];

function dayLabel(day: number): string {
  const cached = dayLabels[day];
  if (cached !== undefined) return cached;
  const d = new Date(Date.UTC(ORIGIN.year, ORIGIN.month - 1, ORIGIN.day + day));
  const label = d.toISOString().slice(0, 10);
  if (day >= 0) dayLabels[day] = label;
  return label;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Formats seconds since the origin as `YYYY-MM-DD HH:MM:SS` (naive local time). */
export function formatTs(t: number): string {
  const s = Math.floor(t);
  const day = Math.floor(s / DAY);
  const rest = s - day * DAY;
  const h = Math.floor(rest / HOUR);
  const m = Math.floor((rest % HOUR) / 60);
  return `${dayLabel(day)} ${pad2(h)}:${pad2(m)}:${pad2(rest % 60)}`;
}

/** Weekday of a day index, Monday = 0 … Sunday = 6. */
export function weekdayOf(day: number): number {
  return (((day + 6) % 7) + 7) % 7;
}

/** Hour of week (Mon 00:00 = 0 … Sun 23:00 = 167) of a time. */
export function hourOfWeek(t: number): number {
  return (Math.floor(t / HOUR) + ORIGIN_HOW) % 168;
}

/** Hour of day 0–23 of a time. */
export function hourOfDay(t: number): number {
  return Math.floor((t % DAY) / HOUR);
}

/** A recurring daily service window: [startHour, endHour) on the allowed weekdays. */
export interface Window {
  startHour: number;
  endHour: number;
  weekdaysOnly: boolean;
}

/** The 7×12 service window (09:00–21:00 every day). */
export const WINDOW_7X12: Window = { startHour: 9, endHour: 21, weekdaysOnly: false };
/** Back-office working hours (09:00–18:00, Monday to Friday). */
export const WORK_HOURS: Window = { startHour: 9, endHour: 18, weekdaysOnly: true };

function dayOpen(w: Window, day: number): boolean {
  return !w.weekdaysOnly || weekdayOf(day) < 5;
}

/** True when t lies inside the window. */
export function inWindow(w: Window, t: number): boolean {
  const day = Math.floor(t / DAY);
  const sod = t - day * DAY;
  return dayOpen(w, day) && sod >= w.startHour * HOUR && sod < w.endHour * HOUR;
}

/** The earliest time ≥ t that lies inside the window. */
export function nextOpen(w: Window, t: number): number {
  let day = Math.floor(t / DAY);
  for (let i = 0; i < 14; i++, day++) {
    if (!dayOpen(w, day)) continue;
    const open = day * DAY + w.startHour * HOUR;
    const close = day * DAY + w.endHour * HOUR;
    if (t < open) return open;
    if (t < close) return t;
  }
  return t;
}

/** Advances t by the given number of in-window seconds. */
export function addWindowSeconds(w: Window, t: number, seconds: number): number {
  let cur = nextOpen(w, t);
  let left = seconds;
  for (let i = 0; i < 400; i++) {
    const close = Math.floor(cur / DAY) * DAY + w.endHour * HOUR;
    if (cur + left <= close) return cur + left;
    left -= close - cur;
    cur = nextOpen(w, close);
  }
  return cur + left;
}
