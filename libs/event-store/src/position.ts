/**
 * A place in the store's global order ($all). Opaque to callers, but every adapter encodes it so that
 * plain string comparison gives the store order: checkpoints can be stored as TEXT and compared
 * anywhere, and no bigint ever reaches JSON.
 */
export type Position = string & { readonly __position: unique symbol };

/** Negative when `a` comes before `b`, 0 when equal, positive when after. */
export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Widths fixed so lexicographic order is numeric order; adapters build positions through these. */
const DECIMAL_WIDTH = 20; // 2^64 has 20 decimal digits

export function positionFromBigInts(...parts: bigint[]): Position {
  return parts.map((part) => part.toString().padStart(DECIMAL_WIDTH, '0')).join('/') as Position;
}

export function bigIntsFromPosition(position: Position): bigint[] {
  if (!/^\d{20}(\/\d{20})*$/.test(position)) throw new TypeError(`Not a position: ${position}`);
  return position.split('/').map((part) => BigInt(part));
}
