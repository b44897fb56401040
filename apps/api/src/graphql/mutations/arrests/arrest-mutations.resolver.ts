import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { ReportArrestInput } from './report-arrest.input.js';
import { UpdateArrestFiguresInput } from './update-arrest-figures.input.js';

/** Mutations of arrests: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class ArrestMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, { description: 'Records an enforcement operation (ARREST).' })
  reportArrest(
    @Args('input') input: ReportArrestInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Adds later figures (deported, prosecuted) to an arrest.',
  })
  updateArrestFigures(
    @Args('input') input: UpdateArrestFiguresInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
