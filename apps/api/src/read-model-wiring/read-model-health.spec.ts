import { describe, expect, it } from '@jest/globals';
import type { Position, StoreHealth } from '@tracker/event-store';
import type { ProjectionRunner, RunnerStatus } from '@tracker/read-models';
import { readModelHealth } from './read-model-health.js';

const now = new Date('2026-11-30T12:00:00.000Z');
const runner = (position: string | undefined, secondsSinceProgress: number) =>
  ({
    status: (): RunnerStatus => ({
      position: position as Position | undefined,
      running: true,
      failing: false,
      lastProgressAt: new Date(now.getTime() - secondsSinceProgress * 1000),
    }),
  }) as unknown as ProjectionRunner;
/** The store's own health answer: up with its head (null while empty), or down. */
const store = (head: string | null | Error): StoreHealth =>
  head instanceof Error
    ? { status: 'down', store: 'sqlite', reason: head.message }
    : { status: 'up', store: 'sqlite', details: { headPosition: head } };

describe('readModelHealth', () => {
  it('measures how long the read model has been behind the head without moving on', () => {
    expect(readModelHealth(runner('0005', 40), store('0009'), now)).toMatchObject({
      position: '0005',
      headPosition: '0009',
      caughtUp: false,
      stalledForMs: 40_000,
    });
  });

  it('says nothing is stalled once it holds the head, however long ago it last moved', () => {
    expect(readModelHealth(runner('0009', 600), store('0009'), now)).toMatchObject({
      caughtUp: true,
      headPosition: '0009',
      stalledForMs: 0,
    });
    expect(readModelHealth(runner(undefined, 600), store(null), now)).toMatchObject({
      caughtUp: true,
      headPosition: null,
      stalledForMs: 0,
    });
  });

  it('cannot tell while the store is down, or when its health does not say where its head is', () => {
    expect(readModelHealth(runner('0005', 600), store(new Error('down')), now)).toMatchObject({
      caughtUp: null,
      headPosition: null,
      stalledForMs: 0,
    });
    const silent: StoreHealth = { status: 'up', store: 'other' };
    expect(readModelHealth(runner('0005', 600), silent, now)).toMatchObject({
      caughtUp: null,
      stalledForMs: 0,
    });
  });
});
