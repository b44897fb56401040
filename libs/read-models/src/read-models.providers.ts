import type { InjectionToken, Provider } from '@nestjs/common';
import { ActorsReader } from './actors/actors.reader.js';
import { CommitmentsReader } from './commitments/commitments.reader.js';
import { CountriesReader } from './countries/countries.reader.js';
import { DetentionsReader } from './detentions/detentions.reader.js';
import { ChangesReader } from './changes/changes.reader.js';
import { HistoryReader } from './history/history.reader.js';
import { ReadQueries } from './queries/read-queries.js';
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
/**
 * A reader built by its own constructor from the providers `inject` names, in order: readers stay plain
 * classes (their specs build them by hand), Nest only wires them.
 */
function reader<T>(type: new (...args: never[]) => T, inject: InjectionToken[]): Provider {
  return { provide: type, inject, useFactory: (...args: never[]) => new type(...args) };
}

export const READ_MODEL_QUERY_PROVIDERS: Provider[] = [
  reader(RecordsReader, [READ_DATABASE, READ_MODEL_CLOCK]),
  reader(CountriesReader, [READ_DATABASE, RecordsReader]),
  reader(CommitmentsReader, [RecordsReader]),
  reader(DetentionsReader, [RecordsReader]),
  reader(HistoryReader, [READ_DATABASE]),
  reader(ChangesReader, [READ_DATABASE]),
  reader(ActorsReader, [READ_DATABASE, RecordsReader]),
  ReadQueries,
];
