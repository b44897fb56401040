import { randomUUID } from 'node:crypto';
import { startApiServer, type RunningServer } from './support/api-server.js';
import type { GqlResponse } from './support/gql.js';
import { MUTATION_CASES } from './support/mutation-cases.js';
import { arrestInput, commitmentInput, meetingInput, statementInput } from './support/mutation-inputs.js';
import { mutate, storeHead, tryMutate, type MutationPayload } from './support/mutations.js';

/*
 * Refusals over real HTTP: for every mutation, a valid input broken in one place is refused with
 * BAD_USER_INPUT naming the field and why, before anything is recorded (the event store's head does not
 * move), and the same input unbroken is then accepted, so the refusal was about that field alone. Then
 * inputs GraphQL itself cannot coerce, several bad fields at once, and the domain's own refusals (unknown
 * record, wrong kind, a step the lifecycle does not allow...), each with its code and nothing written.
 */

type Input = Record<string, any>;

/** How a valid input is broken, and what the refusal must say. */
interface Breakage {
  break: (input: Input) => Input;
  field: string;
  reason: RegExp;
}

const tooLong = (limit: number) => 'x'.repeat(limit + 1);
const ISO_CODE = /ISO 3166-1 alpha-2|two capital letters/;
const URL_RULE = /http\(s\) URL/;
const PARTIAL_DATE_RULE = /YYYY, YYYY-MM or YYYY-MM-DD/;

