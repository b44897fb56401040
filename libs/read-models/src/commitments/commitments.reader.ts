import type { EvidenceLink, EvidenceRelation, ImplementationStatus } from '@tracker/domain';
import { IMPLEMENTATION_STATUSES } from '@tracker/domain';
import { checkCountryCode } from '../countries/country-code.js';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';
import type { Connection, PageRequest } from '../paging/page.js';
import { STAT_INDEX, type StatColumn } from '../projections/country-facets.js';
import { validAt, type ListWalk } from '../records/record-lists.js';
import type { AnyRecordView, RecordView } from '../records/record-view.js';
import { occurredWithin, type RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { and, sql, type Sql } from '../records/sql.js';
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

  /**
   * With a country: its own signatory rows (its implementation, overdue for it), walked by status when
   * one is asked for. Without: every commitment, or those of a meeting or statement, by their own index;
   * a status or overdue is then about any signatory (a check per commitment on its signatory rows).
   */
  list(filter: CommitmentFilter, page: PageRequest, at: Snapshot): Connection<RecordView<'COMMITMENT'>> {
    const implementation = filter.implementation ? checkImplementation(filter.implementation) : undefined;
    const residual: Sql[] = [];
    if (!filter.includeRetracted) residual.push(sql('c.retracted = 0'));
    if (filter.theme) residual.push(sql('c.theme_key = lower(?)', filter.theme.trim()));
    residual.push(...occurredWithin(filter.from, filter.to));
    let walk: ListWalk;
    if (filter.country) {
      const country = checkCountryCode(filter.country, 'country');
      walk = implementation
        ? {
            index: 'country_records_by_implementation',
            where: sql(
              "c.country = ? AND c.kind = 'COMMITMENT' AND c.implementation = ?",
              country,
              implementation,
            ),
          }
        : {
            index: 'country_records_by_kind',
            where: sql("c.country = ? AND c.kind = 'COMMITMENT' AND c.implementation IS NOT NULL", country),
          };
      if (filter.meeting) residual.push(sql('c.meeting_id = ?', filter.meeting.toLowerCase()));
      if (filter.statement) residual.push(sql('c.statement_id = ?', filter.statement.toLowerCase()));
      if (isSet(filter.overdue)) residual.push(overdueSql('c', filter.overdue, at));
    } else {
      walk = filter.meeting
        ? {
            index: 'country_records_by_meeting',
            where: sql("c.meeting_id = ? AND c.country = '*'", filter.meeting.toLowerCase()),
          }
        : filter.statement
          ? {
              index: 'country_records_by_statement',
              where: sql("c.statement_id = ? AND c.country = '*'", filter.statement.toLowerCase()),
            }
          : { index: 'country_records_by_kind', where: sql("c.country = '*' AND c.kind = 'COMMITMENT'") };
      if (filter.meeting && filter.statement) {
        residual.push(sql('c.statement_id = ?', filter.statement.toLowerCase()));
      }
      const signatory: Sql[] = [];
      if (implementation) signatory.push(sql('s.implementation = ?', implementation));
      if (isSet(filter.overdue)) signatory.push(overdueSql('s', filter.overdue, at));
      if (signatory.length > 0) {
        const condition = and([validAt(at, 's'), ...signatory]);
        residual.push({
          text: `EXISTS (SELECT 1 FROM country_records s INDEXED BY country_records_by_record
                 WHERE s.record_id = c.record_id AND s.country <> '*' AND s.implementation IS NOT NULL
                 AND ${condition.text})`,
          params: condition.params,
        });
      }
    }
    const total = this.tallied(filter, implementation, at);
    return this.records.page([walk], residual, page, at, total) as Connection<RecordView<'COMMITMENT'>>;
  }

  /** The total from the tallies when the filter is one they keep: a country's signed, or by status. */
  private tallied(
    filter: CommitmentFilter,
    implementation: ImplementationStatus | undefined,
    at: Snapshot,
  ): (() => number) | undefined {
    const { country, includeRetracted, meeting, statement, overdue, theme, from, to } = filter;
    if (!country || includeRetracted || meeting || statement || isSet(overdue) || theme || from || to) {
      return undefined;
    }
    const code = checkCountryCode(country, 'country');
    const column: StatColumn = implementation
      ? (`impl_${implementation.toLowerCase()}` as StatColumn)
      : 'commitments';
    return () => this.records.stats.statsAt(code, at)[STAT_INDEX[column]]!;
  }

  /** The commitment's current links (as of its snapshot), SUPPORTS and CONTRADICTS, in linking order. */
  evidence(commitment: RecordView<'COMMITMENT'>, relation?: EvidenceRelation | null): EvidenceView[] {
    const at = this.records.at(commitment.asOf);
    const links = commitment.live.evidence.filter((link) => !relation || link.relation === relation);
    const records = this.records.findMany(
      links.map((link) => link.evidenceId),
      at,
    );
    return links.map((link) => ({ link, record: records.get(link.evidenceId) }));
  }
}

/** isOverdueStatus on a signatory row: a deadline whose last day is before today, and not COMPLETE. */
function overdueSql(alias: string, overdue: boolean, at: Snapshot): Sql {
  const condition = `(${alias}.due_day IS NOT NULL AND ? > ${alias}.due_day AND ${alias}.implementation <> 'COMPLETE')`;
  return sql(overdue ? condition : `NOT ${condition}`, at.today);
}

function isSet(value: boolean | null | undefined): value is boolean {
  return value !== undefined && value !== null;
}

function checkImplementation(status: ImplementationStatus): ImplementationStatus {
  if (!IMPLEMENTATION_STATUSES.includes(status)) {
    throw new InvalidQueryArgumentError('implementation', `${status} is not an implementation status`);
  }
  return status;
}
