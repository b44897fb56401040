import { canonicalJson } from '@tracker/integrity/verification';
import { InvalidAppendError } from '../errors.js';

/**
 * Serialises event data or metadata to JSON text, refusing anything that JSON.stringify would crash on
 * (bigint, cycles) or silently change (functions, symbols, undefined in arrays or at the top, NaN and
 * Infinity, Dates, Maps and other class instances). What an adapter stores must read back equal to what
 * was appended; the one tolerated loss is an object field whose value is `undefined`, which JSON leaves
 * out and which reads back as the same absent optional field.
 *
 * The text is RFC 8785 canonical JSON (keys sorted, numbers and strings in one form): still plain JSON
 * to every reader, and already the bytes the transparency log hashes, so an append hashes it as it is.
 *
 * @param what names the value in the error message, e.g. `events[2].data`.
 * @throws InvalidAppendError naming the first offending path.
 */
export function toJsonText(value: unknown, what: string): string {
  try {
    assertJsonValue(value, what, new Set());
  } catch (error) {
    // A structure deep enough to overflow the stack would overflow JSON.parse on read too.
    if (error instanceof RangeError) throw new InvalidAppendError(`${what} is nested too deeply to store`);
    throw error;
  }
  return canonicalJson(value);
}

function assertJsonValue(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw notJson(path, `is ${value}, which JSON has no form for`);
      return;
    case 'object':
      if (value === null) return;
      break;
    default:
      // undefined, bigint, function, symbol: JSON drops them, nulls them or throws.
      throw notJson(
        path,
        `${value === undefined ? 'is undefined' : `is a ${typeof value}`}, which JSON cannot hold`,
      );
  }
  if (ancestors.has(value)) throw notJson(path, 'refers back to one of its own parents (a cycle)');
  ancestors.add(value);
  if (Array.isArray(value)) {
    // An index loop, not forEach, so holes are seen (and refused as undefined).
    for (let index = 0; index < value.length; index++) {
      assertJsonValue(value[index], `${path}[${index}]`, ancestors);
    }
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'class';
      throw notJson(path, `is a ${kind}, not plain data (it would not read back the same)`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      assertJsonValue(child, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}

function notJson(path: string, reason: string): InvalidAppendError {
  return new InvalidAppendError(`${path} ${reason}`);
}
