import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetRecordQuery } from '@tracker/read-models';
import { answer } from './read-errors.js';
import { toRecordModel } from './record.mapper.js';
import type { RecordInterface } from './record.types.js';

/**
 * A record as projected, as the GraphQL `Record` value: what a mutation answers with once the read
 * model has reached its append (`PROJECTION_RUNNER.waitForPosition(position)` first). NOT_FOUND when
 * the read model does not hold it.
 */
@Injectable()
export class RecordLookup {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  async findRecord(id: string, asOf?: Date): Promise<RecordInterface> {
    return toRecordModel(await answer(this.queryBus.execute(new GetRecordQuery(id, asOf))));
  }
}
