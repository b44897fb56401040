import { checkCountryCode } from '../countries/countries.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import { involvesCountry } from '../records/record-source.js';
import type { RecordView } from '../records/record-view.js';
import type { RecordsReader } from '../records/records.reader.js';
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
    const where: Sql[] = [sql("r.kind = 'DETENTION'"), sql('r.retracted = 0')];
    if (filter.countries) {
      const codes = filter.countries.map((code) => checkCountryCode(code, 'countries'));
      const each = codes.map((code) => involvesCountry(code, at, 'ACTING'));
      where.push({
        text: each.length === 0 ? '0' : each.map((c) => `(${c.text})`).join(' OR '),
        params: each.flatMap((c) => c.params),
      });
    }
    if (filter.open !== undefined && filter.open !== null) {
      // The domain's own flag, kept in the state by every step (detention.events.ts).
      where.push(sql("r.state ->> '$.inCustody' = ?", filter.open ? 1 : 0));
    }
    return this.records.newestFirst(where, page, at) as Connection<RecordView<'DETENTION'>>;
  }
}
