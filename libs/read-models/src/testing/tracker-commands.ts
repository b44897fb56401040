import type { RecordCommand } from '@tracker/domain';

/*
 * Valid commands for read-model specs, built from the source article's facts. Ids are fixed so
 * expectations can name them; every builder takes overrides for the fields a spec cares about.
 */

export const SOURCE = {
  url: 'https://example.org/sources/cambodia-online-scams-article',
  title: 'Cambodia says it shut down 18,000 websites tied to online scams since 2021',
};
export const SECOND_SOURCE = { url: 'https://example.org/un-report', publisher: 'UN Human Rights Office' };

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
const command = (fields: Overrides, overrides: Overrides) =>
  ({ sources: [SOURCE], confidence: 'REPORTED', ...fields, ...overrides }) as unknown as RecordCommand;

export const meeting = (overrides: Overrides = {}) =>
  command(
    {
      type: 'RecordMeeting',
      recordId: ID.meeting,
      countries: [
        { code: 'KH', role: 'HOST' },
        { code: 'CN', role: 'PARTICIPANT' },
        { code: 'LA', role: 'PARTICIPANT' },
      ],
      occurred: day('2025-01-20'),
      title: 'Meeting with senior Chinese and Mekong officials on online scams',
      bodies: ['Mekong-Lancang Cooperation'],
    },
    overrides,
  );

export const commitment = (overrides: Overrides = {}) =>
  command(
    {
      type: 'MakeCommitment',
      recordId: ID.commitment,
      countries: [
        { code: 'KH', role: 'SIGNATORY' },
        { code: 'LA', role: 'SIGNATORY' },
      ],
      occurred: day('2025-01-20'),
      text: 'Shut down every scam compound operating in the country.',
      theme: 'online scams',
      meetingId: ID.meeting,
      deadline: { date: '2025-06', precision: 'MONTH' },
    },
    overrides,
  );

export const taskForce = (overrides: Overrides = {}) =>
  command(
    {
      type: 'CreateTaskForce',
      recordId: ID.taskForce,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurred: day('2025-01-25'),
      confidence: 'OFFICIAL_CLAIM',
      name: 'Inter-Ministerial Task Force Committee',
      mandate: 'Bolster the fight against online scams.',
      memberAgencies: ['Ministry of Interior', 'National Police'],
    },
    overrides,
  );

export const arrest = (overrides: Overrides = {}) =>
  command(
    {
      type: 'ReportArrest',
      recordId: ID.arrest,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurred: day('2025-02-10'),
      personsArrested: 200,
      nationalities: [
        { country: 'CN', count: 120 },
        { country: 'LA', count: 30 },
      ],
      charges: ['fraud'],
    },
    overrides,
  );

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
  command(
    {
      type: 'ReportDetention',
      recordId: ID.detention,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurred: day('2025-01-10'),
      persons: [
        { name: 'Journalist A', role: 'JOURNALIST', nationality: 'KH' },
        { name: 'Journalist B', role: 'JOURNALIST' },
      ],
      outlet: 'Example Outlet',
      reason: 'Filming a raid on a scam compound',
      charges: [],
    },
    overrides,
  );

export const shutdown = (overrides: Overrides = {}) =>
  command(
    {
      type: 'ReportShutdown',
      recordId: ID.shutdown,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurred: {
        type: 'RANGE',
        from: { date: '2021', precision: 'YEAR' },
        to: { date: '2025-01', precision: 'MONTH' },
      },
      confidence: 'OFFICIAL_CLAIM',
      count: 18000,
      target: 'WEBSITES',
      action: 'BLOCKED',
      categories: ['GAMBLING', 'SCAM'],
      authority: 'Ministry of Post and Telecommunications',
    },
    overrides,
  );

export const officialFigure = (overrides: Overrides = {}) =>
  command(
    {
      type: 'ReportFigure',
      recordId: ID.officialFigure,
      countries: [{ code: 'KH', role: 'SCOPE' }],
      occurred: day('2025-02-01'),
      confidence: 'OFFICIAL_CLAIM',
      indicator: 'websites shut down',
      value: 18000,
      unit: 'websites',
      qualifier: 'AT_LEAST',
      claimant: 'Cambodian government',
      provenance: 'OFFICIAL',
    },
    overrides,
  );

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
  command(
    {
      type: 'RecordStatement',
      recordId: ID.statement,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurred: day('2025-02-06'),
      confidence: 'OFFICIAL_CLAIM',
      speaker: 'Hun Manet',
      office: 'Prime Minister of Cambodia',
      quote: 'We will not allow Cambodia to become a haven for online scams.',
    },
    overrides,
  );

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
