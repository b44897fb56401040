import { deciderSpecification } from '../testing/decider-specification.js';
import { createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { shutdownDecider } from './shutdown.decider.js';

const spec = deciderSpecification(shutdownDecider);

describe('SHUTDOWN', () => {
  it('is reported with count, period, target, action, categories and authority', () => {
    const state = spec
      .given([])
      .when(createCommand('SHUTDOWN'))
      .then([createdEvent('SHUTDOWN')]);
    expect(state).toMatchObject({ status: 'reported', fields: { count: 18000 } });
  });

  it('needs a positive whole count', () => {
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { count: 0 }))
      .thenThrows('VALIDATION_FAILED', 'count');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { count: '18000' }))
      .thenThrows('VALIDATION_FAILED', 'count');
  });

  it('needs known categories, at least one, each once', () => {
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { categories: [] }))
      .thenThrows('VALIDATION_FAILED', 'categories');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { categories: ['SCAM', 'PIRACY'] }))
      .thenThrows('VALIDATION_FAILED', 'categories[1]');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { categories: ['SCAM', 'SCAM'] }))
      .then([createdEvent('SHUTDOWN', { categories: ['SCAM'] })]);
  });

  it('needs a target, an action, an authority and one acting country', () => {
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { target: 'SITES' }))
      .thenThrows('VALIDATION_FAILED', 'target');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { action: 'HIDDEN' }))
      .thenThrows('VALIDATION_FAILED', 'action');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { authority: '' }))
      .thenThrows('VALIDATION_FAILED', 'authority');
    spec
      .given([])
      .when(createCommand('SHUTDOWN', { countries: [involved('KH', 'SCOPE')] }))
      .thenThrows('INVALID_COUNTRY', 'countries[0].role');
  });

  it('has a correctable count, and no lifecycle command of its own', () => {
    spec
      .given([createdEvent('SHUTDOWN')])
      .when({
        type: 'CorrectRecord',
        recordId: IDS.shutdown,
        changes: { count: 16000 },
        reason: 'Ministry revised it',
      })
      .then([
        {
          type: 'RecordCorrected',
          data: {
            recordId: IDS.shutdown,
            kind: 'SHUTDOWN',
            changes: { count: 16000 },
            reason: 'Ministry revised it',
          },
        },
      ]);
  });
});
