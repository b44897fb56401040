import { Inject, Injectable } from '@nestjs/common';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@tracker/read-models';
import type { RecordCommandInput } from '@tracker/mutation-inputs';
import { RecordCommandExecutor } from '@tracker/tracking';
import { authorizeCommand } from '../../../auth/command-roles.js';
import { principalOf } from '../../../auth/request-access.js';
import type { RecordMutationPayload } from './record-mutation.payload.js';

/**
 * The one path of every mutation: the caller's role is checked
 * against it (again: the access hook already checked the document, this guards any other way in), the
 * executor decides and appends it under the token's name as actor, and the answer waits until the local
 * read model has reached the append, so the caller reads its own write. A refused command throws (DomainError, CONFLICT, UNAVAILABLE) and appends nothing.
 */
@Injectable()
export class RecordCommandSender {
  constructor(
    @Inject(RecordCommandExecutor) private readonly executor: Pick<RecordCommandExecutor, 'execute'>,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'reachOrReport'>,
  ) {}

  async send(
    command: RecordCommandInput,
    context: unknown,
    idempotencyKey: string | undefined,
  ): Promise<RecordMutationPayload> {
    const principal = principalOf(context);
    authorizeCommand(principal, command.type);
    const outcome = await this.executor.execute(command, {
      actor: principal.actor,
      ...(principal.kind === 'token' ? { tokenId: principal.tokenId } : {}),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    // The append is durable whatever the read model does next: a failing read model is reported in the
    // answer, never as an error a client would retry (and so record twice without a key).
    const readModel = await this.runner.reachOrReport(outcome.position);
    return {
      readModelBehind: readModel === 'behind',
      recordId: outcome.recordId,
      kind: outcome.kind,
      position: outcome.position,
      replayed: outcome.replayed,
      // A replay records nothing: it answers with what the first request recorded.
      eventCount: outcome.replayed ? 0 : outcome.events.length,
    };
  }
}
