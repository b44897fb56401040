import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ReadQueries } from '@tracker/read-models';
import { After, First, pageOf } from './connection.types.js';
import { toRecordModel } from './record.mapper.js';
import { RecordInterface } from './record.types.js';
import { RecordConnection, RecordFilterInput } from './records.types.js';

@Resolver(() => RecordInterface)
export class RecordsResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => RecordInterface, {
    description:
      'One record; with asOf, as the tracker knew it at that recording time. NOT_FOUND if it did not.',
  })
  async record(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => Date, nullable: true }) asOf?: Date,
  ): Promise<RecordInterface> {
    return toRecordModel(await this.reads.record(id, asOf));
  }

  @Query(() => RecordConnection, {
    description: 'Records, newest first by occurrence, retracted ones flagged.',
  })
  async records(
    @Args('filter', { type: () => RecordFilterInput, nullable: true }) filter: RecordFilterInput | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<RecordConnection> {
    const connection = await this.reads.recordList(filter ?? {}, { first, after });
    return pageOf(connection, toRecordModel);
  }
}
