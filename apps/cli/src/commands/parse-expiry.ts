import { UsageError } from './usage-error.js';

/** `30d`, `12h` (from now) or an ISO date/time. */
export function parseExpiry(text: string, now: Date): Date {
  const relative = /^(\d+)([dh])$/.exec(text);
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === 'd' ? 24 : 1);
    return new Date(now.getTime() + hours * 3_600_000);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`--expires: "${text}" is not a date, nor like 30d or 12h`);
  return date;
}
