import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { MakeCommitmentInput } from './make-commitment.input.js';
import { AssessCommitmentInput } from './assess-commitment.input.js';
import { LinkEvidenceInput } from './link-evidence.input.js';
import { UnlinkEvidenceInput } from './unlink-evidence.input.js';
import { SetImplementationStatusInput } from './set-implementation-status.input.js';

/** Mutations of commitments: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class CommitmentMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, {
    description: 'Records a commitment (COMMITMENT) made at a meeting or in a statement.',
  })
  makeCommitment(
    @Args('input') input: MakeCommitmentInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Adds a reviewer assessment of a commitment implementation.',
  })
  assessCommitment(
    @Args('input') input: AssessCommitmentInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Links an action record to a commitment as SUPPORTS or CONTRADICTS evidence.',
  })
  linkEvidence(
    @Args('input') input: LinkEvidenceInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'Removes an evidence link from a commitment.' })
  unlinkEvidence(
    @Args('input') input: UnlinkEvidenceInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, {
    description: 'Sets the implementation status of a commitment for some or all signatories.',
  })
  setImplementationStatus(
    @Args('input') input: SetImplementationStatusInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
