import { StoreUnavailableError } from '@tracker/event-store';
import { GraphQLError } from 'graphql';
import { UnauthenticatedError } from '../../auth/auth-errors.js';
import { subscriptionClientError } from './subscription-errors.js';

describe('subscriptionClientError', () => {
  it('hides an unexpected error behind the generic message, as the formatter does', () => {
    const error = subscriptionClientError(new Error('SQLITE_CORRUPT at /var/data/read.sqlite'));
    expect(error.message).toBe('Internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('maps known errors to their codes', () => {
    expect(subscriptionClientError(new UnauthenticatedError('Unknown API token')).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(subscriptionClientError(new StoreUnavailableError('down')).extensions.code).toBe('UNAVAILABLE');
  });

  it('keeps an error already in client shape as it is', () => {
    const refusal = new GraphQLError('countries[1] is not an ISO code', {
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'countries[1]', reasons: ['no'] }] },
    });
    expect(subscriptionClientError(refusal)).toBe(refusal);
  });
});
