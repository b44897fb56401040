import type { Provider } from '@nestjs/common';
import { CommitmentsReader } from './commitments/commitments.reader.js';
import { CountriesReader } from './countries/countries.reader.js';
import { DetentionsReader } from './detentions/detentions.reader.js';
import { ChangesReader } from './changes/changes.reader.js';
import { HistoryReader } from './history/history.reader.js';
import { ReadQueries } from './queries/read-queries.js';
import type { ReadDatabase } from './read-db/read-database.js';
import { RecordsReader } from './records/records.reader.js';

/** Nest token of the open ReadDatabase (provided by the app, which decides where the file lives). */
export const READ_DATABASE = Symbol('READ_DATABASE');
/** Nest token of the ProjectionRunner: `waitForPosition(position)` and the `changes` feed. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** Nest token of the clock giving "today" for derived answers (overdue, days detained). */
export const READ_MODEL_CLOCK = Symbol('READ_MODEL_CLOCK');

/**
 * The query side for a Nest module that provides READ_DATABASE and READ_MODEL_CLOCK: the readers over the
 * read DB, and ReadQueries, the one entry the API asks.
 */
export const READ_MODEL_QUERY_PROVIDERS: Provider[] = [
  {
    provide: RecordsReader,
    inject: [READ_DATABASE, READ_MODEL_CLOCK],
    useFactory: (readDb: ReadDatabase, clock: () => Date) => new RecordsReader(readDb, clock),
  },
  {
    provide: CountriesReader,
    inject: [READ_DATABASE, RecordsReader],
    useFactory: (readDb: ReadDatabase, records: RecordsReader) => new CountriesReader(readDb, records),
  },
  {
    provide: CommitmentsReader,
    inject: [RecordsReader],
    useFactory: (records: RecordsReader) => new CommitmentsReader(records),
  },
  {
    provide: DetentionsReader,
    inject: [RecordsReader],
    useFactory: (records: RecordsReader) => new DetentionsReader(records),
  },
  {
    provide: HistoryReader,
    inject: [READ_DATABASE],
    useFactory: (readDb: ReadDatabase) => new HistoryReader(readDb),
  },
  {
    provide: ChangesReader,
    inject: [READ_DATABASE],
    useFactory: (readDb: ReadDatabase) => new ChangesReader(readDb),
  },
  ReadQueries,
];
