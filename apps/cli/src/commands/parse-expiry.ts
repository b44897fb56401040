import { UsageError } from './usage-error.js';

/** `30d`, `12h` (from now) or an ISO date/time. */
export function parseExpiry(text: string, now: Date): Date {
  const relative = /^(\d+)([dh])$/.exec(text);
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === 'd' ? 24 : 1);
    return new Date(now.getTime() + hours * 3_600_000);
  }
  // A bare number is a count of something, not a date (new Date("90") is the year 1990): say what it lacks.
  if (/^\d+$/.test(text)) {
    throw new UsageError(`--expires: "${text}" needs a unit: ${text}d for days or ${text}h for hours`);
  }
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`--expires: "${text}" is not a date (YYYY-MM-DD), nor like 30d or 12h`);
  if (date <= now) throw new UsageError(`--expires: ${date.toISOString()} has already passed`);
  return date;
}
