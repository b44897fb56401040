import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { ReportShutdownInput } from './report-shutdown.input.js';

/** Mutations of shutdowns: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class ShutdownMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, {
    description: 'Records websites or platforms blocked or closed (SHUTDOWN).',
  })
  reportShutdown(
    @Args('input') input: ReportShutdownInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
