import type { ActorFields } from '../actor/actor.fields.js';
import type { AllegationFields } from '../allegation/allegation.fields.js';
import type { ArrestFields } from '../arrest/arrest.fields.js';
import type { CommitmentFields } from '../commitment/commitment.fields.js';
import type { DetentionFields } from '../detention/detention.fields.js';
import type { FigureFields } from '../figure/figure.fields.js';
import type { MeetingFields } from '../meeting/meeting.fields.js';
import type { RecordFact } from '../shared/decider.js';
import type { CountryInvolvement } from '../shared/country.js';
import type { Occurred } from '../shared/occurred.js';
import type { RecordKind } from '../shared/record.js';
import type { Source } from '../shared/source.js';
import type { ShutdownFields } from '../shutdown/shutdown.fields.js';
import type { StatementFields } from '../statement/statement.fields.js';
import type { TaskForceFields } from '../task-force/task-force.fields.js';

/** Shared test data: the article the demo data comes from, and fixed ids. */
export const ARTICLE: Source = {
  url: 'https://example.org/cambodia-online-scams',
  title: 'Cambodia struggles to shut down online scam industry',
  publisher: 'Example News',
  publishedOn: '2025-02-10',
};

export const SECOND_SOURCE: Source = { url: 'https://example.com/un-report' };

export const IDS = {
  meeting: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000001',
  commitment: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000002',
  taskForce: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000003',
  arrest: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000004',
  detention: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000005',
  shutdown: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000006',
  figure: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000007',
  statement: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000008',
  other: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000009',
  assessment1: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000a',
  assessment2: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000b',
  assessment3: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000c',
  actor: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000d',
  otherActor: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000e',
  allegation: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000f',
} as const;

export function day(date: string): Occurred {
  return { type: 'DATE', date, precision: 'DAY' };
}

export function month(date: string): Occurred {
  return { type: 'DATE', date, precision: 'MONTH' };
}

export function involved(code: string, role: CountryInvolvement['role']): CountryInvolvement {
  return { code, role };
}

export function fact(kind: RecordKind, countries: CountryInvolvement[] = [], retracted = false): RecordFact {
  return { kind, countries, retracted };
}

/** What the application layer finds about an actor: its type, and whom it was merged into, if anyone. */
export function actorFact(actorType: string, mergedInto?: string): RecordFact {
  return { ...fact('ACTOR', []), actorType, ...(mergedInto === undefined ? {} : { mergedInto }) };
}

/*
 * One valid record of each kind, as fields, as its creation command and as its creation event. Facts
 * from the source article; ids are fixed so expectations can be written out.
 */

export const meetingFields = {
  countries: [involved('KH', 'HOST'), involved('CN', 'PARTICIPANT'), involved('LA', 'PARTICIPANT')],
  occurred: day('2025-01-20'),
  sources: [ARTICLE],
  confidence: 'REPORTED',
  title: 'Meeting with senior Chinese and Mekong officials on online scams',
  place: 'Phnom Penh',
  bodies: ['Mekong-Lancang Cooperation'],
  outcomeSummary: 'Agreed to step up joint action against scam compounds.',
} as const satisfies MeetingFields;

export const commitmentFields = {
  countries: [involved('KH', 'SIGNATORY'), involved('CN', 'SIGNATORY')],
  occurred: day('2025-01-20'),
  sources: [ARTICLE],
  confidence: 'REPORTED',
  text: 'Shut down every scam compound operating in the country.',
  theme: 'online scams',
  meetingId: IDS.meeting,
  deadline: { date: '2025-12', precision: 'MONTH' },
} as const satisfies CommitmentFields;

export const taskForceFields = {
  countries: [involved('KH', 'ACTING')],
  occurred: month('2025-02'),
  sources: [ARTICLE],
  confidence: 'OFFICIAL_CLAIM',
  name: 'Commission for Combating Online Scams',
  mandate: 'Coordinate the crackdown on online scam operations.',
  memberAgencies: ['Ministry of Interior', 'National Police', 'Ministry of Post and Telecommunications'],
} as const satisfies TaskForceFields;

export const arrestFields = {
  countries: [involved('KH', 'ACTING'), involved('CN', 'NATIONALS_AFFECTED')],
  occurred: day('2025-03-10'),
  sources: [ARTICLE],
  confidence: 'OFFICIAL_CLAIM',
  personsArrested: 200,
  nationalities: [{ country: 'CN', count: 120 }],
  charges: ['fraud'],
  place: 'Sihanoukville',
} as const satisfies ArrestFields;

export const detentionFields = {
  countries: [involved('KH', 'ACTING')],
  occurred: day('2025-01-10'),
  sources: [ARTICLE],
  confidence: 'CORROBORATED',
  persons: [
    { name: 'Journalist A', role: 'JOURNALIST', nationality: 'KH' },
    { name: 'Journalist B', role: 'JOURNALIST' },
  ],
  outlet: 'Example Outlet',
  reason: 'Filming a scam compound',
  charges: [],
} as const satisfies DetentionFields;

