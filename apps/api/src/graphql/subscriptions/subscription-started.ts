import { Logger } from '@nestjs/common';
import type { ChangeDispatcher, ChangeFilter, ChangeStream } from './change-dispatcher.js';

/** What a subscription resolver reads from Mercurius's subscription context. */
export interface SubscriptionContext {
  /** The graphql-ws operation id the client chose. */
  id?: string;
}

const logger = new Logger('Subscriptions');

/**
 * Starts listening on `topic` and logs it once the listener is in place: from that line on, every
 * change dispatched reaches this subscriber (clients and tests can rely on it; graphql-ws itself has no
 * acknowledgement of a subscribe).
 */
export function listen<T>(
  dispatcher: ChangeDispatcher,
  context: SubscriptionContext,
  topic: string,
  field: string,
  filter: ChangeFilter,
): ChangeStream<T> {
  const stream = dispatcher.listen<T>(topic, filter);
  logger.log({ msg: 'Subscription started', field, subscriptionId: context.id ?? null });
  return stream;
}
