import { describe, expect, it } from '@jest/globals';
import { comparePositions, positionFromBigInts } from '../position.js';
import {
  actualRevisionLabel,
  expectedRevisionLabel,
  isSystemEvent,
  positionFromKurrentDb,
  positionToKurrentDb,
  toRecordedEvent,
  toStreamState,
  type ClientRecordedEvent,
} from './kurrentdb-mapping.js';

const clientEvent = (overrides: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent => ({
  streamId: 'tenant/commitment-1',
  id: '0190a3c2-7d1e-7b6a-9f00-000000000001',
  revision: 3n,
  type: 'CommitmentMade',
  data: { country: 'TH' },
  metadata: { actor: 'analyst-1' },
  isJson: true,
  created: new Date('2026-03-01T10:20:30.456Z'),
  position: { commit: 1_234n, prepare: 1_200n },
  ...overrides,
});

describe('expected revision mapping', () => {
  it("maps the port's expected revisions to the client's streamState", () => {
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('exists')).toBe('stream_exists');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
  });

  it('spells expected and actual revisions the way WrongExpectedRevisionError reports them', () => {
    expect(expectedRevisionLabel('exists')).toBe('exists');
    expect(expectedRevisionLabel(7n)).toBe('7');
    expect(actualRevisionLabel(4n)).toBe('4');
    expect(actualRevisionLabel('no_stream')).toBe('no_stream');
    expect(actualRevisionLabel(-1n)).toBe('no_stream');
  });
});

describe('position encoding', () => {
  it('encodes commit then prepare, fixed width, so string order is KurrentDB order', () => {
    const positions = [
      { commit: 9n, prepare: 9n },
      { commit: 10n, prepare: 2n },
      { commit: 10n, prepare: 10n },
      { commit: 2n ** 63n, prepare: 0n },
    ].map(positionFromKurrentDb);
    expect(positions[0]).toBe(positionFromBigInts(9n, 9n));
    expect([...positions].reverse().sort()).toEqual(positions);
    for (let index = 1; index < positions.length; index++) {
      expect(comparePositions(positions[index - 1], positions[index])).toBeLessThan(0);
    }
  });

  it('round-trips and survives JSON', () => {
    const position = positionFromKurrentDb({ commit: 18_446_744_073_709_551_614n, prepare: 5n });
    expect(positionToKurrentDb(position)).toEqual({ commit: 18_446_744_073_709_551_614n, prepare: 5n });
    expect(JSON.parse(JSON.stringify({ position }))).toEqual({ position });
  });

  it('refuses positions that are not commit/prepare pairs', () => {
    expect(() => positionToKurrentDb(positionFromBigInts(12n))).toThrow(TypeError);
    expect(() => positionToKurrentDb('12/13' as never)).toThrow(TypeError);
  });
});

describe('recorded event mapping', () => {
  it('gives the port the event, with its stream unprefixed and its position encoded', () => {
    expect(toRecordedEvent(clientEvent(), 'tenant/')).toEqual({
      id: '0190a3c2-7d1e-7b6a-9f00-000000000001',
      stream: 'commitment-1',
      revision: 3n,
      position: positionFromBigInts(1_234n, 1_200n),
      type: 'CommitmentMade',
      data: { country: 'TH' },
      metadata: { actor: 'analyst-1' },
      recordedAt: new Date('2026-03-01T10:20:30.000Z'),
    });
  });

  it('cuts recordedAt to the second, as the client reads it on every path', () => {
    const event = toRecordedEvent(clientEvent({ created: new Date('2026-03-01T10:20:30.999Z') }));
    expect(event.recordedAt.toISOString()).toBe('2026-03-01T10:20:30.000Z');
  });

  it('reads missing or non-object metadata as {}', () => {
    expect(toRecordedEvent(clientEvent({ metadata: undefined })).metadata).toEqual({});
    expect(toRecordedEvent(clientEvent({ metadata: new Uint8Array([1, 2]) })).metadata).toEqual({});
    expect(toRecordedEvent(clientEvent({ metadata: ['not', 'an', 'object'] })).metadata).toEqual({});
  });

  it('gives binary data (written by other tools) as base64 text', () => {
    const event = toRecordedEvent(clientEvent({ isJson: false, data: Uint8Array.from([104, 105]) }));
    expect(event.data).toBe('aGk=');
  });

  it('refuses an event without a $all position rather than inventing one', () => {
    expect(() => toRecordedEvent(clientEvent({ position: undefined }))).toThrow(/no \$all position/);
    expect(() =>
      toRecordedEvent(clientEvent({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } })),
    ).toThrow(/22\.6/);
  });

  it("recognises KurrentDB's own events by their type or their stream", () => {
    expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: '$metadata', streamId: '$$commitment-1' })).toBe(true);
    expect(isSystemEvent({ type: 'Anything', streamId: '$settings' })).toBe(true);
    expect(isSystemEvent({ type: 'CommitmentMade', streamId: 'commitment-1' })).toBe(false);
  });
});
