import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
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

/** The part of a subscription's GraphQL context this module reads. */
export interface SubscriptionSlotsContext {
  subscriptionSlots?: SubscriptionSlots;
}

const slotsBySocket = new WeakMap<object, SubscriptionSlots>();

/**
 * The slots of one WebSocket connection. Keyed by the socket, not made afresh per `connection_init`:
 * Mercurius runs the context function again on a repeated `connection_init`, and a new count would let
 * a client start another `limit` subscriptions beside the ones still running.
 */
export function subscriptionSlotsOf(socket: object, limit?: number): SubscriptionSlots {
  let slots = slotsBySocket.get(socket);
  if (slots === undefined) {
    slots = new SubscriptionSlots(limit);
    slotsBySocket.set(socket, slots);
  }
  return slots;
}

/**
 * Holds a slot for as long as the event stream runs: until it is returned (the client completed it, or
 * the connection closed), thrown into, ends, or fails.
 */
function holdSlot(stream: unknown, slot: SubscriptionSlot): unknown {
  const open = (stream as Partial<AsyncIterable<unknown>> | null)?.[Symbol.asyncIterator];
  if (typeof open !== 'function') {
    // Not a stream (graphql-js reports that): nothing will run.
    slot.release();
    return stream;
  }
  const iterator = open.call(stream);
  const held: AsyncIterableIterator<unknown> = {
    async next() {
      try {
        const result = await iterator.next();
        if (result.done === true) slot.release();
        return result;
      } catch (error) {
        slot.release();
        throw error;
      }
    },
    async return(value?: unknown) {
      slot.release();
      return iterator.return ? iterator.return(value) : { done: true, value };
    },
    async throw(error?: unknown) {
      slot.release();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return held;
    },
  };
  return held;
}

/**
 * Wraps the `subscribe` of every root Subscription field so that each subscription takes a slot of its
 * connection (`context.subscriptionSlots`) before it starts and gives it back when its stream ends.
 * Done on the schema rather than in a `preSubscriptionExecution` hook because a hook never learns that
 * a subscription it let through ended: one refused later (a bad argument) or failed would keep its place.
 * Runs after every hook, so a subscription refused by validation or access control takes no place.
 * Without slots in the context (not a graphql-ws connection) nothing is counted.
 */
export function limitSubscriptionsPerConnection(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const subscribe = field.subscribe;
    if (subscribe === undefined) continue;
    const limited: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
      const slots = (context as SubscriptionSlotsContext | undefined)?.subscriptionSlots;
      if (slots === undefined) return subscribe(source, args, context, info);
      const slot = slots.take();
      let stream: unknown;
      try {
        stream = subscribe(source, args, context, info);
      } catch (error) {
        slot.release();
        throw error;
      }
      if (stream instanceof Promise) {
        return stream.then(
          (resolved: unknown) => holdSlot(resolved, slot),
          (error: unknown) => {
            slot.release();
            throw error;
          },
        );
      }
      return holdSlot(stream, slot);
    };
    field.subscribe = limited;
  }
  return schema;
}
