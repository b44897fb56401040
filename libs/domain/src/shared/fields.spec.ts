import { describe, expect, it } from '@jest/globals';
import {
  at,
  MAX_COUNT,
  parseCount,
  parseEnum,
  parseLabels,
  parseList,
  parseObject,
  parseText,
  sameJson,
} from './fields.js';

/** The refusal a parser throws: its code, field and message, or undefined when it accepts. */
function refusal(parse: () => unknown) {
  try {
    parse();
    return undefined;
  } catch (error) {
    const { code, field, message } = error as { code: string; field: string; message: string };
    return { code, field, message };
  }
}

// Each field rule at its bound, with the message it answers (from the survivors of the mutation run).
describe('field parsers', () => {
  it('parseText: trimmed, not empty, at most its length, each refusal saying why', () => {
    expect(parseText('  a quote ', 'quote')).toBe('a quote');
    expect(parseText('x'.repeat(5), 'quote', 5)).toBe('xxxxx');
    expect(refusal(() => parseText(42, 'quote'))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'quote',
      message: 'quote must be a string',
    });
    expect(refusal(() => parseText('   ', 'quote'))?.message).toBe('quote must not be empty');
    expect(refusal(() => parseText('x'.repeat(6), 'quote', 5))?.message).toBe(
      'quote must be at most 5 characters',
    );
  });

  it('parseLabels and parseList: optional only when nothing is required, and at least the minimum', () => {
    expect(parseLabels(undefined, 'bodies')).toEqual([]);
    expect(parseLabels(['UNODC', 'UNODC', 'ASEAN'], 'bodies')).toEqual(['UNODC', 'ASEAN']);
    expect(refusal(() => parseLabels(undefined, 'agencies', 1))?.message).toBe('agencies must be a list');
    expect(refusal(() => parseLabels('UNODC', 'bodies'))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'bodies',
      message: 'bodies must be a list',
    });
    expect(refusal(() => parseLabels(['A', 'A'], 'agencies', 2))?.message).toBe(
      'agencies needs at least 2 item(s)',
    );
    const item = (value: unknown, field: string) => parseText(value, field);
    expect(parseList(null, 'charges', item)).toEqual([]);
    expect(parseList(['a', 'b'], 'charges', item, 2)).toEqual(['a', 'b']);
    expect(refusal(() => parseList(null, 'charges', item, 1))?.message).toBe('charges must be a list');
    expect(refusal(() => parseList(['a'], 'charges', item, 2))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'charges',
      message: 'charges needs at least 2 item(s)',
    });
    expect(refusal(() => parseList(['a', ''], 'charges', item))?.field).toBe('charges[1]');
  });

  it('parseEnum names what is allowed', () => {
    expect(parseEnum('DAY', ['DAY', 'MONTH'], 'precision')).toBe('DAY');
    expect(refusal(() => parseEnum('WEEK', ['DAY', 'MONTH'], 'precision'))?.message).toBe(
      'precision must be one of DAY, MONTH',
    );
    expect(refusal(() => parseEnum(1, ['DAY'], 'precision'))?.field).toBe('precision');
  });

  it('parseCount: whole numbers from the minimum to MAX_COUNT, both included', () => {
    expect(parseCount(0, 'n')).toBe(0);
    expect(parseCount(MAX_COUNT, 'n')).toBe(1_000_000_000);
    expect(parseCount(1, 'n', 1)).toBe(1);
    for (const value of [MAX_COUNT + 1, -1, 1.5, '3', Number.NaN]) {
      expect(refusal(() => parseCount(value, 'n'))).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'n',
        message: 'n must be a whole number from 0 to 1000000000',
      });
    }
    expect(refusal(() => parseCount(0, 'n', 1))?.message).toBe(
      'n must be a whole number from 1 to 1000000000',
    );
  });

  it('parseObject takes plain objects only', () => {
    expect(parseObject({ a: 1 }, 'x')).toEqual({ a: 1 });
    for (const value of [null, [], 'x', 1, undefined]) {
      expect(refusal(() => parseObject(value, 'occurred'))).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'occurred',
        message: 'occurred must be an object',
      });
    }
  });

  it('at joins a path the way errors name fields', () => {
    expect(at('sources[0]', 'url')).toBe('sources[0].url');
    expect(at('', 'url')).toBe('url');
  });

  it('sameJson compares values, not key order, and sees any difference', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1], [1, 2])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, null)).toBe(false);
    expect(sameJson('a', 'a')).toBe(true);
    expect(sameJson(1, '1')).toBe(false);
  });
});
