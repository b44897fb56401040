import { daysBetween, endDay, isIsoDay, parseOccurred, parsePartialDate, startDay } from './occurred.js';

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
