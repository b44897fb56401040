import { Field, Int, ObjectType, PickType } from '@nestjs/graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { ImplementationStatus as ImplementationStatusValue } from '@tracker/domain';
import { ImplementationStatus } from '@tracker/mutation-inputs';
import { ShutdownRecord } from '../records/record.types.js';
import type { FigureGroup } from '@tracker/read-models';
import { Connection } from '../records/connection.types.js';

@ObjectType({ description: "A country's name in one of its own languages." })
export class LocalName {
  @Field({ description: 'BCP 47 language tag, e.g. km.' })
  locale: string;

  @Field()
  name: string;
}

@ObjectType()
export class ImplementationCount {
  @Field(() => ImplementationStatus)
  status: ImplementationStatusValue;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'One shutdown the country carried out, over the period it reports.' })
export class ShutdownPeriod extends PickType(
  ShutdownRecord,
  ['occurred', 'count', 'target', 'action', 'categories', 'authority'],
  ObjectType,
) {
  @Field()
  recordId: string;

  @Field()
  startDay: string;

  @Field()
  endDay: string;
}

@ObjectType({ description: 'The per-country tallies. Retracted records count nowhere.' })
export class CountryStats {
  @Field(() => Int, { description: 'Meetings it hosted or took part in.' })
  meetingsAttended: number;

  @Field(() => Int, { description: 'Commitments it signed.' })
  commitments: number;

  @Field(() => [ImplementationCount], {
    description: 'Its own implementation status on the commitments it signed, every status listed.',
  })
  commitmentsByImplementation: ImplementationCount[];

  @Field(() => Int, { description: 'Signed commitments past their deadline and not COMPLETE for it.' })
  overdueCommitments: number;

  @Field(() => Int, { description: 'Task forces it created that are not dissolved.' })
  activeTaskForces: number;

  @Field(() => Int, { description: 'Enforcement operations it carried out.' })
  arrestOperations: number;

  @Field(() => GraphQLSafeInt, { description: 'Persons arrested in its operations.' })
  personsArrested: number;

  @Field(() => GraphQLSafeInt, {
    description: 'Its nationals arrested by other countries (reported counts).',
  })
  nationalsArrestedElsewhere: number;

  @Field(() => Int, { description: 'Detention cases it holds with persons in custody now.' })
  openDetentionCases: number;

  @Field(() => GraphQLSafeInt, {
    description: 'Persons in custody now in its open cases (journalists, media workers, rights defenders).',
  })
  journalistsDetained: number;

  @Field(() => GraphQLSafeInt, {
    description: 'Days in custody to date, summed over every detention case it holds or held (per case).',
  })
  detentionDays: number;

  @Field(() => Int, { description: 'Shutdowns it carried out (websites, platforms...).' })
  shutdownOperations: number;

  @Field(() => [ShutdownPeriod], {
    description:
      'Its latest shutdowns, at most 100, earliest period first (all of them: `timeline(kinds: [SHUTDOWN])`).',
  })
  shutdownsByPeriod: ShutdownPeriod[];
}

@ObjectType({ description: 'Every figure about one indicator: official claims beside independent reports.' })
export class FigureComparison {
  @Field({ description: 'As its newest figure names it.' })
  indicator: string;

  @Field(() => Int, { description: "How many of the government's own figures there are." })
  officialCount: number;

  @Field(() => Int, { description: 'How many figures from anyone else there are.' })
  independentCount: number;

  /** Where its figures are read from (not exposed). */
  group: FigureGroup;
  asOf?: Date;
}

@ObjectType()
export class FigureComparisonConnection extends Connection(FigureComparison, 'FigureComparison') {}

@ObjectType({ description: 'A country that appears in at least one record.' })
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  code: string;

  @Field()
  alpha3: string;

  @Field({ description: 'English short name.' })
  name: string;

  @Field(() => [LocalName], { description: "Names in the country's own languages." })
  localNames: LocalName[];

  @Field(() => Int, { description: 'Records involving it, retracted ones included.' })
  recordCount: number;

  @Field({ nullable: true, description: 'The recording time this profile is as of; null for now.' })
  asOf?: Date;
}
