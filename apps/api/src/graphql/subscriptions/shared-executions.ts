import { Logger } from '@nestjs/common';
import type { ExecutionResult } from 'graphql';
import { BoundedStream } from './bounded-stream.js';

const logger = new Logger('Subscriptions');

/** One subscriber's results: every subscriber of a group gets the same result objects, each in its own queue. */
export type SubscriberStream = BoundedStream<ExecutionResult>;

/** A selection's source: each change already executed, or the errors that kept it from starting. */
export type SourceStream = AsyncIterator<ExecutionResult> | ExecutionResult;

interface Group {
  readonly members: Set<SubscriberStream>;
  /** Resolves once graphql-js's `subscribe` answered for the first subscriber. */
  readonly started: Promise<SourceStream>;
  /** Set once the source runs: `return()` stops it (the resolver's listener leaves the dispatcher). */
  source?: AsyncIterator<ExecutionResult>;
}

/**
 * Runs each distinct subscription once, whoever asks for it: subscribers of the same document, operation
 * and variables share one execution of every change, and each receives the same result object. Ten
 * thousand dashboards following one country cost one execution per change, not ten thousand.
 *
 * A group starts with its first subscriber (`start` runs graphql-js's `subscribe`, which calls the
 * subscription's resolver) and stops when its last one leaves.
 */
export class SharedExecutions {
  private readonly groups = new Map<string, Group>();

  /**
   * Joins the group of `key`, starting it if none runs. Resolves with the subscriber's stream, or with
   * the errors that kept the subscription from starting (a bad argument, say): nothing is then held.
   * `transform` maps each result once for the whole group (errors into client shape); `onLeave` runs
   * when this subscriber's stream ends, however it ends.
   */
  async join(
    key: string,
    start: () => Promise<SourceStream>,
    transform: (result: ExecutionResult) => ExecutionResult,
    onLeave: () => void = () => {},
  ): Promise<SubscriberStream | ExecutionResult> {
    const group = this.groups.get(key) ?? this.begin(key, start, transform);
    const member = this.add(key, group, onLeave);
    let source: SourceStream;
    try {
      source = await group.started;
    } catch (error) {
      member.end();
      throw error;
    }
    if (!isIterator(source)) {
      member.end();
      return source;
    }
    return member;
  }

  /** Groups running now, and their subscribers (the spec counts them). */
  sizes(): number[] {
    return [...this.groups.values()].map((group) => group.members.size);
  }

  private begin(
    key: string,
    start: () => Promise<SourceStream>,
    transform: (result: ExecutionResult) => ExecutionResult,
  ): Group {
    const group: Group = { members: new Set(), started: start() };
    this.groups.set(key, group);
    group.started.then(
      (source) => {
        if (!isIterator(source)) return this.forget(key, group);
        group.source = source;
        // Everyone left while it started: stop it at once.
        if (group.members.size === 0) void source.return?.();
        else void this.pump(key, group, source, transform);
      },
      () => this.forget(key, group),
    );
    return group;
  }

  private add(key: string, group: Group, onLeave: () => void): SubscriberStream {
    const stream = new BoundedStream<ExecutionResult>((ended) => {
      onLeave();
      group.members.delete(ended);
      if (group.members.size > 0) return;
      this.forget(key, group);
      void group.source?.return?.();
    });
    group.members.add(stream);
    return stream;
  }

  /** Later subscribers of `key` start a group of their own. */
  private forget(key: string, group: Group): void {
    if (this.groups.get(key) === group) this.groups.delete(key);
  }

  private async pump(
    key: string,
    group: Group,
    source: AsyncIterator<ExecutionResult>,
    transform: (result: ExecutionResult) => ExecutionResult,
  ): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await source.next();
        if (done === true) break;
        const shared = transform(value);
        for (const member of group.members) member.push(shared);
      }
    } catch (error) {
      logger.error({ msg: 'A shared subscription failed', error: (error as Error).message });
    } finally {
      this.forget(key, group);
      for (const member of [...group.members]) member.end();
    }
  }
}

function isIterator(source: SourceStream): source is AsyncIterator<ExecutionResult> {
  return typeof (source as Partial<AsyncIterator<unknown>>).next === 'function';
}
