import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import { type CountrySummary, ReadQueries } from '@tracker/read-models';
import { CommitmentConnection, CountryCommitmentFilterInput } from '../commitments/commitment.types.js';
import { RecordKind } from '@tracker/mutation-inputs';
import { After, First, pageOf } from '../records/connection.types.js';
import { DetentionConnection } from '../records/detentions.types.js';
import { toCommitmentModel, toDetentionModel, toOccurred, toRecordModel } from '../records/record.mapper.js';
import { FigureRecord } from '../records/record.types.js';
import { RecordConnection } from '../records/records.types.js';
import { Country, CountryStats, FigureComparison, FigureComparisonConnection } from './country.types.js';

function toCountry(summary: CountrySummary & { asOf?: string }): Country {
  return {
    code: summary.code,
    alpha3: summary.alpha3,
    name: summary.name,
    localNames: summary.localNames.map((name) => ({ ...name })),
    recordCount: summary.recordCount,
    asOf: summary.asOf === undefined ? undefined : new Date(summary.asOf),
  };
}

/**
 * The per-country read model. `country(code, asOf)` fixes the time every part of the profile is read
 * at: its stats, commitments, timeline, detentions and figures are all as of the same recording time.
 */
@Resolver(() => Country)
export class CountriesResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => [Country], { description: 'Every country appearing in any record, by English name.' })
  async countries(): Promise<Country[]> {
    return (await this.reads.countryList()).map(toCountry);
  }

  @Query(() => Country, {
    description:
      'A country by ISO 3166-1 alpha-2 code; with asOf, as the tracker knew it then. NOT_FOUND when no record involves it.',
  })
  async country(
    @Args('code') code: string,
    @Args('asOf', { type: () => Date, nullable: true }) asOf?: Date,
  ): Promise<Country> {
    return toCountry(await this.reads.country(code, asOf));
  }

  @ResolveField('stats', () => CountryStats)
  async stats(@Parent() country: Country): Promise<CountryStats> {
    const stats = await this.reads.countryStats(country.code, country.asOf);
    return {
      ...stats,
      commitmentsByImplementation: stats.commitmentsByImplementation.map((c) => ({ ...c })),
      shutdownsByPeriod: stats.shutdownsByPeriod.map((period) => ({
        ...period,
        occurred: toOccurred(period.occurred),
        categories: [...period.categories],
      })),
    };
  }

  @ResolveField('commitments', () => CommitmentConnection, {
    description: 'Commitments it signed, newest first.',
  })
  async commitments(
    @Parent() country: Country,
    @Args('filter', { type: () => CountryCommitmentFilterInput, nullable: true })
    filter: CountryCommitmentFilterInput | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<CommitmentConnection> {
    return pageOf(
      await this.reads.commitmentList({ ...filter, country: country.code }, { first, after }, country.asOf),
      toCommitmentModel,
    );
  }

  @ResolveField('timeline', () => RecordConnection, {
    description: 'Every record involving it, newest first by occurrence; kinds and a date range narrow it.',
  })
  async timeline(
    @Parent() country: Country,
    @First() first: number | undefined,
    @After() after: string | undefined,
    @Args('kinds', { type: () => [RecordKind], nullable: true }) kinds?: RecordKindValue[],
    @Args('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Args('to', { nullable: true, description: 'YYYY-MM-DD' }) to?: string,
  ): Promise<RecordConnection> {
    return pageOf(
      await this.reads.timeline(country.code, { kinds, from, to }, { first, after }, country.asOf),
      toRecordModel,
    );
  }

  @ResolveField('detentions', () => DetentionConnection, {
    description: 'Detention cases it holds (as the detaining state), newest first; open: in custody now.',
  })
  async detentions(
    @Parent() country: Country,
    @First() first: number | undefined,
    @After() after: string | undefined,
    @Args('open', { nullable: true }) open?: boolean,
  ): Promise<DetentionConnection> {
    return pageOf(
      await this.reads.detentionList({ countries: [country.code], open }, { first, after }, country.asOf),
      toDetentionModel,
    );
  }

  @ResolveField('figures', () => FigureComparisonConnection, {
    description:
      'Its figures per indicator, official and independent side by side: one edge per indicator, in the order of the indicator in lower case.',
  })
  async figures(
    @Parent() country: Country,
    @First() first: number | undefined,
    @After() after: string | undefined,
    @Args('indicator', { nullable: true, description: 'Only this indicator (case-insensitive).' })
    indicator?: string,
  ): Promise<FigureComparisonConnection> {
    const groups = await this.reads.figureGroups(country.code, indicator, { first, after }, country.asOf);
    return pageOf(groups, (group) => {
      const comparison = new FigureComparison();
      comparison.indicator = group.indicator;
      comparison.group = group;
      comparison.asOf = country.asOf;
      return comparison;
    });
  }
}

/** How many figures of one side to list: the newest, 20 unless asked, at most 100. */
const FigureCount = () =>
  Args('first', {
    type: () => Int,
    nullable: true,
    description: 'How many, newest first: 20 by default, at most 100 (more is refused with BAD_USER_INPUT).',
  });

/** Each side of one indicator's figures, read when asked for, a bounded number at a time. */
@Resolver(() => FigureComparison)
export class FigureComparisonResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @ResolveField('official', () => [FigureRecord], {
    description: "The government's own figures, newest first.",
  })
  official(@Parent() comparison: FigureComparison, @FigureCount() first?: number): Promise<FigureRecord[]> {
    return this.side(comparison, 'OFFICIAL', first).then((page) => page.edges.map((edge) => edge.node));
  }

  @ResolveField('independent', () => [FigureRecord], {
    description: 'Figures from anyone else, newest first.',
  })
  independent(
    @Parent() comparison: FigureComparison,
    @FigureCount() first?: number,
  ): Promise<FigureRecord[]> {
    return this.side(comparison, 'INDEPENDENT', first).then((page) => page.edges.map((edge) => edge.node));
  }

  @ResolveField('officialCount', () => Int)
  officialCount(@Parent() comparison: FigureComparison): Promise<number> {
    return this.side(comparison, 'OFFICIAL', 0).then((page) => page.totalCount);
  }

  @ResolveField('independentCount', () => Int)
  independentCount(@Parent() comparison: FigureComparison): Promise<number> {
    return this.side(comparison, 'INDEPENDENT', 0).then((page) => page.totalCount);
  }

  private async side(comparison: FigureComparison, provenance: 'OFFICIAL' | 'INDEPENDENT', first?: number) {
    const page = await this.reads.figuresOf(comparison.group, provenance, { first }, comparison.asOf);
    return pageOf(page, (view) => toRecordModel(view as never) as FigureRecord);
  }
}
