import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IdempotencyKey } from '../shared/mutation-args.decorators.js';
import { RecordCommandSender } from '../shared/record-command.sender.js';
import { RecordMutationPayload } from '../shared/record-mutation.payload.js';
import { RecordMeetingInput } from './record-meeting.input.js';

/** Mutations of meetings: each input becomes its domain command, sent through the one command path. */
@Resolver()
export class MeetingMutationsResolver {
  constructor(@Inject(RecordCommandSender) private readonly sender: RecordCommandSender) {}

  @Mutation(() => RecordMutationPayload, { description: 'Records a multilateral meeting (MEETING).' })
  recordMeeting(
    @Args('input') input: RecordMeetingInput,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Context() context: unknown,
  ): Promise<RecordMutationPayload> {
    return this.sender.send(input, context, idempotencyKey);
  }
}
