import { deciderSpecification } from '../testing/decider-specification.js';
import { ARTICLE, createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { taskForceDecider } from './task-force.decider.js';
import type { TaskForceEvent } from './task-force.events.js';

const spec = deciderSpecification(taskForceDecider);
const id = IDS.taskForce;
const created: TaskForceEvent = createdEvent('TASK_FORCE');
const dissolve = (date = '2025-05', more: Record<string, unknown> = {}) =>
  ({
    type: 'DissolveTaskForce',
    recordId: id,
    on: { date, precision: 'MONTH' },
    sources: [ARTICLE],
    ...more,
  }) as const;
const dissolved: TaskForceEvent = {
  type: 'TaskForceDissolved',
  data: {
    recordId: id,
    on: { date: '2025-05', precision: 'MONTH' },
    reason: 'Merged into the commission',
    sources: [ARTICLE],
  },
};

describe('TASK_FORCE', () => {
  it('is created active, with its member agencies', () => {
    const state = spec.given([]).when(createCommand('TASK_FORCE')).then([created]);
    expect(state).toMatchObject({
      status: 'active',
      fields: {
        memberAgencies: [
          'Ministry of Interior',
          'National Police',
          'Ministry of Post and Telecommunications',
        ],
      },
    });
  });

  it('may be created jointly by several acting countries', () => {
    const countries = [involved('KH', 'ACTING'), involved('CN', 'ACTING')];
    spec
      .given([])
      .when(createCommand('TASK_FORCE', { countries }))
      .then([createdEvent('TASK_FORCE', { countries })]);
  });

  it('needs an acting country, a name, a mandate and a member agency', () => {
    spec
      .given([])
      .when(createCommand('TASK_FORCE', { countries: [involved('KH', 'MENTIONED')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
    spec
      .given([])
      .when(createCommand('TASK_FORCE', { name: ' ' }))
      .thenThrows('VALIDATION_FAILED', 'name');
    spec
      .given([])
      .when(createCommand('TASK_FORCE', { mandate: undefined }))
      .thenThrows('VALIDATION_FAILED', 'mandate');
    spec
      .given([])
      .when(createCommand('TASK_FORCE', { memberAgencies: [] }))
      .thenThrows('VALIDATION_FAILED', 'memberAgencies');
  });

  it('is dissolved with a date, a reason and a source', () => {
    const state = spec
      .given([created])
      .when(dissolve('2025-05', { reason: 'Merged into the commission' }))
      .then([dissolved]);
    expect(state).toMatchObject({
      status: 'dissolved',
      dissolution: { reason: 'Merged into the commission' },
    });
  });

  it('is dissolved once (INVALID_TRANSITION)', () => {
    spec.given([created, dissolved]).when(dissolve('2025-06')).thenThrows('INVALID_TRANSITION', 'recordId');
  });

  it('is not dissolved before it was created, nor after today (INVALID_DATE)', () => {
    spec.given([created]).when(dissolve('2025-01')).thenThrows('INVALID_DATE', 'on');
    spec.given([created]).when(dissolve('2025-07')).thenThrows('INVALID_DATE', 'on');
  });

  it('is not dissolved without a source', () => {
    spec
      .given([created])
      .when(dissolve('2025-05', { sources: [] }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
  });

  it('can still be corrected once dissolved, but not dissolved once retracted', () => {
    spec
      .given([created, dissolved])
      .when({
        type: 'CorrectRecord',
        recordId: id,
        changes: { mandate: 'Coordinate the crackdown.' },
        reason: 'Official text',
      })
      .thenMatches([{ type: 'RecordCorrected' }]);
    spec
      .given([created, { type: 'RecordRetracted', data: { recordId: id, kind: 'TASK_FORCE', reason: 'x' } }])
      .when(dissolve())
      .thenThrows('RECORD_RETRACTED');
  });
});
