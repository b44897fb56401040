import { ACTOR_TYPES, type ActorType } from '@tracker/domain';
import { checkCountryCode } from '../countries/country-code.js';
import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import {
  decodeCursor,
  mapConnection,
  pageSize,
  toConnection,
  type Connection,
  type PageRequest,
} from '../paging/page.js';
import { MAX_MERGE_HOPS, nameKey, type ActorRole } from '../projections/actor-index.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import type { AnyRecordView, RecordView } from '../records/record-view.js';
import {
  checkCountries,
  checkKinds,
  occurredWithin,
  type RecordFilter,
  type RecordsReader,
} from '../records/records.reader.js';

/** Which actors: all standing ones unless narrowed. */
export interface ActorFilter {
  readonly types?: readonly ActorType[] | null;
  /** Its HOME country. */
  readonly country?: string | null;
  /** Matches the start of any of its names or aliases, case and spacing aside. */
  readonly name?: string | null;
}

/** One record that names an actor, and how. */
export interface ActorReferenceView {
  readonly role: ActorRole;
  readonly record: AnyRecordView;
}

/** Most actors one records filter may name. */
export const MAX_FILTER_ACTORS = 20;
/** Longest name prefix searched for. */
const MAX_NAME_FILTER = 200;
/** Most actor types one filter may name. */
const MAX_FILTER_TYPES = ACTOR_TYPES.length;

interface ActorRow {
  id: string;
  name_key: string;
}

/**
 * Actors and what names them, from the actor tables (projections/actor-index.ts): an actor by id (a
 * merged one answered by the actor it was merged into), the list of actors by name, and the records
 * that name one, newest first. Every read is bounded by its page.
 */
export class ActorsReader {
  constructor(
    private readonly readDb: ReadDatabase,
    private readonly records: RecordsReader,
  ) {}

  /** The actor `id`, or the one it was merged into (followed through several merges). */
  get(id: string): RecordView<'ACTOR'> {
    const survivor = this.survivor(id);
    const view = this.records.find(survivor, this.records.at());
    if (view === undefined || view.kind !== 'ACTOR') {
      throw new ReadModelNotFoundError('actor', id, `No actor ${id}`);
    }
    return view as RecordView<'ACTOR'>;
  }

  /** Standing actors (not merged, not retracted) by name, filtered; `totalCount` is counted on demand. */
  list(filter: ActorFilter, page: PageRequest): Connection<AnyRecordView> {
    const limit = pageSize(page);
    const types = filter.types?.length ? [...new Set(filter.types)] : undefined;
    if (types !== undefined && types.length > MAX_FILTER_TYPES) {
      throw new InvalidQueryArgumentError('filter.types', `at most ${MAX_FILTER_TYPES} types`);
    }
    const country = filter.country == null ? undefined : checkCountryCode(filter.country, 'filter.country');
    const prefix = filter.name == null ? undefined : nameKey(filter.name);
    if (prefix !== undefined && (prefix.length === 0 || prefix.length > MAX_NAME_FILTER)) {
      throw new InvalidQueryArgumentError('filter.name', `give 1 to ${MAX_NAME_FILTER} characters of a name`);
    }
    const conditions = ['a.merged_into IS NULL', 'a.retracted = 0'];
    const params: (string | number)[] = [];
    if (types !== undefined) {
      conditions.push(`a.actor_type IN (${types.map(() => '?').join(', ')})`);
      params.push(...types);
    }
    if (country !== undefined) {
      conditions.push('a.home = ?');
      params.push(country);
    }
    // By name: the names table, so an alias or a name in another script finds the actor too.
    const from =
      prefix === undefined ? 'FROM actors a' : 'FROM actor_names n JOIN actors a ON a.id = n.actor_id';
    const keyColumn = prefix === undefined ? 'a.name_key' : 'n.name_key';
    if (prefix !== undefined) {
      // Each actor once, at the first of its names that matches (an actor has a few names, so the check
      // reads a few rows).
      conditions.push(
        `${keyColumn} >= ? AND ${keyColumn} < ?`,
        `NOT EXISTS (SELECT 1 FROM actor_names m WHERE m.actor_id = n.actor_id
           AND m.name_key >= ? AND m.name_key < ? AND m.name_key < n.name_key)`,
      );
      params.push(prefix, `${prefix}\uffff`, prefix, `${prefix}\uffff`);
    }
    const where = conditions.join(' AND ');
    const cursor = page.after == null ? undefined : decodeCursor(page.after, ['string', 'string']);
    const rows = this.readDb
      .prepare(
        `SELECT a.id AS id, ${keyColumn} AS name_key ${from}
         WHERE ${where} ${cursor ? `AND (${keyColumn}, a.id) > (?, ?)` : ''}
         ORDER BY ${keyColumn}, a.id LIMIT ?`,
      )
      .all(...params, ...(cursor ? (cursor as string[]) : []), limit + 1) as unknown as ActorRow[];
    const views = this.records.findMany(
      rows.map((row) => row.id),
      this.records.at(),
    );
    const found = rows.filter((row) => views.has(row.id));
    const count = () =>
      (
        this.readDb.prepare(`SELECT count(DISTINCT a.id) AS n ${from} WHERE ${where}`).get(...params) as {
          n: number;
        }
      ).n;
    const connection = toConnection(found, limit, count, (row) => [row.name_key, row.id]);
    return mapConnection(connection, (row) => views.get(row.id)!);
  }

