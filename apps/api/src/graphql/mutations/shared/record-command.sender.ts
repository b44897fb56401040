import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@tracker/read-models';
import { ExecuteRecordCommand } from '@tracker/tracking';
import { currentActor } from '../../common/current-actor.js';
import type { CommandInput } from './record-command.js';
import type { RecordMutationPayload } from './record-mutation.payload.js';

/**
 * The one path of every mutation: the input becomes its domain command, the CommandBus decides and
 * appends it, and the answer waits until the local read model has reached the append, so the caller
 * reads its own write. A refused command throws (DomainError, CONFLICT, UNAVAILABLE) and appends nothing.
 */
@Injectable()
export class RecordCommandSender {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'waitForPosition'>,
  ) {}

  async send(
    input: CommandInput,
    context: unknown,
    idempotencyKey: string | undefined,
  ): Promise<RecordMutationPayload> {
    const outcome = await this.commandBus.execute(
      new ExecuteRecordCommand(input.toCommand(), {
        actor: currentActor(context),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      }),
    );
    await this.runner.waitForPosition(outcome.position);
    return {
      recordId: outcome.recordId,
      kind: outcome.kind,
      position: outcome.position,
      replayed: outcome.replayed,
      eventCount: outcome.events.length,
    };
  }
}
