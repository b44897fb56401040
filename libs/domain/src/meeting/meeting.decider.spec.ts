import { deciderSpecification } from '../testing/decider-specification.js';
import { createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { meetingDecider } from './meeting.decider.js';

const spec = deciderSpecification(meetingDecider);

describe('MEETING', () => {
  it('is recorded as held, with its countries, bodies and outcome', () => {
    const state = spec
      .given([])
      .when(createCommand('MEETING'))
      .then([createdEvent('MEETING')]);
    expect(state).toMatchObject({
      status: 'held',
      fields: { place: 'Phnom Penh', bodies: ['Mekong-Lancang Cooperation'] },
    });
  });

  it('may omit place, bodies and outcome', () => {
    spec
      .given([])
      .when(createCommand('MEETING', { place: undefined, bodies: undefined, outcomeSummary: undefined }))
      .then(
        [createdEvent('MEETING', { place: undefined, bodies: [], outcomeSummary: undefined })].map(
          stripUndefined,
        ),
      );
  });

  it('needs a host or a participant country', () => {
    spec
      .given([])
      .when(createCommand('MEETING', { countries: [involved('KH', 'MENTIONED')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
  });

  it('refuses roles that belong to other kinds', () => {
    spec
      .given([])
      .when(createCommand('MEETING', { countries: [involved('KH', 'HOST'), involved('CN', 'SIGNATORY')] }))
      .thenThrows('INVALID_COUNTRY', 'countries[1].role');
  });

  it('needs a title', () => {
    spec
      .given([])
      .when(createCommand('MEETING', { title: undefined }))
      .thenThrows('VALIDATION_FAILED', 'title');
  });

  it('has no lifecycle command of its own', () => {
    spec
      .given([createdEvent('MEETING')])
      .when({ type: 'DissolveTaskForce', recordId: IDS.meeting } as never)
      .thenThrows('KIND_MISMATCH', 'type');
  });
});

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
