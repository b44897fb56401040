import { MergeActorInput } from './actors/merge-actor.input.js';
import { RecordActorInput } from './actors/record-actor.input.js';
import { LinkAllegationEvidenceInput } from './allegations/link-allegation-evidence.input.js';
import { RecordAllegationInput } from './allegations/record-allegation.input.js';
import { UnlinkAllegationEvidenceInput } from './allegations/unlink-allegation-evidence.input.js';
import { ReportArrestInput } from './arrests/report-arrest.input.js';
import { UpdateArrestFiguresInput } from './arrests/update-arrest-figures.input.js';
import { MakeCommitmentInput } from './commitments/make-commitment.input.js';
import { AssessCommitmentInput } from './commitments/assess-commitment.input.js';
import { LinkEvidenceInput } from './commitments/link-evidence.input.js';
import { UnlinkEvidenceInput } from './commitments/unlink-evidence.input.js';
import { SetImplementationStatusInput } from './commitments/set-implementation-status.input.js';
import { CorrectRecordInput } from './corrections/correct-record.input.js';
import { RetractRecordInput } from './corrections/retract-record.input.js';
import { CorrectRetractionInput } from './corrections/correct-retraction.input.js';
import { ReportDetentionInput } from './detentions/report-detention.input.js';
import { ChargeDetentionInput } from './detentions/charge-detention.input.js';
import { ReleaseDetentionOnBailInput } from './detentions/release-detention-on-bail.input.js';
import { ReleaseDetentionInput } from './detentions/release-detention.input.js';
import { ConvictDetentionInput } from './detentions/convict-detention.input.js';
import { AcquitDetentionInput } from './detentions/acquit-detention.input.js';
import { DropDetentionChargesInput } from './detentions/drop-detention-charges.input.js';
import { AddDetentionNoteInput } from './detentions/add-detention-note.input.js';
import { ReportFigureInput } from './figures/report-figure.input.js';
import { RecordMeetingInput } from './meetings/record-meeting.input.js';
import { ReportShutdownInput } from './shutdowns/report-shutdown.input.js';
import { RecordStatementInput } from './statements/record-statement.input.js';
import { CreateTaskForceInput } from './task-forces/create-task-force.input.js';
import { DissolveTaskForceInput } from './task-forces/dissolve-task-force.input.js';
import type { RecordCommandType } from '@tracker/domain';
import type { RecordCommandInput } from '@tracker/tracking';

/** A domain command as the executor takes it: a creation's `recordId` is generated (or derived). */
export type { RecordCommandInput };

/** One mutation of the GraphQL API: the input it takes, the domain command it makes, what it does. */
export interface RecordMutation {
  readonly input: new () => object;
  readonly command: RecordCommandType;
  readonly description: string;
  /** Fields the command gets when the input leaves them out (the lists the domain keeps). */
  readonly defaults?: () => Record<string, unknown>;
}

/**
 * Every mutation that records something, by its GraphQL name: the API builds its resolver from this table
 * and the CLI's import checks a mutation line with the same input class, so neither can miss one. Ids a
 * command needs (a record's, an assessment's) are made by the executor, from the idempotency key if any.
 */
