import { bigIntsFromPosition, comparePositions, positionFromBigInts } from './position.js';

describe('positions', () => {
  it('order as strings the way their numbers order', () => {
    const small = positionFromBigInts(9n);
    const large = positionFromBigInts(10n);
    expect(comparePositions(small, large)).toBeLessThan(0);
    expect(comparePositions(large, small)).toBeGreaterThan(0);
    expect(comparePositions(large, positionFromBigInts(10n))).toBe(0);
    expect(positionFromBigInts(1n, 2n) < positionFromBigInts(1n, 10n)).toBe(true);
  });

  it('round-trip through their string form and refuse anything else', () => {
    const position = positionFromBigInts(2n ** 64n - 1n, 7n);
    expect(bigIntsFromPosition(position)).toEqual([2n ** 64n - 1n, 7n]);
    expect(JSON.parse(JSON.stringify({ position }))).toEqual({ position });
    expect(() => bigIntsFromPosition('12' as never)).toThrow(TypeError);
  });
});
