import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The class-validator rules of an optional list of ISO country codes in a query filter: at most as many
 * as there are countries, each a two-letter string (the reader matches them exactly, so an unknown code
 * simply matches nothing).
 */
export const OptionalCountryCodes = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(250),
    IsString({ each: true }),
    MaxLength(2, { each: true }),
  );
