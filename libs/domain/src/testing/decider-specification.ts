import type { Decider, DecisionContext, RecordFact } from '../shared/decider.js';
import { fold } from '../shared/decider.js';
import { DomainError, type DomainErrorCode } from '../shared/errors.js';

/*
 * Given / when / then for deciders (after emmett's DeciderSpecification):
 *   spec.given([...past events]).when(command).then([...new events])
 *   spec.given([...]).when(command, { records }).thenThrows('UNKNOWN_RECORD', 'evidenceId')
 * Uses Jest's global `expect`; only spec files import it.
 */

/** The day every spec runs on unless it says otherwise. */
export const SPEC_TODAY = '2025-06-30';

export interface WhenContext {
  readonly today?: string;
  readonly records?: ReadonlyMap<string, RecordFact> | Readonly<Record<string, RecordFact>>;
}

function contextOf(when: WhenContext | undefined): DecisionContext {
  const records = when?.records ?? new Map();
  return {
    today: when?.today ?? SPEC_TODAY,
    records: records instanceof Map ? records : new Map(Object.entries(records)),
  };
}

export interface Then<Event, State> {
  /** The command produces exactly these events. Returns the state after them. */
  then(expected: readonly Event[]): State;
  /** The command produces events matching these (partial) shapes, in order. */
  thenMatches(expected: readonly unknown[]): State;
  /** The command is refused with a DomainError of this code (and field, when given). */
  thenThrows(code: DomainErrorCode, field?: string): DomainError;
}

export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(past: readonly Event[]) {
      return {
        when(command: Command, context?: WhenContext): Then<Event, State> {
          const state = fold(decider as Decider<unknown, Event, State>, past);
          const run = () => decider.decide(command, state, contextOf(context));
          const after = (events: readonly Event[]) => events.reduce(decider.evolve, state);
          return {
            then(expected) {
              const events = run();
              expect(events).toEqual(expected);
              return after(events);
            },
            thenMatches(expected) {
              const events = run();
              expect(events).toHaveLength(expected.length);
              expect(events).toMatchObject(expected);
              return after(events);
            },
            thenThrows(code, field) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              const error = thrown as DomainError;
              expect({ code: error.code, ...(field === undefined ? {} : { field: error.field }) }).toEqual({
                code,
                ...(field === undefined ? {} : { field }),
              });
              return error;
            },
          };
        },
      };
    },
  };
}
