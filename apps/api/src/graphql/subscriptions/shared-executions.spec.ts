import { GraphQLError, type ExecutionResult } from 'graphql';
import { MAX_QUEUED } from './bounded-stream.js';
import { SharedExecutions, type SubscriberStream } from './shared-executions.js';

/** A source of executed changes the test feeds by hand, and whether it was stopped. */
function source() {
  const waiting: ((result: IteratorResult<ExecutionResult>) => void)[] = [];
  const queued: ExecutionResult[] = [];
  const stream = {
    returned: false,
    emit(result: ExecutionResult) {
      const next = waiting.shift();
      if (next) next({ value: result, done: false });
      else queued.push(result);
    },
    next: () => {
      const value = queued.shift();
      if (value !== undefined) return Promise.resolve({ value, done: false as const });
      return new Promise<IteratorResult<ExecutionResult>>((resolve) => waiting.push(resolve));
    },
    return: () => {
      stream.returned = true;
      for (const next of waiting.splice(0)) next({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true as const });
    },
  };
  return stream;
}

const same = (result: ExecutionResult) => result;
const change = (n: number): ExecutionResult => ({ data: { n } });
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function joined(
  shared: SharedExecutions,
  key: string,
  start: () => Promise<ReturnType<typeof source> | ExecutionResult>,
  onLeave?: () => void,
): Promise<SubscriberStream> {
  const member = await shared.join(key, start, same, onLeave);
  if (!('next' in member)) throw new Error('not started');
  return member;
}

describe('SharedExecutions', () => {
  it('given two subscribers of one selection, when a change comes, then it was executed once and both get the same result', async () => {
    const shared = new SharedExecutions();
    const feed = source();
    let starts = 0;
    const start = () => {
      starts++;
      return Promise.resolve(feed);
    };
    const first = await joined(shared, 'KH', start);
    const second = await joined(shared, 'KH', start);
    const other = await joined(shared, 'LA', () => Promise.resolve(source()));
    expect(starts).toBe(1);
    expect(shared.sizes()).toEqual([2, 1]);

    const result = change(1);
    feed.emit(result);
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toBe(result);
    expect(b.value).toBe(result);
    await first.return();
    await second.return();
    await other.return();
  });

  it('given a transform, when a change comes, then it runs once for the whole group', async () => {
    const shared = new SharedExecutions();
    const feed = source();
    let transforms = 0;
    const transform = (result: ExecutionResult) => {
      transforms++;
      return { ...result, extensions: { shaped: true } };
    };
    const members = await Promise.all(
      [1, 2, 3].map(() => shared.join('KH', () => Promise.resolve(feed), transform)),
    );
    feed.emit(change(1));
    for (const member of members) {
      expect(await (member as SubscriberStream).next()).toEqual({
        value: { data: { n: 1 }, extensions: { shaped: true } },
        done: false,
      });
    }
    expect(transforms).toBe(1);
  });

  it('given a group, when its last subscriber leaves, then its source is stopped and a newcomer starts another', async () => {
    const shared = new SharedExecutions();
    const feed = source();
    const left: string[] = [];
    const first = await joined(
      shared,
      'KH',
      () => Promise.resolve(feed),
      () => left.push('first'),
    );
    const second = await joined(
      shared,
      'KH',
      () => Promise.resolve(feed),
      () => left.push('second'),
    );
    await first.return();
    expect(feed.returned).toBe(false);
    await second.return();
    expect(feed.returned).toBe(true);
    expect(left).toEqual(['first', 'second']);
    expect(shared.sizes()).toEqual([]);

    const fresh = source();
    const third = await joined(shared, 'KH', () => Promise.resolve(fresh));
    fresh.emit(change(2));
    expect((await third.next()).value).toEqual(change(2));
    await third.return();
  });

  it('given a selection that cannot start, when two ask for it at once, then both get its errors and nothing is held', async () => {
    const shared = new SharedExecutions();
    const refused: ExecutionResult = { errors: [new GraphQLError('bad country')] };
    let release: () => void = () => {};
    const start = () => new Promise<ExecutionResult>((resolve) => (release = () => resolve(refused)));
    const left: number[] = [];
    const answers = Promise.all([
      shared.join('XX', start, same, () => left.push(1)),
      shared.join('XX', start, same, () => left.push(2)),
    ]);
    release();
    expect(await answers).toEqual([refused, refused]);
    expect(left.sort()).toEqual([1, 2]);
    expect(shared.sizes()).toEqual([]);
  });

  it('given a subscriber that does not read, when it falls too far behind, then it alone is ended', async () => {
    const shared = new SharedExecutions();
    const feed = source();
    const slow = await joined(shared, 'KH', () => Promise.resolve(feed));
    const reader = await joined(shared, 'KH', () => Promise.resolve(feed));
    for (let n = 0; n <= MAX_QUEUED; n++) {
      feed.emit(change(n));
      await settle();
      expect((await reader.next()).value).toEqual(change(n));
    }
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(shared.sizes()).toEqual([1]);
    expect(feed.returned).toBe(false);
    await reader.return();
  });

  it('given a source that ends, then every subscriber of it is ended', async () => {
    const shared = new SharedExecutions();
    const feed = source();
    const member = await joined(shared, 'KH', () => Promise.resolve(feed));
    await feed.return();
    expect(await member.next()).toEqual({ value: undefined, done: true });
    expect(shared.sizes()).toEqual([]);
  });
});
