import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { INPUT_LIMITS } from './input-limits.js';
import { SourceInput } from './source.input.js';

/*
 * The class-validator rules that recur across inputs, named once. Emptiness and trimming are the
 * domain's (it trims, then refuses an empty value with VALIDATION_FAILED naming the field); these rules
 * bound types and sizes so nothing oversized reaches a command.
 */

/** A name, title or label. */
export const Label = () => applyDecorators(IsString(), MaxLength(INPUT_LIMITS.label));

/** Free text: a quote, mandate, reason, rationale. */
export const Text = () => applyDecorators(IsString(), MaxLength(INPUT_LIMITS.text));

export const OptionalLabel = () => applyDecorators(IsOptional(), Label());

export const OptionalText = () => applyDecorators(IsOptional(), Text());

/** A list of labels (bodies, agencies, charges). */
export const Labels = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(INPUT_LIMITS.items),
    IsString({ each: true }),
    MaxLength(INPUT_LIMITS.label, { each: true }),
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
