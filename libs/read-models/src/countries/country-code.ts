import { DomainError, parseCountryCode, type CountryCode } from '@tracker/domain';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';

/** An ISO 3166-1 alpha-2 code (any case); anything else is the client's mistake, on `argument`. */
export function checkCountryCode(code: string, argument = 'code'): CountryCode {
  try {
    return parseCountryCode(code, argument);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidQueryArgumentError(argument, error.message);
    throw error;
  }
}
