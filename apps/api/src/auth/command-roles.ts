import type { RecordCommandType } from '@tracker/domain';
import { roleAllows, type Role } from '@tracker/tracking';
import { ForbiddenError, UnauthenticatedError } from './auth-errors.js';
import type { Principal } from './principal.js';

/**
 * The role each command needs. Recorders create and update records and link evidence; reviewers judge:
 * they assess commitments, set implementation status, correct and retract. Typed over every command
 * type, so a new command does not compile until it is given a role.
 */
export const COMMAND_ROLES = {
  RecordMeeting: 'recorder',
  MakeCommitment: 'recorder',
  LinkEvidence: 'recorder',
  UnlinkEvidence: 'recorder',
  CreateTaskForce: 'recorder',
  DissolveTaskForce: 'recorder',
  ReportArrest: 'recorder',
  UpdateArrestFigures: 'recorder',
  ReportDetention: 'recorder',
  ChargeDetention: 'recorder',
  ReleaseDetentionOnBail: 'recorder',
  ReleaseDetention: 'recorder',
  ConvictDetention: 'recorder',
  AcquitDetention: 'recorder',
  DropDetentionCharges: 'recorder',
  AddDetentionNote: 'recorder',
  ReportShutdown: 'recorder',
  ReportFigure: 'recorder',
  RecordStatement: 'recorder',
  RecordActor: 'recorder',
  RecordAllegation: 'recorder',
  LinkAllegationEvidence: 'recorder',
  UnlinkAllegationEvidence: 'recorder',
  // Two actors become one: a judgement about the data, as a correction is.
  MergeActor: 'reviewer',
  AssessCommitment: 'reviewer',
  SetImplementationStatus: 'reviewer',
  CorrectRecord: 'reviewer',
  RetractRecord: 'reviewer',
  CorrectRetraction: 'reviewer',
} as const satisfies Record<RecordCommandType, Role>;

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for a role below the command's. */
export function authorizeCommand(principal: Principal, commandType: RecordCommandType): void {
  const required = COMMAND_ROLES[commandType];
  if (principal.kind === 'anonymous') {
    throw new UnauthenticatedError(`${commandType} needs a bearer token with role ${required} or above`);
  }
  if (!roleAllows(principal.role, required)) {
    throw new ForbiddenError(
      `${commandType} needs role ${required}; the token "${principal.actor}" is ${principal.role}`,
    );
  }
}
