import { AcquitDetentionInput } from '../../../api/src/graphql/mutations/detentions/acquit-detention.input.js';
import { AddDetentionNoteInput } from '../../../api/src/graphql/mutations/detentions/add-detention-note.input.js';
import { AssessCommitmentInput } from '../../../api/src/graphql/mutations/commitments/assess-commitment.input.js';
import { ChargeDetentionInput } from '../../../api/src/graphql/mutations/detentions/charge-detention.input.js';
import { ConvictDetentionInput } from '../../../api/src/graphql/mutations/detentions/convict-detention.input.js';
import { CorrectRecordInput } from '../../../api/src/graphql/mutations/corrections/correct-record.input.js';
import { CorrectRetractionInput } from '../../../api/src/graphql/mutations/corrections/correct-retraction.input.js';
import { CreateTaskForceInput } from '../../../api/src/graphql/mutations/task-forces/create-task-force.input.js';
import { DissolveTaskForceInput } from '../../../api/src/graphql/mutations/task-forces/dissolve-task-force.input.js';
import { DropDetentionChargesInput } from '../../../api/src/graphql/mutations/detentions/drop-detention-charges.input.js';
import { LinkEvidenceInput } from '../../../api/src/graphql/mutations/commitments/link-evidence.input.js';
import { MakeCommitmentInput } from '../../../api/src/graphql/mutations/commitments/make-commitment.input.js';
import { RecordMeetingInput } from '../../../api/src/graphql/mutations/meetings/record-meeting.input.js';
import { RecordStatementInput } from '../../../api/src/graphql/mutations/statements/record-statement.input.js';
import { ReleaseDetentionInput } from '../../../api/src/graphql/mutations/detentions/release-detention.input.js';
import { ReleaseDetentionOnBailInput } from '../../../api/src/graphql/mutations/detentions/release-detention-on-bail.input.js';
import { ReportArrestInput } from '../../../api/src/graphql/mutations/arrests/report-arrest.input.js';
import { ReportDetentionInput } from '../../../api/src/graphql/mutations/detentions/report-detention.input.js';
import { ReportFigureInput } from '../../../api/src/graphql/mutations/figures/report-figure.input.js';
import { ReportShutdownInput } from '../../../api/src/graphql/mutations/shutdowns/report-shutdown.input.js';
import { RetractRecordInput } from '../../../api/src/graphql/mutations/corrections/retract-record.input.js';
import { SetImplementationStatusInput } from '../../../api/src/graphql/mutations/commitments/set-implementation-status.input.js';
import { UnlinkEvidenceInput } from '../../../api/src/graphql/mutations/commitments/unlink-evidence.input.js';
import { UpdateArrestFiguresInput } from '../../../api/src/graphql/mutations/arrests/update-arrest-figures.input.js';
import type { CommandInput } from '../../../api/src/graphql/mutations/shared/record-command.js';

/**
 * Each mutation's input class, by mutation name: an import line names a mutation and gives its input in
 * the API's own shape, checked by the same class-validator rules as over GraphQL.
 */
export const MUTATION_INPUTS: Readonly<Record<string, new () => CommandInput>> = {
  acquitDetention: AcquitDetentionInput,
  addDetentionNote: AddDetentionNoteInput,
  assessCommitment: AssessCommitmentInput,
  chargeDetention: ChargeDetentionInput,
  convictDetention: ConvictDetentionInput,
  correctRecord: CorrectRecordInput,
  correctRetraction: CorrectRetractionInput,
  createTaskForce: CreateTaskForceInput,
  dissolveTaskForce: DissolveTaskForceInput,
  dropDetentionCharges: DropDetentionChargesInput,
  linkEvidence: LinkEvidenceInput,
  makeCommitment: MakeCommitmentInput,
  recordMeeting: RecordMeetingInput,
  recordStatement: RecordStatementInput,
  releaseDetention: ReleaseDetentionInput,
  releaseDetentionOnBail: ReleaseDetentionOnBailInput,
  reportArrest: ReportArrestInput,
  reportDetention: ReportDetentionInput,
  reportFigure: ReportFigureInput,
  reportShutdown: ReportShutdownInput,
  retractRecord: RetractRecordInput,
  setImplementationStatus: SetImplementationStatusInput,
  unlinkEvidence: UnlinkEvidenceInput,
  updateArrestFigures: UpdateArrestFiguresInput,
};
