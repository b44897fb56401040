import { startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes, gqlData } from './support/gql.js';
import {
  arrestInput,
  commitmentInput,
  day,
  detentionInput,
  figureInput,
  meetingInput,
  shutdownInput,
  statementInput,
  stepSources,
  taskForceInput,
} from './support/mutation-inputs.js';
import { mutate, storeHead, tryMutate } from './support/mutations.js';

/*
 * Every mutation's happy path on a real server: each answers with the record as projected (the read
 * model has reached the append) and the position of the append.
 */
describe('mutations', () => {
  let server: RunningServer;
  let url: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
    url = server.url;
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([
    ['recordMeeting', 'MEETING', () => meetingInput()],
    ['recordStatement', 'STATEMENT', () => statementInput()],
    ['makeCommitment', 'COMMITMENT', () => commitmentInput(ids.MEETING!)],
    ['createTaskForce', 'TASK_FORCE', () => taskForceInput()],
    ['reportArrest', 'ARREST', () => arrestInput()],
    ['reportDetention', 'DETENTION', () => detentionInput()],
    ['reportShutdown', 'SHUTDOWN', () => shutdownInput()],
    ['reportFigure', 'FIGURE', () => figureInput()],
  ])('%s records a %s and answers with it as projected', async (mutation, kind, input) => {
    const before = await storeHead(url);
    const payload = await mutate(server, mutation, input());
    expect(payload).toMatchObject({ kind, replayed: false, eventCount: 1 });
    expect(payload.record).toMatchObject({ id: payload.recordId, kind, retracted: false });
    expect(payload.position > (before ?? '')).toBe(true);
    expect(await storeHead(url)).toBe(payload.position);
    ids[kind] = payload.recordId;
  });

  it('answers with the fields of each kind, as projected', async () => {
    const data = await gqlData(
      url,
      `query($id: ID!) { record(id: $id) { ... on Shutdown { count categories } } }`,
      {
        id: ids.SHUTDOWN,
      },
    );
    expect(data.record).toEqual({ count: 18000, categories: ['GAMBLING', 'SCAM'] });
  });

  describe('commitment lifecycle', () => {
    it('assessCommitment, linkEvidence, unlinkEvidence, setImplementationStatus', async () => {
      const commitment = ids.COMMITMENT!;
      const assessed = await mutate(server, 'assessCommitment', {
        recordId: commitment,
        assessor: 'Human Rights Watch',
        country: 'KH',
        rating: 'LIMITED',
        rationale: 'Raids continue, but compounds reopen.',
        sources: stepSources(),
        assessedOn: '2025-03-01',
      });
      expect(assessed).toMatchObject({ recordId: commitment, kind: 'COMMITMENT', eventCount: 1 });

      const linked = await mutate(server, 'linkEvidence', {
        recordId: commitment,
        evidenceId: ids.TASK_FORCE,
        relation: 'SUPPORTS',
        note: 'Created to fulfil the commitment.',
      });
      // SUPPORTS on NO_EVIDENCE also sets LIMITED: two events, one command.
      expect(linked.eventCount).toBe(2);

      const contradiction = await mutate(server, 'linkEvidence', {
        recordId: commitment,
        evidenceId: ids.DETENTION,
        relation: 'CONTRADICTS',
      });
      expect(contradiction.eventCount).toBe(1);

      const unlinked = await mutate(server, 'unlinkEvidence', {
        recordId: commitment,
        evidenceId: ids.DETENTION,
        reason: 'Linked to the wrong commitment.',
      });
      expect(unlinked.eventCount).toBe(1);

      const set = await mutate(server, 'setImplementationStatus', {
        recordId: commitment,
        status: 'SUBSTANTIAL',
        countries: ['KH'],
        reason: 'The task force has closed most compounds.',
        sources: stepSources(),
      });
      expect(set.eventCount).toBe(1);
    });
  });

  it('dissolveTaskForce and updateArrestFigures', async () => {
    const dissolved = await mutate(server, 'dissolveTaskForce', {
      recordId: ids.TASK_FORCE,
      on: day('2025-06-01'),
      reason: 'Merged into the national commission.',
      sources: stepSources(),
    });
    expect(dissolved).toMatchObject({ kind: 'TASK_FORCE', eventCount: 1 });

    const figures = await mutate(server, 'updateArrestFigures', {
      recordId: ids.ARREST,
      on: day('2025-04-01'),
      deported: 150,
      prosecuted: 20,
      sources: stepSources(),
    });
    expect(figures).toMatchObject({ kind: 'ARREST', eventCount: 1 });
  });

  describe('detention lifecycle', () => {
    const step = (recordId: string, date: string) => ({ recordId, on: day(date), sources: stepSources() });

    it('charge, bail, conviction, release and a note', async () => {
      const id = ids.DETENTION!;
      await mutate(server, 'chargeDetention', { ...step(id, '2025-01-15'), charges: ['incitement'] });
      await mutate(server, 'releaseDetentionOnBail', {
        ...step(id, '2025-01-20'),
        conditions: 'Report weekly.',
      });
      await mutate(server, 'convictDetention', {
        ...step(id, '2025-02-01'),
        sentence: { description: 'two years in prison', custodial: true, months: 24 },
      });
      await mutate(server, 'releaseDetention', { ...step(id, '2025-02-10'), reason: 'Royal pardon.' });
      const noted = await mutate(server, 'addDetentionNote', {
        ...step(id, '2025-02-11'),
        category: 'APOLOGY',
        note: 'The journalists published an apology.',
      });
      expect(noted).toMatchObject({ kind: 'DETENTION', eventCount: 1 });
      const data = await gqlData(url, `query($id: ID!) { record(id: $id) { ... on Detention { status } } }`, {
        id,
      });
      expect(data.record.status).toBe('RELEASED');
    });

    it('acquittal and dropped charges', async () => {
      const acquitted = (await mutate(server, 'reportDetention', detentionInput())).recordId;
      await mutate(server, 'chargeDetention', { ...step(acquitted, '2025-01-15'), charges: ['incitement'] });
      expect((await mutate(server, 'acquitDetention', step(acquitted, '2025-02-01'))).eventCount).toBe(1);

      const dropped = (await mutate(server, 'reportDetention', detentionInput())).recordId;
      await mutate(server, 'chargeDetention', { ...step(dropped, '2025-01-15'), charges: ['incitement'] });
      expect((await mutate(server, 'dropDetentionCharges', step(dropped, '2025-02-01'))).eventCount).toBe(1);
    });
  });

  describe('corrections and retractions', () => {
    it('correctRecord changes only the given fields, and null clears an optional one', async () => {
      const corrected = await mutate(server, 'correctRecord', {
        recordId: ids.MEETING,
        changes: { title: 'Mekong ministerial meeting on online scams', place: null },
        reason: 'Official title, and the venue was not reported.',
      });
      expect(corrected).toMatchObject({ kind: 'MEETING', eventCount: 1 });
      const data = await gqlData(
        url,
        `query($id: ID!) { record(id: $id) { ... on Meeting { title place } } }`,
        {
          id: ids.MEETING,
        },
      );
      expect(data.record).toEqual({ title: 'Mekong ministerial meeting on online scams', place: null });
    });

    it('retractRecord, then correctRetraction reinstates', async () => {
      const retracted = await mutate(server, 'retractRecord', {
        recordId: ids.FIGURE,
        reason: 'The figure was misattributed.',
      });
      expect(retracted.record).toMatchObject({ retracted: true });
      const reinstated = await mutate(server, 'correctRetraction', {
        recordId: ids.FIGURE,
        reason: 'The attribution was right after all.',
        reinstate: true,
      });
      expect(reinstated.record).toMatchObject({ retracted: false });
    });
  });

  describe('idempotencyKey', () => {
    it('a retried mutation records once and answers like the first time', async () => {
      const first = await mutate(server, 'recordStatement', statementInput(), {
        idempotencyKey: 'retry-me-1',
      });
      const head = await storeHead(url);
      const retry = await mutate(server, 'recordStatement', statementInput(), {
        idempotencyKey: 'retry-me-1',
      });
      expect(retry).toMatchObject({
        recordId: first.recordId,
        position: first.position,
        replayed: true,
        eventCount: 0,
      });
      expect(first).toMatchObject({ replayed: false, eventCount: 1 });
      expect(await storeHead(url)).toBe(head);
    });

    it('refuses a key reused with another mutation or other values (IDEMPOTENCY_KEY_REUSED), writing nothing', async () => {
      await mutate(server, 'recordStatement', statementInput(), { idempotencyKey: 'used-once' });
      const head = await storeHead(url);
      for (const [mutation, input] of [
        ['reportFigure', figureInput()],
        ['recordStatement', { ...statementInput(), quote: 'Another quote.' }],
      ] as const) {
        const refused = await tryMutate(server, mutation, input, { idempotencyKey: 'used-once' });
        expect(errorCodes(refused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
        expect(refused.errors![0]!.message).toContain('used-once');
      }
      expect(await storeHead(url)).toBe(head);
      // Keys belong to the token that sent them: another token may use the same one.
      const other = await mutate(server, 'reportFigure', figureInput(), {
        idempotencyKey: 'used-once',
        token: server.tokens.recorder,
      });
      expect(other).toMatchObject({ replayed: false, eventCount: 1 });
    });

    it('a lifecycle command retried with its key is not applied twice', async () => {
      const input = { recordId: ids.ARREST, on: day('2025-04-02'), deported: 160, sources: stepSources() };
      const first = await mutate(server, 'updateArrestFigures', input, { idempotencyKey: 'figures-once' });
      const retry = await mutate(server, 'updateArrestFigures', input, { idempotencyKey: 'figures-once' });
      expect(retry).toMatchObject({ position: first.position, replayed: true });
    });

    it('an assessment retried with its key is recorded once (its id is not drawn anew on the retry)', async () => {
      const input = {
        recordId: ids.COMMITMENT,
        assessor: 'UN Human Rights Office',
        rating: 'NOT_STARTED',
        rationale: 'No compound closed in the period.',
        sources: stepSources(),
        assessedOn: '2025-03-02',
      };
      const first = await mutate(server, 'assessCommitment', input, { idempotencyKey: 'assess-once' });
      const retry = await mutate(server, 'assessCommitment', input, { idempotencyKey: 'assess-once' });
      expect(retry).toMatchObject({ position: first.position, replayed: true, eventCount: 0 });
    });
  });
});
