import {
  DEFAULT_READ_ALL_MAX_COUNT,
  resolveReadAllOptions,
  resolveReadStreamOptions,
} from './read-validation.js';

describe('read options', () => {
  it('default to forwards, from the start, without limit; readAll to its page size', () => {
    expect(resolveReadStreamOptions()).toEqual({
      direction: 'forwards',
      fromRevision: undefined,
      maxCount: undefined,
    });
    expect(resolveReadAllOptions()).toEqual({ after: undefined, maxCount: DEFAULT_READ_ALL_MAX_COUNT });
  });

  it('refuse what cannot be meant', () => {
    expect(() => resolveReadStreamOptions({ direction: 'sideways' as never })).toThrow(TypeError);
    expect(() => resolveReadStreamOptions({ fromRevision: 3 as never })).toThrow(TypeError);
    expect(() => resolveReadStreamOptions({ fromRevision: -1n })).toThrow(RangeError);
    expect(() => resolveReadStreamOptions({ maxCount: 1.5 })).toThrow(RangeError);
    expect(() => resolveReadAllOptions({ maxCount: -1 })).toThrow(RangeError);
  });
});
