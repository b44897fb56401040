import { Inject, Injectable } from '@nestjs/common';
import type { EvidenceRelation } from '@tracker/domain';
import { ActorsReader, type ActorFilter, type ActorReferenceView } from '../actors/actors.reader.js';
import { ChangesReader, type ChangesFilter, type ChangesPage } from '../changes/changes.reader.js';
import {
  CommitmentsReader,
  type CommitmentFilter,
  type EvidenceView,
} from '../commitments/commitments.reader.js';
import {
  CountriesReader,
  type CountryProfile,
  type CountrySummary,
  type FigureGroup,
  type TimelineFilter,
} from '../countries/countries.reader.js';
import type { CountryStats } from '../countries/country-stats.js';
import { DetentionsReader, type DetentionFilter } from '../detentions/detentions.reader.js';
import { HistoryReader, type HistoryEntry, type RecordedEventPlace } from '../history/history.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { AnyRecordView, RecordView } from '../records/record-view.js';
import { RecordsReader, type RecordFilter } from '../records/records.reader.js';

/** A recording time to read as of (`null`/absent: now). */
type AsOf = Date | string | null | undefined;

/**
 * Every question the read side answers, in one place the API and the exports call directly (no bus: a
 * query is a method call). Each resolves `asOf` to the read DB's sequence once, then asks the reader
 * that owns the tables; each reads a number of rows bounded by its page.
 */
@Injectable()
export class ReadQueries {
  constructor(
    @Inject(RecordsReader) private readonly records: RecordsReader,
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(CommitmentsReader) private readonly commitments: CommitmentsReader,
    @Inject(DetentionsReader) private readonly detentions: DetentionsReader,
    @Inject(HistoryReader) private readonly histories: HistoryReader,
    @Inject(ChangesReader) private readonly changesReader: ChangesReader,
    @Inject(ActorsReader) private readonly actors: ActorsReader,
  ) {}

  /** An actor, now; a merged one answered by the actor it was merged into. NOT_FOUND when there is none. */
  actor(id: string): RecordView<'ACTOR'> {
    return this.actors.get(id);
  }

  /** Standing actors by name, filtered by type, home country and the start of a name. */
  actorList(filter: ActorFilter, page: PageRequest): Connection<AnyRecordView> {
    return this.actors.list(filter, page);
  }

  /** The records that name an actor (or one merged into it), newest first. */
  actorReferences(actorId: string, page: PageRequest): Connection<ActorReferenceView> {
    return this.actors.references(actorId, page);
  }

  /** One record, now or as the tracker knew it at recording time `asOf`. NOT_FOUND when it was not. */
  record(id: string, asOf?: AsOf): AnyRecordView {
    return this.records.get(id, this.records.at(asOf));
  }

  /** A page of records, newest first by occurrence. */
  recordList(filter: RecordFilter, page: PageRequest): Connection<AnyRecordView> {
    // By actor: walked from the actors' references, not from the country lists.
    if (filter.actors?.length) return this.actors.recordsNaming(filter, page);
    return this.records.list(filter, page, this.records.at());
  }

  /** Every event of a record, oldest first. NOT_FOUND for a record the tracker never held. */
  history(recordId: string, page: PageRequest): Connection<HistoryEntry> {
    return this.histories.history(recordId, page);
  }

  /** Which record holds the event with this id, and where in the store; undefined for none. */
  recordEvent(eventId: string): RecordedEventPlace | undefined {
    return this.histories.findEvent(eventId);
  }

  /** Record changes in store order after a position: the feed a mirror syncs from. */
  changes(filter: ChangesFilter, first: number): ChangesPage {
    return this.changesReader.changes(filter, first);
  }

  /** Every country appearing in any record, with its names. */
  countryList(asOf?: AsOf): CountrySummary[] {
    return this.countries.list(this.records.at(asOf));
  }

  /** A country's profile (names, record count), now or as of a recording time. */
  country(code: string, asOf?: AsOf): CountryProfile {
    return this.countries.profile(code, this.records.at(asOf));
  }

  /** domain.md's per-country stats, now or as of a recording time. */
  countryStats(code: string, asOf?: AsOf): CountryStats {
    return this.countries.stats(code, this.records.at(asOf));
  }

  /** Every record involving a country, newest first by occurrence, filterable by kind and date range. */
  timeline(code: string, filter: TimelineFilter, page: PageRequest, asOf?: AsOf): Connection<AnyRecordView> {
    return this.countries.timeline(code, filter, page, this.records.at(asOf));
  }

  /** A country's indicators, a page at a time: each then lists its official and independent figures. */
  figureGroups(code: string, indicator: string | null | undefined, page: PageRequest, asOf?: AsOf) {
    return this.countries.figures(code, indicator, page, this.records.at(asOf));
  }

  /** One side (official or independent) of one indicator's figures for a country, newest first. */
  figuresOf(group: FigureGroup, provenance: 'OFFICIAL' | 'INDEPENDENT', page: PageRequest, asOf?: AsOf) {
    return this.countries.figuresOf(group, provenance, page, this.records.at(asOf));
  }

  /** A page of commitments, newest first; `asOf` for a country profile's commitments as of a time. */
  commitmentList(filter: CommitmentFilter, page: PageRequest, asOf?: AsOf) {
    return this.commitments.list(filter, page, this.records.at(asOf));
  }

  /** The records supporting or contradicting a commitment, as of the commitment view's own snapshot. */
  evidence(commitment: RecordView<'COMMITMENT'>, relation?: EvidenceRelation | null): EvidenceView[] {
    return this.commitments.evidence(commitment, relation);
  }

  /** Detention cases, newest first: open ones are those with persons in custody (as of `asOf`). */
  detentionList(filter: DetentionFilter, page: PageRequest, asOf?: AsOf) {
    return this.detentions.list(filter, page, this.records.at(asOf));
  }
}
