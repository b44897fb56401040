import type { RecordCommand } from '@tracker/domain';
import {
  ARTICLE,
  arrestFields,
  commitmentFields,
  detentionFields,
  figureFields,
  meetingFields,
  SECOND_SOURCE as DOMAIN_SECOND_SOURCE,
  shutdownFields,
  statementFields,
  taskForceFields,
} from '@tracker/domain/testing';

/*
 * Valid commands for read-model specs: the domain's example records (libs/domain/src/testing/fixtures.ts,
 * facts from the source article), each with the read models' own ids and what their scenarios need of
 * it stated as an override. Every builder takes overrides for the fields a spec cares about.
 */

export const SOURCE = ARTICLE;
export const SECOND_SOURCE = DOMAIN_SECOND_SOURCE;

export const ID = {
  meeting: '5b0f3e1a-2c4d-4e6f-8a1b-000000000001',
  commitment: '5b0f3e1a-2c4d-4e6f-8a1b-000000000002',
  taskForce: '5b0f3e1a-2c4d-4e6f-8a1b-000000000003',
  arrest: '5b0f3e1a-2c4d-4e6f-8a1b-000000000004',
  detention: '5b0f3e1a-2c4d-4e6f-8a1b-000000000005',
  shutdown: '5b0f3e1a-2c4d-4e6f-8a1b-000000000006',
  officialFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000007',
  independentFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000008',
  statement: '5b0f3e1a-2c4d-4e6f-8a1b-000000000009',
  secondCommitment: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000a',
  secondDetention: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000b',
  laoArrest: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000c',
  assessment1: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000d',
  assessment2: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000e',
} as const;

type Overrides = Record<string, unknown>;
const day = (date: string) => ({ type: 'DATE', date, precision: 'DAY' }) as const;
const command = (type: string, recordId: string, fields: object, overrides: Overrides) =>
  ({ type, recordId, ...structuredClone(fields), ...overrides }) as unknown as RecordCommand;

export const meeting = (overrides: Overrides = {}) =>
  command('RecordMeeting', ID.meeting, meetingFields, overrides);

export const commitment = (overrides: Overrides = {}) =>
  command('MakeCommitment', ID.commitment, commitmentFields, {
    countries: [
      { code: 'KH', role: 'SIGNATORY' },
      { code: 'LA', role: 'SIGNATORY' },
    ],
    meetingId: ID.meeting,
    deadline: { date: '2025-06', precision: 'MONTH' },
    ...overrides,
  });

export const taskForce = (overrides: Overrides = {}) =>
  command('CreateTaskForce', ID.taskForce, taskForceFields, { occurred: day('2025-01-25'), ...overrides });

export const arrest = (overrides: Overrides = {}) =>
  command('ReportArrest', ID.arrest, arrestFields, {
    countries: [{ code: 'KH', role: 'ACTING' }],
    occurred: day('2025-02-10'),
    nationalities: [
      { country: 'CN', count: 120 },
      { country: 'LA', count: 30 },
    ],
    ...overrides,
  });

export const laoArrest = (overrides: Overrides = {}) =>
  arrest({
    recordId: ID.laoArrest,
    countries: [{ code: 'LA', role: 'ACTING' }],
    occurred: day('2025-02-12'),
    personsArrested: 50,
    nationalities: [{ country: 'KH', count: 7 }],
    ...overrides,
  });

export const detention = (overrides: Overrides = {}) =>
  command('ReportDetention', ID.detention, detentionFields, overrides);

export const shutdown = (overrides: Overrides = {}) =>
  command('ReportShutdown', ID.shutdown, shutdownFields, overrides);

/** The government's claim that the independent figure disputes. */
export const officialFigure = (overrides: Overrides = {}) =>
  command('ReportFigure', ID.officialFigure, figureFields, {
    occurred: day('2025-02-01'),
    confidence: 'OFFICIAL_CLAIM',
    indicator: 'websites shut down',
    value: 18000,
    unit: 'websites',
    qualifier: 'AT_LEAST',
    claimant: 'Cambodian government',
    provenance: 'OFFICIAL',
    ...overrides,
  });

export const independentFigure = (overrides: Overrides = {}) =>
  officialFigure({
    recordId: ID.independentFigure,
    occurred: day('2025-02-03'),
    sources: [SECOND_SOURCE],
    confidence: 'REPORTED',
    value: 13000,
    qualifier: 'APPROXIMATE',
    claimant: 'Independent researchers',
    provenance: 'INDEPENDENT',
    disputes: ID.officialFigure,
    ...overrides,
  });

export const statement = (overrides: Overrides = {}) =>
  command('RecordStatement', ID.statement, statementFields, overrides);

/** A lifecycle or common command on an existing record. */
export const on = (recordId: string, type: string, fields: Overrides = {}) =>
  ({ type, recordId, ...fields }) as unknown as RecordCommand;

export const charge = (recordId = ID.detention, date = '2025-01-12') =>
  on(recordId, 'ChargeDetention', {
    on: { date, precision: 'DAY' },
    charges: ['incitement'],
    sources: [SOURCE],
  });

export const linkEvidence = (
  evidenceId: string,
  relation: 'SUPPORTS' | 'CONTRADICTS',
  commitmentId: string = ID.commitment,
) => on(commitmentId, 'LinkEvidence', { evidenceId, relation, sources: [SOURCE] });

export const setStatus = (status: string, countries: string[], commitmentId: string = ID.commitment) =>
  on(commitmentId, 'SetImplementationStatus', { status, countries, reason: 'Assessed', sources: [SOURCE] });

export const correct = (recordId: string, changes: Overrides, reason = 'Corrected from a better source') =>
  on(recordId, 'CorrectRecord', { changes, reason });

export const retract = (recordId: string, reason = 'Not substantiated') =>
  on(recordId, 'RetractRecord', { reason });

export const secondCommitment = (overrides: Overrides = {}) =>
  commitment({
    recordId: ID.secondCommitment,
    countries: [{ code: 'KH', role: 'SIGNATORY' }],
    occurred: day('2025-01-21'),
    text: 'Protect victims of trafficking into scam compounds.',
    theme: 'Human trafficking',
    deadline: null,
    ...overrides,
  });

export const secondDetention = (overrides: Overrides = {}) =>
  detention({
    recordId: ID.secondDetention,
    occurred: day('2025-02-01'),
    persons: [{ name: 'Rights defender C', role: 'HUMAN_RIGHTS_DEFENDER' }],
    outlet: null,
    reason: 'Reporting on a raid',
    ...overrides,
  });

export const release = (recordId: string, date: string) =>
  on(recordId, 'ReleaseDetention', { on: { date, precision: 'DAY' }, sources: [SOURCE] });
