import { InvalidAppendError } from '../errors.js';
import { toJsonText } from './json-text.js';

describe('toJsonText', () => {
  it('serialises plain JSON data as RFC 8785 canonical JSON: JSON.stringify with keys sorted', () => {
    const value = { text: 'ok ✓', list: [1, null, true, { deep: [], a: 1 }], nothing: null, ratio: -0.5 };
    expect(toJsonText(value, 'data')).toBe(
      '{"list":[1,null,true,{"a":1,"deep":[]}],"nothing":null,"ratio":-0.5,"text":"ok ✓"}',
    );
    expect(JSON.parse(toJsonText(value, 'data'))).toEqual(value);
    expect(toJsonText('text', 'data')).toBe('"text"');
    expect(toJsonText(null, 'data')).toBe('null');
    expect(toJsonText(Object.create(null), 'data')).toBe('{}');
  });

  it('drops object fields whose value is undefined, as optional fields', () => {
    expect(toJsonText({ kept: 1, left: undefined }, 'data')).toBe('{"kept":1}');
  });

  it.each([
    ['a bigint', 1n, 'data is a bigint'],
    ['a nested bigint', { a: { b: [1n] } }, 'data.a.b[0] is a bigint'],
    ['a function', { f: () => 1 }, 'data.f is a function'],
    ['a symbol', [Symbol('s')], 'data[0] is a symbol'],
    ['undefined at the top', undefined, 'data is undefined, which JSON cannot hold'],
    ['undefined in an array', [undefined], 'data[0] is undefined, which JSON cannot hold'],
    ['NaN', { n: Number.NaN }, 'data.n is NaN'],
    ['-Infinity', -Infinity, 'data is -Infinity'],
    ['a Date', { at: new Date(0) }, 'data.at is a Date'],
    ['a Map', new Map(), 'data is a Map'],
    ['a typed array', new Uint8Array(2), 'data is a Uint8Array'],
  ])('refuses %s, naming where it is', (_what, value, message) => {
    expect(() => toJsonText(value, 'data')).toThrow(InvalidAppendError);
    expect(() => toJsonText(value, 'data')).toThrow(message);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(toJsonText({ a: shared, b: shared }, 'data')).toBe('{"a":{"x":1},"b":{"x":1}}');
    const loop: Record<string, unknown> = {};
    loop.again = [loop];
    expect(() => toJsonText(loop, 'data')).toThrow('data.again[0] refers back to one of its own parents');
  });

  it('refuses nesting too deep to read back, without crashing', () => {
    let deep: unknown = 0;
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(() => toJsonText(deep, 'data')).toThrow(InvalidAppendError);
  });
});
