import { deciderSpecification } from '../testing/decider-specification.js';
import { ARTICLE, createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { arrestDecider } from './arrest.decider.js';
import type { ArrestEvent } from './arrest.events.js';

const spec = deciderSpecification(arrestDecider);
const id = IDS.arrest;
const reported: ArrestEvent = createdEvent('ARREST');
const update = (more: Record<string, unknown>) =>
  ({
    type: 'UpdateArrestFigures',
    recordId: id,
    on: { date: '2025-04', precision: 'MONTH' },
    sources: [ARTICLE],
    ...more,
  }) as const;

describe('ARREST', () => {
  it('is reported with the acting country, persons arrested, nationalities and charges', () => {
    spec.given([]).when(createCommand('ARREST')).then([reported]);
  });

  it('lists each nationality as NATIONALS_AFFECTED, adding it when missing', () => {
    spec
      .given([])
      .when(
        createCommand('ARREST', {
          countries: [involved('KH', 'ACTING')],
          nationalities: [
            { country: 'CN', count: 120 },
            { country: 'vn', count: 30 },
          ],
        }),
      )
      .then([
        createdEvent('ARREST', {
          countries: [
            involved('KH', 'ACTING'),
            involved('CN', 'NATIONALS_AFFECTED'),
            involved('VN', 'NATIONALS_AFFECTED'),
          ],
          nationalities: [
            { country: 'CN', count: 120 },
            { country: 'VN', count: 30 },
          ],
        }),
      ]);
  });

  it('needs exactly one acting country', () => {
    spec
      .given([])
      .when(createCommand('ARREST', { countries: [involved('CN', 'NATIONALS_AFFECTED')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
    spec
      .given([])
      .when(createCommand('ARREST', { countries: [involved('KH', 'ACTING'), involved('TH', 'ACTING')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
  });

  it('counts no more nationals than persons arrested, and each nationality once', () => {
    spec
      .given([])
      .when(createCommand('ARREST', { nationalities: [{ country: 'CN', count: 201 }] }))
      .thenThrows('VALIDATION_FAILED', 'nationalities');
    spec
      .given([])
      .when(
        createCommand('ARREST', {
          nationalities: [
            { country: 'CN', count: 1 },
            { country: 'CN', count: 2 },
          ],
        }),
      )
      .thenThrows('VALIDATION_FAILED', 'nationalities[1].country');
    spec
      .given([])
      .when(createCommand('ARREST', { nationalities: [{ country: 'CN', count: 0 }] }))
      .thenThrows('VALIDATION_FAILED', 'nationalities[0].count');
    spec
      .given([])
      .when(createCommand('ARREST', { personsArrested: 0 }))
      .thenThrows('VALIDATION_FAILED', 'personsArrested');
    spec
      .given([])
      .when(createCommand('ARREST', { personsArrested: 1.5 }))
      .thenThrows('VALIDATION_FAILED', 'personsArrested');
  });

  it('gets later figures, each replacing the last', () => {
    const first = spec
      .given([reported])
      .when(update({ deported: 150 }))
      .then([
        {
          type: 'ArrestFiguresUpdated',
          data: {
            recordId: id,
            on: { date: '2025-04', precision: 'MONTH' },
            deported: 150,
            sources: [ARTICLE],
          },
        },
      ]);
    expect(first).toMatchObject({ figures: { deported: 150 } });
    const state = spec
      .given([
        reported,
        {
          type: 'ArrestFiguresUpdated',
          data: {
            recordId: id,
            on: { date: '2025-04', precision: 'MONTH' },
            deported: 150,
            sources: [ARTICLE],
          },
        },
      ])
      .when(update({ deported: 160, prosecuted: 20, on: { date: '2025-05', precision: 'MONTH' } }))
      .thenMatches([{ type: 'ArrestFiguresUpdated' }]);
    expect(state).toMatchObject({
      figures: { deported: 160, prosecuted: 20, on: { date: '2025-05', precision: 'MONTH' } },
    });
  });

  it('refuses figures above the persons arrested, no figure at all, or no source', () => {
    spec
      .given([reported])
      .when(update({ prosecuted: 201 }))
      .thenThrows('VALIDATION_FAILED', 'prosecuted');
    spec
      .given([reported])
      .when(update({ deported: null }))
      .thenThrows('VALIDATION_FAILED', 'deported');
    spec
      .given([reported])
      .when(update({ deported: 1, sources: [] }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
    spec
      .given([reported])
      .when(update({ deported: 1, on: { date: '2025-02', precision: 'MONTH' } }))
      .thenThrows('INVALID_DATE', 'on');
  });

  it('refuses a correction that puts the persons arrested below a figure already reported', () => {
    spec
      .given([
        reported,
        {
          type: 'ArrestFiguresUpdated',
          data: {
            recordId: id,
            on: { date: '2025-04', precision: 'MONTH' },
            deported: 150,
            sources: [ARTICLE],
          },
        },
      ])
      .when({
        type: 'CorrectRecord',
        recordId: id,
        changes: { personsArrested: 140, nationalities: [] },
        reason: 'x',
      })
      .thenThrows('VALIDATION_FAILED', 'personsArrested');
  });
});
