import { deciderSpecification } from '../testing/decider-specification.js';
import { actorFact, ARTICLE, createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { actorDecider } from './actor.decider.js';
import type { ActorEvent } from './actor.events.js';

const spec = deciderSpecification(actorDecider);
const created: ActorEvent = createdEvent('ACTOR');
const merge = (into: string = IDS.otherActor) =>
  ({ type: 'MergeActor', recordId: IDS.actor, into, reason: 'The same firm', sources: [ARTICLE] }) as const;
const knownActors = { records: { [IDS.otherActor]: actorFact('COMPANY') } };

describe('ACTOR', () => {
  it('given nothing, when an organisation without a country is recorded, then it is recorded as it was described', () => {
    const state = spec.given([]).when(createCommand('ACTOR')).then([created]);
    expect(state).toMatchObject({ status: 'recorded', fields: { name: 'Elliptic', countries: [] } });
  });

  it('given nothing, when a person is recorded with names in several scripts and a home country, then each is kept', () => {
    spec
      .given([])
      .when(
        createCommand('ACTOR', {
          actorType: 'RIGHTS_DEFENDER',
          name: 'Am Sam Ath',
          names: [{ value: 'អំ សំអាត', language: 'km' }],
          aliases: ['Am Sam Ath (Licadho)'],
          countries: [involved('KH', 'HOME')],
        }),
      )
      .thenMatches([
        {
          type: 'ActorRecorded',
          data: { names: [{ value: 'អំ សំអាត', language: 'km' }], countries: [{ code: 'KH', role: 'HOME' }] },
        },
      ]);
  });

  it('refuses what is not an actor: an unknown type, a name without a language tag, two home countries', () => {
    spec
      .given([])
      .when(createCommand('ACTOR', { actorType: 'CLUB' }))
      .thenThrows('VALIDATION_FAILED', 'actorType');
    spec
      .given([])
      .when(createCommand('ACTOR', { names: [{ value: 'អំ សំអាត', language: 'Khmer' }] }))
      .thenThrows('VALIDATION_FAILED', 'names[0].language');
    spec
      .given([])
      .when(createCommand('ACTOR', { countries: [involved('KH', 'HOME'), involved('TH', 'HOME')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
    spec
      .given([])
      .when(createCommand('ACTOR', { countries: [involved('KH', 'ACTING')] }))
      .thenThrows('INVALID_COUNTRY', 'countries[0].role');
  });

  it('given an actor, when it is merged into another, then it is kept as merged, pointing to the survivor', () => {
    const state = spec
      .given([created])
      .when(merge(), knownActors)
      .then([
        {
          type: 'ActorMerged',
          data: { recordId: IDS.actor, into: IDS.otherActor, reason: 'The same firm', sources: [ARTICLE] },
        },
      ]);
    expect(state).toMatchObject({ status: 'merged', merger: { into: IDS.otherActor } });
  });

  it('refuses a merge into itself, into no actor, into a merged one, and a second merge', () => {
    spec.given([created]).when(merge(IDS.actor), knownActors).thenThrows('INVALID_REFERENCE', 'into');
    spec.given([created]).when(merge(IDS.other)).thenThrows('UNKNOWN_RECORD', 'into');
    spec
      .given([created])
      .when(merge(), { records: { [IDS.otherActor]: actorFact('COMPANY', IDS.other) } })
      .thenThrows('INVALID_REFERENCE', 'into');
    const merged: ActorEvent = {
      type: 'ActorMerged',
      data: { recordId: IDS.actor, into: IDS.otherActor, reason: 'x', sources: [] },
    };
    spec.given([created, merged]).when(merge(), knownActors).thenThrows('INVALID_TRANSITION', 'recordId');
  });
});
