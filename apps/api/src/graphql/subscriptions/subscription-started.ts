import { Logger } from '@nestjs/common';
import type { PubSub } from 'mercurius';

/** What a subscription resolver reads from Mercurius's subscription context. */
export interface SubscriptionContext {
  pubsub: PubSub;
  /** The graphql-ws operation id the client chose. */
  id?: string;
}

const logger = new Logger('Subscriptions');

/**
 * Starts listening on `topic` and logs it once the listener is in place: from that line on, every
 * change published reaches this subscriber (clients and tests can rely on it; graphql-ws itself has no
 * acknowledgement of a subscribe).
 */
export async function listen(context: SubscriptionContext, topic: string, field: string) {
  const iterator = await context.pubsub.subscribe(topic);
  logger.log({ msg: 'Subscription started', field, subscriptionId: context.id ?? null });
  return iterator;
}
