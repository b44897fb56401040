import {
  daysBetween,
  endDay,
  isIsoDay,
  parseIsoDay,
  parseOccurred,
  parsePartialDate,
  parseStepDate,
  startDay,
} from './occurred.js';

describe('occurred', () => {
  it('accepts a date at each precision and knows the days it covers', () => {
    const dayOf = parseOccurred({ type: 'DATE', date: '2025-02-06', precision: 'DAY' });
    const monthOf = parseOccurred({ type: 'DATE', date: '2024-02', precision: 'MONTH' });
    const yearOf = parseOccurred({ type: 'DATE', date: '2021', precision: 'YEAR' });
    expect([startDay(dayOf), endDay(dayOf)]).toEqual(['2025-02-06', '2025-02-06']);
    expect([startDay(monthOf), endDay(monthOf)]).toEqual(['2024-02-01', '2024-02-29']);
    expect([startDay(yearOf), endDay(yearOf)]).toEqual(['2021-01-01', '2021-12-31']);
  });

  it('accepts an ordered range with mixed precisions', () => {
    const range = parseOccurred({
      type: 'RANGE',
      from: { date: '2021', precision: 'YEAR' },
      to: { date: '2024-11', precision: 'MONTH' },
    });
    expect([startDay(range), endDay(range)]).toEqual(['2021-01-01', '2024-11-30']);
  });

  it.each([
    [{ type: 'DATE', date: '2025-02-30', precision: 'DAY' }, 'occurred.date'],
    [{ type: 'DATE', date: '2023-02-29', precision: 'DAY' }, 'occurred.date'],
    [{ type: 'DATE', date: '2025-13', precision: 'MONTH' }, 'occurred.date'],
    [{ type: 'DATE', date: '2025-02-06', precision: 'MONTH' }, 'occurred.date'],
    [{ type: 'DATE', date: '06/02/2025', precision: 'DAY' }, 'occurred.date'],
    [
      {
        type: 'RANGE',
        from: { date: '2025-03', precision: 'MONTH' },
        to: { date: '2025-02', precision: 'MONTH' },
      },
      'occurred.to',
    ],
    [
      {
        type: 'RANGE',
        from: { date: '2025', precision: 'YEAR' },
        to: { date: '2025-02', precision: 'MONTH' },
      },
      'occurred.to',
    ],
  ])('refuses %j as INVALID_DATE', (value, field) => {
    expect(() => parseOccurred(value)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field }));
  });

  it('refuses a missing precision or type as VALIDATION_FAILED', () => {
    expect(() => parseOccurred({ type: 'DATE', date: '2025' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'occurred.precision' }),
    );
    expect(() => parseOccurred({ date: '2025', precision: 'YEAR' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'occurred.type' }),
    );
  });

  it('refuses a start after today, and accepts a range that is still running today', () => {
    const future = { type: 'DATE', date: '2025-07', precision: 'MONTH' };
    expect(() => parseOccurred(future, 'occurred', '2025-06-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'occurred' }),
    );
    expect(
      parseOccurred({ type: 'DATE', date: '2025', precision: 'YEAR' }, 'occurred', '2025-06-30'),
    ).toEqual({ type: 'DATE', date: '2025', precision: 'YEAR' });
  });

  it('checks days and counts between them', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2100-02-29')).toBe(false);
    expect(parsePartialDate({ date: '2000-02-29', precision: 'DAY' }, 'd').date).toBe('2000-02-29');
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2025-03-01', '2025-01-31')).toBe(-29);
  });
});

