import { deciderSpecification } from '../testing/decider-specification.js';
import { createCommand, createdEvent, fact, IDS, involved } from '../testing/fixtures.js';
import { figureDecider } from './figure.decider.js';

const spec = deciderSpecification(figureDecider);
const official = { provenance: 'OFFICIAL', claimant: 'Cambodian government', qualifier: undefined };

describe('FIGURE', () => {
  it('is reported with indicator, value, unit, qualifier, claimant and provenance', () => {
    spec
      .given([])
      .when(createCommand('FIGURE'))
      .then([createdEvent('FIGURE')]);
  });

  it('is EXACT unless qualified', () => {
    spec
      .given([])
      .when(createCommand('FIGURE', official))
      .then([createdEvent('FIGURE', { ...official, qualifier: 'EXACT' })]);
  });

  it('may cover a period other than the day it was claimed', () => {
    const period = {
      type: 'RANGE',
      from: { date: '2021', precision: 'YEAR' },
      to: { date: '2025', precision: 'YEAR' },
    };
    spec
      .given([])
      .when(createCommand('FIGURE', { period }))
      .then([createdEvent('FIGURE', { period })]);
    spec
      .given([])
      .when(
        createCommand('FIGURE', {
          period: {
            type: 'RANGE',
            from: { date: '2025', precision: 'YEAR' },
            to: { date: '2021', precision: 'YEAR' },
          },
        }),
      )
      .thenThrows('INVALID_DATE', 'period.to');
  });

  it('needs a finite value, an indicator, a unit, a claimant, a provenance and one scope country', () => {
    spec
      .given([])
      .when(createCommand('FIGURE', { value: Number.NaN }))
      .thenThrows('VALIDATION_FAILED', 'value');
    spec
      .given([])
      .when(createCommand('FIGURE', { value: '100000' }))
      .thenThrows('VALIDATION_FAILED', 'value');
    spec
      .given([])
      .when(createCommand('FIGURE', { indicator: '' }))
      .thenThrows('VALIDATION_FAILED', 'indicator');
    spec
      .given([])
      .when(createCommand('FIGURE', { unit: undefined }))
      .thenThrows('VALIDATION_FAILED', 'unit');
    spec
      .given([])
      .when(createCommand('FIGURE', { claimant: ' ' }))
      .thenThrows('VALIDATION_FAILED', 'claimant');
    spec
      .given([])
      .when(createCommand('FIGURE', { provenance: 'LEAKED' }))
      .thenThrows('VALIDATION_FAILED', 'provenance');
    spec
      .given([])
      .when(createCommand('FIGURE', { countries: [involved('KH', 'SCOPE'), involved('LA', 'SCOPE')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
  });

  it('disputes only a figure that exists, is a figure, and is not retracted', () => {
    const disputing = createCommand('FIGURE', { ...official, recordId: IDS.other, disputes: IDS.figure });
    spec
      .given([])
      .when(disputing, { records: { [IDS.figure]: fact('FIGURE') } })
      .thenMatches([{ type: 'FigureReported', data: { recordId: IDS.other, disputes: IDS.figure } }]);
    spec.given([]).when(disputing).thenThrows('UNKNOWN_RECORD', 'disputes');
    spec
      .given([])
      .when(disputing, { records: { [IDS.figure]: fact('STATEMENT') } })
      .thenThrows('INVALID_REFERENCE', 'disputes');
    spec
      .given([])
      .when(disputing, { records: { [IDS.figure]: fact('FIGURE', [], true) } })
      .thenThrows('INVALID_REFERENCE', 'disputes');
  });

  it('cannot be corrected to dispute itself', () => {
    spec
      .given([createdEvent('FIGURE')])
      .when({ type: 'CorrectRecord', recordId: IDS.figure, changes: { disputes: IDS.figure }, reason: 'x' })
      .thenThrows('INVALID_REFERENCE', 'disputes');
  });

  it('is corrected, then retracted', () => {
    spec
      .given([createdEvent('FIGURE')])
      .when({
        type: 'CorrectRecord',
        recordId: IDS.figure,
        changes: { value: 98000, qualifier: 'AT_LEAST' },
        reason: 'UN update',
      })
      .then([
        {
          type: 'RecordCorrected',
          data: {
            recordId: IDS.figure,
            kind: 'FIGURE',
            changes: { value: 98000, qualifier: 'AT_LEAST' },
            reason: 'UN update',
          },
        },
      ]);
    spec
      .given([createdEvent('FIGURE')])
      .when({ type: 'RetractRecord', recordId: IDS.figure, reason: 'Misattributed' })
      .then([
        { type: 'RecordRetracted', data: { recordId: IDS.figure, kind: 'FIGURE', reason: 'Misattributed' } },
      ]);
  });
});