  /** The records that name the actor `id` (or any actor merged into it), newest first by occurrence. */
  references(id: string, page: PageRequest): Connection<ActorReferenceView> {
    const limit = pageSize(page);
    const actorId = this.survivor(id);
    const cursor = page.after == null ? undefined : decodeCursor(page.after, ['string', 'string', 'string']);
    const rows = this.readDb
      .prepare(
        `SELECT record_id, role, occurred_start FROM actor_references INDEXED BY actor_references_newest
         WHERE actor_id = ? ${cursor ? 'AND (occurred_start, record_id, role) < (?, ?, ?)' : ''}
         ORDER BY occurred_start DESC, record_id DESC, role DESC LIMIT ?`,
      )
      .all(actorId, ...(cursor ? (cursor as string[]) : []), limit + 1) as {
      record_id: string;
      role: ActorRole;
      occurred_start: string;
    }[];
    const views = this.records.findMany(
      rows.map((row) => row.record_id),
      this.records.at(),
    );
    const found = rows.filter((row) => views.has(row.record_id));
    const count = () =>
      (
        this.readDb.prepare('SELECT count(*) AS n FROM actor_references WHERE actor_id = ?').get(actorId) as {
          n: number;
        }
      ).n;
    const connection = toConnection(found, limit, count, (row) => [
      row.occurred_start,
      row.record_id,
      row.role,
    ]);
    return mapConnection(connection, (row) => ({ role: row.role, record: views.get(row.record_id)! }));
  }

  /**
   * Records that name one of `filter.actors` (or an actor merged into one), newest first, narrowed by the
   * filter's other conditions. Each actor's references are walked in its own index order (newest first)
   * for at most a page, and the walks are merged here: one `IN` over several actors would make SQLite
   * sort every reference of them all, at each request. So a page costs at most a page per actor (plus
   * what the filter passes over), whatever the number of records naming them.
   */
  recordsNaming(filter: RecordFilter, page: PageRequest): Connection<AnyRecordView> {
    const limit = pageSize(page);
    const requested = [...new Set(filter.actors ?? [])];
    if (requested.length === 0 || requested.length > MAX_FILTER_ACTORS) {
      throw new InvalidQueryArgumentError('filter.actors', `name 1 to ${MAX_FILTER_ACTORS} actors`);
    }
    const actors = [...new Set(requested.map((id) => this.survivor(id)))];
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (filter.kinds?.length) {
      const kinds = checkKinds(filter.kinds);
      conditions.push(`r.kind IN (${kinds.map(() => '?').join(', ')})`);
      params.push(...kinds);
    }
    if (filter.retracted != null) {
      conditions.push('r.retracted = ?');
      params.push(filter.retracted ? 1 : 0);
    }
    if (filter.countries?.length) {
      const codes = checkCountries(filter.countries, 'countries');
      conditions.push(`(${codes.map(() => 'instr(r.country_codes, ?) > 0').join(' OR ')})`);
      params.push(...codes.map((code) => `,${code},`));
    }
    for (const range of occurredWithin(filter.from, filter.to)) {
      conditions.push(range.text.replaceAll('c.', 'r.'));
      params.push(...(range.params as (string | number)[]));
    }
    const cursor = page.after == null ? undefined : decodeCursor(page.after, ['string', 'string']);
    const walk = this.readDb.prepare(
      `SELECT DISTINCT a.record_id AS id, a.occurred_start AS day
       FROM actor_references a INDEXED BY actor_references_newest JOIN records r ON r.id = a.record_id
       WHERE ${['a.actor_id = ?', ...conditions].join(' AND ')}
         ${cursor ? 'AND (a.occurred_start, a.record_id) < (?, ?)' : ''}
       ORDER BY a.occurred_start DESC, a.record_id DESC LIMIT ?`,
    );
    const cursorParams = cursor ? (cursor as string[]) : [];
    const walks = actors.map(
      (actor) => walk.all(actor, ...params, ...cursorParams, limit + 1) as { id: string; day: string }[],
    );
    const rows = newestFirstOnce(walks.flat()).slice(0, limit + 1);
    const views = this.records.findMany(
      rows.map((row) => row.id),
      this.records.at(),
    );
    const count = () =>
      (
        this.readDb
          .prepare(
            `SELECT count(DISTINCT a.record_id) AS n FROM actor_references a JOIN records r ON r.id = a.record_id
             WHERE ${[`a.actor_id IN (${actors.map(() => '?').join(', ')})`, ...conditions].join(' AND ')}`,
          )
          .get(...actors, ...params) as { n: number }
      ).n;
    const found = rows.filter((row) => views.has(row.id));
    return mapConnection(
      toConnection(found, limit, count, (row) => [row.day, row.id]),
      (row) => views.get(row.id)!,
    );
  }

  /** The id an actor's records are filed under: its own, or the one it was merged into. */
  private survivor(id: string): string {
    let current = id.toLowerCase();
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const row = this.readDb.prepare('SELECT merged_into FROM actors WHERE id = ?').get(current) as
        { merged_into: string | null } | undefined;
      if (row?.merged_into == null) return current;
      current = row.merged_into;
    }
    return current;
  }
}

/** Rows of several newest-first walks as one newest-first list, a record named in more than one once. */
function newestFirstOnce(rows: { id: string; day: string }[]): { id: string; day: string }[] {
  const byNewest = rows.sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.id !== b.id ? (a.id < b.id ? 1 : -1) : 0,
  );
  return byNewest.filter((row, i) => i === 0 || row.id !== byNewest[i - 1]!.id);
}
