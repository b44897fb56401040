import { describe, expect, it, jest } from '@jest/globals';
import { ForbiddenError, UnauthenticatedError } from '../../auth/auth-errors.js';
import type { Role } from '@tracker/tracking';
import { RecordMutationsResolver } from './record-mutations.resolver.js';
import type { RecordCommandInput } from '@tracker/mutation-inputs';

const input = (type: string) =>
  ({ type, recordId: '0193c5a0-0000-7000-8000-000000000001', reason: 'r' }) as unknown as RecordCommandInput;
const as = (role: Role) => ({
  access: { principal: { kind: 'token', actor: `org-${role}`, role, tokenId: `t-${role}` } },
});

function sender() {
  const execute = jest.fn(async () => ({
    recordId: '0193c5a0-0000-7000-8000-000000000001',
    kind: 'FIGURE',
    position: '1',
    replayed: false,
    events: [{}],
  }));
  const reachOrReport = jest.fn(async () => 'reached' as const);
  return { execute, sender: new RecordMutationsResolver({ execute } as never, { reachOrReport } as never) };
}

// The second line of defence: whatever reached the send path (a document the access hook let through,
// any other way in), the token's role is checked against the command before anything is sent.
describe('RecordMutationsResolver.send', () => {
  it('refuses a reader, and a recorder a reviewer’s command, without sending anything', async () => {
    const { execute, sender: send } = sender();
    await expect(send.send(input('ReportFigure'), as('reader'), undefined)).rejects.toThrow(ForbiddenError);
    await expect(send.send(input('RetractRecord'), as('recorder'), undefined)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(send.send(input('ReportFigure'), {}, undefined)).rejects.toThrow(UnauthenticatedError);
    expect(execute).not.toHaveBeenCalled();
  });

  it('sends an allowed command under the token’s name and id', async () => {
    const { execute, sender: send } = sender();
    await expect(send.send(input('ReportFigure'), as('recorder'), 'key-1')).resolves.toMatchObject({
      eventCount: 1,
    });
    expect(execute).toHaveBeenCalledTimes(1);
    const [command, meta] = execute.mock.calls[0] as unknown as [{ type: string }, object];
    expect(command.type).toBe('ReportFigure');
    expect(meta).toEqual({ actor: 'org-recorder', tokenId: 't-recorder', idempotencyKey: 'key-1' });
  });
});
