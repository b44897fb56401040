import { buildSchema, GraphQLError, parse, subscribe, type ExecutionResult } from 'graphql';
import {
  limitSubscriptionsPerConnection,
  SubscriptionSlots,
  subscriptionSlotsOf,
  type SubscriptionSlotsContext,
} from './subscription-slots.js';

/** An event stream that stays open until returned, and says whether it was. */
function openStream() {
  const stream = {
    returned: false,
    next: () => new Promise<IteratorResult<unknown>>(() => {}),
    return: async () => {
      stream.returned = true;
      return { done: true as const, value: undefined };
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

function schemaWith(subscribeTicks: (args: { fail?: string }) => unknown) {
  const schema = buildSchema(`
    type Query { ok: Boolean }
    type Subscription { ticks(fail: String): Int }
  `);
  schema.getSubscriptionType()!.getFields().ticks!.subscribe = (_source, args) => subscribeTicks(args);
  return limitSubscriptionsPerConnection(schema);
}

const TICKS = parse('subscription { ticks }');

async function start(
  schema: ReturnType<typeof schemaWith>,
  context: SubscriptionSlotsContext,
  query = TICKS,
) {
  return (await subscribe({ schema, document: query, contextValue: context })) as
    AsyncGenerator<ExecutionResult> | ExecutionResult;
}

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

describe('limitSubscriptionsPerConnection', () => {
  it('refuses the subscription above the limit with TOO_MANY_SUBSCRIPTIONS', async () => {
    const schema = schemaWith(() => openStream());
    const context = { subscriptionSlots: new SubscriptionSlots(2) };
    await start(schema, context);
    await start(schema, context);
    const refused = (await start(schema, context)) as ExecutionResult;
    expect(refused.errors?.[0]?.message).toMatch(/already runs 2 subscriptions, the limit/);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 2 });
  });

  it('frees the place of a subscription that is returned (completed or its connection closed)', async () => {
    const streams: ReturnType<typeof openStream>[] = [];
    const schema = schemaWith(() => {
      const stream = openStream();
      streams.push(stream);
      return stream;
    });
    const context = { subscriptionSlots: new SubscriptionSlots(1) };
    const running = (await start(schema, context)) as AsyncGenerator<ExecutionResult>;
    expect(context.subscriptionSlots.active).toBe(1);
    await running.return(undefined);
    expect(streams[0]!.returned).toBe(true);
    expect(context.subscriptionSlots.active).toBe(0);
    expect(Symbol.asyncIterator in (await start(schema, context))).toBe(true);
  });

  it('frees the place of a subscription that fails, when subscribing or on its first event', async () => {
    const schema = schemaWith(({ fail }) => {
      if (fail === 'now') throw new Error('refused at once');
      if (fail === 'async') return Promise.reject(new Error('refused later'));
      if (fail === 'first') {
        // Mercurius's withFilter is an async generator: the resolver only runs on the first next().
        return (async function* () {
          yield* [];
          throw new Error('refused on the first event');
        })();
      }
      return openStream();
    });
    const context = { subscriptionSlots: new SubscriptionSlots(1) };
    for (const fail of ['now', 'async']) {
      const result = (await start(
        schema,
        context,
        parse(`subscription { ticks(fail: "${fail}") }`),
      )) as ExecutionResult;
      expect(result.errors?.[0]?.message).toMatch(/^refused/);
      expect(context.subscriptionSlots.active).toBe(0);
    }
    const failing = (await start(
      schema,
      context,
      parse('subscription { ticks(fail: "first") }'),
    )) as AsyncGenerator;
    expect(context.subscriptionSlots.active).toBe(1);
    await expect(failing.next()).rejects.toThrow('refused on the first event');
    expect(context.subscriptionSlots.active).toBe(0);
  });

  it('frees the place of a stream that ends by itself', async () => {
    const schema = schemaWith(() => (async function* () {})());
    const context = { subscriptionSlots: new SubscriptionSlots(1) };
    const ending = (await start(schema, context)) as AsyncGenerator;
    expect((await ending.next()).done).toBe(true);
    expect(context.subscriptionSlots.active).toBe(0);
  });

  it('counts nothing without slots in the context (not a graphql-ws connection)', async () => {
    const schema = schemaWith(() => openStream());
    for (let i = 0; i < 30; i++) expect(Symbol.asyncIterator in (await start(schema, {}))).toBe(true);
  });
});
