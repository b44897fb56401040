import { RECORD_COMMAND_TYPES } from '@tracker/domain';
import { ForbiddenError, UnauthenticatedError } from './auth-errors.js';
import { authorizeCommand, COMMAND_ROLES } from './command-roles.js';
import { ANONYMOUS, type Principal } from './principal.js';

const as = (role: 'reader' | 'recorder' | 'reviewer' | 'admin'): Principal => ({
  kind: 'token',
  actor: `org-${role}`,
  role,
  tokenId: 't',
});

/**
 * Who may do what, written out (not read from the table under test): recorders record what happened;
 * judging it (assessments, statuses) and changing the record (corrections, retractions) is a reviewer's.
 */
const EXPECTED_ROLES: Record<string, 'recorder' | 'reviewer'> = {
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
  MergeActor: 'reviewer',
  AssessCommitment: 'reviewer',
  SetImplementationStatus: 'reviewer',
  CorrectRecord: 'reviewer',
  RetractRecord: 'reviewer',
  CorrectRetraction: 'reviewer',
};

describe('command roles', () => {
  it('give every domain command a role', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...RECORD_COMMAND_TYPES].sort());
    expect(Object.keys(EXPECTED_ROLES).sort()).toEqual([...RECORD_COMMAND_TYPES].sort());
  });

  it.each(RECORD_COMMAND_TYPES)(
    '%s: anonymous is UNAUTHENTICATED, reader FORBIDDEN, admin allowed',
    (type) => {
      expect(() => authorizeCommand(ANONYMOUS, type)).toThrow(UnauthenticatedError);
      expect(() => authorizeCommand(as('reader'), type)).toThrow(ForbiddenError);
      expect(() => authorizeCommand(as('admin'), type)).not.toThrow();
      expect(() => authorizeCommand(as('reviewer'), type)).not.toThrow();
      const recorderMay = EXPECTED_ROLES[type] === 'recorder';
      if (recorderMay) expect(() => authorizeCommand(as('recorder'), type)).not.toThrow();
      else expect(() => authorizeCommand(as('recorder'), type)).toThrow(ForbiddenError);
    },
  );
});
