import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { CorrectRecordInput } from './correct-record.input.js';
import { RetractRecordInput } from './retract-record.input.js';
import { CorrectRetractionInput } from './correct-retraction.input.js';

/** Mutations of corrections: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class CorrectionMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, {
    description: 'Corrects fields of a record of any kind, with a reason.',
  })
  correctRecord(
    @Args('input') input: CorrectRecordInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Retracts a record of any kind, with a reason; nothing is deleted.',
  })
  retractRecord(
    @Args('input') input: RetractRecordInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'Undoes a retraction, or replaces its reason.' })
  correctRetraction(
    @Args('input') input: CorrectRetractionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
