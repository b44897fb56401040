import { InvalidQueryArgumentError } from '@tracker/read-models';
import { booleanValue, listValue, singleValue } from './query-parameters.js';

describe('query-string parameters', () => {
  it('reads a single value, absent or empty as undefined, and refuses it repeated by name', () => {
    expect(singleValue('asOf', '2025-01-01')).toBe('2025-01-01');
    expect(singleValue('asOf', '')).toBeUndefined();
    expect(singleValue('asOf', undefined)).toBeUndefined();
    expect(() => singleValue('asOf', ['a', 'b'])).toThrow(
      expect.objectContaining({ argument: 'asOf', message: 'asOf is given more than once; give it once' }),
    );
    expect(() => singleValue('asOf', ['a', 'b'])).toThrow(InvalidQueryArgumentError);
  });

  it('reads a list repeated, comma-separated or both, trimmed, each item once, in order', () => {
    expect(listValue('KH, TH,')).toEqual(['KH', 'TH']);
    expect(listValue(['KH', 'TH,LA', 'KH'])).toEqual(['KH', 'TH', 'LA']);
    expect(listValue([' , ', ''])).toBeUndefined();
    expect(listValue(undefined)).toBeUndefined();
    expect(listValue(['figure, ARREST', 'Figure'], (item) => item.toUpperCase())).toEqual([
      'FIGURE',
      'ARREST',
    ]);
  });

  it('reads a boolean as true/1 or false/0, and refuses anything else by name', () => {
    expect([booleanValue('bom', 'true'), booleanValue('bom', '1')]).toEqual([true, true]);
    expect([booleanValue('bom', 'false'), booleanValue('bom', '0')]).toEqual([false, false]);
    expect(booleanValue('bom', undefined)).toBeUndefined();
    expect(() => booleanValue('bom', 'yes')).toThrow('bom must be true or false, not yes');
    expect(() => booleanValue('bom', ['true', 'true'])).toThrow('bom is given more than once');
  });
});
