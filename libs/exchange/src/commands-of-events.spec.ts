import { describe, expect, it } from '@jest/globals';
import { commandOfEvents, type ExportedEvent } from './commands-of-events.js';

const event = (
  type: string,
  data: Record<string, unknown>,
  commandType: string,
  stream = 'record-r1',
): ExportedEvent => ({
  id: `${type}-id`,
  stream,
  revision: '0',
  position: '1',
  type,
  data,
  metadata: { commandId: 'c1', commandType },
  recordedAt: '2026-11-30T10:00:00.000Z',
});

describe('the command a group of events came from', () => {
  it('is the command type with the first event data, less what the domain derived', () => {
    expect(
      commandOfEvents([
        event('EvidenceLinked', { recordId: 'r1', evidenceId: 'e1', relation: 'SUPPORTS' }, 'LinkEvidence'),
        event(
          'ImplementationStatusSet',
          { recordId: 'r1', country: 'KH', status: 'LIMITED', cause: 'EVIDENCE' },
          'LinkEvidence',
        ),
      ]),
    ).toEqual({ type: 'LinkEvidence', recordId: 'r1', evidenceId: 'e1', relation: 'SUPPORTS' });
    expect(
      commandOfEvents([
        event(
          'RecordCorrected',
          { recordId: 'r1', kind: 'FIGURE', changes: { value: 1 }, reason: 'x' },
          'CorrectRecord',
        ),
      ]),
    ).toEqual({
      type: 'CorrectRecord',
      recordId: 'r1',
      changes: { value: 1 },
      reason: 'x',
    });
  });

  it('gathers a status set for several signatories, and says reinstate as the command does', () => {
    const set = (country: string) =>
      event(
        'ImplementationStatusSet',
        { recordId: 'r1', country, status: 'PARTIAL', previous: 'NO_EVIDENCE', reason: 'r', sources: [] },
        'SetImplementationStatus',
      );
    expect(commandOfEvents([set('KH'), set('TH')])).toEqual({
      type: 'SetImplementationStatus',
      recordId: 'r1',
      status: 'PARTIAL',
      countries: ['KH', 'TH'],
      reason: 'r',
      sources: [],
    });
    expect(
      commandOfEvents([
        event(
          'RetractionCorrected',
          { recordId: 'r1', kind: 'FIGURE', reason: 'r', reinstated: true },
          'CorrectRetraction',
        ),
      ]),
    ).toEqual({ type: 'CorrectRetraction', recordId: 'r1', reason: 'r', reinstate: true });
  });

  it('skips what is not a record: tokens, idempotency keys', () => {
    expect(
      commandOfEvents([event('ApiTokenIssued', { name: 'x' }, 'IssueToken', 'api-tokens')]),
    ).toBeUndefined();
    expect(commandOfEvents([])).toBeUndefined();
  });
});
