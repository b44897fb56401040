import type { Connection, PageRequest } from '../paging/page.js';
import { ALL_COUNTRIES } from '../projections/country-facets.js';
import type { ListWalk } from '../records/record-lists.js';
import type { RecordView } from '../records/record-view.js';
import { checkCountries, type RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { sql, type Sql } from '../records/sql.js';

export interface DetentionFilter {
  /** The detaining (ACTING) countries; any when absent. */
  readonly countries?: readonly string[] | null;
  /** true: persons in custody now (as of the snapshot); false: no longer in custody; absent: both. */
  readonly open?: boolean | null;
}

/** Detention cases, newest first. Retracted cases leave this list (they stay in timelines and `record`). */
export class DetentionsReader {
  constructor(private readonly records: RecordsReader) {}

  list(filter: DetentionFilter, page: PageRequest, at: Snapshot): Connection<RecordView<'DETENTION'>> {
    const countries = filter.countries ? checkCountries(filter.countries, 'countries') : [ALL_COUNTRIES];
    const open = filter.open === undefined || filter.open === null ? undefined : filter.open ? 1 : 0;
    const walks: ListWalk[] = countries.map((country) =>
      open === undefined
        ? { index: 'country_records_by_kind', where: sql("c.country = ? AND c.kind = 'DETENTION'", country) }
        : {
            index: 'country_records_by_custody',
            where: sql("c.country = ? AND c.kind = 'DETENTION' AND c.in_custody = ?", country, open),
          },
    );
    const residual: Sql[] = [sql('c.retracted = 0')];
    // The detaining state: a country named only as MENTIONED holds no case.
    if (filter.countries) residual.push(sql("c.roles LIKE '%,ACTING,%'"));
    return this.records.page(walks, residual, page, at) as Connection<RecordView<'DETENTION'>>;
  }
}