export const RECORD_MUTATIONS = {
  recordActor: {
    input: RecordActorInput,
    command: 'RecordActor',
    defaults: () => ({ names: [], aliases: [] }),
    description: 'Records an organisation or a person (ACTOR) the records can name.',
  },
  mergeActor: {
    input: MergeActorInput,
    command: 'MergeActor',
    description:
      'Merges an actor into another found to be the same; the merged id answers with the survivor.',
  },
  recordAllegation: {
    input: RecordAllegationInput,
    command: 'RecordAllegation',
    description: 'Records who alleges what about whom (ALLEGATION).',
  },
  linkAllegationEvidence: {
    input: LinkAllegationEvidenceInput,
    command: 'LinkAllegationEvidence',
    description: 'Links a record to an allegation as DENIES, CORROBORATES or REFUTES evidence.',
  },
  unlinkAllegationEvidence: {
    input: UnlinkAllegationEvidenceInput,
    command: 'UnlinkAllegationEvidence',
    description: 'Removes an evidence link from an allegation.',
  },
  reportArrest: {
    input: ReportArrestInput,
    command: 'ReportArrest',
    defaults: () => ({ nationalities: [], charges: [] }),
    description: 'Records an enforcement operation (ARREST).',
  },
  updateArrestFigures: {
    input: UpdateArrestFiguresInput,
    command: 'UpdateArrestFigures',
    description: 'Adds later figures (deported, prosecuted) to an arrest.',
  },
  makeCommitment: {
    input: MakeCommitmentInput,
    command: 'MakeCommitment',
    description: 'Records a commitment (COMMITMENT) made at a meeting or in a statement.',
  },
  assessCommitment: {
    input: AssessCommitmentInput,
    command: 'AssessCommitment',
    description: 'Adds a reviewer assessment of a commitment implementation.',
  },
  linkEvidence: {
    input: LinkEvidenceInput,
    command: 'LinkEvidence',
    description: 'Links an action record to a commitment as SUPPORTS or CONTRADICTS evidence.',
  },
  unlinkEvidence: {
    input: UnlinkEvidenceInput,
    command: 'UnlinkEvidence',
    description: 'Removes an evidence link from a commitment.',
  },
  setImplementationStatus: {
    input: SetImplementationStatusInput,
    command: 'SetImplementationStatus',
    description: 'Sets the implementation status of a commitment for some or all signatories.',
  },
  correctRecord: {
    input: CorrectRecordInput,
    command: 'CorrectRecord',
    description: 'Corrects fields of a record of any kind, with a reason.',
  },
  retractRecord: {
    input: RetractRecordInput,
    command: 'RetractRecord',
    description: 'Retracts a record of any kind, with a reason; nothing is deleted.',
  },
  correctRetraction: {
    input: CorrectRetractionInput,
    command: 'CorrectRetraction',
    description: 'Undoes a retraction, or replaces its reason.',
  },
  reportDetention: {
    input: ReportDetentionInput,
    command: 'ReportDetention',
    defaults: () => ({ charges: [] }),
    description: 'Records journalists or rights defenders detained (DETENTION).',
  },
  chargeDetention: {
    input: ChargeDetentionInput,
    command: 'ChargeDetention',
    description: 'The detained are charged.',
  },
  releaseDetentionOnBail: {
    input: ReleaseDetentionOnBailInput,
    command: 'ReleaseDetentionOnBail',
    description: 'The detained are released on bail.',
  },
  releaseDetention: {
    input: ReleaseDetentionInput,
    command: 'ReleaseDetention',
    description: 'The detained are released.',
  },
  convictDetention: {
    input: ConvictDetentionInput,
    command: 'ConvictDetention',
    description: 'The detained are convicted, with a sentence.',
  },
  acquitDetention: {
    input: AcquitDetentionInput,
    command: 'AcquitDetention',
    description: 'The detained are acquitted.',
  },
  dropDetentionCharges: {
    input: DropDetentionChargesInput,
    command: 'DropDetentionCharges',
    description: 'The charges are dropped.',
  },
  addDetentionNote: {
    input: AddDetentionNoteInput,
    command: 'AddDetentionNote',
    description: 'Adds a note (an apology, an appeal...) to a detention case.',
  },
  reportFigure: {
    input: ReportFigureInput,
    command: 'ReportFigure',
    description: 'Records a quantitative claim (FIGURE), official or independent.',
  },
  recordMeeting: {
    input: RecordMeetingInput,
    command: 'RecordMeeting',
    defaults: () => ({ bodies: [] }),
    description: 'Records a multilateral meeting (MEETING).',
  },
  reportShutdown: {
    input: ReportShutdownInput,
    command: 'ReportShutdown',
    description: 'Records websites or platforms blocked or closed (SHUTDOWN).',
  },
  recordStatement: {
    input: RecordStatementInput,
    command: 'RecordStatement',
    description: 'Records an official statement or speech (STATEMENT).',
  },
  createTaskForce: {
    input: CreateTaskForceInput,
    command: 'CreateTaskForce',
    description: 'Records a task force created by one or more countries (TASK_FORCE).',
  },
  dissolveTaskForce: {
    input: DissolveTaskForceInput,
    command: 'DissolveTaskForce',
    description: 'Records that a task force was dissolved.',
  },
} as const satisfies Record<string, RecordMutation>;

export type RecordMutationName = keyof typeof RECORD_MUTATIONS;

/** The domain command a validated input of `mutation` stands for. */
export function commandFor(mutation: RecordMutation, input: object): RecordCommandInput {
  return commandOf(mutation.command, input, mutation.defaults?.());
}

/**
 * The domain command of type `type` made of a validated input: exactly what the client gave (absent
 * optional fields left out, `null` kept), nested inputs as plain values (an occurrence through its
 * `toDomain()`, which tags its shape). `defaults` fill the fields given as absent or null.
 */
export function commandOf(
  type: string,
  input: object,
  defaults: Record<string, unknown> = {},
): RecordCommandInput {
  const fields = domainValues(input);
  for (const [field, value] of Object.entries(defaults)) fields[field] ??= value;
  return { type, ...fields } as RecordCommandInput;
}

function domainValues(input: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined) values[field] = domainValue(value);
  }
  return values;
}

function domainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(domainValue);
  if (value === null || typeof value !== 'object') return value;
  if ('toDomain' in value) return (value as { toDomain(): unknown }).toDomain();
  return domainValues(value);
}
