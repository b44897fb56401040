import { deciderSpecification } from '../testing/decider-specification.js';
import { actorFact, createCommand, createdEvent, fact, IDS } from '../testing/fixtures.js';
import { allegationDecider } from './allegation.decider.js';
import type { LinkAllegationEvidence } from './allegation.commands.js';
import type { AllegationEvent } from './allegation.events.js';

const spec = deciderSpecification(allegationDecider);
const actors = { [IDS.actor]: actorFact('COMPANY'), [IDS.otherActor]: actorFact('COMPANY') };
const created: AllegationEvent = createdEvent('ALLEGATION');
const link = (evidenceId: string, relation: string) =>
  ({
    type: 'LinkAllegationEvidence',
    recordId: IDS.allegation,
    evidenceId,
    relation,
  }) as unknown as LinkAllegationEvidence;
const linked = (evidenceId: string, relation: 'DENIES' | 'CORROBORATES' | 'REFUTES'): AllegationEvent => ({
  type: 'AllegationEvidenceLinked',
  data: { recordId: IDS.allegation, evidenceId, relation, sources: [] },
});
const evidence = { records: { [IDS.statement]: fact('STATEMENT'), [IDS.figure]: fact('FIGURE') } };

describe('ALLEGATION', () => {
  it('given two actors, when one alleges something of the other, then it is recorded as alleged', () => {
    const state = spec.given([]).when(createCommand('ALLEGATION'), { records: actors }).then([created]);
    expect(state).toMatchObject({ status: 'ALLEGED', evidence: [] });
  });

  it('refuses an allegation by or about no actor, by a merged actor, or by one about itself', () => {
    spec.given([]).when(createCommand('ALLEGATION')).thenThrows('UNKNOWN_RECORD', 'allegedBy');
    spec
      .given([])
      .when(createCommand('ALLEGATION'), { records: { [IDS.actor]: actorFact('COMPANY', IDS.other) } })
      .thenThrows('INVALID_REFERENCE', 'allegedBy');
    spec
      .given([])
      .when(createCommand('ALLEGATION', { about: [IDS.statement] }), {
        records: { ...actors, [IDS.statement]: fact('STATEMENT') },
      })
      .thenThrows('INVALID_REFERENCE', 'about[0]');
    spec
      .given([])
      .when(createCommand('ALLEGATION', { about: [IDS.actor] }), { records: actors })
      .thenThrows('INVALID_REFERENCE', 'about');
    spec
      .given([])
      .when(createCommand('ALLEGATION', { about: [] }), { records: actors })
      .thenThrows('VALIDATION_FAILED', 'about');
  });

  it('given an allegation, when a denial is linked, then it is denied; when a corroboration is, corroborated', () => {
    const denied = spec
      .given([created])
      .when(link(IDS.statement, 'DENIES'), evidence)
      .then([linked(IDS.statement, 'DENIES')]);
    expect(denied).toMatchObject({ status: 'DENIED' });
    const corroborated = spec
      .given([created, linked(IDS.statement, 'DENIES')])
      .when(link(IDS.figure, 'CORROBORATES'), evidence)
      .then([linked(IDS.figure, 'CORROBORATES')]);
    expect(corroborated).toMatchObject({ status: 'CORROBORATED' });
  });

  it('given a refutation among its links, then it is refuted; unlinked, it goes back to what the rest say', () => {
    const refuted = spec
      .given([created, linked(IDS.figure, 'CORROBORATES')])
      .when(link(IDS.statement, 'REFUTES'), evidence)
      .then([linked(IDS.statement, 'REFUTES')]);
    expect(refuted).toMatchObject({ status: 'REFUTED' });
    const after = spec
      .given([created, linked(IDS.figure, 'CORROBORATES'), linked(IDS.statement, 'REFUTES')])
      .when({
        type: 'UnlinkAllegationEvidence',
        recordId: IDS.allegation,
        evidenceId: IDS.statement,
        reason: 'Misread',
      })
      .then([
        {
          type: 'AllegationEvidenceUnlinked',
          data: { recordId: IDS.allegation, evidenceId: IDS.statement, reason: 'Misread' },
        },
      ]);
    expect(after).toMatchObject({ status: 'CORROBORATED' });
  });

  it('refuses evidence that is unknown, retracted, itself, already linked, or of no known relation', () => {
    spec.given([created]).when(link(IDS.other, 'DENIES')).thenThrows('UNKNOWN_RECORD', 'evidenceId');
    spec
      .given([created])
      .when(link(IDS.figure, 'DENIES'), { records: { [IDS.figure]: fact('FIGURE', [], true) } })
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec.given([created]).when(link(IDS.allegation, 'DENIES')).thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec
      .given([created, linked(IDS.figure, 'DENIES')])
      .when(link(IDS.figure, 'REFUTES'), evidence)
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec
      .given([created])
      .when(link(IDS.figure, 'SUPPORTS'), evidence)
      .thenThrows('VALIDATION_FAILED', 'relation');
    spec
      .given([created])
      .when({
        type: 'UnlinkAllegationEvidence',
        recordId: IDS.allegation,
        evidenceId: IDS.figure,
        reason: 'x',
      })
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
  });
});