/** One breakage per mutation: together they cover the input rules of every kind of field. */
const BREAKAGES: Record<string, Breakage> = {
  recordActor: {
    break: (input) => ({ ...input, names: [{ value: 'អំ សំអាត', language: 'Khmer' }] }),
    field: 'names[0].language',
    reason: /BCP 47 language tag/,
  },
  mergeActor: {
    break: (input) => ({ ...input, into: 'not-a-uuid' }),
    field: 'into',
    reason: /UUID/,
  },
  recordAllegation: {
    break: (input) => ({ ...input, about: [] }),
    field: 'about',
    reason: /at least 1/,
  },
  linkAllegationEvidence: {
    break: (input) => ({ ...input, note: tooLong(10_000) }),
    field: 'note',
    reason: /shorter than or equal to 10000/,
  },
  unlinkAllegationEvidence: {
    break: (input) => ({ ...input, reason: tooLong(10_000) }),
    field: 'reason',
    reason: /shorter than or equal to 10000/,
  },
  recordMeeting: {
    break: (input) => ({ ...input, countries: [input.countries[0], { code: 'XX', role: 'PARTICIPANT' }] }),
    field: 'countries[1].code',
    reason: ISO_CODE,
  },
  recordStatement: {
    break: (input) => ({ ...input, sources: [{ url: 'ftp://example.org/statement' }] }),
    field: 'sources[0].url',
    reason: URL_RULE,
  },
  createTaskForce: {
    break: (input) => ({ ...input, memberAgencies: Array.from({ length: 101 }, (_, i) => `Agency ${i}`) }),
    field: 'memberAgencies',
    reason: /no more than 100/,
  },
  reportArrest: {
    break: (input) => ({ ...input, nationalities: [{ country: 'ZZ', count: 120 }] }),
    field: 'nationalities[0].country',
    reason: ISO_CODE,
  },
  reportDetention: {
    break: (input) => ({
      ...input,
      persons: [input.persons[0], { ...input.persons[1], nationality: 'Cambodia' }],
    }),
    field: 'persons[1].nationality',
    reason: ISO_CODE,
  },
  reportShutdown: {
    // Both shapes of `occurred` at once.
    break: (input) => ({ ...input, occurred: { ...input.occurred, date: '2025-01', precision: 'MONTH' } }),
    field: 'occurred.date',
    reason: /either date and precision, or a range from and to/,
  },
  reportFigure: {
    break: (input) => ({
      ...input,
      period: { from: { date: '2024/07', precision: 'MONTH' }, to: { date: '2024-12', precision: 'MONTH' } },
    }),
    field: 'period.from.date',
    reason: PARTIAL_DATE_RULE,
  },
  makeCommitment: {
    break: (input) => ({ ...input, meetingId: 'the-january-meeting' }),
    field: 'meetingId',
    reason: /UUID/,
  },
  assessCommitment: {
    break: (input) => ({ ...input, assessedOn: '1 March 2025' }),
    field: 'assessedOn',
    reason: /YYYY-MM-DD/,
  },
  linkEvidence: {
    break: (input) => ({ ...input, evidenceId: 'the-task-force' }),
    field: 'evidenceId',
    reason: /UUID/,
  },
  unlinkEvidence: {
    break: (input) => ({ ...input, reason: tooLong(10_000) }),
    field: 'reason',
    reason: /10000 characters/,
  },
  setImplementationStatus: {
    break: (input) => ({ ...input, countries: ['KH', 'Cambodia'] }),
    field: 'countries',
    reason: ISO_CODE,
  },
  dissolveTaskForce: {
    break: (input) => ({ ...input, on: { date: '2025-6-1', precision: 'DAY' } }),
    field: 'on.date',
    reason: PARTIAL_DATE_RULE,
  },
  updateArrestFigures: {
    break: (input) => ({
      ...input,
      sources: Array.from({ length: 26 }, (_, i) => ({ url: `https://example.org/figures/${i}` })),
    }),
    field: 'sources',
    reason: /no more than 25/,
  },
  chargeDetention: {
    break: (input) => ({ ...input, charges: ['incitement', tooLong(500)] }),
    field: 'charges',
    reason: /500 characters/,
  },
  releaseDetentionOnBail: {
    break: (input) => ({ ...input, conditions: tooLong(10_000) }),
    field: 'conditions',
    reason: /10000 characters/,
  },
  convictDetention: {
    break: (input) => ({ ...input, sentence: { ...input.sentence, description: tooLong(10_000) } }),
    field: 'sentence.description',
    reason: /10000 characters/,
  },
  acquitDetention: {
    break: (input) => ({ ...input, recordId: 'the-detention' }),
    field: 'recordId',
    reason: /UUID/,
  },
  dropDetentionCharges: {
    break: (input) => ({ ...input, sources: [{ ...input.sources[0], publishedOn: '10 February 2025' }] }),
    field: 'sources[0].publishedOn',
    reason: /YYYY-MM-DD/,
  },
  releaseDetention: {
    break: (input) => ({ ...input, sources: [{ url: 'https://' }] }),
    field: 'sources[0].url',
    reason: URL_RULE,
  },
  addDetentionNote: {
    break: (input) => ({ ...input, note: tooLong(10_000) }),
    field: 'note',
    reason: /10000 characters/,
  },
  correctRecord: {
    break: (input) => ({
      ...input,
      changes: { ...input.changes, sources: [{ url: 'javascript:alert(1)' }] },
    }),
    field: 'changes.sources[0].url',
    reason: URL_RULE,
  },
  retractRecord: {
    break: (input) => ({ ...input, recordId: '12345' }),
    field: 'recordId',
    reason: /UUID/,
  },
  correctRetraction: {
    break: (input) => ({ ...input, retractionReason: tooLong(10_000) }),
    field: 'retractionReason',
    reason: /10000 characters/,
  },
};

/** The refusal of `mutation`: one error with `code`, no payload. */
function refusal(result: GqlResponse<Record<string, MutationPayload>>, mutation: string) {
  expect(result.errors).toHaveLength(1);
  expect(result.data?.[mutation] ?? null).toBeNull();
  return result.errors![0]!;
}

