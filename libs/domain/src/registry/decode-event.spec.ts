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

  it('reads a missing or malformed version as the first, and runs no step from the current version on', () => {
    const upcasters = {
      FigureReported: {
        1: (data: Readonly<Record<string, unknown>>) => ({ ...data, upcast: true }),
        2: () => {
          throw new Error('no step from the current version');
        },
      },
    };
    const decode = (metadata: unknown) =>
      decodeRecordEvent({ type: 'FigureReported', data: {}, metadata } as never, {
        upcasters,
        currentVersion: 2,
      }).data;
    expect(decode(undefined)).toEqual({ upcast: true });
    expect(decode({ schemaVersion: '2' })).toEqual({ upcast: true });
    expect(decode({ schemaVersion: 1.5 })).toEqual({ upcast: true });
    expect(decode({ schemaVersion: 2 })).toEqual({});
  });

  it('refuses an event written by a newer release, naming it', () => {
    const decode = () =>
      decodeRecordEvent({ type: 'FigureReported', data: {}, metadata: { schemaVersion: 9 } });
    expect(decode).toThrow(NewerSchemaVersionError);
    expect(decode).toThrow(
      'FigureReported has schema version 9, newer than this release reads (1): upgrade first',
    );
    expect(decode).toThrow(
      expect.objectContaining({ name: 'NewerSchemaVersionError', version: 9, current: 1 }),
    );
  });

  it('has no upcasters yet: every stored event has today’s shape', () => {
    expect(UPCASTERS).toEqual({});
  });
});
