import { Inject, Injectable } from '@nestjs/common';
import { ReadQueries } from '@tracker/read-models';
import { toRecordModel } from './record.mapper.js';
import type { RecordInterface } from './record.types.js';

/**
 * A record as projected, as the GraphQL `Record` value: what a mutation answers with once the read
 * model has reached its append (`PROJECTION_RUNNER.waitForPosition(position)` first). NOT_FOUND when
 * the read model does not hold it.
 */
@Injectable()
export class RecordLookup {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  async findRecord(id: string, asOf?: Date): Promise<RecordInterface> {
    return toRecordModel(await this.reads.record(id, asOf));
  }

  /**
   * The record for a change delivered to subscribers: looked up and mapped once per change, whatever
   * the number of subscribers it goes to (each then only selects from it).
   */
  forChange(id: string, position: string): Promise<RecordInterface> {
    const key = `${id}@${position}`;
    let found = this.changes.get(key);
    if (found === undefined) {
      if (this.changes.size >= 1_000) this.changes.clear();
      found = this.findRecord(id);
      // A failed lookup is not kept: the next subscriber asks again.
      found.catch(() => this.changes.delete(key));
      this.changes.set(key, found);
    }
    return found;
  }

  private readonly changes = new Map<string, Promise<RecordInterface>>();
}
