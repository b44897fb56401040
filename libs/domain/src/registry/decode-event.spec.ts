import { describe, expect, it } from '@jest/globals';
import { decodeRecordEvent, NewerSchemaVersionError, UPCASTERS } from './decode-event.js';

describe('decodeRecordEvent: stored events to domain events, in one place', () => {
  it('passes today’s shape through as it is', () => {
    const data = { recordId: 'r1', indicator: 'websites shut down', value: 18000 };
    expect(decodeRecordEvent({ type: 'FigureReported', data, metadata: { schemaVersion: 1 } })).toEqual({
      type: 'FigureReported',
      data,
    });
    // No version in the metadata: the first shape.
    expect(decodeRecordEvent({ type: 'FigureReported', data })).toEqual({ type: 'FigureReported', data });
  });

  it('upcasts an older shape step by step, each step only from its own version', () => {
    const upcasters = {
      FigureReported: {
        1: (data: Readonly<Record<string, unknown>>) => ({ ...data, unit: data.units, units: undefined }),
        2: (data: Readonly<Record<string, unknown>>) => ({ ...data, qualifier: data.qualifier ?? 'EXACT' }),
      },
    };
    const v1 = {
      type: 'FigureReported',
      data: { recordId: 'r1', units: 'websites' },
      metadata: { schemaVersion: 1 },
    };
    expect(decodeRecordEvent(v1, { upcasters, currentVersion: 3 }).data).toEqual({
      recordId: 'r1',
      unit: 'websites',
      units: undefined,
      qualifier: 'EXACT',
    });
    const v2 = {
      type: 'FigureReported',
      data: { recordId: 'r1', unit: 'persons' },
      metadata: { schemaVersion: 2 },
    };
    expect(decodeRecordEvent(v2, { upcasters, currentVersion: 3 }).data).toEqual({
      recordId: 'r1',
      unit: 'persons',
      qualifier: 'EXACT',
    });
    // Other types are untouched.
    expect(
      decodeRecordEvent({ type: 'MeetingRecorded', data: { a: 1 } }, { upcasters, currentVersion: 3 }).data,
    ).toEqual({ a: 1 });
  });

  it('refuses an event written by a newer release', () => {
    expect(() =>
      decodeRecordEvent({ type: 'FigureReported', data: {}, metadata: { schemaVersion: 9 } }),
    ).toThrow(NewerSchemaVersionError);
  });

  it('has no upcasters yet: every stored event has today’s shape', () => {
    expect(UPCASTERS).toEqual({});
  });
});
