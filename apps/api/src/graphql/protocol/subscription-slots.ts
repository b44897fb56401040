import { GraphQLError } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

/** One subscription's place on its connection; `release` may be called any number of times. */
export interface SubscriptionSlot {
  release(): void;
}

/** The refusal, already in client shape: subscriptions are answered without the error formatter. */
export function tooManySubscriptionsError(limit: number): GraphQLError {
  return new GraphQLError(
    `This connection already runs ${limit} subscriptions, the limit: complete one before starting another, or open another connection.`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit } },
  );
}

/** The subscriptions running on one graphql-ws connection, at most `limit` at once. */
export class SubscriptionSlots {
  private readonly taken = new Set<SubscriptionSlot>();

  constructor(readonly limit: number = GRAPHQL_LIMITS.maxSubscriptionsPerConnection) {}

  get active(): number {
    return this.taken.size;
  }

  /** Takes a place, or throws TOO_MANY_SUBSCRIPTIONS when all are taken. */
  take(): SubscriptionSlot {
    if (this.taken.size >= this.limit) throw tooManySubscriptionsError(this.limit);
    const slot: SubscriptionSlot = { release: () => this.taken.delete(slot) };
    this.taken.add(slot);
    return slot;
  }
}

const slotsBySocket = new WeakMap<object, SubscriptionSlots>();

/**
 * The slots of one WebSocket connection. Keyed by the socket, not made afresh per `connection_init`:
 * a count made afresh per `connection_init` would let a client start another `limit` subscriptions beside
 * the ones still running.
 */
export function subscriptionSlotsOf(socket: object, limit?: number): SubscriptionSlots {
  let slots = slotsBySocket.get(socket);
  if (slots === undefined) {
    slots = new SubscriptionSlots(limit);
    slotsBySocket.set(socket, slots);
  }
  return slots;
}
