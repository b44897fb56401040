import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CountryRole as CountryRoleValue, DatePrecision as DatePrecisionValue } from '@tracker/domain';
import { CountryRole, DatePrecision } from '@tracker/mutation-inputs';

/*
 * The value objects every record carries, as GraphQL output types. Input twins (SourceInput...) live
 * with the mutations; these names are the outputs'.
 */

export const OccurredType = { DATE: 'DATE', RANGE: 'RANGE' } as const;
registerEnumType(OccurredType, {
  name: 'OccurredType',
  description: 'DATE: one (partial) date; RANGE: from one date to another.',
});

@ObjectType({ description: 'A date as precise as the source gives it: `2025-02-06`, `2025-02` or `2025`.' })
export class PartialDate {
  @Field()
  date: string;

  @Field(() => DatePrecision)
  precision: DatePrecisionValue;

  @Field({ description: 'First day it covers (`2025-02` → `2025-02-01`).' })
  startDay: string;

  @Field({ description: 'Last day it covers (`2025-02` → `2025-02-28`).' })
  endDay: string;
}

@ObjectType({ description: 'When something happened: one partial date, or a range of two.' })
export class Occurred {
  @Field(() => OccurredType)
  type: keyof typeof OccurredType;

  @Field({ nullable: true, description: 'For a DATE.' })
  date?: string;

  @Field(() => DatePrecision, { nullable: true, description: 'For a DATE.' })
  precision?: DatePrecisionValue;

  @Field(() => PartialDate, { nullable: true, description: 'For a RANGE.' })
  from?: PartialDate;

  @Field(() => PartialDate, { nullable: true, description: 'For a RANGE.' })
  to?: PartialDate;

  @Field({ description: 'Earliest day it may have started: timelines sort on it.' })
  startDay: string;

  @Field({ description: 'Latest day it may have ended.' })
  endDay: string;
}

@ObjectType({ description: 'Where a fact comes from.' })
export class Source {
  @Field()
  url: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  publisher?: string;

  @Field(() => ID, { nullable: true, description: 'The publisher as an ACTOR record, when there is one.' })
  publisherId?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD.' })
  publishedOn?: string;

  @Field({ nullable: true, description: 'The passage that supports the fact, verbatim.' })
  quote?: string;
}

@ObjectType({ description: 'A country involved in a record, in one role.' })
export class RecordCountry {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  code: string;

  @Field({ description: 'English short name.' })
  name: string;

  @Field(() => CountryRole)
  role: CountryRoleValue;
}

@ObjectType({ description: 'A country named in a record without a role (a nationality, a signatory).' })
export class CountryRef {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  code: string;

  @Field({ description: 'English short name.' })
  name: string;
}