export const shutdownFields = {
  countries: [involved('KH', 'ACTING')],
  occurred: {
    type: 'RANGE',
    from: { date: '2021', precision: 'YEAR' },
    to: { date: '2025-01', precision: 'MONTH' },
  },
  sources: [ARTICLE],
  confidence: 'OFFICIAL_CLAIM',
  count: 18000,
  target: 'WEBSITES',
  action: 'BLOCKED',
  categories: ['GAMBLING', 'SCAM'],
  authority: 'Ministry of Post and Telecommunications',
} as const satisfies ShutdownFields;

export const figureFields = {
  countries: [involved('KH', 'SCOPE')],
  occurred: month('2024-08'),
  sources: [ARTICLE],
  confidence: 'REPORTED',
  indicator: 'people trafficked into scam compounds',
  value: 100000,
  unit: 'persons',
  qualifier: 'APPROXIMATE',
  claimant: 'UN Human Rights Office',
  provenance: 'INDEPENDENT',
} as const satisfies FigureFields;

export const statementFields = {
  countries: [involved('KH', 'ACTING')],
  occurred: day('2025-02-06'),
  sources: [ARTICLE],
  confidence: 'OFFICIAL_CLAIM',
  speaker: 'Hun Manet',
  office: 'Prime Minister of Cambodia',
  quote: 'We will not allow Cambodia to become a haven for online scams.',
} as const satisfies StatementFields;

/** Elliptic, the compliance firm: no home country in the article. */
export const actorFields = {
  countries: [],
  occurred: day('2025-02-10'),
  sources: [ARTICLE],
  confidence: 'REPORTED',
  actorType: 'COMPANY',
  name: 'Elliptic',
  names: [],
  aliases: [],
  description: 'Blockchain analytics and compliance firm',
} as const satisfies ActorFields;

/** Elliptic alleges Huione Group (IDS.otherActor) runs the largest illicit online marketplace. */
export const allegationFields = {
  countries: [involved('KH', 'SCOPE')],
  occurred: day('2025-02-10'),
  sources: [ARTICLE],
  confidence: 'REPORTED',
  allegedBy: IDS.actor,
  about: [IDS.otherActor],
  claim: 'Huione Group operates the largest illicit online marketplace ever identified.',
} as const satisfies AllegationFields;

/** Facts the application layer would look up for the fixtures' references. */
export const KNOWN_RECORDS = new Map<string, RecordFact>([
  [IDS.meeting, fact('MEETING', [...meetingFields.countries])],
  [IDS.statement, fact('STATEMENT', [...statementFields.countries])],
  [IDS.taskForce, fact('TASK_FORCE', [...taskForceFields.countries])],
  [IDS.detention, fact('DETENTION', [...detentionFields.countries])],
  [IDS.figure, fact('FIGURE', [...figureFields.countries])],
  [IDS.actor, actorFact('COMPANY')],
  [IDS.otherActor, actorFact('COMPANY')],
]);

/** Kind → a valid creation command and its event, for specs that run over every kind. */
export const CREATIONS = {
  MEETING: { command: 'RecordMeeting', event: 'MeetingRecorded', id: IDS.meeting, fields: meetingFields },
  COMMITMENT: {
    command: 'MakeCommitment',
    event: 'CommitmentMade',
    id: IDS.commitment,
    fields: commitmentFields,
  },
  TASK_FORCE: {
    command: 'CreateTaskForce',
    event: 'TaskForceCreated',
    id: IDS.taskForce,
    fields: taskForceFields,
  },
  ARREST: { command: 'ReportArrest', event: 'ArrestReported', id: IDS.arrest, fields: arrestFields },
  DETENTION: {
    command: 'ReportDetention',
    event: 'JournalistDetained',
    id: IDS.detention,
    fields: detentionFields,
  },
  SHUTDOWN: {
    command: 'ReportShutdown',
    event: 'ShutdownReported',
    id: IDS.shutdown,
    fields: shutdownFields,
  },
  FIGURE: { command: 'ReportFigure', event: 'FigureReported', id: IDS.figure, fields: figureFields },
  STATEMENT: {
    command: 'RecordStatement',
    event: 'StatementRecorded',
    id: IDS.statement,
    fields: statementFields,
  },
  ACTOR: { command: 'RecordActor', event: 'ActorRecorded', id: IDS.actor, fields: actorFields },
  ALLEGATION: {
    command: 'RecordAllegation',
    event: 'AllegationRecorded',
    id: IDS.allegation,
    fields: allegationFields,
  },
} as const;

/** The creation command of `kind` for the fixture record, with some fields overridden. */
export function createCommand<K extends keyof typeof CREATIONS>(
  kind: K,
  overrides: Record<string, unknown> = {},
) {
  const { command, id, fields } = CREATIONS[kind];
  return { type: command, recordId: id, ...fields, ...overrides } as never;
}

/** The creation event of `kind` for the fixture record, with some fields overridden. */
export function createdEvent<K extends keyof typeof CREATIONS>(
  kind: K,
  overrides: Record<string, unknown> = {},
) {
  const { event, id, fields } = CREATIONS[kind];
  return { type: event, data: { recordId: id, ...fields, ...overrides } } as never;
}
