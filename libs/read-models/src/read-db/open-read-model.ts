import { ReadDatabase } from './read-database.js';
import {
  READ_MODEL_INDEXES_SQL,
  READ_MODEL_MIGRATIONS,
  READ_MODEL_SCHEMA_VERSION,
} from './read-model.schema.js';
import { RecordsProjection } from '../projections/records.projection.js';
import { projectionsVersion, type Projection } from '../runner/projection.js';

/** The projections that feed the read DB, in the order the runner applies them to each event. */
export function readModelProjections(): Projection[] {
  return [new RecordsProjection()];
}

/**
 * Opens (or creates) the read DB at `path` with the tracker's schema. A file built by other projection
 * versions is emptied, and so is any file when `rebuild` is asked for, so the runner replays the store.
 */
export function openReadModel(
  path: string,
  projections: readonly Projection[] = readModelProjections(),
  options: { rebuild?: boolean; cache?: boolean } = {},
) {
  const readDb = ReadDatabase.open({
    path,
    migrations: READ_MODEL_MIGRATIONS,
    projectionsVersion: projectionsVersion(projections, READ_MODEL_SCHEMA_VERSION),
    ...(options.rebuild ? { rebuild: true } : {}),
    ...(options.cache === false ? { cache: false } : {}),
  });
  // A replay stopped part-way (a crash, a stop) may have left indexes out: build whatever is missing.
  readDb.db.exec(READ_MODEL_INDEXES_SQL);
  return readDb;
}
