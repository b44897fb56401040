import { Field, InputType } from '@nestjs/graphql';
import { CONFIDENCE_LEVELS, type RecordBase } from '@tracker/domain';
import { IsIn } from 'class-validator';
import { Confidence } from '../enums/domain-enums.js';
import { CountryInvolvementInput } from './country-involvement.input.js';
import { Nested, NestedList, Sources } from './field-rules.decorators.js';
import { INPUT_LIMITS } from './input-limits.js';
import { OccurredInput } from './occurred.input.js';
import { SourceInput } from './source.input.js';

/** What every record carries; each creation input extends it. */
@InputType({ isAbstract: true })
export abstract class RecordFieldsInput {
  @Field(() => [CountryInvolvementInput], { description: 'Every country involved, each in a role.' })
  @NestedList(() => CountryInvolvementInput, INPUT_LIMITS.countries)
  countries: CountryInvolvementInput[];

  @Field(() => OccurredInput)
  @Nested(() => OccurredInput)
  occurred: OccurredInput;

  @Field(() => [SourceInput], { description: 'At least one.' })
  @Sources()
  sources: SourceInput[];

  @Field(() => Confidence)
  @IsIn(CONFIDENCE_LEVELS)
  confidence: RecordBase['confidence'];
}
