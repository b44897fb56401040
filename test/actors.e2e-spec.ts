import { startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes, gql, gqlData } from './support/gql.js';
import {
  actorInput,
  allegationInput,
  figureInput,
  statementInput,
  stepSources,
} from './support/mutation-inputs.js';
import { mutate, tryMutate } from './support/mutations.js';
import { subscribe } from './support/subscriptions.js';

/*
 * Actors and allegations through the public API, as a rights group would record the seed article's
 * cast: who speaks and claims what, who alleges what about whom, an allegation's status moved by linked
 * evidence, and two records of one actor merged into one, the old id still answering.
 */
const ACTOR = `query($id: ID!) {
  actor(id: $id) {
    id name actorType names { value language } aliases countries { code role }
    merger { into reason }
    references(first: 10) { totalCount edges { node { role record { id kind } } } }
  }
}`;

describe('actors and allegations', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  const record = async (overrides: Record<string, unknown>) =>
    (await mutate(server, 'recordActor', actorInput(overrides))).recordId;

  it('records an actor of each type, with names in several scripts, found by any of its names', async () => {
    const types = [
      ['GOVERNMENT_BODY', 'Ministry of Post and Telecommunications', [{ code: 'KH', role: 'HOME' }]],
      ['NGO', 'Licadho', [{ code: 'KH', role: 'HOME' }]],
      ['INTERGOVERNMENTAL_BODY', 'UN Human Rights Office', []],
      ['COMPANY', 'Huione Group', [{ code: 'KH', role: 'HOME' }]],
      ['MEDIA_OUTLET', 'S.A. TVHD Online', [{ code: 'KH', role: 'HOME' }]],
      ['RESEARCH_BODY', 'United States Institute of Peace', [{ code: 'US', role: 'HOME' }]],
      ['OFFICIAL', 'Hun Manet', [{ code: 'KH', role: 'HOME' }]],
      ['JOURNALIST', 'A detained journalist', [{ code: 'KH', role: 'HOME' }]],
      ['RIGHTS_DEFENDER', 'Am Sam Ath', [{ code: 'KH', role: 'HOME' }]],
      ['PERSON', 'A ministry spokesperson', [{ code: 'KH', role: 'HOME' }]],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [actorType, name, countries] of types) {
      ids[actorType] = await record({
        actorType,
        name,
        countries,
        ...(name === 'Am Sam Ath'
          ? { names: [{ value: 'អំ សំអាត', language: 'km' }], aliases: ['Am Sam At'] }
          : {}),
      });
    }
    const defender = await gqlData(server.url, ACTOR, { id: ids.RIGHTS_DEFENDER });
    expect(defender.actor).toMatchObject({
      name: 'Am Sam Ath',
      actorType: 'RIGHTS_DEFENDER',
      names: [{ value: 'អំ សំអាត', language: 'km' }],
      countries: [{ code: 'KH', role: 'HOME' }],
    });

    const byName = async (name: string, more = '') =>
      (
        await gqlData(
          server.url,
          `{ actors(filter: { name: ${JSON.stringify(name)} ${more} }) { edges { node { id } } } }`,
        )
      ).actors.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await byName('អំ')).toEqual([ids.RIGHTS_DEFENDER]);
    expect(await byName('am sam at')).toEqual([ids.RIGHTS_DEFENDER]);
    expect(await byName('huione')).toEqual([ids.COMPANY]);
    expect(await byName('hun', ', types: [OFFICIAL], country: "KH"')).toEqual([ids.OFFICIAL]);
    expect(await byName('hun', ', types: [NGO]')).toEqual([]);
    const unBodies = await gqlData(
      server.url,
      '{ actors(filter: { types: [INTERGOVERNMENTAL_BODY] }) { totalCount } }',
    );
    expect(unBodies.actors.totalCount).toBe(1);
  });

  it("lets a non-state speaker's statement name no acting country, and finds what each actor said and claimed", async () => {
    const ngo = await record({
      actorType: 'NGO',
      name: 'Licadho (statement test)',
      countries: [{ code: 'KH', role: 'HOME' }],
    });
    const official = await record({ actorType: 'OFFICIAL', name: 'An official (statement test)' });
    const statement = await mutate(server, 'recordStatement', {
      ...statementInput(),
      speaker: 'Am Sam Ath',
      speakerId: ngo,
      office: 'Operations director, Licadho',
      countries: [{ code: 'KH', role: 'MENTIONED' }],
    });
    // An official's statement still needs the country it speaks for.
    const refused = await tryMutate(server, 'recordStatement', {
      ...statementInput(),
      speakerId: official,
      countries: [{ code: 'KH', role: 'MENTIONED' }],
    });
    expect(errorCodes(refused)).toEqual(['INVALID_COUNTRY']);
    const figure = await mutate(server, 'reportFigure', { ...figureInput(), claimantId: ngo });

    const found = await gqlData(server.url, ACTOR, { id: ngo });
    expect(found.actor.references.totalCount).toBe(2);
    expect(
      found.actor.references.edges.map((edge: { node: { role: string; record: { id: string } } }) => [
        edge.node.role,
        edge.node.record.id,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['SPEAKER', statement.recordId],
        ['CLAIMANT', figure.recordId],
      ]),
    );
    const unknown = await tryMutate(server, 'reportFigure', {
      ...figureInput(),
      claimantId: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a0000ff',
    });
    expect(errorCodes(unknown)).toEqual(['UNKNOWN_RECORD']);
  });

  it('moves an allegation from alleged to denied to corroborated as evidence is linked, and back when unlinked', async () => {
    const elliptic = await record({ actorType: 'COMPANY', name: 'Elliptic (allegation test)' });
    const huione = await record({ actorType: 'COMPANY', name: 'Huione Group (allegation test)' });
    const allegation = await mutate(server, 'recordAllegation', allegationInput(elliptic, [huione]));
    const status = async () =>
      (
        await gqlData(
          server.url,
          `{ record(id: "${allegation.recordId}") { ... on Allegation { status: allegationStatus claim allegedBy about evidenceLinks { recordId relation } } } }`,
        )
      ).record;
    expect(await status()).toMatchObject({ status: 'ALLEGED', allegedBy: elliptic, about: [huione] });

    const denial = await mutate(server, 'recordStatement', {
      ...statementInput(),
      speaker: 'Huione Group',
      speakerId: huione,
      office: 'Company statement',
      countries: [{ code: 'KH', role: 'MENTIONED' }],
    });
    await mutate(server, 'linkAllegationEvidence', {
      recordId: allegation.recordId,
      evidenceId: denial.recordId,
      relation: 'DENIES',
      sources: stepSources(),
    });
    expect((await status()).status).toBe('DENIED');
    const corroboration = await mutate(server, 'reportFigure', figureInput());
    await mutate(server, 'linkAllegationEvidence', {
      recordId: allegation.recordId,
      evidenceId: corroboration.recordId,
      relation: 'CORROBORATES',
    });
    expect((await status()).status).toBe('CORROBORATED');
    await mutate(server, 'unlinkAllegationEvidence', {
      recordId: allegation.recordId,
      evidenceId: corroboration.recordId,
      reason: 'The figure was about something else',
    });
    expect((await status()).status).toBe('DENIED');
    // The denial itself retracted: it no longer counts, as a retracted record counts for nothing.
    await mutate(server, 'retractRecord', { recordId: denial.recordId, reason: 'Misattributed statement' });
    expect((await status()).status).toBe('ALLEGED');
    await mutate(server, 'correctRetraction', {
      recordId: denial.recordId,
      reason: 'The attribution was right',
      reinstate: true,
    });
    expect((await status()).status).toBe('DENIED');

    // Who alleged what about whom, from either side.
    const accused = await gqlData(server.url, ACTOR, { id: huione });
    expect(
      accused.actor.references.edges.map((edge: { node: { role: string } }) => edge.node.role).sort(),
    ).toEqual(['ALLEGED_AGAINST', 'SPEAKER']);
    const accuser = await gqlData(server.url, ACTOR, { id: elliptic });
    expect(accuser.actor.references.edges).toEqual([
      { node: { role: 'ALLEGES', record: { id: allegation.recordId, kind: 'ALLEGATION' } } },
    ]);
  });

  it('merges two records of one actor: the old id answers with the survivor, and its records go with it', async () => {
    const survivor = await record({ actorType: 'NGO', name: 'Licadho (merge test)' });
    const duplicate = await record({ actorType: 'NGO', name: 'LICADHO (merge test duplicate)' });
    const statement = await mutate(server, 'recordStatement', {
      ...statementInput(),
      speakerId: duplicate,
      countries: [{ code: 'KH', role: 'MENTIONED' }],
    });
    // A recorder may not merge: it is a reviewer's judgement.
    const refused = await tryMutate(
      server,
      'mergeActor',
      { recordId: duplicate, into: survivor, reason: 'Same NGO' },
      { token: server.tokens.recorder },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    await mutate(server, 'mergeActor', {
      recordId: duplicate,
      into: survivor,
      reason: 'Same NGO, two spellings',
    });

    const viaOldId = await gqlData(server.url, ACTOR, { id: duplicate });
    expect(viaOldId.actor.id).toBe(survivor);
    expect(viaOldId.actor.references.edges).toEqual([
      { node: { role: 'SPEAKER', record: { id: statement.recordId, kind: 'STATEMENT' } } },
    ]);
    // The merged record itself keeps its history and says where it went.
    const merged = await gqlData(
      server.url,
      `{ record(id: "${duplicate}") { ... on Actor { merger { into reason } } } }`,
    );
    expect(merged.record.merger).toEqual({ into: survivor, reason: 'Same NGO, two spellings' });
    // It is no longer listed, and naming it now is refused in favour of the survivor.
    const listed = await gqlData(
      server.url,
      '{ actors(filter: { name: "licadho (merge test" }) { edges { node { id } } } }',
    );
    expect(listed.actors.edges).toEqual([{ node: { id: survivor } }]);
    const again = await tryMutate(server, 'reportFigure', { ...figureInput(), claimantId: duplicate });
    expect(errorCodes(again)).toEqual(['INVALID_REFERENCE']);
    const twice = await tryMutate(server, 'mergeActor', {
      recordId: duplicate,
      into: survivor,
      reason: 'again',
    });
    expect(errorCodes(twice)).toEqual(['INVALID_TRANSITION']);
  });

  it("filters records by the actors they name, and pushes a followed actor's changes, and only those", async () => {
    const ngo = await record({
      actorType: 'NGO',
      name: 'Filter test NGO',
      countries: [{ code: 'KH', role: 'HOME' }],
    });
    const other = await record({ actorType: 'NGO', name: 'Filter test other NGO' });
    const follow = await subscribe(
      server,
      'subscription($actors: [ID!]) { recordChanged(actors: $actors) { recordId kind actors } }',
      { actors: [ngo] },
    );
    try {
      // Not about the NGO: the subscriber does not hear of it.
      await mutate(server, 'reportFigure', { ...figureInput(), claimantId: other });
      const statement = await mutate(server, 'recordStatement', {
        ...statementInput(),
        speakerId: ngo,
        countries: [{ code: 'KH', role: 'MENTIONED' }],
      });
      const figure = await mutate(server, 'reportFigure', { ...figureInput(), claimantId: ngo });
      expect((await follow.next()).data.recordChanged).toEqual({
        recordId: statement.recordId,
        kind: 'STATEMENT',
        actors: [ngo],
      });
      expect((await follow.next()).data.recordChanged.recordId).toBe(figure.recordId);
      expect(follow.received).toHaveLength(2);

      const named = async (filter: string) =>
        (await gqlData(server.url, `{ records(filter: ${filter}) { totalCount edges { node { id } } } }`))
          .records;
      const all = await named(`{ actors: ["${ngo}"] }`);
      expect(all.totalCount).toBe(2);
      expect(all.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual(
        [statement.recordId, figure.recordId].sort(),
      );
      expect((await named(`{ actors: ["${ngo}"], kinds: [FIGURE] }`)).edges).toEqual([
        { node: { id: figure.recordId } },
      ]);
      expect((await named(`{ actors: ["${ngo}", "${other}"], countries: ["LA"] }`)).totalCount).toBe(0);
    } finally {
      await follow.close();
    }
    // Following an actor the tracker does not know is refused with its code, nothing held.
    const unknown = await subscribe(
      server,
      'subscription($actors: [ID!]) { recordChanged(actors: $actors) { recordId } }',
      {
        actors: ['0b7c1a52-6a8e-4c1e-9d55-4f1a0a0000ee'],
      },
    );
    try {
      expect((await unknown.failed()).map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    } finally {
      await unknown.close();
    }
  });

  it('refuses bad actor input with the field and its code, recording nothing', async () => {
    const before = await gqlData(server.url, '{ actors { totalCount } }');
    const badTag = await tryMutate(
      server,
      'recordActor',
      actorInput({ names: [{ value: 'x', language: 'Khmer' }] }),
    );
    expect(errorCodes(badTag)).toEqual(['BAD_USER_INPUT']);
    const twoHomes = await tryMutate(
      server,
      'recordActor',
      actorInput({
        countries: [
          { code: 'KH', role: 'HOME' },
          { code: 'TH', role: 'HOME' },
        ],
      }),
    );
    expect(errorCodes(twoHomes)).toEqual(['INVALID_COUNTRY']);
    const missing = await gql(server.url, '{ actor(id: "0b7c1a52-6a8e-4c1e-9d55-4f1a0a0000ee") { id } }');
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const badFilter = await gql(server.url, '{ actors(filter: { country: "Cambodia" }) { totalCount } }');
    expect(errorCodes(badFilter)).toEqual(['BAD_USER_INPUT']);
    expect((await gqlData(server.url, '{ actors { totalCount } }')).actors.totalCount).toBe(
      before.actors.totalCount,
    );
  });
});
