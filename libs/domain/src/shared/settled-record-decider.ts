import type { DomainCommand } from './decider.js';
import type { RecordKind } from './record.js';
import {
  recordDecider,
  type CreateCommand,
  type KindDecider,
  type LiveRecord,
  type RecordKindSpec,
} from './record-decider.js';

/** The live state of a kind with no lifecycle: its fields, in the one status it has while live. */
export interface SettledRecord<F, S extends string> extends LiveRecord<F> {
  readonly status: S;
}

/**
 * The decider of a kind with no lifecycle of its own (MEETING, SHUTDOWN, FIGURE, STATEMENT): created in
 * one status, then only corrected, retracted and reinstated, as every kind is.
 */
export function settledRecordDecider<
  K extends RecordKind,
  F extends object,
  S extends string,
  CT extends string,
  ET extends string,
  CC extends DomainCommand<CT> = CreateCommand<CT, F>,
>(
  spec: Pick<
    RecordKindSpec<K, F, SettledRecord<F, S>, CT, ET, never, never>,
    'kind' | 'createCommand' | 'createdEvent' | 'correctable' | 'parseFields'
  > & { readonly status: S },
): KindDecider<K, F, SettledRecord<F, S>, CT, ET, never, never, CC> {
  return recordDecider<K, F, SettledRecord<F, S>, CT, ET, never, never, CC>({
    kind: spec.kind,
    createCommand: spec.createCommand,
    createdEvent: spec.createdEvent,
    correctable: spec.correctable,
    parseFields: spec.parseFields,
    commands: [],
    born: (recordId, fields) => ({ status: spec.status, recordId, fields }),
    decide: (command: never) => command,
    evolve: (live) => live,
  });
}
