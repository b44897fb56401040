import type { RecordCommandInput } from '@tracker/tracking';

/** A domain command as the executor takes it: a creation's `recordId` is generated (or derived). */
export type { RecordCommandInput };

/**
 * The domain command of type `type` made of an input's fields: exactly what the client gave (absent
 * optional fields left out, `null` kept), nested inputs as their domain values. `defaults` fill the fields
 * given as absent or null (an empty list where the domain wants one).
 */
export function commandOf(
  type: string,
  input: object,
  defaults: Record<string, unknown> = {},
): RecordCommandInput {
  const fields = domainValues(input);
  for (const [field, value] of Object.entries(defaults)) fields[field] ??= value;
  return { type, ...fields } as RecordCommandInput;
}

/**
 * An input's given fields as domain values: each nested input through its `toDomain()`. `T` is the domain
 * type the input's class-validator rules guarantee.
 */
export function domainValues<T extends object = Record<string, unknown>>(input: object): T {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value !== undefined) values[field] = domainValue(value);
  }
  return values as T;
}

function domainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(domainValue);
  if (value !== null && typeof value === 'object' && 'toDomain' in value) {
    return (value as { toDomain(): unknown }).toDomain();
  }
  return value;
}
