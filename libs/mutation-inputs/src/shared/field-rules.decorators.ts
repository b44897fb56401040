import { applyDecorators } from '@nestjs/common';
import { Field, type FieldOptions } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsCountryCode } from '../validation/is-country-code.validator.js';
import { INPUT_LIMITS } from './input-limits.js';
import { IsPlainText } from './plain-text.validator.js';
import { SourceInput } from './source.input.js';

/*
 * The class-validator rules that recur across inputs, named once. They bound types and sizes so nothing
 * oversized reaches a command, and keep text plain (IsPlainText: well-formed, no control characters
 * but tab and line breaks, not padded with whitespace) so that what is recorded is exactly what was
 * sent. Emptiness is the domain's (a blank value is VALIDATION_FAILED naming the field).
 */

/** A string of at most `max` characters, plain text. */
const plainString = (max: number) => [IsString(), MaxLength(max), IsPlainText()];

/** A name, title or label: a String field of the schema (with `field`'s options) and its rules. */
export const Label = (field: FieldOptions = {}) =>
  applyDecorators(
    Field(() => String, field),
    ...plainString(INPUT_LIMITS.label),
  );

/** Free text (a quote, mandate, reason, rationale): a String field of the schema and its rules. */
export const Text = (field: FieldOptions = {}) =>
  applyDecorators(
    Field(() => String, field),
    ...plainString(INPUT_LIMITS.text),
  );

/** A label the input may leave out (or give as null). */
export const OptionalLabel = (field: FieldOptions = {}) =>
  applyDecorators(
    Field(() => String, { ...field, nullable: true }),
    IsOptional(),
    ...plainString(INPUT_LIMITS.label),
  );

/** Free text the input may leave out (or give as null). */
export const OptionalText = (field: FieldOptions = {}) =>
  applyDecorators(
    Field(() => String, { ...field, nullable: true }),
    IsOptional(),
    ...plainString(INPUT_LIMITS.text),
  );

/** A list of labels (bodies, agencies, charges). */
export const Labels = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(INPUT_LIMITS.items),
    IsString({ each: true }),
    MaxLength(INPUT_LIMITS.label, { each: true }),
    IsPlainText({ each: true }),
  );

/** A list of sources (a record's, or a lifecycle step's). */
export const Sources = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(INPUT_LIMITS.sources),
    ValidateNested({ each: true }),
    Type(() => SourceInput),
  );

/** A list of nested inputs of class `of`. */
export const NestedList = (of: () => new () => object, max: number = INPUT_LIMITS.items) =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(of));

/** One nested input of class `of`. */
export const Nested = (of: () => new () => object) => applyDecorators(ValidateNested(), Type(of));

export const OptionalLabels = () => applyDecorators(IsOptional(), Labels());

export const OptionalSources = () => applyDecorators(IsOptional(), Sources());

/**
 * An ISO 3166-1 alpha-2 code exactly as the standard writes it (`KH`): the domain would upper-case and
 * trim `kh `, but an input is recorded as sent or refused, never silently rewritten.
 */
export const CountryCode = (options: ValidationOptions = {}) =>
  applyDecorators(
    Matches(/^[A-Z]{2}$/, {
      ...options,
      message: '$property must be written as two capital letters, e.g. KH',
    }),
    IsCountryCode(options),
  );
