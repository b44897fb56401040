import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { ReportDetentionInput } from './report-detention.input.js';
import { ChargeDetentionInput } from './charge-detention.input.js';
import { ReleaseDetentionOnBailInput } from './release-detention-on-bail.input.js';
import { ReleaseDetentionInput } from './release-detention.input.js';
import { ConvictDetentionInput } from './convict-detention.input.js';
import { AcquitDetentionInput } from './acquit-detention.input.js';
import { DropDetentionChargesInput } from './drop-detention-charges.input.js';
import { AddDetentionNoteInput } from './add-detention-note.input.js';

/** Mutations of detentions: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class DetentionMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, {
    description: 'Records journalists or rights defenders detained (DETENTION).',
  })
  reportDetention(
    @Args('input') input: ReportDetentionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The detained are charged.' })
  chargeDetention(
    @Args('input') input: ChargeDetentionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The detained are released on bail.' })
  releaseDetentionOnBail(
    @Args('input') input: ReleaseDetentionOnBailInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The detained are released.' })
  releaseDetention(
    @Args('input') input: ReleaseDetentionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The detained are convicted, with a sentence.' })
  convictDetention(
    @Args('input') input: ConvictDetentionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The detained are acquitted.' })
  acquitDetention(
    @Args('input') input: AcquitDetentionInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'The charges are dropped.' })
  dropDetentionCharges(
    @Args('input') input: DropDetentionChargesInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Adds a note (an apology, an appeal...) to a detention case.',
  })
  addDetentionNote(
    @Args('input') input: AddDetentionNoteInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