describe('mutation refusals', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('has a breakage for every mutation of the schema', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __type(name: "Mutation") { fields { name } } }' }),
    });
    const body = (await response.json()) as { data: { __type: { fields: { name: string }[] } } };
    const mutations = body.data.__type.fields.map((field) => field.name).sort();
    expect(mutations).toHaveLength(29);
    expect(Object.keys(BREAKAGES).sort()).toEqual(mutations);
    expect(Object.keys(MUTATION_CASES).sort()).toEqual(mutations);
  });

  describe('BAD_USER_INPUT naming the failing field and why, with nothing recorded', () => {
    it.each(Object.keys(BREAKAGES))('%s', async (mutation) => {
      const valid = await MUTATION_CASES[mutation]!(server);
      const { break: breakIt, field, reason } = BREAKAGES[mutation]!;
      const head = await storeHead(server.url);

      const error = refusal(await tryMutate(server, mutation, breakIt(valid)), mutation);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([
        { field, reasons: expect.arrayContaining([expect.stringMatching(reason)]) },
      ]);
      expect(error.message).toContain(field);
      expect(await storeHead(server.url)).toBe(head);

      // The same input, unbroken, is accepted: the refusal was about that field alone.
      const accepted = await tryMutate(server, mutation, valid);
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data?.[mutation]?.eventCount).toBeGreaterThan(0);
    });
  });

  it('names every failing field of one input at once', async () => {
    const head = await storeHead(server.url);
    const result = await tryMutate(server, 'recordMeeting', {
      ...meetingInput(),
      countries: [{ code: 'XX', role: 'HOST' }],
      occurred: { date: '06/02/2025', precision: 'DAY' },
      sources: [{ url: 'https://example.org/ok' }, { url: 'mailto:desk@example.org' }],
    });
    const error = refusal(result, 'recordMeeting');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions?.fields ?? []).map((f) => f.field).sort();
    expect(fields).toEqual(['countries[0].code', 'occurred.date', 'sources[1].url']);
    expect(await storeHead(server.url)).toBe(head);
  });

  it.each([
    [
      'a required field missing',
      (() => {
        const { personsArrested: _, ...rest } = arrestInput();
        return rest;
      })(),
      'personsArrested',
      /required type "Int!" was not provided/,
    ],
    [
      'a value of the wrong type',
      { ...arrestInput(), personsArrested: 'two hundred' },
      'personsArrested',
      /Int/,
    ],
    [
      'an enum value that does not exist',
      { ...arrestInput(), confidence: 'CERTAIN' },
      'confidence',
      /Confidence/,
    ],
    ['a field the input type does not have', { ...arrestInput(), victims: 3 }, 'victims', /not defined/],
  ])('refuses %s before executing, naming it', async (_what, input, field, reason) => {
    const head = await storeHead(server.url);
    const result = await tryMutate(server, 'reportArrest', input as Input);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field, reasons: [expect.stringMatching(reason)] }],
    });
    expect(await storeHead(server.url)).toBe(head);
  });

  it('refuses a blank idempotency key, naming it', async () => {
    const head = await storeHead(server.url);
    const result = await tryMutate(server, 'recordStatement', statementInput(), { idempotencyKey: '  ' });
    const error = refusal(result, 'recordStatement');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'idempotencyKey', reasons: [expect.stringMatching(/must not be empty/)] }],
    });
    expect(await storeHead(server.url)).toBe(head);
  });

  describe("the domain's refusals, with their code and nothing recorded", () => {
    const admin = () => ({ token: server.tokens.admin });
    const record = async (mutation: string, input: Input) =>
      (await mutate(server, mutation, input, admin())).recordId;
    const followUp = [{ url: 'https://example.org/e2e/refusals' }];

    /** Runs `mutation` expecting the domain to refuse it with `code` (on `field`, when given). */
    async function expectRefused(mutation: string, input: Input, code: string, field?: string) {
      const head = await storeHead(server.url);
      const error = refusal(await tryMutate(server, mutation, input), mutation);
      expect(error.extensions?.code).toBe(code);
      if (field !== undefined) expect(error.extensions?.field).toBe(field);
      expect(error.message).not.toMatch(/Internal server error/);
      expect(await storeHead(server.url)).toBe(head);
    }

    it('a lifecycle step or a correction of a record that does not exist: UNKNOWN_RECORD', async () => {
      const nowhere = randomUUID();
      await expectRefused(
        'chargeDetention',
        { recordId: nowhere, on: { date: '2025-01', precision: 'MONTH' }, charges: ['x'], sources: followUp },
        'UNKNOWN_RECORD',
        'recordId',
      );
      await expectRefused(
        'correctRecord',
        { recordId: nowhere, changes: { title: 'A title' }, reason: 'Typo.' },
        'UNKNOWN_RECORD',
        'recordId',
      );
      await expectRefused(
        'retractRecord',
        { recordId: nowhere, reason: 'Never happened.' },
        'UNKNOWN_RECORD',
      );
    });

    it('a step the lifecycle does not allow: INVALID_TRANSITION', async () => {
      const released = await MUTATION_CASES.releaseDetention!(server);
      await mutate(server, 'releaseDetention', released);
      await expectRefused('releaseDetention', released, 'INVALID_TRANSITION');

      const dissolve = await MUTATION_CASES.dissolveTaskForce!(server);
      await mutate(server, 'dissolveTaskForce', dissolve);
      await expectRefused('dissolveTaskForce', dissolve, 'INVALID_TRANSITION');

      // Acquittal needs charges first.
      const detained = await record(
        'reportDetention',
        (await MUTATION_CASES.reportDetention!(server)) as Input,
      );
      await expectRefused(
        'acquitDetention',
        { recordId: detained, on: { date: '2025-02-01', precision: 'DAY' }, sources: followUp },
        'INVALID_TRANSITION',
      );
    });

    it('a command for another kind of record: KIND_MISMATCH', async () => {
      const meeting = await record('recordMeeting', meetingInput());
      await expectRefused(
        'chargeDetention',
        { recordId: meeting, on: { date: '2025-02', precision: 'MONTH' }, charges: ['x'], sources: followUp },
        'KIND_MISMATCH',
        'recordId',
      );
    });

    it('a change to a retracted record: RECORD_RETRACTED', async () => {
      const arrest = await record('reportArrest', arrestInput());
      await mutate(server, 'retractRecord', { recordId: arrest, reason: 'Duplicate.' });
      await expectRefused(
        'updateArrestFigures',
        { recordId: arrest, on: { date: '2025-04-01', precision: 'DAY' }, deported: 10, sources: followUp },
        'RECORD_RETRACTED',
      );
    });

    it('rules of creation: sources, countries and roles, dates, counts, references', async () => {
      const meeting = await record('recordMeeting', meetingInput());
      await expectRefused('recordMeeting', { ...meetingInput(), sources: [] }, 'SOURCE_REQUIRED', 'sources');
      await expectRefused(
        'reportShutdown',
        { ...(await MUTATION_CASES.reportShutdown!(server)), countries: [{ code: 'KH', role: 'SIGNATORY' }] },
        'INVALID_COUNTRY',
      );
      const nextYear = String(new Date().getUTCFullYear() + 1);
      await expectRefused(
        'reportArrest',
        { ...arrestInput(), occurred: { date: nextYear, precision: 'YEAR' } },
        'INVALID_DATE',
      );
      await expectRefused(
        'reportArrest',
        { ...arrestInput(), personsArrested: 0 },
        'VALIDATION_FAILED',
        'personsArrested',
      );
      await expectRefused(
        'makeCommitment',
        { ...commitmentInput(meeting), deadline: { date: '2024-12', precision: 'MONTH' } },
        'DEADLINE_BEFORE_MADE',
        'deadline',
      );
      const statement = await record('recordStatement', statementInput());
      await expectRefused('makeCommitment', commitmentInput(statement), 'INVALID_REFERENCE', 'meetingId');
    });

    it('evidence and per-signatory rules: INVALID_EVIDENCE, NOT_A_SIGNATORY', async () => {
      const commitment = await record(
        'makeCommitment',
        commitmentInput(await record('recordMeeting', meetingInput())),
      );
      await expectRefused(
        'linkEvidence',
        { recordId: commitment, evidenceId: commitment, relation: 'SUPPORTS' },
        'INVALID_EVIDENCE',
      );
      await expectRefused(
        'setImplementationStatus',
        {
          recordId: commitment,
          status: 'COMPLETE',
          countries: ['TH'],
          reason: 'Thailand did it.',
          sources: followUp,
        },
        'NOT_A_SIGNATORY',
      );
    });
  });
});
