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
import type { CommandInput } from './shared/record-command.js';

/** One mutation of the GraphQL API: the input it takes (which knows its domain command) and what it does. */
export interface RecordMutation {
  readonly input: new () => CommandInput;
  readonly description: string;
}

/**
 * Every mutation that records something, by its GraphQL name: the API builds its resolver from this table
 * and the CLI's import checks a mutation line with the same input class, so neither can miss one.
 */
export const RECORD_MUTATIONS = {
  reportArrest: { input: ReportArrestInput, description: 'Records an enforcement operation (ARREST).' },
  updateArrestFigures: {
    input: UpdateArrestFiguresInput,
    description: 'Adds later figures (deported, prosecuted) to an arrest.',
  },
  makeCommitment: {
    input: MakeCommitmentInput,
    description: 'Records a commitment (COMMITMENT) made at a meeting or in a statement.',
  },
  assessCommitment: {
    input: AssessCommitmentInput,
    description: 'Adds a reviewer assessment of a commitment implementation.',
  },
  linkEvidence: {
    input: LinkEvidenceInput,
    description: 'Links an action record to a commitment as SUPPORTS or CONTRADICTS evidence.',
  },
  unlinkEvidence: { input: UnlinkEvidenceInput, description: 'Removes an evidence link from a commitment.' },
  setImplementationStatus: {
    input: SetImplementationStatusInput,
    description: 'Sets the implementation status of a commitment for some or all signatories.',
  },
  correctRecord: {
    input: CorrectRecordInput,
    description: 'Corrects fields of a record of any kind, with a reason.',
  },
  retractRecord: {
    input: RetractRecordInput,
    description: 'Retracts a record of any kind, with a reason; nothing is deleted.',
  },
  correctRetraction: {
    input: CorrectRetractionInput,
    description: 'Undoes a retraction, or replaces its reason.',
  },
  reportDetention: {
    input: ReportDetentionInput,
    description: 'Records journalists or rights defenders detained (DETENTION).',
  },
  chargeDetention: { input: ChargeDetentionInput, description: 'The detained are charged.' },
  releaseDetentionOnBail: {
    input: ReleaseDetentionOnBailInput,
    description: 'The detained are released on bail.',
  },
  releaseDetention: { input: ReleaseDetentionInput, description: 'The detained are released.' },
  convictDetention: {
    input: ConvictDetentionInput,
    description: 'The detained are convicted, with a sentence.',
  },
  acquitDetention: { input: AcquitDetentionInput, description: 'The detained are acquitted.' },
  dropDetentionCharges: { input: DropDetentionChargesInput, description: 'The charges are dropped.' },
  addDetentionNote: {
    input: AddDetentionNoteInput,
    description: 'Adds a note (an apology, an appeal...) to a detention case.',
  },
  reportFigure: {
    input: ReportFigureInput,
    description: 'Records a quantitative claim (FIGURE), official or independent.',
  },
  recordMeeting: { input: RecordMeetingInput, description: 'Records a multilateral meeting (MEETING).' },
  reportShutdown: {
    input: ReportShutdownInput,
    description: 'Records websites or platforms blocked or closed (SHUTDOWN).',
  },
  recordStatement: {
    input: RecordStatementInput,
    description: 'Records an official statement or speech (STATEMENT).',
  },
  createTaskForce: {
    input: CreateTaskForceInput,
    description: 'Records a task force created by one or more countries (TASK_FORCE).',
  },
  dissolveTaskForce: {
    input: DissolveTaskForceInput,
    description: 'Records that a task force was dissolved.',
  },
} as const satisfies Record<string, RecordMutation>;

export type RecordMutationName = keyof typeof RECORD_MUTATIONS;
