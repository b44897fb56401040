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

describe('command roles', () => {
  it('give every domain command a role', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...RECORD_COMMAND_TYPES].sort());
  });

  it.each(RECORD_COMMAND_TYPES)(
    '%s: anonymous is UNAUTHENTICATED, reader FORBIDDEN, admin allowed',
    (type) => {
      expect(() => authorizeCommand(ANONYMOUS, type)).toThrow(UnauthenticatedError);
      expect(() => authorizeCommand(as('reader'), type)).toThrow(ForbiddenError);
      expect(() => authorizeCommand(as('admin'), type)).not.toThrow();
      expect(() => authorizeCommand(as('reviewer'), type)).not.toThrow();
      const recorderMay = COMMAND_ROLES[type] === 'recorder';
      if (recorderMay) expect(() => authorizeCommand(as('recorder'), type)).not.toThrow();
      else expect(() => authorizeCommand(as('recorder'), type)).toThrow(ForbiddenError);
    },
  );
});
