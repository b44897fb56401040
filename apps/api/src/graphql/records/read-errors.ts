import { InvalidQueryArgumentError, ReadModelNotFoundError } from '@tracker/read-models';
import { NotFoundError } from '@tracker/tracking';
import { badUserInput } from '../common/input-validation.pipe.js';

/**
 * Runs a read and turns the read model's refusals into the API's errors: a bad argument (page size,
 * cursor, country code, date) is BAD_USER_INPUT naming it; a record or country the tracker does not hold
 * is NOT_FOUND. Anything else passes on to the error formatter.
 */
export async function answer<T>(read: Promise<T> | T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof InvalidQueryArgumentError) {
      throw badUserInput([{ field: error.argument, reasons: [error.message] }]);
    }
    if (error instanceof ReadModelNotFoundError) throw new NotFoundError(error.message);
    throw error;
  }
}
