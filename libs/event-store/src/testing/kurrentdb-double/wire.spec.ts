import { describe, expect, it } from '@jest/globals';
import { BadRequest, uuidFromWire, uuidToWire } from './wire.js';

describe("the protocol double's wire conversions", () => {
  it('reads UUIDs in both of the protocol forms, answering in lower case', () => {
    const id = '0190a3c2-7d1e-7b6a-9f00-00000000abcd';
    expect(uuidFromWire(uuidToWire(id, 'string'))).toBe(id);
    expect(uuidFromWire(uuidToWire(id, 'structured'))).toBe(id);
    expect(uuidFromWire(uuidToWire('ffffffff-ffff-ffff-ffff-ffffffffffff', 'structured'))).toBe(
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    );
    expect(uuidFromWire(uuidToWire(id.toUpperCase(), 'string'))).toBe(id);
  });

  it('refuses what KurrentDB cannot parse as a GUID', () => {
    expect(() => uuidFromWire(uuidToWire('not-a-uuid', 'string'))).toThrow(BadRequest);
    expect(() => uuidFromWire(undefined)).toThrow(BadRequest);
  });
});
