import type { EvidenceLink, EvidenceRelation, ImplementationStatus } from '@tracker/domain';
import { IMPLEMENTATION_STATUSES } from '@tracker/domain';
import { checkCountryCode } from '../countries/countries.reader.js';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';
import type { Connection, PageRequest } from '../paging/page.js';
import { signatorySource } from '../records/record-source.js';
import type { AnyRecordView, RecordView } from '../records/record-view.js';
import { occurredWithin, type RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { sql, type Sql } from '../records/sql.js';

/**
 * Which commitments. `country`, `implementation` and `overdue` are about one same signatory: "KH
 * overdue" is a commitment Cambodia signed and is overdue on; without `country`, any signatory.
 */
export interface CommitmentFilter {
  readonly country?: string | null;
  readonly meeting?: string | null;
  readonly statement?: string | null;
  readonly implementation?: ImplementationStatus | null;
  /** Derived at query time from the deadline's last day and the snapshot's `today`, never stored. */
  readonly overdue?: boolean | null;
  /** Matched whole, case-insensitively. */
  readonly theme?: string | null;
  /** Made within [from, to] (days). */
  readonly from?: string | null;
  readonly to?: string | null;
  /** Retracted commitments leave every tally; audits may ask for them. @defaultValue false */
  readonly includeRetracted?: boolean | null;
}

/** An evidence link of a commitment, with the record it links (as of the same snapshot). */
export interface EvidenceView {
  readonly link: EvidenceLink;
  /** Absent only if the linked record is unknown to the read model (as of the snapshot). */
  readonly record?: AnyRecordView;
}

export class CommitmentsReader {
  constructor(private readonly records: RecordsReader) {}

  list(filter: CommitmentFilter, page: PageRequest, at: Snapshot): Connection<RecordView<'COMMITMENT'>> {
    return this.records.newestFirst(commitmentFilterSql(filter, at), page, at) as Connection<
      RecordView<'COMMITMENT'>
    >;
  }

  /** The commitment's current links (as of its snapshot), SUPPORTS and CONTRADICTS, in linking order. */
  evidence(commitment: RecordView<'COMMITMENT'>, relation?: EvidenceRelation | null): EvidenceView[] {
    const at = { asOf: commitment.asOf, today: commitment.today };
    const links = commitment.live.evidence.filter((link) => !relation || link.relation === relation);
    const records = this.records.findMany(
      links.map((link) => link.evidenceId),
      at,
    );
    return links.map((link) => ({ link, record: records.get(link.evidenceId) }));
  }
}

export function commitmentFilterSql(filter: CommitmentFilter, at: Snapshot): Sql[] {
  const where: Sql[] = [sql("r.kind = 'COMMITMENT'")];
  if (!filter.includeRetracted) where.push(sql('r.retracted = 0'));
  if (filter.meeting) where.push(sql('r.meeting_id = ?', filter.meeting.toLowerCase()));
  if (filter.statement) where.push(sql('r.statement_id = ?', filter.statement.toLowerCase()));
  if (filter.theme) where.push(sql('lower(r.theme) = lower(?)', filter.theme.trim()));
  where.push(...occurredWithin(filter.from, filter.to));

  const s = signatorySource(at);
  const signatory: Sql[] = [];
  if (filter.country) signatory.push(sql(`${s.country} = ?`, checkCountryCode(filter.country, 'country')));
  if (filter.implementation) {
    if (!IMPLEMENTATION_STATUSES.includes(filter.implementation)) {
      throw new InvalidQueryArgumentError(
        'implementation',
        `${filter.implementation} is not an implementation status`,
      );
    }
    signatory.push(sql(`${s.implementation} = ?`, filter.implementation));
  }
  if (filter.overdue !== undefined && filter.overdue !== null) {
    // isOverdueStatus: a deadline whose last day is before today, and not COMPLETE.
    const overdue = `(r.due_day IS NOT NULL AND ? > r.due_day AND ${s.implementation} <> 'COMPLETE')`;
    signatory.push(sql(filter.overdue ? overdue : `NOT ${overdue}`, at.today));
  }
  if (signatory.length > 0) {
    where.push({
      text: `EXISTS (SELECT 1 FROM ${s.from} WHERE ${s.joins} AND ${signatory.map((c) => c.text).join(' AND ')})`,
      params: signatory.flatMap((c) => c.params),
    });
  }
  return where;
}
