import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  CONFIDENCE_LEVELS,
  FIGURE_PROVENANCES,
  FIGURE_QUALIFIERS,
  SHUTDOWN_ACTIONS,
  SHUTDOWN_CATEGORIES,
  SHUTDOWN_TARGETS,
} from '@tracker/domain';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max } from 'class-validator';
import {
  Confidence,
  FigureProvenance,
  FigureQualifier,
  ShutdownAction,
  ShutdownCategory,
  ShutdownTarget,
} from '../../enums/domain-enums.js';
import { NationalityInput } from '../arrests/nationality.input.js';
import { DetainedPersonInput } from '../detentions/detained-person.input.js';
import { SentenceInput } from '../detentions/sentence.input.js';
import { CountryInvolvementInput } from '../shared/country-involvement.input.js';
import {
  Nested,
  NestedList,
  OptionalLabel,
  OptionalLabels,
  OptionalSources,
  OptionalText,
} from '../shared/field-rules.decorators.js';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { OccurredInput } from '../shared/occurred.input.js';
import { PartialDateInput } from '../shared/partial-date.input.js';
import { SourceInput } from '../shared/source.input.js';

/**
 * The fields a correction changes. One optional field per correctable field of any kind, typed as at
 * creation, rather than a JSON blob: clients get the schema's types, GraphiQL completes them, and
 * class-validator checks each value as strictly as a creation does. Which fields a record's kind
 * accepts is the domain's rule: naming another kind's field is VALIDATION_FAILED on `changes.<field>`.
 * Omit a field to keep it; `null` clears an optional field.
 */
@InputType({ description: 'Fields to correct (only those given change; null clears an optional field).' })
export class RecordChangesInput {
  // Every kind
  @Field(() => [CountryInvolvementInput], { nullable: true })
  @IsOptional()
  @NestedList(() => CountryInvolvementInput, INPUT_LIMITS.countries)
  countries?: CountryInvolvementInput[] | null;

  @Field(() => OccurredInput, { nullable: true })
  @IsOptional()
  @Nested(() => OccurredInput)
  occurred?: OccurredInput | null;

  @Field(() => [SourceInput], { nullable: true })
  @OptionalSources()
  sources?: SourceInput[] | null;

  @Field(() => Confidence, { nullable: true })
  @IsOptional()
  @IsIn(CONFIDENCE_LEVELS)
  confidence?: string | null;

  // MEETING (place also ARREST)
  @Field(() => String, { nullable: true })
  @OptionalLabel()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'MEETING, ARREST.' })
  @OptionalLabel()
  place?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalLabels()
  bodies?: string[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText()
  outcomeSummary?: string | null;

  // COMMITMENT
  @Field(() => String, { nullable: true })
  @OptionalText()
  text?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  theme?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  meetingId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  statementId?: string | null;

  @Field(() => PartialDateInput, { nullable: true })
  @IsOptional()
  @Nested(() => PartialDateInput)
  deadline?: PartialDateInput | null;

  // TASK_FORCE
  @Field(() => String, { nullable: true })
  @OptionalLabel()
  name?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText()
  mandate?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalLabels()
  memberAgencies?: string[] | null;

  // ARREST (charges also DETENTION)
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(INPUT_LIMITS.count)
  personsArrested?: number | null;

  @Field(() => [NationalityInput], { nullable: true })
  @IsOptional()
  @NestedList(() => NationalityInput)
  nationalities?: NationalityInput[] | null;

  @Field(() => [String], { nullable: true, description: 'ARREST, DETENTION.' })
  @OptionalLabels()
  charges?: string[] | null;

  // DETENTION
  @Field(() => [DetainedPersonInput], { nullable: true })
  @IsOptional()
  @NestedList(() => DetainedPersonInput)
  persons?: DetainedPersonInput[] | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  outlet?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText()
  reason?: string | null;

  @Field(() => SentenceInput, { nullable: true, description: 'Only on a convicted detention.' })
  @IsOptional()
  @Nested(() => SentenceInput)
  sentence?: SentenceInput | null;

  // SHUTDOWN
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(INPUT_LIMITS.count)
  count?: number | null;

  @Field(() => ShutdownTarget, { nullable: true })
  @IsOptional()
  @IsIn(SHUTDOWN_TARGETS)
  target?: string | null;

  @Field(() => ShutdownAction, { nullable: true })
  @IsOptional()
  @IsIn(SHUTDOWN_ACTIONS)
  action?: string | null;

  @Field(() => [ShutdownCategory], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SHUTDOWN_CATEGORIES.length)
  @IsIn(SHUTDOWN_CATEGORIES, { each: true })
  categories?: string[] | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  authority?: string | null;

  // FIGURE
  @Field(() => String, { nullable: true })
  @OptionalLabel()
  indicator?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  unit?: string | null;

  @Field(() => FigureQualifier, { nullable: true })
  @IsOptional()
  @IsIn(FIGURE_QUALIFIERS)
  qualifier?: string | null;

  @Field(() => OccurredInput, { nullable: true })
  @IsOptional()
  @Nested(() => OccurredInput)
  period?: OccurredInput | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  claimant?: string | null;

  @Field(() => FigureProvenance, { nullable: true })
  @IsOptional()
  @IsIn(FIGURE_PROVENANCES)
  provenance?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  disputes?: string | null;

  // STATEMENT
  @Field(() => String, { nullable: true })
  @OptionalLabel()
  speaker?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  office?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText()
  quote?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalLabel()
  venue?: string | null;

  /** The given fields as domain values; `null` stays `null` (the domain clears the field). */
  toDomain(): Record<string, unknown> {
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(this)) {
      if (value !== undefined) changes[field] = toDomainValue(value);
    }
    return changes;
  }
}

function toDomainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDomainValue);
  if (value !== null && typeof value === 'object' && 'toDomain' in value) {
    return (value as { toDomain(): unknown }).toDomain();
  }
  return value;
}
