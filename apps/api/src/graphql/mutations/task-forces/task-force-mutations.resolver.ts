import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { CreateTaskForceInput } from './create-task-force.input.js';
import { DissolveTaskForceInput } from './dissolve-task-force.input.js';

/** Mutations of task-forces: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class TaskForceMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, {
    description: 'Records a task force created by one or more countries (TASK_FORCE).',
  })
  createTaskForce(
    @Args('input') input: CreateTaskForceInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }

  @Mutation(() => RecordMutationPayload, { description: 'Records that a task force was dissolved.' })
  dissolveTaskForce(
    @Args('input') input: DissolveTaskForceInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
