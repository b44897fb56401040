import { Injectable } from '@nestjs/common';
import { BoundedStream } from './bounded-stream.js';

/** A subscription's filter, parsed once when it starts: no countries (or kinds) follows every one. */
export interface ChangeFilter {
  readonly countries?: ReadonlySet<string>;
  readonly kinds?: ReadonlySet<string>;
  /** Changes of records that name one of these actors (their surviving ids), or of the actors themselves. */
  readonly actors?: ReadonlySet<string>;
}

interface Listener {
  readonly stream: BoundedStream<unknown>;
  readonly kinds?: ReadonlySet<string>;
  readonly actors?: ReadonlySet<string>;
}

interface Topic {
  /** Listeners with no country filter. */
  readonly everywhere: Set<Listener>;
  readonly byCountry: Map<string, Set<Listener>>;
}

/**
 * Routes each change to the subscriptions that follow it, and only those: listeners are filed by the
 * countries they follow, so a change about Cambodia wakes Cambodia's subscribers and costs nothing to
 * those of Laos, however many there are. Filters are parsed once, when a subscription starts.
 */
@Injectable()
export class ChangeDispatcher {
  private readonly topics = new Map<string, Topic>();

  listen<T>(topic: string, filter: ChangeFilter): BoundedStream<T> {
    const registry = this.topicOf(topic);
    const stream = new BoundedStream<T>(() => {
      if (filter.countries === undefined) registry.everywhere.delete(listener);
      else for (const code of filter.countries) registry.byCountry.get(code)?.delete(listener);
    });
    const listener: Listener = {
      stream: stream as BoundedStream<unknown>,
      kinds: filter.kinds,
      actors: filter.actors,
    };
    if (filter.countries === undefined) registry.everywhere.add(listener);
    else {
      for (const code of filter.countries) {
        let listeners = registry.byCountry.get(code);
        if (listeners === undefined) registry.byCountry.set(code, (listeners = new Set()));
        listeners.add(listener);
      }
    }
    return stream;
  }

  /**
   * Hands `payload` to every subscription of `topic` that follows one of `countries`, `kind`, and (when
   * it follows actors) one of `actors`.
   */
  dispatch(
    topic: string,
    countries: readonly string[],
    kind: string | undefined,
    payload: unknown,
    actors: readonly string[] = [],
  ): void {
    const registry = this.topics.get(topic);
    if (registry === undefined) return;
    const reached = new Set<Listener>(registry.everywhere);
    for (const code of countries)
      for (const listener of registry.byCountry.get(code) ?? []) reached.add(listener);
    for (const listener of reached) {
      const kindMatches = listener.kinds === undefined || (kind !== undefined && listener.kinds.has(kind));
      const actorMatches = listener.actors === undefined || actors.some((id) => listener.actors!.has(id));
      if (kindMatches && actorMatches) listener.stream.push(payload);
    }
  }

  /** Subscriptions listening now on `topic` (its spec counts them). */
  listeners(topic: string): number {
    const registry = this.topics.get(topic);
    if (registry === undefined) return 0;
    const all = new Set<Listener>(registry.everywhere);
    for (const listeners of registry.byCountry.values()) for (const listener of listeners) all.add(listener);
    return all.size;
  }

  private topicOf(topic: string): Topic {
    let registry = this.topics.get(topic);
    if (registry === undefined)
      this.topics.set(topic, (registry = { everywhere: new Set(), byCountry: new Map() }));
    return registry;
  }
}
