import { describe, expect, it } from '@jest/globals';
import { RECORD_KINDS } from '@tracker/domain';
import fc from 'fast-check';
import { cellOf, csvColumns, fieldsOfRow, KIND_FIELDS } from './record-csv.js';

describe('CSV cells', () => {
  it('read an empty countries cell as no country (an actor without a home), other empty cells as absent', () => {
    expect(fieldsOfRow('ACTOR', { countries: '', name: 'UN Human Rights Office', description: '' })).toEqual({
      countries: [],
      name: 'UN Human Rights Office',
    });
  });

  it('write countries, occurrences and dates in their documented forms, and read them back', () => {
    const fields = {
      countries: [
        { code: 'KH', role: 'SCOPE' },
        { code: 'TH', role: 'MENTIONED' },
      ],
      occurred: {
        type: 'RANGE',
        from: { date: '2024-07', precision: 'MONTH' },
        to: { date: '2024', precision: 'YEAR' },
      },
      period: { type: 'DATE', date: '2025-02-06', precision: 'DAY' },
      value: 18000.5,
      indicator: 'websites shut down; "blocked"',
      sources: [{ url: 'https://example.org/a', quote: 'line one\nline two, with "quotes"' }],
    };
    const row = Object.fromEntries(
      Object.entries(fields).map(([field, value]) => [field, cellOf(field, value)]),
    );
    expect(row).toMatchObject({
      countries: 'KH:SCOPE;TH:MENTIONED',
      occurred: '2024-07..2024',
      period: '2025-02-06',
      value: '18000.5',
    });
    expect(fieldsOfRow('FIGURE', row)).toEqual(fields);
  });

  it('round-trip any text and number a field may hold', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((text) => text.trim() === text && !/^[[{]/.test(text)),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (text, value) => {
          const row = { indicator: cellOf('indicator', text), value: cellOf('value', value), unit: '' };
          expect(fieldsOfRow('FIGURE', row)).toEqual({
            indicator: text,
            value: Object.is(value, -0) ? 0 : value,
          });
        },
      ),
    );
  });

  it('refuse a malformed cell, naming its column', () => {
    expect(() => fieldsOfRow('FIGURE', { countries: 'KH' })).toThrow(
      expect.objectContaining({ column: 'countries' }),
    );
    expect(() => fieldsOfRow('FIGURE', { occurred: '2025-1' })).toThrow(
      expect.objectContaining({ column: 'occurred' }),
    );
    expect(() => fieldsOfRow('FIGURE', { value: 'many' })).toThrow(
      expect.objectContaining({ column: 'value' }),
    );
    expect(() => fieldsOfRow('FIGURE', { sources: '[{"url":' })).toThrow(
      expect.objectContaining({ column: 'sources' }),
    );
  });

  it('give every kind its own fields as columns, each once', () => {
    const columns = csvColumns();
    expect(new Set(columns).size).toBe(columns.length);
    for (const kind of RECORD_KINDS) for (const field of KIND_FIELDS[kind]) expect(columns).toContain(field);
    expect(csvColumns(['FIGURE'])).not.toContain('persons');
  });
});
