import { deciderSpecification } from '../testing/decider-specification.js';
import { actorFact, createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { statementDecider } from './statement.decider.js';

const spec = deciderSpecification(statementDecider);

describe('STATEMENT', () => {
  it('is recorded with speaker, office, quote and date', () => {
    const state = spec
      .given([])
      .when(createCommand('STATEMENT'))
      .then([createdEvent('STATEMENT')]);
    expect(state).toMatchObject({
      status: 'recorded',
      fields: { speaker: 'Hun Manet', occurred: { date: '2025-02-06' } },
    });
  });

  it('needs a speaker, an office and a quote', () => {
    spec
      .given([])
      .when(createCommand('STATEMENT', { speaker: '' }))
      .thenThrows('VALIDATION_FAILED', 'speaker');
    spec
      .given([])
      .when(createCommand('STATEMENT', { office: null }))
      .thenThrows('VALIDATION_FAILED', 'office');
    spec
      .given([])
      .when(createCommand('STATEMENT', { quote: 42 }))
      .thenThrows('VALIDATION_FAILED', 'quote');
  });

  it('given a non-state speaker as an actor, when its statement names no acting country, then it is recorded', () => {
    spec
      .given([])
      .when(
        createCommand('STATEMENT', {
          speaker: 'Am Sam Ath',
          speakerId: IDS.actor,
          office: 'Operations director, Licadho',
          countries: [involved('KH', 'MENTIONED')],
        }),
        { records: { [IDS.actor]: actorFact('RIGHTS_DEFENDER') } },
      )
      .thenMatches([{ type: 'StatementRecorded', data: { speakerId: IDS.actor } }]);
  });

  it('given a state speaker as an actor, when its statement names no acting country, then it is refused', () => {
    spec
      .given([])
      .when(createCommand('STATEMENT', { speakerId: IDS.actor, countries: [involved('KH', 'MENTIONED')] }), {
        records: { [IDS.actor]: actorFact('OFFICIAL') },
      })
      .thenThrows('INVALID_COUNTRY', 'countries');
    spec
      .given([])
      .when(createCommand('STATEMENT', { speakerId: IDS.other }))
      .thenThrows('UNKNOWN_RECORD', 'speakerId');
  });

  it("needs the speaker's country as the one acting country", () => {
    spec
      .given([])
      .when(createCommand('STATEMENT', { countries: [involved('KH', 'MENTIONED')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
  });
});