// Each boundary stated: found by mutation testing (npm run mutation -- domain), whose survivors these kill.
describe('dates at their boundaries', () => {
  it('isIsoDay: the first and last valid day and month, and nothing around them', () => {
    const valid = ['0001-01-01', '2025-01-01', '2025-01-31', '2025-12-31', '2024-02-29', '2000-02-29'];
    const invalid = [
      '0000-06-15',
      '2025-00-10',
      '2025-13-01',
      '2025-01-00',
      '2025-01-32',
      '2025-04-31',
      '2023-02-29',
      ' 2025-01-01',
      '2025-01-01 ',
      'x2025-01-01',
      '2025-01-015',
      '2025-1-01',
      20250101,
      null,
    ];
    for (const day of valid) expect([day, isIsoDay(day)]).toEqual([day, true]);
    for (const day of invalid) expect([day, isIsoDay(day)]).toEqual([day, false]);
    expect(() => parseIsoDay('2025-02-30', 'on')).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATE',
        field: 'on',
        message: 'on must be a real day written YYYY-MM-DD',
      }),
    );
  });

  it('parsePartialDate: each precision’s own shape, whole, and a real year and month', () => {
    const refused = (date: unknown, precision: string) => {
      try {
        parsePartialDate({ date, precision }, 'occurred');
        return undefined;
      } catch (error) {
        return {
          code: (error as { code: string }).code,
          field: (error as { field: string }).field,
          message: (error as Error).message,
        };
      }
    };
    expect(refused('2025-06', 'DAY')).toEqual({
      code: 'INVALID_DATE',
      field: 'occurred.date',
      message: 'occurred.date must be written YYYY-MM-DD for precision DAY',
    });
    expect(refused('2025', 'MONTH')?.message).toBe(
      'occurred.date must be written YYYY-MM for precision MONTH',
    );
    expect(refused('2025-06', 'YEAR')?.message).toBe('occurred.date must be written YYYY for precision YEAR');
    expect(refused(2025, 'YEAR')?.field).toBe('occurred.date');
    for (const [date, precision] of [
      ['x2025', 'YEAR'],
      ['20255', 'YEAR'],
      ['2025-066', 'MONTH'],
      ['x2025-06', 'MONTH'],
      ['2025-06-011', 'DAY'],
    ]) {
      expect(refused(date, precision!)?.message).toMatch(/must be written/);
    }
    for (const [date, precision] of [
      ['0000', 'YEAR'],
      ['0000-05', 'MONTH'],
      ['2025-00', 'MONTH'],
      ['2025-13', 'MONTH'],
      ['2025-02-30', 'DAY'],
    ]) {
      expect(refused(date, precision!)).toEqual({
        code: 'INVALID_DATE',
        field: 'occurred.date',
        message: `occurred.date: ${date} is not a real date`,
      });
    }
    for (const [date, precision] of [
      ['0001', 'YEAR'],
      ['2025-01', 'MONTH'],
      ['2025-12', 'MONTH'],
      ['2024-02-29', 'DAY'],
    ]) {
      expect(parsePartialDate({ date, precision }, 'd')).toEqual({ date, precision });
    }
  });

  it('parseOccurred: a range may start and end on one day, never end before it starts', () => {
    const range = (from: string, to: string) => ({
      type: 'RANGE',
      from: { date: from, precision: from.length === 4 ? 'YEAR' : from.length === 7 ? 'MONTH' : 'DAY' },
      to: { date: to, precision: to.length === 4 ? 'YEAR' : to.length === 7 ? 'MONTH' : 'DAY' },
    });
    expect(parseOccurred(range('2025-03-01', '2025-03-01'))).toMatchObject({ type: 'RANGE' });
    expect(parseOccurred(range('2025-03', '2025-03-31'))).toMatchObject({ type: 'RANGE' });
    // Starts after the end's start / ends after the end's end: both refused, naming `to`.
    expect(() => parseOccurred(range('2025-03-02', '2025-03-01'))).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATE',
        field: 'occurred.to',
        message: 'occurred: the range ends before it starts',
      }),
    );
    expect(() => parseOccurred(range('2025', '2025-06'))).toThrow(
      expect.objectContaining({ field: 'occurred.to' }),
    );
    // A start on today is allowed, the day after is not, naming the day and today.
    expect(
      parseOccurred({ type: 'DATE', date: '2025-06-30', precision: 'DAY' }, 'occurred', '2025-06-30'),
    ).toBeTruthy();
    expect(() =>
      parseOccurred({ type: 'DATE', date: '2025-07-01', precision: 'DAY' }, 'occurred', '2025-06-30'),
    ).toThrow('occurred (2025-07-01) is in the future (today is 2025-06-30)');
  });

  it('parseStepDate: a step may end on the day the record last moved, not before', () => {
    const step = (date: string) =>
      parseStepDate({ date, precision: 'DAY' }, 'on', '2025-03-10', '2025-06-30');
    expect(step('2025-03-10')).toEqual({ date: '2025-03-10', precision: 'DAY' });
    expect(() => step('2025-03-09')).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATE',
        field: 'on',
        message: "on (2025-03-09) is before 2025-03-10, when the record's last step happened",
      }),
    );
    // A month ending on that day is not before it.
    expect(parseStepDate({ date: '2025-02', precision: 'MONTH' }, 'on', '2025-02-28', '2025-06-30')).toEqual({
      date: '2025-02',
      precision: 'MONTH',
    });
  });

  it('daysBetween needs two real days, either one refused', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(() => daysBetween('2025-01-01', '2025-02-30')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => daysBetween('2025-02-30', '2025-01-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
