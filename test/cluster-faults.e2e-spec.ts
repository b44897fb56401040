/*
 * An API server on KurrentDB when a cluster node is in trouble, seen from outside: a real server process on
 * the protocol double, which answers as KurrentDB does when a node is starting or electing a leader (not
 * ready), shedding load (too busy), following (not the leader), or when a commit times out. Each mutation
 * is answered with a stable code and nothing half-written: UNAVAILABLE when the store refused it (nothing
 * was written), OUTCOME_UNKNOWN when it did not confirm it (resending with the same idempotency key then
 * records it exactly once, whether or not the first attempt landed).
 */
import type {
  DoubleFault,
  KurrentDbProtocolDouble,
} from '@tracker/event-store/testing/kurrentdb-double/index.js';
import type { RunningServer } from './support/api-server.js';
import { historyLength, startKurrentDbDouble, startServerOn, waitForReadModel } from './support/kurrentdb.js';
import { meetingInput, statementInput } from './support/mutation-inputs.js';
import { expectRefusedUnavailable, mutate, tryMutate } from './support/mutations.js';

describe('an API server on a KurrentDB node in trouble (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let server: RunningServer;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    server = await startServerOn(double);
    // One write first: the token is then known to the instance, as in production.
    await mutate(server, 'recordMeeting', meetingInput());
    await waitForReadModel(server);
  });

  afterEach(() => double.injectFault(undefined));

  afterAll(async () => {
    await server?.stop();
    await double?.stop();
  });

  it.each<[string, DoubleFault]>([
    ['not ready', { kind: 'not-ready' }],
    ['too busy', { kind: 'too-busy', appendsOnly: true }],
    ['not the leader', { kind: 'not-leader', appendsOnly: true }],
  ])('a node %s: the mutation is answered UNAVAILABLE and nothing is written', async (_name, fault) => {
    const before = double.eventCount;
    double.injectFault(fault);
    expectRefusedUnavailable(await tryMutate(server, 'recordStatement', statementInput()));
    expect(double.eventCount).toBe(before);

    double.injectFault(undefined);
    expect((await mutate(server, 'recordStatement', statementInput())).eventCount).toBe(1);
    expect(double.eventCount).toBe(before + 1);
  });

  it.each<[string, RegExp, boolean]>([
    ["the record's events, which landed all the same", /^record-/, true],
    ["the record's events, which did not land", /^record-/, false],
    ["the idempotency key's binding, which landed all the same", /^idempotency-/, true],
    ["the idempotency key's binding, which did not land", /^idempotency-/, false],
  ])(
    'a commit of %s: OUTCOME_UNKNOWN, then the same key records the statement exactly once',
    async (_name, streams, landsAnyway) => {
      const key = `timeout-${streams.source}-${landsAnyway}`;
      const before = double.eventCount;
      double.injectFault({ kind: 'commit-timeout', landsAnyway, streams });
      const response = await tryMutate(server, 'recordStatement', statementInput(), { idempotencyKey: key });
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('it may have been recorded, whole, or not at all'),
          extensions: { code: 'OUTCOME_UNKNOWN' },
        }),
      ]);
      // The binding comes first: written already when the record's commit is the one that times out.
      const bindingWritten = streams.source === '^record-' ? 1 : 0;
      expect(double.eventCount).toBe(before + bindingWritten + (landsAnyway ? 1 : 0));

      double.injectFault(undefined);
      const retried = await mutate(server, 'recordStatement', statementInput(), { idempotencyKey: key });
      // Landed record events make the retry a replay; in every case the store ends with one binding and
      // one creation: recorded once.
      expect(retried.replayed).toBe(landsAnyway && streams.source === '^record-');
      expect(double.eventCount).toBe(before + 2);
      expect(await historyLength(server, retried.recordId)).toBe(1);
    },
  );
});
