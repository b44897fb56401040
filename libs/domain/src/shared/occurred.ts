import { InvalidDateError, ValidationFailedError } from './errors.js';
import { at, parseEnum, parseObject } from './fields.js';

/** A calendar day `YYYY-MM-DD`; such strings compare chronologically as plain strings. */
export type IsoDay = string;

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * A date as precisely as the source gives it. `date` is written to its precision:
 * DAY `2025-02-06`, MONTH `2025-02`, YEAR `2025`. News says "last month", so a month is a valid date.
 */
export interface PartialDate {
  readonly date: string;
  readonly precision: DatePrecision;
}

/** When something happened: one (partial) date, or a closed range of two. */
export type Occurred =
  | { readonly type: 'DATE'; readonly date: string; readonly precision: DatePrecision }
  | { readonly type: 'RANGE'; readonly from: PartialDate; readonly to: PartialDate };

const FORMATS: Record<DatePrecision, RegExp> = {
  DAY: /^(\d{4})-(\d{2})-(\d{2})$/,
  MONTH: /^(\d{4})-(\d{2})$/,
  YEAR: /^(\d{4})$/,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Is `value` a real calendar day written `YYYY-MM-DD` (no 30 February)? */
export function isIsoDay(value: unknown): value is IsoDay {
  if (typeof value !== 'string') return false;
  const match = FORMATS.DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDay(value: unknown, field: string): IsoDay {
  if (!isIsoDay(value)) throw new InvalidDateError(`${field} must be a real day written YYYY-MM-DD`, field);
  return value;
}

export function parsePartialDate(value: unknown, field: string): PartialDate {
  const input = parseObject(value, field);
  const precision = parseEnum(input.precision, DATE_PRECISIONS, at(field, 'precision'));
  const date = input.date;
  const dateField = at(field, 'date');
  const match = typeof date === 'string' ? FORMATS[precision].exec(date) : null;
  if (typeof date !== 'string' || !match) {
    const shape = { DAY: 'YYYY-MM-DD', MONTH: 'YYYY-MM', YEAR: 'YYYY' }[precision];
    throw new InvalidDateError(`${dateField} must be written ${shape} for precision ${precision}`, dateField);
  }
  const month = Number(match[2] ?? 1);
  if (Number(match[1]) < 1 || month < 1 || month > 12 || (precision === 'DAY' && !isIsoDay(date))) {
    throw new InvalidDateError(`${dateField}: ${date} is not a real date`, dateField);
  }
  return { date, precision };
}

/** First day a partial date covers: `2025-02` → `2025-02-01`. */
export function partialStartDay(value: PartialDate): IsoDay {
  if (value.precision === 'DAY') return value.date;
  if (value.precision === 'MONTH') return `${value.date}-01`;
  return `${value.date}-01-01`;
}

/** Last day a partial date covers: `2024-02` → `2024-02-29`. */
export function partialEndDay(value: PartialDate): IsoDay {
  if (value.precision === 'DAY') return value.date;
  if (value.precision === 'MONTH') {
    const [year, month] = value.date.split('-').map(Number) as [number, number];
    return `${value.date}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  }
  return `${value.date}-12-31`;
}

/** Earliest day the occurrence may have started: for sorting timelines and date-range filters. */
export function startDay(occurred: Occurred): IsoDay {
  return partialStartDay(occurred.type === 'DATE' ? occurred : occurred.from);
}

/** Latest day the occurrence may have ended. */
export function endDay(occurred: Occurred): IsoDay {
  return partialEndDay(occurred.type === 'DATE' ? occurred : occurred.to);
}

/**
 * Parses a date or a range. A range must be ordered: `from` starts and ends no later than `to`.
 * With `today`, nothing may start after it: the tracker records what happened, not what is planned.
 */
export function parseOccurred(value: unknown, field = 'occurred', today?: IsoDay): Occurred {
  const input = parseObject(value, field);
  const type = parseEnum(input.type, ['DATE', 'RANGE'] as const, at(field, 'type'));
  let occurred: Occurred;
  if (type === 'DATE') {
    const { date, precision } = parsePartialDate(input, field);
    occurred = { type, date, precision };
  } else {
    const from = parsePartialDate(input.from, at(field, 'from'));
    const to = parsePartialDate(input.to, at(field, 'to'));
    if (partialStartDay(from) > partialStartDay(to) || partialEndDay(from) > partialEndDay(to)) {
      throw new InvalidDateError(`${field}: the range ends before it starts`, at(field, 'to'));
    }
    occurred = { type, from, to };
  }
  if (today !== undefined) assertNotAfter(startDay(occurred), today, field);
  return occurred;
}

/** Refuses a day later than `today`. */
export function assertNotAfter(day: IsoDay, today: IsoDay, field: string): void {
  if (day > today)
    throw new InvalidDateError(`${field} (${day}) is in the future (today is ${today})`, field);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  if (!isIsoDay(from) || !isIsoDay(to))
    throw new ValidationFailedError('daysBetween needs two YYYY-MM-DD days');
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date of a lifecycle step (charged, released, dissolved...): a partial date that may not end
 * before `notBefore` (the record's start or its previous step) nor start after `today`.
 */
export function parseStepDate(value: unknown, field: string, notBefore: IsoDay, today: IsoDay): PartialDate {
  const date = parsePartialDate(value, field);
  if (partialEndDay(date) < notBefore) {
    throw new InvalidDateError(
      `${field} (${date.date}) is before ${notBefore}, when the record's last step happened`,
      field,
    );
  }
  assertNotAfter(partialStartDay(date), today, field);
  return date;
}
