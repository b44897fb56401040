import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChangesReader, type ChangesFilter, type ChangesPage } from '../changes/changes.reader.js';

/** Record changes in store order after a position: the feed a mirror syncs from. */
export class ListChangesQuery extends Query<ChangesPage> {
  constructor(
    readonly filter: ChangesFilter,
    readonly first: number,
  ) {
    super();
  }
}

@QueryHandler(ListChangesQuery)
export class ListChangesHandler implements IQueryHandler<ListChangesQuery, ChangesPage> {
  constructor(@Inject(ChangesReader) private readonly reader: ChangesReader) {}

  async execute({ filter, first }: ListChangesQuery): Promise<ChangesPage> {
    return this.reader.changes(filter, first);
  }
}
