import type { RunningServer } from './api-server.js';
import {
  actorInput,
  allegationInput,
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
} from './mutation-inputs.js';
import { mutate } from './mutations.js';

/**
 * For every mutation, a way to get a valid input that will be accepted: `prepare` records whatever the
 * mutation acts on (as admin) and returns a fresh input, so a spec can run each mutation as often as it
 * needs without one run's state refusing the next.
 */
export type MutationCase = (server: RunningServer) => Promise<Record<string, unknown>>;

const asAdmin = (server: RunningServer) => ({ token: server.tokens.admin });

async function record(server: RunningServer, mutation: string, input: Record<string, unknown>) {
  return (await mutate(server, mutation, input, asAdmin(server))).recordId;
}

const step = (recordId: string, date: string) => ({ recordId, on: day(date), sources: stepSources() });

async function commitment(server: RunningServer) {
  return record(
    server,
    'makeCommitment',
    commitmentInput(await record(server, 'recordMeeting', meetingInput())),
  );
}

async function chargedDetention(server: RunningServer) {
  const id = await record(server, 'reportDetention', detentionInput());
  await mutate(
    server,
    'chargeDetention',
    { ...step(id, '2025-01-15'), charges: ['incitement'] },
    asAdmin(server),
  );
  return id;
}

async function allegation(server: RunningServer) {
  const accuser = await record(server, 'recordActor', actorInput({ name: 'Elliptic' }));
  const accused = await record(server, 'recordActor', actorInput({ name: 'Huione Group' }));
  return record(server, 'recordAllegation', allegationInput(accuser, [accused]));
}

export const MUTATION_CASES: Record<string, MutationCase> = {
  recordActor: async () => actorInput({ names: [{ value: 'អំ សំអាត', language: 'km' }], aliases: ['LICADHO'] }),
  mergeActor: async (server) => ({
    recordId: await record(server, 'recordActor', actorInput({ name: 'Licadho' })),
    into: await record(server, 'recordActor', actorInput({ name: 'LICADHO' })),
    reason: 'One NGO, two spellings.',
  }),
  recordAllegation: async (server) =>
    allegationInput(await record(server, 'recordActor', actorInput({ name: 'Elliptic' })), [
      await record(server, 'recordActor', actorInput({ name: 'Huione Group' })),
    ]),
  linkAllegationEvidence: async (server) => ({
    recordId: await allegation(server),
    evidenceId: await record(server, 'reportFigure', figureInput()),
    relation: 'CORROBORATES',
    note: 'The same marketplace, counted.',
  }),
  unlinkAllegationEvidence: async (server) => {
    const recordId = await allegation(server);
    const evidenceId = await record(server, 'reportFigure', figureInput());
    await mutate(
      server,
      'linkAllegationEvidence',
      { recordId, evidenceId, relation: 'REFUTES' },
      asAdmin(server),
    );
    return { recordId, evidenceId, reason: 'Linked to the wrong allegation.' };
  },
  recordMeeting: async () => meetingInput(),
  recordStatement: async () => statementInput(),
  createTaskForce: async () => taskForceInput(),
  reportArrest: async () => arrestInput(),
  reportDetention: async () => detentionInput(),
  reportShutdown: async () => shutdownInput(),
  reportFigure: async () => figureInput(),
  makeCommitment: async (server) => commitmentInput(await record(server, 'recordMeeting', meetingInput())),
  assessCommitment: async (server) => ({
    recordId: await commitment(server),
    assessor: 'Human Rights Watch',
    country: 'KH',
    rating: 'LIMITED',
    rationale: 'Raids continue, but compounds reopen.',
    sources: stepSources(),
    assessedOn: '2025-03-01',
  }),
  linkEvidence: async (server) => ({
    recordId: await commitment(server),
    evidenceId: await record(server, 'createTaskForce', taskForceInput()),
    relation: 'SUPPORTS',
  }),
  unlinkEvidence: async (server) => {
    const recordId = await commitment(server);
    const evidenceId = await record(server, 'reportDetention', detentionInput());
    await mutate(server, 'linkEvidence', { recordId, evidenceId, relation: 'CONTRADICTS' }, asAdmin(server));
    return { recordId, evidenceId, reason: 'Linked to the wrong commitment.' };
  },
  setImplementationStatus: async (server) => ({
    recordId: await commitment(server),
    status: 'SUBSTANTIAL',
    countries: ['KH'],
    reason: 'The task force has closed most compounds.',
    sources: stepSources(),
  }),
  dissolveTaskForce: async (server) => ({
    ...step(await record(server, 'createTaskForce', taskForceInput()), '2025-06-01'),
    reason: 'Merged into the national commission.',
  }),
  updateArrestFigures: async (server) => ({
    ...step(await record(server, 'reportArrest', arrestInput()), '2025-04-01'),
    deported: 150,
  }),
  chargeDetention: async (server) => ({
    ...step(await record(server, 'reportDetention', detentionInput()), '2025-01-15'),
    charges: ['incitement'],
  }),
  releaseDetentionOnBail: async (server) => ({
    ...step(await chargedDetention(server), '2025-01-20'),
    conditions: 'Report weekly.',
  }),
  convictDetention: async (server) => ({
    ...step(await chargedDetention(server), '2025-02-01'),
    sentence: { description: 'two years in prison', custodial: true, months: 24 },
  }),
  acquitDetention: async (server) => step(await chargedDetention(server), '2025-02-01'),
  dropDetentionCharges: async (server) => step(await chargedDetention(server), '2025-02-01'),
  releaseDetention: async (server) => ({
    ...step(await chargedDetention(server), '2025-02-10'),
    reason: 'Royal pardon.',
  }),
  addDetentionNote: async (server) => ({
    ...step(await record(server, 'reportDetention', detentionInput()), '2025-02-11'),
    category: 'APOLOGY',
    note: 'The journalists published an apology.',
  }),
  correctRecord: async (server) => ({
    recordId: await record(server, 'recordMeeting', meetingInput()),
    changes: { title: 'Mekong ministerial meeting on online scams' },
    reason: 'The official title.',
  }),
  retractRecord: async (server) => ({
    recordId: await record(server, 'reportFigure', figureInput()),
    reason: 'The figure was misattributed.',
  }),
  correctRetraction: async (server) => {
    const recordId = await record(server, 'reportFigure', figureInput());
    await mutate(server, 'retractRecord', { recordId, reason: 'Misattributed.' }, asAdmin(server));
    return { recordId, reason: 'The attribution was right after all.', reinstate: true };
  },
};
