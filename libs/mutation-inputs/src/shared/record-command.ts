import type { RecordCommandInput } from '@tracker/tracking';

/** A domain command as the executor takes it: a creation's `recordId` is generated (or derived). */
export type { RecordCommandInput };

/** Every mutation input: it knows which domain command it stands for. */
export interface CommandInput {
  toCommand(): RecordCommandInput;
}

/** Drops absent optional values, so commands carry exactly what the client gave. */
export function present<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
