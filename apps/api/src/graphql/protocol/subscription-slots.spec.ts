import { GraphQLError } from 'graphql';
import { SubscriptionSlots, subscriptionSlotsOf } from './subscription-slots.js';

describe('SubscriptionSlots', () => {
  it('hands out places up to the limit, and takes back a released one once', () => {
    const slots = new SubscriptionSlots(2);
    const first = slots.take();
    slots.take();
    expect(() => slots.take()).toThrow('already runs 2 subscriptions, the limit');
    first.release();
    first.release();
    expect(slots.active).toBe(1);
    slots.take();
    expect(() => slots.take()).toThrow(GraphQLError);
  });

  it('refuses in client shape, with the code and the limit', () => {
    const slots = new SubscriptionSlots(1);
    slots.take();
    try {
      slots.take();
      throw new Error('not refused');
    } catch (error) {
      expect((error as GraphQLError).extensions).toEqual({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 1 });
    }
  });

  it('are one set per socket, however often the connection is initialised', () => {
    const socket = {};
    expect(subscriptionSlotsOf(socket, 3)).toBe(subscriptionSlotsOf(socket, 3));
    expect(subscriptionSlotsOf({}, 3)).not.toBe(subscriptionSlotsOf(socket, 3));
    expect(subscriptionSlotsOf({}).limit).toBe(20);
  });
});
