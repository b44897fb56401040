import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RecordLookup } from '../../records/record-lookup.js';
import { RecordInterface } from '../../records/record.types.js';
import { RecordMutationPayload } from './record-mutation.payload.js';

/** The payload's `record`: the record as the read side projected it (the mutation waited for that). */
@Resolver(() => RecordMutationPayload)
export class RecordMutationPayloadResolver {
  constructor(@Inject(RecordLookup) private readonly lookup: RecordLookup) {}

  @ResolveField(() => RecordInterface, {
    nullable: true,
    description:
      'The record as projected, including this change. Null only if the read model cannot answer; the change itself is recorded.',
  })
  async record(
    @Parent() payload: Pick<RecordMutationPayload, 'recordId' | 'readModelBehind'>,
  ): Promise<RecordInterface | null> {
    if (payload.readModelBehind) return null;
    return this.lookup.findRecord(payload.recordId);
  }
}
